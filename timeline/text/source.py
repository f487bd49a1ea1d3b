"""Bytes -> the document's text, whatever its format: `read_source`.

The format comes from the bytes (`timeline.text.sniff`); each reader gives plain text (text,
PDF: physical lines, to go through `undo_layout`) or the structured normal form (Markdown,
HTML, Word: one paragraph per line, see `timeline.text.normal`). The size limit holds for the
file and for the text it expands into.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from timeline.text import formats, sniff
from timeline.text.read import UnreadableDocument, check_size, check_text_size, decode


@dataclass(frozen=True, slots=True)
class SourceText:
    text: str          # "\n" newlines
    format: str        # "text" | "markdown" | "html" | "pdf" | "docx"
    structured: bool   # True: every non-empty line is a whole paragraph (md, html, docx)


def read_source(data: bytes, *, name: str, suffix: str | None = None) -> SourceText:
    """The text of a document. `name` names it in messages; `suffix` (default: the suffix of
    `name`) only tells Markdown from plain text. Raises UnreadableDocument (the reason says
    what the file is and why it is not read)."""
    check_size(len(data), name=name)
    suffix = (PurePath(name).suffix if suffix is None else suffix).lower()
    fmt = sniff.binary_format(data, name=name)
    if fmt == "pdf":
        from timeline.text.readers.pdf import read_pdf    # pdfium loads only when needed

        text = read_pdf(data, name=name)
    elif fmt == "docx":
        from timeline.text.readers.docx import read_docx

        text = read_docx(data, name=name)
    else:
        declared = sniff.declared_charset(data) if sniff.looks_like_html(data) else None
        decoded = decode(data, name=name, declared=declared)
        fmt = sniff.text_format(decoded, suffix=suffix)
        text = _read_text(fmt, decoded, name=name)
    check_text_size(len(text.encode("utf-8")), name=name)
    if not text.strip():
        raise UnreadableDocument(name, f"no text in this {fmt} document")
    return SourceText(text=text, format=fmt, structured=fmt in formats.STRUCTURED)


def _read_text(fmt: str, text: str, *, name: str) -> str:
    if fmt == "html":
        from timeline.text.readers.html import read_html

        return read_html(text, name=name)
    if fmt == "markdown":
        from timeline.text.readers.markdown import read_markdown

        return read_markdown(text)
    return text
