"""A Word (.docx) document -> the structured normal form, with python-docx.

Paragraphs and tables in document order: a heading from its paragraph style ("Heading 2",
"标题 2", "Title") or outline level; a list paragraph as "- " or its generated number (from
the numbering definitions), its written numbering kept when it has one; a table row by row;
a manual line break starts a new line.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass

import docx
import lxml.etree
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from timeline.text.formats import DOCX_MAIN_PART
from timeline.text.normal import heading, item, row, squeeze
from timeline.text.read import MAX_DOCUMENT_BYTES, UnreadableDocument

# The XML of a document is several times its text; more than this is a zip bomb, not a book.
MAX_XML_BYTES = 8 * MAX_DOCUMENT_BYTES
HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
TITLE_STYLES = frozenset({"title", "标题"})
BULLET_STYLE = re.compile(r"bullet|项目符号", re.IGNORECASE)
NUMBER_STYLE = re.compile(r"list number|编号", re.IGNORECASE)


# What python-docx, zipfile and lxml raise on a damaged package.
DAMAGED = (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, lxml.etree.XMLSyntaxError,
           zlib.error, EOFError, OSError)


def read_docx(data: bytes, *, name: str) -> str:
    try:
        _check_expansion(data, name)
        return _read(docx.Document(io.BytesIO(data)))
    except UnreadableDocument:
        raise
    except DAMAGED as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise UnreadableDocument(name, f"a damaged Word document ({reason})") from None


def _read(document) -> str:
    numbering = _Numbering(document)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_rows(block))
        else:
            lines.extend(_paragraph_lines(block, numbering))
    return "\n".join(lines)


def _check_expansion(data: bytes, name: str) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        size = sum(info.file_size for info in archive.infolist() if info.filename.endswith(".xml"))
        if archive.getinfo(DOCX_MAIN_PART).file_size and size > MAX_XML_BYTES:
            raise UnreadableDocument(name, f"expands into {size:,} bytes of XML, more than a document "
                                     f"of {MAX_DOCUMENT_BYTES:,} bytes of text holds")


def _paragraph_lines(paragraph: Paragraph, numbering: _Numbering) -> list[str]:
    lines = [squeeze(part) for part in paragraph.text.split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        return []
    style = numbering.style(paragraph)
    level = _outline_level(paragraph._p.pPr) or style.level
    if level:
        return [heading(level, " ".join(lines))]
    marker = numbering.marker(paragraph, style)
    if marker is not None:
        lines[0] = item(lines[0], None if marker == "-" else marker)
    return lines


def _outline_level(pPr) -> int | None:
    outline = pPr.find(qn("w:outlineLvl")) if pPr is not None else None
    value = outline.get(qn("w:val"), "") if outline is not None else ""
    return int(value) + 1 if value.isdigit() and int(value) < 9 else None


@dataclass(frozen=True, slots=True)
class _Style:
    """What a paragraph style says: its heading level, whether it is a bulleted list style,
    and the list numbering it carries (from the style or the styles it is based on)."""

    level: int | None = None
    bullet: bool = False
    num_pr: object = None

    @classmethod
    def of(cls, style) -> _Style:
        level, bullet, num_pr = None, False, None
        while style is not None:
            name = (style.name or "").strip()
            match = HEADING_STYLE.match(name)
            if level is None:
                level = int(match[1]) if match else 1 if name.lower() in TITLE_STYLES else None
                level = level or _outline_level(style.element.pPr)
            bullet = bullet or bool(BULLET_STYLE.search(name))
            if num_pr is None and style.element.pPr is not None:
                num_pr = style.element.pPr.find(qn("w:numPr"))
            style = style.base_style
        return cls(level, bullet, num_pr)


class _Numbering:
    """List markers: "-" for a bulleted paragraph, the generated number for a numbered one
    (counted per list and level), None for a paragraph outside lists. Styles are looked up
    once each (python-docx's lookup scans every style)."""

    def __init__(self, document) -> None:
        self._formats: dict[tuple[str, str], str] = {}
        self._counts: dict[tuple[str, str], int] = {}
        self._styles: dict[str | None, _Style] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            definition = abstract.get(ref.get(qn("w:val"))) if ref is not None else None
            for lvl in definition.findall(qn("w:lvl")) if definition is not None else ():
                fmt = lvl.find(qn("w:numFmt"))
                self._formats[(num.get(qn("w:numId")), lvl.get(qn("w:ilvl")))] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal")

    def style(self, paragraph: Paragraph) -> _Style:
        style_id = paragraph._p.style
        if style_id not in self._styles:
            self._styles[style_id] = _Style.of(paragraph.style)
        return self._styles[style_id]

    def marker(self, paragraph: Paragraph, style: _Style) -> str | int | None:
        pPr = paragraph._p.pPr
        num_pr = pPr.find(qn("w:numPr")) if pPr is not None else None
        num_pr = style.num_pr if num_pr is None else num_pr
        if num_pr is None:
            return "-" if style.bullet else None
        num_id = num_pr.find(qn("w:numId"))
        ilvl = num_pr.find(qn("w:ilvl"))
        key = (num_id.get(qn("w:val")) if num_id is not None else "0",
               ilvl.get(qn("w:val")) if ilvl is not None else "0")
        if key[0] == "0":
            return None                                 # numbering switched off
        fmt = self._formats.get(key, "bullet" if style.bullet else "decimal")
        if fmt in ("bullet", "none"):
            return "-"
        self._counts[key] = self._counts.get(key, 0) + 1
        return self._counts[key]


def _table_rows(table: Table) -> list[str]:
    lines = []
    for table_row in table.rows:
        cells, last = [], None
        for cell in table_row.cells:
            if cell._tc is not last:                  # a merged cell comes back once per column
                last = cell._tc
                cells.append(cell.text.replace("\n", " "))
        line = row(cells)
        if line:
            lines.append(line)
    return lines
