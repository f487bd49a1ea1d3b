"""Conversion between the pipeline's Event values and database rows."""
from __future__ import annotations

import hashlib
import json

from timeline.dates.span import DateSpan
from timeline.events.model import Event, EventKind, Moment, Source, StoredEvent
from timeline.store.models import EventRow

# The fields whose change bumps an event's iCalendar SEQUENCE (clients re-read the event).
SCHEDULING_FIELDS = ("title", "category", "start_date", "end_date", "primary")


def event_columns(event: Event, document_year: int | None) -> dict:
    """The column values of `event` (without document, category row, key and bookkeeping)."""
    primary = event.primary
    return {
        "title": event.title,
        "kind": event.kind.value,
        "year": primary.start.year if primary else document_year,
        "start_date": primary.start if primary else None,
        "end_date": primary.end if primary else None,
        "precision": primary.precision.value if primary else None,
        "primary": primary.to_json() if primary else None,
        "summary": event.summary,
        "body": event.body,
        "mentions": [m.to_json() for m in event.mentions],
        "moments": [m.to_json() for m in event.moments],
        "footnotes": list(event.footnotes),
        "captions": list(event.captions),
        "line": event.source.line,
        "offset": event.source.offset,
        "position": event.position,
    }


def content_hash(columns: dict, category: str, tags: tuple[str, ...]) -> str:
    payload = {**columns, "category": category, "tags": list(tags)}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str, ensure_ascii=False).encode()).hexdigest()


def to_stored(row: EventRow) -> StoredEvent:
    event = Event(
        key=row.key,
        title=row.title,
        category=row.category.name,
        kind=EventKind(row.kind),
        body=row.body,
        summary=row.summary,
        source=Source(line=row.line, offset=row.offset),
        primary=DateSpan.from_json(row.primary) if row.primary else None,
        tags=tuple(t.tag for t in row.tags),
        mentions=tuple(DateSpan.from_json(m) for m in row.mentions),
        moments=tuple(Moment.from_json(m) for m in row.moments),
        footnotes=tuple(row.footnotes),
        captions=tuple(row.captions),
        position=row.position,
    )
    return StoredEvent(id=row.id, event=event, document=row.document.name, sequence=row.sequence,
                       updated_at=row.updated_at)
