"""Chronicle (大事记) segmentation: month headings, then one entry per dated line.

"2日 ……", "15—16日 ……", "28日—3月2日 ……", "上旬 ……", "是月，……" open an entry read in
the month heading's context; "△ ……" (and "同日，……") opens one on the day of the entry
before. A line is only a new entry after a line that ended a sentence: otherwise it is
the wrapped rest of the entry before ("……会议\\n12日召开" does not start a day).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from timeline.segment import vocabulary as v
from timeline.segment.entry import Entry, Segmentation
from timeline.segment.titles import first_clause
from timeline.segment.yearbook import Piece
from timeline.text import Caption, Layout, TextLine, join_lines

DATE_STARTS = (v.DAY_LINE, v.XUN_LINE, v.MONTH_LINE, v.SAME_DAY_WORDS)


@dataclass(slots=True)
class _Open:
    start: TextLine
    year: int | None
    month: int | None
    same_day: bool
    pieces: list[Piece] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)


def month_number(text: str) -> int | None:
    match = v.MONTH_HEADING.match(text)
    if not match:
        return None
    month = match["month"]
    number = int(month) if month.isdigit() else v.CN_MONTHS[month]
    return number if 1 <= number <= 12 else None


def _date_prefix(text: str) -> re.Match[str] | None:
    for pattern in DATE_STARTS:
        match = pattern.match(text)
        if match:
            return match
    return None


def _ends_sentence(text: str) -> bool:
    return bool(re.search(r"[。！？!?…][”’」』）)]*$", text))


def chronicle_category(title: str | None) -> str | None:
    """The category a chronicle's title line names ("2021年大事记" -> "大事记")."""
    return next((name for name in v.CHRONICLE_NAMES if title and name in title), None)


def segment_chronicle(layout: Layout, *, category: str | None = None,
                      name: str = "大事记") -> Segmentation:
    """Entries of a chronicle; their category is `category`, else what the chronicle's
    title line calls it, else the document's `name`."""
    title: str | None = None
    year: int | None = None
    month: int | None = None
    blocks: list[_Open] = []
    current: _Open | None = None
    owner_of_line: list[int] = []
    for line in layout.lines:
        text = line.text
        heading_year = v.YEAR_HEADING.match(text)
        if heading_year or month_number(text):
            if heading_year:
                year = int(heading_year["year"])
            else:
                month = month_number(text)
                year = int(v.MONTH_HEADING.match(text)["year"] or 0) or year
            current = None
            owner_of_line.append(len(blocks) - 1)
            continue
        same_day = v.SAME_DAY_MARK.match(text)
        may_open = current is None or _ends_sentence(current.pieces[-1][0])
        if same_day or (may_open and _date_prefix(text)):
            current = _Open(line, year, month, bool(same_day or v.SAME_DAY_WORDS.match(text)))
            blocks.append(current)
            skip = same_day.end() if same_day else 0
            current.pieces.append((text[skip:], line.offset + skip, line.ends_paragraph))
        elif current is None and month is None and title is None:
            title = join_lines([(text, line.offset, False)]).text    # the chronicle's own title
        elif current is None:
            current = _Open(line, year, month, False)                # undated text
            blocks.append(current)
            current.pieces.append((text, line.offset, line.ends_paragraph))
        else:
            current.pieces.append((text, line.offset, line.ends_paragraph))
        owner_of_line.append(len(blocks) - 1)
    for caption in layout.captions:
        owners = [o for o in owner_of_line[:caption.before] if o >= 0] or [0]
        if blocks:
            blocks[owners[-1]].captions.append(caption)
    chosen = category or chronicle_category(title) or name
    return Segmentation("chronicle", tuple(_entry(b, chosen) for b in blocks), title=title)


def _entry(block: _Open, category: str) -> Entry:
    body = join_lines(block.pieces).strip()
    prefix = None if block.same_day and not v.SAME_DAY_WORDS.match(body.text) else _date_prefix(body.text)
    rest = body.text[prefix.end():] if prefix else body.text
    return Entry(
        title=first_clause(v.AFTER_DATE.sub("", rest)),
        category=category,
        body=body,
        line=block.start.number,
        offset=block.start.offset,
        captions=tuple(block.captions),
        year=block.year,
        month=block.month,
        same_day=block.same_day,
    )
