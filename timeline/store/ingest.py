"""Writing a parsed document: an upsert inside the caller's transaction.

Re-ingesting the same file changes nothing. A changed file updates changed events, removes
vanished ones and adds new ones. Each entry is matched to its stored event by content
(timeline.store.matching), so a corrected title or date keeps the event's key (its
iCalendar UID) and subscribers see the event updated, not duplicated; and a UID never passes
from one entry to another. What subscribers see (SEQUENCE, DTSTAMP, the stored VEVENT) is
set by timeline.store.publish.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from types import SimpleNamespace

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from timeline import ical
from timeline.dates.span import DateSpan
from timeline.events import limits
from timeline.events.keys import unique_keys
from timeline.events.model import Event, ParsedDocument
from timeline.events.validate import fit_path, validate_document
from timeline.store import matching
from timeline.store.concurrency import insert_if_absent, lock
from timeline.store.models import Category, DataVersion, Document, EventRow, EventTag, PublishedEvent
from timeline.store.prepare import Prepared, PreparedEvent
from timeline.store.publish import UNKNOWN, insert_records, publish, published_records
from timeline.store.rows import content_hash, event_columns
from timeline.store.search.indexes import known_terms


@dataclass
class IngestReport:
    document: str
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    per_category: Counter = field(default_factory=Counter)
    per_kind: Counter = field(default_factory=Counter)
    # What the store's own validation changed ((line, warning), as ParsedDocument.warnings):
    # empty for a document that came through the pipeline, which validates already.
    warnings: tuple = ()

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def slugify(name: str) -> str:
    """An ASCII slug for a category name: pinyin for Chinese, so feed URLs stay short."""
    from pypinyin import lazy_pinyin   # 55 MB of dictionaries: loaded only for a new category

    words = lazy_pinyin(name, errors=lambda run: [run])  # non-Chinese runs stay whole
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(words).lower()).strip("-")
    # Room for the "-2", "-3"… that tell equal slugs apart.
    return slug[:limits.MAX_CATEGORY_SLUG - 8].strip("-") or "category"


def categories_for(session: Session, names) -> dict[str, Category]:
    """The categories of `names` by name: those stored read in one query, the others made."""
    names = list(dict.fromkeys(names))
    found = {c.name: c for c in session.scalars(select(Category).where(Category.name.in_(names)))}
    return {name: found.get(name) or category_for(session, name) for name in names}


def category_for(session: Session, name: str) -> Category:
    """The category `name`, made when new (another writer may be making it at the same
    time: the insert gives way and the row is read back)."""
    query = select(Category).where(Category.name == name)
    category = session.scalars(query).first()
    if category is None:
        base = slug = slugify(name)
        n = 2
        while not insert_if_absent(session, Category.__table__, {"name": name, "slug": slug}):
            if (category := session.scalars(query).first()) is not None:
                return category          # the other writer made it
            slug, n = f"{base}-{n}", n + 1   # the slug belongs to another category
        category = session.scalars(query).one()
    return category


def bump_data_version(session: Session, now: datetime) -> None:
    # The row is there after the first change: read and lock it first, and try the insert
    # only when it is not (an insert attempt, a read and an update per document was one
    # round trip more to PostgreSQL for every document of a bulk load).
    current = session.get(DataVersion, 1, with_for_update=True, populate_existing=True)
    if current is None:
        if insert_if_absent(session, DataVersion.__table__, {"id": 1, "version": 1, "changed_at": now}):
            return
        current = session.get(DataVersion, 1, with_for_update=True, populate_existing=True)
    current.version += 1
    # Last-Modified has one-second resolution: two changes within a second must still
    # give two different values, or an If-Modified-Since client misses the second.
    current.changed_at = max(now, current.changed_at + timedelta(seconds=1))


def match_existing(session: Session, new: list[Event], old: dict[str, EventRow]) -> tuple[list[Event], dict[str, EventRow]]:
    """`new` with the keys they take, and the stored rows they keep (by key).

    A matched entry takes its row's key; a new one a fresh key (matching.fresh_key).
    """
    if not old:
        return new, {}    # a first ingest: the keys are unique already (unique_keys), none taken
    rows = list(old.values())
    pairs = matching.match(
        [matching.Entry.of(e.key, e.title, e.primary, e.body or e.summary) for e in new],
        [matching.Entry.of(r.key, r.title, DateSpan.from_json(r.primary) if r.primary else None,
                           r.body or r.summary) for r in rows])
    keyed, kept, taken = [], {}, set()
    for i, event in enumerate(new):
        if i in pairs:
            key = rows[pairs[i]].key
            kept[key] = rows[pairs[i]]
        else:
            key = matching.fresh_key(event.key, lambda k: k in old or k in taken,
                                     lambda k: session.get(PublishedEvent, k) is not None)
        taken.add(key)
        keyed.append(event if key == event.key else replace(event, key=key))
    return keyed, kept


class ShrinkRefused(ValueError):
    """A stored document that would now lose all or most of its events: kept as it is."""

    def __init__(self, document: str, stored: int, parsed: int):
        super().__init__(f"{document}: now yields {parsed} events where {stored} are stored; "
                         "kept the stored ones (use --replace to replace them)")
        self.document, self.stored, self.parsed = document, stored, parsed


def shrinks(stored: int, parsed: int) -> bool:
    """Whether a re-ingest giving `parsed` events for a document of `stored` events loses
    all of them or more than half: more likely a bad extraction than a real revision."""
    return stored > 0 and parsed * 2 < stored


def store_document(session: Session, parsed: ParsedDocument, *, path: str, sha256: str,
                   now: datetime, allow_shrink: bool = False, prepared: Prepared | None = None) -> IngestReport:
    """Upsert `parsed` into the database; the caller owns the transaction. The document is
    validated first (timeline.events.validate): both databases store the same thing.
    `prepared`: what timeline.store.prepare worked out for `parsed` beside its parse (the
    same is stored without it, at more cost here).

    Raises ShrinkRefused, having changed nothing, when the document is stored and `parsed`
    would remove all or more than half of its events, unless `allow_shrink`."""
    checked = validate_document(parsed)
    report = IngestReport(document=checked.name, warnings=checked.warnings[len(parsed.warnings):])
    parsed, path = checked, fit_path(path)
    lock(session, f"document:{parsed.name}")   # one writer per document at a time
    document = session.scalars(select(Document).where(Document.name == parsed.name)).first()
    created = document is None
    if created:
        document = Document(name=parsed.name, year=parsed.year, layout=parsed.layout, path=path,
                            sha256=sha256, ingested_at=now)
        session.add(document)
        session.flush()
    # A document made in this transaction has no events yet: no query for them.
    old = {} if created else {row.key: row for row in document.events}
    if shrinks(len(old), len(parsed.events)) and not allow_shrink:
        raise ShrinkRefused(parsed.name, len(old), len(parsed.events))
    # The pipeline already gives unique keys; a hand-made document may not.
    keys = unique_keys([e.key for e in parsed.events])
    events = [e if e.key == k else replace(e, key=k) for e, k in zip(parsed.events, keys)]
    events, matches = match_existing(session, events, old)
    matched_ids = {row.id for row in matches.values()}

    for row in old.values():
        if row.id not in matched_ids:
            session.delete(row)
            report.removed += 1
    session.flush()  # free the keys of removed rows before new rows take them

    records = published_records(session, (e.key for e in events))
    categories = categories_for(session, (e.category for e in events))
    ready = prepared.of(parsed.name, parsed.year) if prepared is not None else {}
    # No autoflush: changed rows are written together at the end, not one by one before
    # every lazy load; new rows are inserted in bulk.
    writes = _Writes()
    with session.no_autoflush:
        for event in events:
            _upsert_event(session, event, matches.get(event.key), categories[event.category], document,
                          parsed.year, now, report, records, writes, ready.get(id(event)))
    with known_terms(prepared.terms if prepared is not None else {}):
        session.flush()
        writes.insert(session, document.id)

    document.year, document.layout, document.path, document.sha256 = parsed.year, parsed.layout, path, sha256
    if report.changed:
        document.ingested_at = now
        bump_data_version(session, now)
    session.flush()
    return report


@dataclass
class _Writes:
    """The rows a document adds, inserted together at the end (`insert`). The new events
    are plain values, not ORM objects: building, tracking and flushing an object per row
    cost more than the inserts."""

    events: list[tuple[SimpleNamespace, tuple[str, ...]]] = field(default_factory=list)   # (columns, tags)
    records: list[dict | None] = field(default_factory=list)     # new PublishedEvent rows (publish)

    def insert(self, session: Session, document_id: int) -> None:
        """INSERT the new events, their tags and their PublishedEvent rows, each table in
        one executemany (the ORM inserted events one by one on SQLite, where RETURNING ids
        in order is not guaranteed: that per-row round trip was most of a first ingest); on
        SQLite the events in statements of many rows (below)."""
        insert_records(session, self.records)
        if not self.events:
            return
        events = EventRow.__table__
        rows = [{**vars(row), "document_id": document_id} for row, _ in self.events]
        dialect = session.get_bind().dialect
        if dialect.name == "sqlite" and dialect.insert_executemany_returning:
            # On SQLite, a thousand rows a statement (SQLAlchemy's "insertmanyvalues"), their
            # ids returned by key, not a statement a row: FTS5 (SQLite 3.40) writes its
            # pending terms out at the savepoint of every statement that reaches it, so the
            # search index's trigger cost twice as much a row at a time (store CPU of
            # bench_ingest's corpus 2.4 -> 1.7 s). PostgreSQL's pipelined executemany costs
            # its client 0.3 s less than the statements of many rows.
            ids = dict(session.execute(insert(events).returning(events.c.key, events.c.id), rows).all())
        else:
            session.execute(insert(events), rows)
            ids = dict(session.execute(select(EventRow.key, EventRow.id)
                                       .where(EventRow.document_id == document_id)).all())
        tags = [{"event_id": ids[row.key], "tag": tag, "position": i}
                for row, event_tags in self.events for i, tag in enumerate(event_tags)]
        if tags:
            session.execute(insert(EventTag.__table__), tags)


def _upsert_event(session: Session, event: Event, row: EventRow | None, category: Category,
                  document: Document, document_year: int | None, now: datetime, report: IngestReport,
                  records: dict[str, PublishedEvent], writes: _Writes, ready: PreparedEvent | None) -> None:
    if ready is None or ready.event is not event:
        ready = None      # prepared for another object (validation or matching replaced it): not this one
    columns = event_columns(event, document_year)
    digest = ready.digest if ready is not None else content_hash(columns, event.category, event.tags)
    # What clients see of the event under its key (publish), when prepared under the same key.
    seen = ready.published if ready is not None and (row is None or row.key == event.key) else UNKNOWN
    report.per_category[event.category] += 1
    report.per_kind[event.kind.value] += 1
    if row is None:
        # publish() fills in what subscribers see, then the row is inserted with the
        # others (_Writes.insert).
        new = SimpleNamespace(key=event.key, category_id=category.id, sequence=0, content_hash=digest,
                              updated_at=now, **columns)
        report.added += 1
        writes.records.append(publish(new, event, document.name, now, records.get(new.key), restored=True,
                                      seen=seen))
        writes.events.append((new, event.tags))
    elif row.content_hash == digest:
        report.unchanged += 1
        if row.ics_format != ical.FORMAT_VERSION:
            writes.records.append(publish(row, event, document.name, now, records.get(row.key), seen=seen))
    else:
        for name, value in columns.items():
            setattr(row, name, value)
        row.category = category
        _set_tags(session, row, event.tags)
        row.content_hash = digest
        report.updated += 1
        writes.records.append(publish(row, event, document.name, now, records.get(row.key), seen=seen))


def _set_tags(session: Session, row: EventRow, tags: tuple[str, ...]) -> None:
    if [t.tag for t in row.tags] == list(tags):
        return
    if row.tags:
        row.tags.clear()
        session.flush()  # delete the old (event, tag) rows before inserting equal ones
    row.tags.extend(EventTag(tag=t, position=i) for i, t in enumerate(tags))
