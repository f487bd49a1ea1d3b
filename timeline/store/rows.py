"""Conversion between the pipeline's Event values and database rows."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from types import SimpleNamespace

from timeline.dates.span import DateSpan
from timeline.events.model import Event, EventHeading, EventKind, ListedEvent, Moment, Source, StoredEvent

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


def _heading_fields(r, tags: Iterable[str]) -> dict:
    return {"key": r.key, "title": r.title, "category": r.category, "kind": EventKind(r.kind), "summary": r.summary,
            "source": Source(line=r.line, offset=r.offset), "tags": tuple(tags), "position": r.position,
            "primary": DateSpan.from_json(r.primary) if r.primary else None}


def _storage_fields(r) -> dict:
    return {"id": r.id, "document": r.document, "sequence": r.sequence, "updated_at": r.updated_at}


def stored_from_row(r, tags: Iterable[str]) -> StoredEvent:
    """A StoredEvent from a flat row of queries._WHOLE_COLUMNS."""
    event = Event(body=r.body, mentions=tuple(DateSpan.from_json(m) for m in r.mentions),
                  moments=tuple(Moment.from_json(m) for m in r.moments), footnotes=tuple(r.footnotes),
                  captions=tuple(r.captions), **_heading_fields(r, tags))
    return StoredEvent(event=event, **_storage_fields(r))


def listed_from_row(r, tags: Iterable[str]) -> ListedEvent:
    """A ListedEvent from a flat row of queries._LIGHT_COLUMNS."""
    return ListedEvent(event=EventHeading(**_heading_fields(r, tags)), **_storage_fields(r))


def event_from_row(row) -> Event:
    """The Event of an ORM EventRow (its category, document and tags are read)."""
    names = ("id", "key", "title", "kind", "primary", "summary", "line", "offset", "position", "sequence",
             "updated_at", "body", "mentions", "moments", "footnotes", "captions")
    flat = SimpleNamespace(**{n: getattr(row, n) for n in names}, category=row.category.name,
                           document=row.document.name)
    return stored_from_row(flat, [t.tag for t in row.tags]).event
