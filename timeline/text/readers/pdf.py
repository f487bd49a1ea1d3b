"""A PDF's text layer -> physical lines in reading order, for `undo_layout` as plain text.

pypdfium2 (Google's PDFium) reads the text and where every character stands. PDFium gives
characters in content-stream order, which on a two-column page may run across both columns
line by line; so lines are rebuilt from the characters' boxes and put in reading order here:
a column gutter is a vertical strip no text line crosses with text on both sides of it on many
rows; each band of the page between lines that span the columns is read column by column. A
line set in from its column's left edge gets two full-width spaces, as the text layer of a
typeset paragraph's first line would have, so `undo_layout` sees where paragraphs start.
docs/readers.md has the comparison that chose PDFium.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from timeline.text.read import UnreadableDocument, check_text_size

# A PDF ends with %%EOF (maybe followed by a little white space or junk); a download cut short
# does not, and PDFium would quietly read what is left.
EOF_MARK = b"%%EOF"
EOF_WINDOW = 1024

# Geometry, in units of the page's median character height.
WORD_GAP = 1.5          # a wider gap between two characters of a line splits it into segments
ROW_OVERLAP = 0.5       # segments whose vertical extents overlap this much are on one row
GUTTER_MIN = 0.8        # the narrowest gap between columns
INDENT_MIN = 1.5        # a line starting this far right of its column's left edge is indented
# A gutter has text beside it on both sides on this many rows, and this share of the rows.
GUTTER_ROWS = 3
GUTTER_ROW_SHARE = 0.25
INDENT = "\u3000\u3000"
LINE_BREAKS = frozenset("\r\n")


@dataclass
class Segment:
    """Characters of one line of text with no wide gap between them."""

    left: float
    bottom: float
    right: float
    top: float
    chars: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.chars)

    @property
    def height(self) -> float:
        return self.top - self.bottom


def read_pdf(data: bytes, *, name: str) -> str:
    if EOF_MARK not in data[-EOF_WINDOW:]:
        raise UnreadableDocument(name, "a truncated PDF (it does not end with %%EOF): the file is "
                                 "incomplete; download or copy it again")
    pdf = _open(data, name)
    try:
        pages: list[str] = []
        size = 0
        for index in range(len(pdf)):
            try:
                page = pdf[index]
            except pdfium.PdfiumError:
                raise UnreadableDocument(name, f"a damaged PDF (page {index + 1} cannot be read)") from None
            try:
                text = "\n".join(page_lines(page))
            except pdfium.PdfiumError:
                raise UnreadableDocument(name, f"a damaged PDF (no text from page {index + 1})") from None
            finally:
                page.close()
            size += len(text.encode("utf-8")) + 1
            check_text_size(size, name=name)
            pages.append(text)
        if not any(text.strip() for text in pages):
            raise UnreadableDocument(name, _no_text_reason(pdf))
        return "\n".join(pages)
    finally:
        pdf.close()


def _open(data: bytes, name: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise UnreadableDocument(name, "an encrypted PDF that needs a password to open: "
                                     "save a copy without the password") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise UnreadableDocument(name, "a PDF with an unsupported security handler") from None
        raise UnreadableDocument(name, "a damaged PDF (PDFium cannot open it)") from None


def _no_text_reason(pdf: pdfium.PdfDocument) -> str:
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            if any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2)):
                return ("a scanned PDF: its pages are images with no text layer, and OCR is not "
                        "done; give a PDF with a text layer, or the text")
        finally:
            page.close()
    return "a PDF with no text"


def page_lines(page: pdfium.PdfPage) -> list[str]:
    """The page's lines of text in reading order."""
    textpage = page.get_textpage()
    try:
        segments = _segments(textpage)
    finally:
        textpage.close()
    if not segments:
        return []
    unit = median(s.height for s in segments) or 1.0
    rows = _rows(segments, unit)
    gutters = _gutters(rows, unit)
    page_edge = min(s.left for s in segments)
    lines: list[str] = []
    for band in _bands(rows, gutters):
        for column in _columns(band, gutters):
            edge = page_edge if len(band) == 1 else min(row[0].left for row in column)
            lines.extend(_column_text(column, edge, unit))
    return lines


def _segments(textpage: pdfium.PdfTextPage) -> list[Segment]:
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:          # characters outside the BMP: no per-character boxes
        return [Segment(0, -k, 1, 1 - k, [line]) for k, line in enumerate(text.splitlines())]
    segments: list[Segment] = []
    current: Segment | None = None
    for index, char in enumerate(text):
        if char in LINE_BREAKS:
            current = None
            continue
        if char.isspace() and char != "\u3000":
            if current is not None:       # a space's box may be empty (PDFium makes some up)
                current.chars.append(char)
            continue
        left, bottom, right, top = textpage.get_charbox(index, loose=True)
        if current is not None:
            gap = left - current.right
            same_row = min(top, current.top) - max(bottom, current.bottom) > ROW_OVERLAP * current.height
            if not same_row or gap > WORD_GAP * current.height or gap < -current.height:
                current = None
        if current is None:
            current = Segment(left, bottom, right, top)
            segments.append(current)
        current.chars.append(char)
        current.left, current.right = min(current.left, left), max(current.right, right)
        current.bottom, current.top = min(current.bottom, bottom), max(current.top, top)
    return [s for s in segments if s.text.strip()]


def _rows(segments: list[Segment], unit: float) -> list[list[Segment]]:
    """Segments grouped into rows, top to bottom, each row left to right."""
    rows: list[list[Segment]] = []
    for segment in sorted(segments, key=lambda s: -s.top):
        row = rows[-1] if rows else None
        if row and min(segment.top, row[0].top) - max(segment.bottom, row[0].bottom) > ROW_OVERLAP * unit:
            row.append(segment)
        else:
            rows.append([segment])
    return [sorted(row, key=lambda s: s.left) for row in rows]


def _gutters(rows: list[list[Segment]], unit: float) -> list[float]:
    """x positions of the gutters between columns (none on a one-column page)."""
    splits: dict[int, int] = {}
    for row in rows:
        for before, after in zip(row, row[1:]):
            if after.left - before.right >= GUTTER_MIN * unit:
                middle = round((before.right + after.left) / 2 / unit)
                splits[middle] = splits.get(middle, 0) + 1
    gutters: list[float] = []
    for middle, count in sorted(splits.items(), key=lambda item: -item[1]):
        x = middle * unit
        if count < max(GUTTER_ROWS, GUTTER_ROW_SHARE * len(rows)):
            break
        beside = [s for row in rows for s in row if s.right < x or s.left > x]
        crossing = sum(1 for row in rows for s in row if s.left < x < s.right)
        if crossing < len(beside) and not any(abs(x - g) < 4 * unit for g in gutters):
            gutters.append(_clear_gap(rows, x, unit))
    return sorted(gutters)


def _clear_gap(rows: list[list[Segment]], x: float, unit: float) -> float:
    """The middle of the widest strip around `x` that the rows' segments leave clear."""
    left = max((s.right for row in rows for s in row if s.right <= x + unit / 2), default=x)
    right = min((s.left for row in rows for s in row if s.left >= x - unit / 2), default=x)
    return (left + right) / 2 if left <= right else x


def _bands(rows: list[list[Segment]], gutters: list[float]) -> list[list[list[Segment]]]:
    """Runs of rows between rows that cross a gutter (a title over both columns); rows above
    the first and below the last with text on both sides of a gutter (running heads, page
    numbers) are bands of their own."""
    if not gutters:
        return [rows]
    two_sided = [k for k, row in enumerate(rows) if any(
        any(s.right < g for s in row) and any(s.left > g for s in row) for g in gutters)]
    first, last = (two_sided[0], two_sided[-1]) if two_sided else (len(rows), -1)
    bands: list[list[list[Segment]]] = [[]]
    for k, row in enumerate(rows):
        if k < first or k > last or any(s.left < g < s.right for s in row for g in gutters):
            bands.extend([[row], []])
        else:
            bands[-1].append(row)
    return [band for band in bands if band]


def _columns(band: list[list[Segment]], gutters: list[float]) -> list[list[list[Segment]]]:
    """The band's rows cut at the gutters: the left column's rows, then the next column's."""
    if len(band) == 1:
        return [band]
    edges = [float("-inf"), *gutters, float("inf")]
    columns = []
    for low, high in zip(edges, edges[1:]):
        rows = [[s for s in row if low <= (s.left + s.right) / 2 < high] for row in band]
        columns.append([row for row in rows if row])
    return columns


def _column_text(rows: list[list[Segment]], edge: float, unit: float) -> list[str]:
    """The rows' lines, indented when set in from `edge` (their column's left edge; the
    page's for a line on its own, such as a title centred over the columns)."""
    lines = []
    for row in rows:
        text = " ".join(s.text.strip() for s in row)
        lead = row[0].text[:len(row[0].text) - len(row[0].text.lstrip())]
        indented = "\u3000" in lead or row[0].left - edge >= INDENT_MIN * unit
        lines.append(INDENT + text if indented else text)
    return lines
