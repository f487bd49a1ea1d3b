"""What segmentation yields: entries of text with the date context they are read in."""
from __future__ import annotations

from dataclasses import dataclass

from timeline.dates import DateSpan, Resolution
from timeline.segment.context import DateContext
from timeline.text import Caption, CleanText


@dataclass(frozen=True, slots=True)
class Entry:
    """One 【entry】 of a yearbook, one dated entry of a chronicle, one dated sentence of prose."""

    title: str                        # cleaned
    category: str
    body: CleanText                   # cleaned, with origins in the original document
    line: int                         # 1-based line where the entry starts in the original
    offset: int
    role: str = "event"               # "event" | "overview" | "xref" (EventKind values)
    footnotes: tuple[str, ...] = ()
    captions: tuple[Caption, ...] = ()
    # Chronicles and prose: the entry's own date, read in context (spans index the body),
    # or taken from a heading or the entry before (an empty span); None when undated.
    date: DateSpan | None = None
    # The date context the body is read in: the date just before it, the document's year.
    context: DateContext = DateContext()
    section: str | None = None        # the heading in force (a yearbook's is its category)
    found: Resolution | None = None   # the body's mentions read in `context`, when segmentation has them


@dataclass(frozen=True, slots=True)
class Segmentation:
    layout: str                       # one of vocabulary.LAYOUTS
    entries: tuple[Entry, ...]
    title: str | None = None          # the document's own title line ("2021年大事记")
    year: int | None = None           # the document's year: given, its title's, else its entries'
    year_from: str | None = None      # where `year` came from: vocabulary.YEAR_SOURCES
    headings: int = 0                 # headings met (sections, months, days, groups)
