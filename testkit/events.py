"""Builders of events, documents and stored events, independent of the text pipeline."""
from __future__ import annotations

import zlib
from dataclasses import replace
from datetime import date, datetime, timezone

from timeline.dates.span import DateSpan, PartOfDay, Precision
from timeline.events.model import Event, EventKind, Moment, ParsedDocument, Source, StoredEvent

UPDATED = datetime(2021, 3, 4, 5, 6, 7, tzinfo=timezone.utc)


def span(text: str, start: str, end: str | None = None, precision: Precision = Precision.DAY, *,
         at: int = 0, part_of_day: PartOfDay | None = None) -> DateSpan:
    """A date as the pipeline finds it: `text` at offset `at`, meaning start..end (ISO days)."""
    return DateSpan(text=text, span=(at, at + len(text)), start=date.fromisoformat(start),
                    end=date.fromisoformat(end or start), precision=precision, part_of_day=part_of_day)


def day(start: str, end: str | None = None) -> DateSpan:
    """A day (or days) written as its ISO date."""
    return span(start, start, end)


def entry(key: str, title: str, body: str, primary: DateSpan | None, *, category: str = "规划建设",
          kind: EventKind = EventKind.EVENT, tags: tuple[str, ...] = (), mentions: tuple[DateSpan, ...] = (),
          moments: tuple[Moment, ...] = (), footnotes: tuple[str, ...] = (), position: int = 0) -> Event:
    """An event with the body given; its summary is the first sentence, its primary date its
    first mention unless `mentions` says otherwise."""
    return Event(key=key, title=title, category=category, kind=kind, body=body,
                 summary=body.split("。")[0] + "。", source=Source(line=position * 10 + 1, offset=position * 100),
                 primary=primary, tags=tags, mentions=mentions or ((primary,) if primary else ()),
                 moments=moments, footnotes=footnotes, position=position)


def event(key: str, title: str, start: str | None, *, category: str = "规划建设", position: int = 0,
          tags: tuple[str, ...] = ()) -> Event:
    """A one-day event on `start` (ISO), or an undated cross-reference when `start` is None."""
    return Event(key=key, title=title, category=category, kind=EventKind.EVENT if start else EventKind.XREF,
                 body=f"{start or ''}，{title}。", summary=f"{title}。", source=Source(line=position + 1, offset=0),
                 primary=day(start) if start else None, tags=tags, position=position)


def document(*events: Event, name: str = "doc-2020", year: int = 2020) -> ParsedDocument:
    """A parsed yearbook of `events`, numbered in the order given."""
    return ParsedDocument(name=name, year=year, layout="yearbook",
                          events=tuple(replace(e, position=i) for i, e in enumerate(events)))


def stored(key: str, title: str, start: date | None, end: date | None = None, *,
           precision: Precision = Precision.DAY, time: str | None = None,
           end_time: str | None = None, part: PartOfDay | None = None,
           kind: EventKind = EventKind.EVENT, category: str = "综述", tags: tuple[str, ...] = (),
           summary: str = "", body: str = "", sequence: int = 0, line: int = 1,
           updated_at: datetime = UPDATED, document: str = "qingshanhu-2020") -> StoredEvent:
    """An event as the store would return it (no database), for the iCalendar renderers."""
    primary = None
    if start is not None:
        primary = DateSpan(text=str(start), span=(0, 1), start=start, end=end or start,
                           precision=precision, time=time, end_time=end_time, part_of_day=part)
    event = Event(key=key, title=title, category=category, kind=kind, body=body or summary,
                  summary=summary or title, source=Source(line=line, offset=0), primary=primary,
                  tags=tags)
    return StoredEvent(id=zlib.crc32(key.encode()), event=event, document=document,
                       sequence=sequence, updated_at=updated_at)
