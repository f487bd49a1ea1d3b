"""Reading feeds: the stored VEVENTs of a view (timeline.store.publish makes them).

A feed is a read of stored bytes in timeline order, streamed in batches, so its cost is the
database's and its memory one batch, whatever the collection's size. Its ETag comes from the
events' digests in the same order, and its size from one aggregate: neither reads the bytes.
"""
from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from timeline.store.models import EventRow
from timeline.store.queries import EventFilter, _filtered, _ordered

BATCH = 1000


def _feed_rows(session: Session, columns, flt: EventFilter):
    return _ordered(_filtered(session, select(*columns).where(EventRow.ics.is_not(None)), flt))


def feed_digests(session: Session, flt: EventFilter) -> tuple[list[str], bool]:
    """The digests of the view's VEVENTs in feed order, and whether any names the TZID."""
    digests, tzid = [], False
    for digest, uses_tzid in session.execute(_feed_rows(session, (EventRow.ics_digest, EventRow.ics_tzid), flt)):
        digests.append(digest)
        tzid = tzid or bool(uses_tzid)
    return digests, tzid


def feed_events(session: Session, flt: EventFilter) -> Iterator[tuple[bytes, str]]:
    """(VEVENT up to its URL, key) of each event of the view, in feed order, read in
    batches (a server-side cursor on PostgreSQL)."""
    result = session.connection().execution_options(yield_per=BATCH).execute(
        _feed_rows(session, (EventRow.ics, EventRow.key), flt))
    for ics, key in result:
        yield bytes(ics), key


def feed_size(session: Session, flt: EventFilter) -> tuple[int, int]:
    """(events, bytes of their VEVENTs up to the URL plus twice their keys) of the view:
    with the calendar's head and each URL's fixed part, the feed's size (web.feeds)."""
    stmt = _filtered(session, select(func.count(), func.coalesce(
        func.sum(func.length(EventRow.ics) + 2 * func.length(EventRow.key)), 0))
        .where(EventRow.ics.is_not(None)), flt)
    count, size = session.execute(stmt).one()
    return int(count), int(size)
