"""File bytes -> text: the encodings yearbooks and chronicles arrive in.

UTF-8 (with or without BOM), UTF-16/32 with a BOM, GB18030 (a superset of GBK and GB2312)
and Big5; charset-normalizer picks among them when the bytes carry no BOM and are not UTF-8.
Anything else is refused with `UnreadableDocument` rather than decoded into noise.
"""
from __future__ import annotations

import codecs

import charset_normalizer

# Candidates charset-normalizer may choose from: the encodings Chinese documents come in.
CANDIDATE_ENCODINGS = ("utf_8", "gb18030", "big5", "utf_16", "utf_16_le", "utf_16_be", "utf_32")

BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters that never occur in a text document (tab, newlines and form feed do).
_CONTROL = frozenset(chr(c) for c in range(32)) - frozenset("\t\n\r\f\v") | {"\x7f"}
MAX_CONTROL_RATIO = 0.01

# One document's size limit. A province's whole yearbook is 1,000-1,500 pages, 2-5 MB of
# text; a bigger file is a shelf of documents in one file, or not text at all. Parsing holds
# about 20 times the input in memory (20 MB: some 400 MB and half a minute).
MAX_DOCUMENT_BYTES = 20_000_000


class UnreadableDocument(ValueError):
    """The bytes are not a text document this service can read (empty, binary, unknown
    encoding). The message is "<name>: <reason>"; callers that know a better name for the
    file (its path) print their own with `reason`."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name, self.reason = name, reason


class DocumentTooLarge(UnreadableDocument):
    """A document over MAX_DOCUMENT_BYTES."""


def check_size(size: int, *, name: str) -> None:
    """Raise DocumentTooLarge when `size` bytes is over the limit for one document."""
    if size > MAX_DOCUMENT_BYTES:
        raise DocumentTooLarge(name, f"too large: {size:,} bytes; the limit for one document is "
                               f"{MAX_DOCUMENT_BYTES:,} bytes ({MAX_DOCUMENT_BYTES // 1_000_000} MB): "
                               "split it into one file per yearbook or chronicle")


def check_text_size(size: int, *, name: str) -> None:
    """The limit for the text a document expands into, `size` bytes in UTF-8 (a small
    compressed PDF or .docx can hold far more text than its own size)."""
    if size > MAX_DOCUMENT_BYTES:
        raise UnreadableDocument(name, f"expands into more than {MAX_DOCUMENT_BYTES:,} bytes of text, "
                                 "the limit for one document: split it into one file per yearbook "
                                 "or chronicle")


def decode(data: bytes, *, name: str, declared: str | None = None) -> str:
    """The text of `data`, with newlines normalised to "\\n"; raises UnreadableDocument.
    `declared` is an encoding the document names for itself (an HTML page's charset): used
    when there is no BOM, the bytes are not UTF-8 and they are valid in it."""
    check_size(len(data), name=name)
    if not data.strip():
        raise UnreadableDocument(name, "empty document")
    text = _decode(data, name, declared)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if sum(map(text.count, _CONTROL)) > MAX_CONTROL_RATIO * len(text):     # a C loop per character kind
        raise UnreadableDocument(name, "looks binary (control characters)")
    if not text.strip():
        raise UnreadableDocument(name, "empty document")
    return text


def _decode(data: bytes, name: str, declared: str | None) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise UnreadableDocument(name, f"invalid {encoding} after its BOM ({error.reason})") from None
    for encoding in filter(None, ("utf-8", declared)):    # valid UTF-8 is UTF-8, whatever a page says
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(data, cp_isolation=list(CANDIDATE_ENCODINGS)).best()
    if best is None:
        if b"\x00" in data:
            raise UnreadableDocument(name, "looks binary (NUL bytes)")
        raise UnreadableDocument(name, "undecodable (not UTF-8, UTF-16, GB18030 or Big5)")
    if b"\x00" in data and not best.encoding.startswith("utf_"):
        raise UnreadableDocument(name, "looks binary (NUL bytes)")
    return str(best)
