"""Which format a document's bytes are in: magic numbers, zip contents, HTML sniffing.

The bytes decide; the file name's suffix only tells Markdown from plain text, and vouches
for a page saved without the usual start. Formats that are not read (images, old .doc,
spreadsheets, archives) are refused here with the reason.
"""
from __future__ import annotations

import io
import re
import zipfile

from timeline.text import formats as f
from timeline.text.read import UnreadableDocument

_HTML_START = re.compile(rf"^(?:\s|<!--.*?-->)*(?:{f.HTML_START})", re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(f.HTML_TAGS, re.IGNORECASE)
_HTML_CHARSET = re.compile(f.HTML_CHARSET, re.IGNORECASE)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def binary_format(data: bytes, *, name: str) -> str | None:
    """"pdf" or "docx" when the bytes are one; None for text (to be decoded and sniffed).
    Raises UnreadableDocument for a known format that is not read."""
    if f.PDF_MAGIC in data[:f.PDF_MAGIC_WINDOW]:
        return "pdf"
    if data.startswith(f.ZIP_MAGIC):
        return _zip_format(data, name=name)
    for magic, reason in f.REFUSED_MAGIC:
        if data.startswith(magic):
            raise UnreadableDocument(name, reason)
    return None


def _zip_format(data: bytes, *, name: str) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise UnreadableDocument(name, f"a damaged zip file ({error})") from None
    if f.DOCX_MAIN_PART in names:
        return "docx"
    reason = next((reason for part, reason in f.ZIP_KINDS if part in names), f.ZIP_OTHER)
    raise UnreadableDocument(name, reason)


def looks_like_html(head: bytes) -> bool:
    """Whether the first bytes of a document are an HTML page (in an ASCII-compatible
    encoding; a UTF-16 page is sniffed again once decoded, by `text_format`)."""
    view = head[:f.HTML_SNIFF_BYTES].lstrip(b"".join(_BOMS)).decode("latin-1")
    return bool(_HTML_START.match(view))


def declared_charset(head: bytes) -> str | None:
    """The trusted encoding an HTML page declares for itself, if any."""
    match = _HTML_CHARSET.search(head[:f.HTML_SNIFF_BYTES])
    if not match:
        return None
    return f.DECLARED_CHARSETS.get((match[1] or match[2]).decode("ascii").lower())


def text_format(text: str, *, suffix: str) -> str:
    """"html", "markdown" or "text" for a decoded document."""
    head = text[:f.HTML_SNIFF_BYTES]
    if _HTML_START.match(head):
        return "html"
    if suffix in f.SUFFIXES["html"] and _HTML_TAGS.search(head):
        return "html"
    if suffix in f.SUFFIXES["markdown"]:
        return "markdown"
    return "text"
