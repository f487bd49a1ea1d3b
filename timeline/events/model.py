"""What the pipeline produces for one document: events with their dates and provenance.

Pure values (no database): the store persists them, iCalendar and the web render them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from timeline.dates.span import DateSpan, DateWarning, PartOfDay, Precision


class EventKind(StrEnum):
    EVENT = "event"
    OVERVIEW = "overview"   # 【概况】: the whole year of its category
    XREF = "xref"           # an entry that only points elsewhere (参见……)


@dataclass(frozen=True, slots=True)
class Moment:
    """A dated sub-part of an event ("9 月 16 日下午，……")."""

    date: DateSpan
    text: str                # the clause the date introduces, cleaned

    def to_json(self) -> dict:
        return {"date": self.date.to_json(), "text": self.text}

    @classmethod
    def from_json(cls, data: dict) -> Moment:
        return cls(date=DateSpan.from_json(data["date"]), text=data["text"])


@dataclass(frozen=True, slots=True)
class Source:
    """Where an event's text starts in the original file (1-based line, char offset)."""

    line: int
    offset: int


class _DatedByPrimary:
    """The parts of an event's primary range, None when it has none."""

    __slots__ = ()
    primary: DateSpan | None

    @property
    def start(self) -> date | None:
        return self.primary.start if self.primary else None

    @property
    def end(self) -> date | None:
        return self.primary.end if self.primary else None

    @property
    def precision(self) -> Precision | None:
        return self.primary.precision if self.primary else None

    @property
    def time(self) -> str | None:
        return self.primary.time if self.primary else None

    @property
    def end_time(self) -> str | None:
        return self.primary.end_time if self.primary else None

    @property
    def part_of_day(self) -> PartOfDay | None:
        return self.primary.part_of_day if self.primary else None


@dataclass(frozen=True, slots=True)
class Event(_DatedByPrimary):
    key: str                          # stable across re-ingest; URL and iCalendar UID
    title: str
    category: str
    kind: EventKind
    body: str                         # cleaned text; mention spans index into it
    summary: str                      # the first sentence(s), one line
    source: Source
    primary: DateSpan | None = None   # the event's range; None when undated
    tags: tuple[str, ...] = ()
    mentions: tuple[DateSpan, ...] = ()
    moments: tuple[Moment, ...] = ()
    footnotes: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    position: int = 0                 # order within the document


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """The result of running the pipeline over one file, before storage."""

    name: str                          # e.g. "qingshanhu-2020"
    year: int | None                   # the document's year (given or inferred)
    layout: str                        # timeline.segment.vocabulary.LAYOUTS
    events: tuple[Event, ...]
    warnings: tuple[tuple[int, DateWarning], ...] = field(default_factory=tuple)  # (line, warning)
    title: str | None = None           # the document's own title line, when it has one
    format: str = "text"               # the file format read (timeline.text: text, markdown, ...)
    year_from: str | None = None       # where `year` came from (timeline.segment.vocabulary.YEAR_SOURCES)


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event as the store returns it: the pipeline's Event plus what storage adds."""

    id: int
    event: Event
    document: str                     # the document's name
    sequence: int                     # bumped when a re-ingest changes dates, title or category
    updated_at: datetime              # UTC, the last change of this event


@dataclass(frozen=True, slots=True)
class EventHeading(_DatedByPrimary):
    """What a listing shows of an event: no body, mentions, moments, footnotes or captions
    (a year's list reads several times faster without them)."""

    key: str
    title: str
    category: str
    kind: EventKind
    summary: str
    source: Source
    primary: DateSpan | None = None
    tags: tuple[str, ...] = ()
    position: int = 0


@dataclass(frozen=True, slots=True)
class ListedEvent:
    """An event as a listing returns it: its heading plus what storage adds (as StoredEvent)."""

    id: int
    event: EventHeading
    document: str
    sequence: int
    updated_at: datetime
