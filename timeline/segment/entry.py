"""What segmentation yields: entries of text, not yet dated."""
from __future__ import annotations

from dataclasses import dataclass

from timeline.text import Caption, CleanText


@dataclass(frozen=True, slots=True)
class Entry:
    """One 【entry】 of a yearbook or one dated line of a chronicle."""

    title: str                        # cleaned
    category: str
    body: CleanText                   # cleaned, with origins in the original document
    line: int                         # 1-based line where the entry starts in the original
    offset: int
    role: str = "event"               # "event" | "overview" | "xref" (EventKind values)
    footnotes: tuple[str, ...] = ()
    captions: tuple[Caption, ...] = ()
    # chronicles: the context a day line is read in
    year: int | None = None           # a year heading in force, else None (the document's)
    month: int | None = None          # the month heading in force
    same_day: bool = False            # "△" / "同日": the date of the entry before


@dataclass(frozen=True, slots=True)
class Segmentation:
    layout: str                       # "yearbook" | "chronicle"
    entries: tuple[Entry, ...]
    title: str | None = None          # a chronicle's own title line ("2021年大事记")
