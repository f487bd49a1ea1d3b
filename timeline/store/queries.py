"""Read side: every query the web pages, the JSON API, the feeds and export use."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timezone

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, selectinload

from timeline.dates.span import DateSpan
from timeline.events.model import Event, EventKind, Source, StoredEvent
from timeline.store.models import Category, DataVersion, Document, EventRow, EventTag
from timeline.store.rows import to_stored

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class EventFilter:
    """A view of the events; every field narrows it, empty fields do not."""

    year: int | None = None
    categories: tuple[str, ...] = ()          # category names (any of)
    tags: tuple[str, ...] = ()                # any of
    q: str | None = None                      # substring of title or body
    date_from: date | None = None             # events ending on or after this day
    date_to: date | None = None               # events starting on or before this day
    kinds: tuple[str, ...] = ()

    def cache_key(self) -> str:
        """A canonical text of the filter, the same for the same view (for validators)."""
        parts = [
            f"year={self.year or ''}",
            "category=" + ",".join(sorted(self.categories)),
            "tag=" + ",".join(sorted(self.tags)),
            f"q={self.q or ''}",
            f"from={self.date_from or ''}",
            f"to={self.date_to or ''}",
            "kind=" + ",".join(sorted(self.kinds)),
        ]
        return "&".join(parts)


@dataclass(frozen=True)
class CategoryCount:
    name: str
    slug: str
    count: int


@dataclass(frozen=True)
class Version:
    """The store's data version: moves forward on every change, deletions included."""

    number: int
    changed_at: datetime


def _filtered(stmt: Select, flt: EventFilter) -> Select:
    if flt.year is not None:
        stmt = stmt.where(EventRow.year == flt.year)
    if flt.categories:
        stmt = stmt.where(EventRow.category_id.in_(
            select(Category.id).where(Category.name.in_(flt.categories))))
    if flt.tags:
        stmt = stmt.where(EventRow.id.in_(select(EventTag.event_id).where(EventTag.tag.in_(flt.tags))))
    if flt.q:
        pattern = "%" + flt.q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(or_(EventRow.title.like(pattern, escape="\\"), EventRow.body.like(pattern, escape="\\")))
    if flt.date_from is not None:
        stmt = stmt.where(EventRow.end_date >= flt.date_from)
    if flt.date_to is not None:
        stmt = stmt.where(EventRow.start_date <= flt.date_to)
    if flt.kinds:
        stmt = stmt.where(EventRow.kind.in_(flt.kinds))
    return stmt


def _ordered(stmt: Select) -> Select:
    # Undated events (cross-references) after the dated ones; document order breaks ties.
    return stmt.order_by(EventRow.start_date.is_(None), EventRow.start_date, EventRow.end_date,
                         EventRow.document_id, EventRow.position)


def _loaded(stmt: Select) -> Select:
    return stmt.options(selectinload(EventRow.tags), selectinload(EventRow.category),
                        selectinload(EventRow.document))


def list_events(session: Session, flt: EventFilter = EventFilter(), *, limit: int | None = None,
                offset: int = 0) -> list[StoredEvent]:
    stmt = _loaded(_ordered(_filtered(select(EventRow), flt))).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [to_stored(row) for row in session.scalars(stmt)]


def count_events(session: Session, flt: EventFilter = EventFilter()) -> int:
    return session.scalar(_filtered(select(func.count(EventRow.id)), flt)) or 0


def get_event(session: Session, key: str) -> StoredEvent | None:
    row = session.scalars(_loaded(select(EventRow).where(EventRow.key == key))).first()
    return to_stored(row) if row else None


def neighbours(session: Session, key: str) -> tuple[StoredEvent | None, StoredEvent | None]:
    """The events before and after `key` in timeline order (within its year)."""
    row = session.scalars(select(EventRow).where(EventRow.key == key)).first()
    if row is None:
        return None, None
    keys = list(session.scalars(_ordered(select(EventRow.key).where(EventRow.year == row.year))))
    i = keys.index(key)
    before = get_event(session, keys[i - 1]) if i > 0 else None
    after = get_event(session, keys[i + 1]) if i + 1 < len(keys) else None
    return before, after


def list_categories(session: Session, flt: EventFilter = EventFilter()) -> list[CategoryCount]:
    """Categories with their event counts under `flt` (its category choice ignored)."""
    stmt = select(Category.name, Category.slug, func.count(EventRow.id)).join(
        EventRow, EventRow.category_id == Category.id)
    stmt = (_filtered(stmt, replace(flt, categories=()))
            .group_by(Category.id, Category.name, Category.slug)
            # Categories in the order their documents introduce them (综述 first, as printed).
            .order_by(func.min(EventRow.document_id), func.min(EventRow.position)))
    return [CategoryCount(name, slug, n) for name, slug, n in session.execute(stmt)]


def list_tags(session: Session, flt: EventFilter = EventFilter()) -> list[tuple[str, int]]:
    """Tags with their counts under `flt` (its tag choice ignored), most used first."""
    events = _filtered(select(EventRow.id), replace(flt, tags=()))
    stmt = (select(EventTag.tag, func.count()).where(EventTag.event_id.in_(events))
            .group_by(EventTag.tag).order_by(func.count().desc(), EventTag.tag))
    return [(tag, n) for tag, n in session.execute(stmt)]


def category_by_slug(session: Session, slug: str) -> str | None:
    return session.scalar(select(Category.name).where(Category.slug == slug))


def category_slug(session: Session, name: str) -> str | None:
    return session.scalar(select(Category.slug).where(Category.name == name))


def list_years(session: Session) -> list[int]:
    stmt = select(EventRow.year).where(EventRow.year.is_not(None)).distinct().order_by(EventRow.year)
    return list(session.scalars(stmt))


def list_documents(session: Session) -> list[tuple[str, int | None, int]]:
    stmt = (select(Document.name, Document.year, func.count(EventRow.id))
            .join(EventRow, isouter=True).group_by(Document.id).order_by(Document.name))
    return [tuple(r) for r in session.execute(stmt)]


def data_version(session: Session) -> Version:
    row = session.get(DataVersion, 1)
    return Version(row.version, row.changed_at) if row else Version(0, EPOCH)


def list_timeline(session: Session, flt: EventFilter = EventFilter()) -> list[StoredEvent]:
    """Like `list_events`, for long lists: each event without its text.

    body, mentions, moments, footnotes and captions come back empty (the title, dates,
    summary, tags and source are there). One flat query plus one for the tags, with no ORM
    objects: a year of 2,000 events loads several times faster than through `list_events`.
    """
    stmt = _ordered(_filtered(
        select(EventRow.id, EventRow.key, EventRow.title, Category.name, EventRow.kind, EventRow.primary,
               EventRow.summary, EventRow.line, EventRow.offset, EventRow.position, Document.name,
               EventRow.sequence, EventRow.updated_at)
        .join(Category, EventRow.category_id == Category.id).join(Document, EventRow.document_id == Document.id),
        flt))
    rows = session.execute(stmt).all()
    tags: dict[int, list[str]] = {}
    ids = _filtered(select(EventRow.id), flt)
    for event_id, tag in session.execute(select(EventTag.event_id, EventTag.tag).where(EventTag.event_id.in_(ids))
                                         .order_by(EventTag.event_id, EventTag.position)):
        tags.setdefault(event_id, []).append(tag)
    return [StoredEvent(id=r[0], document=r[10], sequence=r[11], updated_at=r[12], event=Event(
        key=r[1], title=r[2], category=r[3], kind=EventKind(r[4]), body="", summary=r[6],
        source=Source(line=r[7], offset=r[8]), primary=DateSpan.from_json(r[5]) if r[5] else None,
        tags=tuple(tags.get(r[0], ())), position=r[9])) for r in rows]
