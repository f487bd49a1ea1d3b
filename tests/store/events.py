"""Small hand-made documents for store tests, independent of the text pipeline."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from timeline.dates.span import DateSpan, Precision
from timeline.events.model import Event, EventKind, ParsedDocument, Source


def day(start: str, end: str | None = None) -> DateSpan:
    return DateSpan(text=start, span=(0, len(start)), start=date.fromisoformat(start),
                    end=date.fromisoformat(end or start), precision=Precision.DAY)


def event(key: str, title: str, start: str | None, *, category: str = "规划建设", position: int = 0,
          tags: tuple[str, ...] = ()) -> Event:
    return Event(key=key, title=title, category=category, kind=EventKind.EVENT if start else EventKind.XREF,
                 body=f"{start or ''}，{title}。", summary=f"{title}。", source=Source(line=position + 1, offset=0),
                 primary=day(start) if start else None, tags=tags, position=position)


def document(*events: Event, name: str = "doc-2020", year: int = 2020) -> ParsedDocument:
    return ParsedDocument(name=name, year=year, layout="yearbook",
                          events=tuple(replace(e, position=i) for i, e in enumerate(events)))
