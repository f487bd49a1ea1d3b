"""What subscribers see of each event: its SEQUENCE, its DTSTAMP and its stored VEVENT.

`publish` runs for each event an ingest adds or changes (and `refresh` for events whose
stored VEVENT an older FORMAT_VERSION made). It compares what clients would now see of the
event (`timeline.ical.published`: every property but DTSTAMP, LAST-MODIFIED and SEQUENCE)
with what was last published under its key (`PublishedEvent`, which outlives the event):
- nothing visible changed (a moved character offset, a body edit past the summary, a new
  position): DTSTAMP, LAST-MODIFIED and SEQUENCE stay, and so do the VEVENT's bytes;
- something changed: DTSTAMP and LAST-MODIFIED become `now`; SEQUENCE goes up when the
  summary, dates or category changed (clients re-read the event);
- the key was published before and its event removed since (a restore): SEQUENCE goes up
  from the last published value, never back to 0.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime
from types import SimpleNamespace

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session, selectinload

from timeline import ical
from timeline.events.model import Event
from timeline.store.models import EventRow, PublishedEvent
from timeline.store.rows import event_from_row

REFRESH_BATCH = 500
# `publish`'s `seen` when the caller has not worked it out.
UNKNOWN = object()


def published_records(session: Session, keys) -> dict[str, PublishedEvent]:
    """The PublishedEvent rows of `keys` (one query per thousand keys)."""
    keys, found = list(keys), {}
    for k in range(0, len(keys), 1000):
        found.update((r.key, r) for r in session.scalars(
            select(PublishedEvent).where(PublishedEvent.key.in_(keys[k:k + 1000]))))
    return found


def publish(row: EventRow | SimpleNamespace, event: Event, document: str, now: datetime,
            record: PublishedEvent | None, *, restored: bool = False, seen=UNKNOWN) -> dict | None:
    """Set `row`'s sequence, stamp (updated_at) and VEVENT for `event` as it now is.

    `row.key` is the event's UID and `record` what was last published under it (None:
    never); `restored` says that key had no event before this ingest. `row` may be a row
    not yet inserted, any object with the columns as attributes.

    `seen`, when known, is `ical.published` of `event` under `row.key` and `document`
    (timeline.store.prepare works it out beside the parse).

    Returns the values of the PublishedEvent row to add when the key was never published
    (else None): the caller inserts them together (`insert_records`).
    """
    if event.key != row.key:
        event = replace(event, key=row.key)
    if seen is UNKNOWN:
        seen = ical.published(event, document)
    new_record = None
    if seen is not None:
        if record is None:
            record = new_record = SimpleNamespace(key=row.key, sequence=row.sequence or 0, stamp=now,
                                                  content=seen.content, schedule=seen.schedule)
        elif record.content is None:
            # Published before digests were kept (migration b3f1c9a7d2e5): what is stored
            # now is what was published.
            record.content, record.schedule = seen.content, seen.schedule
        elif restored or record.content != seen.content:
            record.sequence += 1 if restored or record.schedule != seen.schedule else 0
            record.stamp = max(now, record.stamp)
            record.content, record.schedule = seen.content, seen.schedule
        row.sequence, row.updated_at = record.sequence, record.stamp
    elif row.updated_at is None:
        row.updated_at = now
    ics = seen.vevent(sequence=row.sequence, stamp=row.updated_at) \
        if seen is not None and ical.feed_includes(event) else None
    row.ics, row.ics_format = ics, ical.FORMAT_VERSION
    row.ics_digest = hashlib.blake2b(ics, digest_size=16).hexdigest() if ics is not None else None
    row.ics_tzid = ical.uses_tzid(ics) if ics is not None else None
    return vars(new_record) if new_record is not None else None


def insert_records(session: Session, records: list[dict | None]) -> None:
    """INSERT the new PublishedEvent rows `publish` returned (None: none), in one executemany."""
    values = [r for r in records if r is not None]
    if values:
        session.execute(insert(PublishedEvent.__table__), values)


def _stale():
    return or_(EventRow.ics_format.is_(None), EventRow.ics_format != ical.FORMAT_VERSION)


def needs_refresh(session: Session) -> bool:
    """True when some event's VEVENT is missing or from an older FORMAT_VERSION."""
    return session.scalar(select(EventRow.id).where(_stale()).limit(1)) is not None


def refresh(session: Session, now: datetime) -> int:
    """Publish again every event whose VEVENT is missing or from an older FORMAT_VERSION
    (after a migration or an upgrade of the renderer); the number of events."""
    done = 0
    while True:
        rows = session.scalars(select(EventRow).where(_stale()).order_by(EventRow.id).limit(REFRESH_BATCH)
                               .options(selectinload(EventRow.tags), selectinload(EventRow.category),
                                        selectinload(EventRow.document))).all()
        if not rows:
            return done
        records = published_records(session, (row.key for row in rows))
        insert_records(session, [publish(row, event_from_row(row), row.document.name, now, records.get(row.key))
                                 for row in rows])
        session.flush()
        done += len(rows)
