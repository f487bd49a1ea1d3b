"""Undo page layout: lift out web-page furniture, and from PDF/OCR text captions, page
furniture and the author signature.

What remains is the document's own text as physical lines (`TextLine`), each knowing its
original line number and offset and whether it ends a paragraph; `timeline.text.clean`
joins them. Captions are kept (`Caption`) with the place in the text where they stood.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

from timeline.text import patterns as p
from timeline.text.clean import LineIndex, join_lines
from timeline.text.furniture import furniture_prefix


@dataclass(frozen=True, slots=True)
class TextLine:
    number: int             # 1-based line number in the original
    offset: int             # offset of text[0] in the original
    text: str               # the line without surrounding spaces
    ends_paragraph: bool = False


@dataclass(frozen=True, slots=True)
class Caption:
    """A figure caption lifted out of the text."""

    text: str               # cleaned, credit kept, figure number dropped
    figure: str | None      # "图123"
    line: int               # where it starts in the original
    offset: int
    before: int             # index in Layout.lines of the text line that follows it


@dataclass(frozen=True, slots=True)
class Removed:
    """A line of page furniture taken out of the text (kept for inspection and tests)."""

    line: int
    kind: str               # "web" | "page" | "figure" | "signature"
    text: str


@dataclass(frozen=True, slots=True)
class Layout:
    text: str                           # the whole original (decoded) document
    lines: tuple[TextLine, ...]         # the document's own text, in order
    captions: tuple[Caption, ...]
    removed: tuple[Removed, ...]
    index: LineIndex

    @property
    def signature(self) -> str | None:
        return next((r.text for r in self.removed if r.kind == "signature"), None)


def undo_layout(text: str, *, structured: bool = False) -> Layout:
    """The document's own text of `text`. `structured` text (the normal form of Markdown,
    HTML and Word documents) has one paragraph per line and no pages: only web furniture is
    lifted out, and every line ends its paragraph."""
    raw, removed = _without_web_furniture(line for line in _physical_lines(text) if line.text)
    if structured:
        lines = tuple(TextLine(line.number, line.offset, line.text, True) for line in map(_stripped, raw))
        return Layout(text=text, lines=lines, captions=(), removed=tuple(removed), index=LineIndex(text))
    furniture = _page_furniture(raw)
    body = [line for line in raw if line.number not in furniture]
    removed += [Removed(line.number, "page", line.text) for line in raw if line.number in furniture]
    lines: list[TextLine] = []
    captions: list[Caption] = []
    indented: list[bool] = []      # a text line set in by full-width spaces opens a paragraph
    i = 0
    while i < len(body):
        size = _caption_size(body, i)
        if size:
            captions.append(_caption(body[i:i + size], before=len(lines)))
            i += size
            continue
        line = body[i]
        if p.FIGURE_LINE.match(line.text):
            removed.append(Removed(line.number, "figure", line.text.strip(p.SPACES)))
        elif _is_signature(body, i):
            removed.append(Removed(line.number, "signature", line.text.strip(p.SPACES)))
        else:
            lines.append(_stripped(line))
            indented.append(bool(p.INDENT.match(line.text)))
        i += 1
    return Layout(
        text=text,
        lines=tuple(_mark_paragraph_ends(lines, indented)),
        captions=tuple(captions),
        removed=tuple(sorted(removed, key=lambda r: r.line)),
        index=LineIndex(text),
    )


def _physical_lines(text: str) -> list[TextLine]:
    """Every line, with leading spaces kept: they tell where a caption interrupted."""
    lines, offset = [], 0
    for number, content in enumerate(text.split("\n"), start=1):
        lines.append(TextLine(number, offset, content.rstrip(p.SPACES)))
        offset += len(content) + 1
    return lines


def _without_web_furniture(lines) -> tuple[list[TextLine], list[Removed]]:
    """The lines without web-page furniture: whole lines of it, and the furniture a line
    starts with before running on into text ("关闭窗口1月2日,……")."""
    kept: list[TextLine] = []
    removed: list[Removed] = []
    for line in lines:
        start = len(line.text) - len(line.text.lstrip(p.SPACES))
        cut = furniture_prefix(line.text[start:])
        if cut:
            removed.append(Removed(line.number, "web", line.text[start:start + cut].strip(p.SPACES)))
        if start + cut < len(line.text):
            kept.append(line if not cut else
                        TextLine(line.number, line.offset + start + cut, line.text[start + cut:]))
    return kept, removed


def _stripped(line: TextLine) -> TextLine:
    content = line.text.lstrip(p.SPACES)
    if len(content) == len(line.text) and not line.ends_paragraph:
        return line                             # (most lines: nothing to strip)
    return TextLine(line.number, line.offset + len(line.text) - len(content), content)


def _page_furniture(lines: list[TextLine]) -> set[int]:
    """Line numbers of page numbers and running heads (short lines repeated page after page)."""
    furniture: set[int] = set()
    candidates: list[tuple[int, str, bool, bool]] = []
    counts: Counter[str] = Counter()
    for k, line in enumerate(lines):
        content = line.text.strip(p.SPACES)
        if p.PAGE_NUMBER_LINE.match(content):
            furniture.add(line.number)
            continue
        if p.STRUCTURAL.search(content) or len(p.DECORATION.sub("", content)) > p.RUNNING_HEAD_MAX_CHARS:
            continue
        decorated = bool(p.DECORATED_EDGE_PAGE_NUMBER.search(content))
        if not decorated and k + 1 < len(lines) and p.STRUCTURAL_START.match(lines[k + 1].text):
            continue        # a line over an entry title is a section heading, however often
        without_number = p.EDGE_PAGE_NUMBER.sub("", content)
        key = p.DECORATION.sub("", without_number)
        if len(key) < 2 or p.NOT_IN_RUNNING_HEADS.search(key):
            continue
        candidates.append((line.number, key, without_number != content, decorated))
        counts[key] += 1
    for number, key, numbered, decorated in candidates:
        needed = p.RUNNING_HEAD_REPEATS_WITH_NUMBER if numbered else p.RUNNING_HEAD_REPEATS
        if counts[key] >= needed or decorated:
            furniture.add(number)
    return furniture


def _resumes(line: TextLine) -> bool:
    """A line starting with a plain space: the text resuming after something lifted out."""
    return line.text.startswith(" ")


def _caption_size(body: list[TextLine], i: int) -> int:
    """How many lines from body[i] on form a caption (0: none)."""
    line = body[i]
    after = body[i + 1] if i + 1 < len(body) else None
    content = line.text.strip(p.SPACES)
    opens_block = p.INDENT.match(line.text) or p.FIGURE_FIRST_LINE.match(content)
    if opens_block:
        size = _block_size(body, i)
        if size:
            return size
    if p.CREDIT_LINE.match(content):
        match = p.CREDIT_LINE.match(content)
        if match["figure"] or after is None or _resumes(after) or p.FIGURE_LINE.match(after.text):
            return 1 + _figure_follows(body, i + 1)
    return 0


def _block_size(body: list[TextLine], i: int) -> int:
    """A caption block opened at body[i] ends at the first line that completes a credit
    (which may itself be broken over lines), or just before a figure-number line."""
    text = ""
    for k in range(i, min(i + p.MAX_CAPTION_LINES, len(body))):
        line = body[k]
        if k > i and (_resumes(line) or p.INDENT.match(line.text)
                      or p.STRUCTURAL_START.match(line.text)):
            return 0
        if p.FIGURE_LINE.match(line.text):
            return k - i
        if k > i and p.FIGURE_FIRST_LINE.match(line.text.strip(p.SPACES)):
            return 0                                    # another caption opens here
        if k > i and p.SENTENCE_END.search(text):
            return 0                                    # a paragraph, not a caption
        text += line.text.strip(p.SPACES)
        if p.ENDS_WITH_CREDIT.search(text):
            return k + 1 - i + _figure_follows(body, k + 1)
    return 0


def _figure_follows(body: list[TextLine], k: int) -> int:
    return int(k < len(body) and bool(p.FIGURE_LINE.match(body[k].text)))


def _caption(block: list[TextLine], before: int) -> Caption:
    text = join_lines((line.text, line.offset, False) for line in block).text
    figure = None
    for pattern in (rf"^({p.FIGURE})[:：.．、]*", rf"({p.FIGURE})$"):
        match = re.search(pattern, text)
        if match:
            figure = match[1]
            text = (text[:match.start()] + text[match.end():]).strip()
    first = _stripped(block[0])
    return Caption(text=text, figure=figure, line=first.number, offset=first.offset, before=before)


def _is_signature(body: list[TextLine], i: int) -> bool:
    """An author's name in brackets on its own line, closing a piece of text."""
    if not p.SIGNATURE_LINE.match(body[i].text):
        return False
    if i + 1 == len(body):
        return True
    if i > 0 and not p.TEXT_END.search(body[i - 1].text):
        return False
    after = body[i + 1].text.strip(p.SPACES)
    return after.startswith("【") or (len(after) <= 12 and not re.search(r"[，。；：、]", after))


def display_width(text: str) -> float:
    """Width in full-width character cells: an ASCII character or space is half a cell,
    anything else (CJK, full-width punctuation) a whole one."""
    return len(text) - 0.5 * len(text.encode("ascii", "ignore"))


def _mark_paragraph_ends(lines: list[TextLine], indented: list[bool]) -> list[TextLine]:
    """A line ends its paragraph when the next one is indented, or when it ends a sentence
    and stops well short of the usual width (the rest of the printed line was blank)."""
    if not lines:
        return lines
    widths = [display_width(line.text) for line in lines]
    usual = median(widths)
    marked = []
    for i, line in enumerate(lines):
        short = widths[i] < p.SHORT_LINE_RATIO * usual
        next_indented = i + 1 < len(lines) and indented[i + 1]
        ends = next_indented or (short and bool(p.SENTENCE_END.search(line.text)))
        marked.append(TextLine(line.number, line.offset, line.text, ends) if ends != line.ends_paragraph else line)
    return marked
