"""A yearbook's chronicle chapter (its 大事记): read as a chronicle, the rest as a yearbook.

A whole yearbook holds 【title】 entries under its sections and, usually in one chapter,
a chronicle of the year: month headings and day lines, no 【titles】. Between two titles,
a stretch that opens with a heading naming a chronicle or a date heading, and holds dated
line starts under date headings, is that chapter.
"""
from __future__ import annotations

from dataclasses import replace

from timeline.segment import vocabulary as v
from timeline.segment.detect import LineInfo, Survey, year_grain
from timeline.segment.lines import is_date_heading, looks_like_heading
from timeline.segment.yearbook import heading_name
from timeline.text import Layout


def chronicle_regions(layout: Layout, found: Survey) -> list[tuple[int, int]]:
    """Line ranges [start, end) of a yearbook that are a chronicle chapter."""
    lines, infos = layout.lines, found.lines
    regions: list[tuple[int, int]] = []
    start = 0
    # A 【title】; not a date in brackets ("【1月】" is the chapter's month heading).
    titles = (i for i, line in enumerate(lines) if line.text.startswith(v.TITLE_OPEN) and not infos[i].may_date)
    for end in [*titles, len(lines)]:
        region = _chapter(lines, infos, start, end)
        if region is not None:
            regions.append(region)
        start = end + 1
    return regions


def _chapter(lines, infos: tuple[LineInfo, ...], start: int, end: int) -> tuple[int, int] | None:
    if end - start < v.CHAPTER_MIN_ENTRIES + 1:
        return None
    opening, headings, dated = None, 0, 0
    for i in range(start, end):
        info = infos[i]
        short = len(info.raw) <= 2 * v.HEADING_TEXT_MAX_CHARS and looks_like_heading(info.text)
        if short and (info.may_date and is_date_heading(info.text)):
            headings += 1
            opening = i if opening is None else opening
        elif short and any(name in info.text for name in v.CHRONICLE_NAMES) and opening is None:
            opening = i
        elif info.may_date and opening is not None:
            dated += 1
    if opening is None or headings < v.CHAPTER_MIN_HEADINGS or dated < v.CHAPTER_MIN_ENTRIES:
        return None
    while end - 1 > opening and heading_name(lines[end - 1].text) is not None:
        end -= 1                      # the next section's heading belongs to the yearbook
    return opening, end


def part(layout: Layout, found: Survey, keep: list[int], kind: str) -> tuple[Layout, Survey]:
    """The lines `keep` (indices, in order) of a document as a document of their own: each
    caption goes with the line before it."""
    position = {index: n for n, index in enumerate(keep)}
    captions = tuple(replace(c, before=position[max(c.before - 1, 0)] + (c.before > 0))
                     for c in layout.captions if max(c.before - 1, 0) in position)
    infos = tuple(found.lines[i] for i in keep)
    sub = Survey(kind, infos, found.wrapped, kind == "chronicle" and year_grain(infos))
    return replace(layout, lines=tuple(layout.lines[i] for i in keep), captions=captions), sub
