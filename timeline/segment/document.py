"""One document's segmentation: survey its lines, choose its layout, segment it."""
from __future__ import annotations

from collections import Counter

from timeline.segment import vocabulary as v
from timeline.segment.chronicle import segment_dated
from timeline.segment.context import DateContext
from timeline.segment.detect import Survey, survey
from timeline.segment.entry import Segmentation
from timeline.segment.lines import bracket_title
from timeline.segment.regions import chronicle_regions, part
from timeline.segment.restore import with_date_headings
from timeline.segment.yearbook import is_overview, segment_yearbook
from timeline.text import Layout

# A yearbook entry's own date, which tells the yearbook's year, is in its first words.
_ENTRY_HEAD_CHARS = 40


def segment_document(layout: Layout, *, structured: bool = False, year: int | None = None,
                     fallback_year: int | None = None, category: str | None = None,
                     default_category: str = "综述", name: str = "大事记") -> Segmentation:
    """Entries of a document, in the layout its lines show.

    `year` (given by the user) is the document's year, in force where the document sets
    none; `fallback_year` (from its file name) only when the document gives no year. Categories:
    a yearbook's come from its section headings (`category`, else `default_category`, before
    the first); a chronicle's or prose document's are all `category`, else what its title
    calls it ("大事记"), else `name`.
    """
    layout = with_date_headings(layout)
    found = survey(layout, structured=structured)
    chapters = chronicle_regions(layout, found) if _may_be_yearbook(layout, found) else []
    inside = {i for start, end in chapters for i in range(start, end)}
    if found.layout != "yearbook" and not _yearbook_with_chapter(found, inside):
        return segment_dated(layout, found, year=year, fallback_year=fallback_year,
                             category=category, name=name)
    book = (part(layout, found, [i for i in range(len(layout.lines)) if i not in inside], "yearbook")[0]
            if chapters else layout)
    segmentation = segment_yearbook(book, default_category=category or default_category)
    year, year_from = next(((y, source) for source, y in (
        ("given", year), ("text", yearbook_year(segmentation)), ("name", fallback_year)) if y is not None),
        (None, None))
    entries = list(segmentation.entries)
    for start, end in chapters:            # the yearbook's 大事记, read as a chronicle
        chapter, its_lines = part(layout, found, list(range(start, end)), "chronicle")
        entries.extend(segment_dated(chapter, its_lines, year=year, category=category, name=name).entries)
    if chapters:
        entries.sort(key=lambda entry: entry.offset)
    return Segmentation(segmentation.layout, tuple(entries), title=segmentation.title, year=year,
                        year_from=year_from, headings=segmentation.headings)


def _may_be_yearbook(layout: Layout, found: Survey) -> bool:
    """A yearbook, or a chronicle that may be a yearbook excerpt: 【title】 entries, enough of
    them or with a yearbook's 【概况】, not two stray ones over a chronicle ("【编者按】……")."""
    if found.layout != "chronicle" or found.entry_titles < 2:
        return found.layout == "yearbook"
    return found.entry_titles >= v.EXCERPT_MIN_TITLES or any(
        is_overview(bracket_title(line.text)) for line in layout.lines)


def _yearbook_with_chapter(found: Survey, inside: set[int]) -> bool:
    """A yearbook excerpt whose 大事记 chapter (its lines: `inside`) holds more dated lines
    than its 【title】 entries would outweigh: read as a yearbook when the dated lines outside
    the chapter do not (the survey's rule, with the chapter's lines left out)."""
    return bool(inside) and sum(i not in inside for i in found.dated) <= 2 * found.entry_titles


def yearbook_year(segmentation: Segmentation) -> int | None:
    """The year a yearbook's entries are dated in most often (the earliest of equals): the
    first written-out date of each entry's first words, not the figures in its body."""
    counts: Counter[int] = Counter()
    bare = DateContext()
    for entry in segmentation.entries:
        mentions = bare.resolve(entry.body.text[:_ENTRY_HEAD_CHARS]).mentions
        first = next((m for m in mentions if not m.relative), None)
        if first is not None:
            counts[first.start.year] += 1
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], -y))
