"""Read side: every query the web pages, the JSON API, the feeds and export use: filters,
order and paging. What `q` matches, and through which index, is timeline.store.search."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timezone

from sqlalchemy import Integer, Select, any_, func, literal, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from timeline.events.model import ListedEvent, StoredEvent
from timeline.events.validate import supported_year
from timeline.store.models import Category, DataVersion, Document, EventRow, EventTag
from timeline.store.search.match import matches, search_words
from timeline.store.rows import listed_from_row, stored_from_row

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class EventFilter:
    """A view of the events; every field narrows it, empty fields do not."""

    year: int | None = None
    categories: tuple[str, ...] = ()          # category names (any of)
    tags: tuple[str, ...] = ()                # any of
    q: str | None = None                      # words, each a substring of title or body (all of them)
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


def _filtered(session: Session, stmt: Select, flt: EventFilter) -> Select:
    if flt.year is not None:
        stmt = stmt.where(EventRow.year == flt.year)
    if flt.categories:
        stmt = stmt.where(EventRow.category_id.in_(
            select(Category.id).where(Category.name.in_(flt.categories))))
    if flt.tags:
        # EXISTS, not IN (subquery): SQLite runs an IN subquery first and then looks up every
        # event with the tag (12,000 of 100,000 for a common one: 18 ms), even when ?year=
        # leaves 2,000; with EXISTS it walks the year or order index and probes the tag's
        # primary key (0.3 ms). PostgreSQL plans both as the same semi-join.
        stmt = stmt.where(select(EventTag.event_id).where(EventTag.event_id == EventRow.id,
                                                          EventTag.tag.in_(flt.tags)).exists())
    search = matches(session, flt.q, within_year=flt.year is not None)
    if search is not None:
        stmt = stmt.where(search)
    if flt.date_from is not None:
        stmt = stmt.where(EventRow.end_date >= flt.date_from)
    if flt.date_to is not None:
        stmt = stmt.where(EventRow.start_date <= flt.date_to)
    if flt.kinds:
        stmt = stmt.where(EventRow.kind.in_(flt.kinds))
    return stmt


def _timeline_order(c) -> tuple:
    """The timeline order over `c`: EventRow, or the columns of a subquery of its order keys.

    Undated events (cross-references) after the dated ones; document order breaks ties.
    NULLS LAST is PostgreSQL's default for ASC, so there ix_events_order and
    ix_events_year_order give this order without a sort.
    """
    return (c.start_date.nulls_last(), c.end_date, c.document_id, c.position)


def _ordered(stmt: Select) -> Select:
    return stmt.order_by(*_timeline_order(EventRow))


_LIGHT_COLUMNS = (EventRow.id, EventRow.key, EventRow.title, Category.name.label("category"), EventRow.kind,
                  EventRow.primary, EventRow.summary, EventRow.line, EventRow.offset, EventRow.position,
                  Document.name.label("document"), EventRow.sequence, EventRow.updated_at)
_WHOLE_COLUMNS = _LIGHT_COLUMNS + (EventRow.body, EventRow.mentions, EventRow.moments, EventRow.footnotes,
                                   EventRow.captions)


def _event_rows(columns: tuple) -> Select:
    """Flat event rows with their category and document names (the columns stored_from_row reads)."""
    return select(*columns).join(Category).join(Document)


def _whole_events(session: Session, rows: list, ids: list[int] | Select) -> list[StoredEvent]:
    """StoredEvents from flat rows of _WHOLE_COLUMNS, with the tags of `ids` (the rows' ids,
    or a SELECT of them when a whole view has too many to bind)."""
    tags = _tags(session, ids)
    return [stored_from_row(r, tags.get(r.id, ())) for r in rows]


def list_events(session: Session, flt: EventFilter = EventFilter()) -> list[StoredEvent]:
    """Every event of `flt` in timeline order, whole (bodies, mentions, moments...).

    Flat rows plus one query for the tags, no ORM objects: a feed of thousands spends its
    time in the database, not in building objects.
    """
    stmt = _ordered(_filtered(session, _event_rows(_WHOLE_COLUMNS), flt))
    rows = session.connection().execute(stmt).all()   # Core: flat rows need no ORM result machinery
    return _whole_events(session, rows, _filtered(session, select(EventRow.id), flt))


@dataclass(frozen=True)
class Page:
    """Some events of a view, and how many the whole view holds."""

    events: list[StoredEvent]
    count: int


def page_events(session: Session, flt: EventFilter = EventFilter(), *, limit: int, offset: int = 0) -> Page:
    """`limit` events of `flt` from `offset`, whole and in timeline order, and the view's count.

    Without a search the page walks an order index and stops after `limit` rows; the count
    is a second, index-only query (none when a first page is short: it is the whole view).
    A search must find every match to count them, so it is run once: the matches' ids and
    order keys are gathered, counted and paged in the same statement, and only the page's
    rows are read whole. Run twice (count, then page) a word in 12 % of 100,000 events cost
    two scans of 12,000 rows and a join of every match's whole row for the sort.
    """
    if search_words(flt.q):
        rows = session.connection().execute(_search_page(session, flt, limit, offset)).all()
        known = rows[0].total if rows else (0 if offset == 0 else None)
    else:
        stmt = _ordered(_filtered(session, _event_rows(_WHOLE_COLUMNS), flt)).offset(offset).limit(limit)
        rows = session.connection().execute(stmt).all()
        known = len(rows) if offset == 0 and len(rows) < limit else None
    events = _whole_events(session, rows, [r.id for r in rows])
    return Page(events, count_events(session, flt) if known is None else known)


def _search_page(session: Session, flt: EventFilter, limit: int, offset: int) -> Select:
    """One page of a search's whole rows, each with `total`, the number of matches."""
    hits = _filtered(session, select(EventRow.id, EventRow.start_date, EventRow.end_date, EventRow.document_id,
                                     EventRow.position), flt).cte("search_hits")
    if session.get_bind().dialect.name == "postgresql":
        # Referenced twice, PostgreSQL would materialize it anyway (12+); saying so keeps a
        # future planner from inlining the search into both the count and the page.
        hits = hits.prefix_with("MATERIALIZED")
    page = select(hits.c.id).order_by(*_timeline_order(hits.c)).offset(offset).limit(limit).subquery("page")
    total = select(func.count()).select_from(hits).scalar_subquery().label("total")
    return _ordered(_event_rows(_WHOLE_COLUMNS + (total,)).join(page, page.c.id == EventRow.id))


def count_events(session: Session, flt: EventFilter = EventFilter()) -> int:
    return session.scalar(_filtered(session, select(func.count(EventRow.id)), flt)) or 0


def _tags(session: Session, ids: list[int] | Select) -> dict[int, tuple[str, ...]]:
    """Tags by event id, in their order, for a list of ids or a SELECT of ids."""
    if isinstance(ids, list) and session.get_bind().dialect.name == "postgresql":
        # One array parameter: PostgreSQL plans it through the primary key, where an IN list
        # of 500 parameters made it scan all of event_tags (6-15 ms at 100,000 events).
        where = EventTag.event_id == any_(literal(ids, ARRAY(Integer)))
    else:
        where = EventTag.event_id.in_(ids)
    found: dict[int, list[str]] = {}
    stmt = select(EventTag.event_id, EventTag.tag).where(where).order_by(EventTag.event_id, EventTag.position)
    for event_id, tag in session.connection().execute(stmt):
        found.setdefault(event_id, []).append(tag)
    return {event_id: tuple(tags) for event_id, tags in found.items()}


def get_event(session: Session, key: str) -> StoredEvent | None:
    row = session.connection().execute(_event_rows(_WHOLE_COLUMNS).where(EventRow.key == key)).first()
    return stored_from_row(row, _tags(session, [row.id]).get(row.id, ())) if row else None


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
    stmt = (_filtered(session, stmt, replace(flt, categories=()))
            .group_by(Category.id, Category.name, Category.slug)
            # Categories in the order their documents introduce them (综述 first, as printed).
            .order_by(func.min(EventRow.document_id), func.min(EventRow.position)))
    return [CategoryCount(name, slug, n) for name, slug, n in session.execute(stmt)]


def list_tags(session: Session, flt: EventFilter = EventFilter()) -> list[tuple[str, int]]:
    """Tags with their counts under `flt` (its tag choice ignored), most used first."""
    events = _filtered(session, select(EventRow.id), replace(flt, tags=()))
    stmt = (select(EventTag.tag, func.count()).where(EventTag.event_id.in_(events))
            .group_by(EventTag.tag).order_by(func.count().desc(), EventTag.tag))
    return [(tag, n) for tag, n in session.execute(stmt)]


def category_by_slug(session: Session, slug: str) -> str | None:
    return session.scalar(select(Category.name).where(Category.slug == slug))


def category_slug(session: Session, name: str) -> str | None:
    return session.scalar(select(Category.slug).where(Category.name == name))


def list_years(session: Session) -> list[int]:
    """The years that have events, ascending (the supported ones: a database filled before
    dates were validated may hold a 9999, which no page can show).

    A skip scan: one index probe per year (`min(year) > the last`) instead of reading every
    row's year, which DISTINCT does on PostgreSQL (10 ms at 100,000 events, on every page).
    """
    years = select(func.min(EventRow.year).label("year")).cte("years", recursive=True)
    following = select(func.min(EventRow.year)).where(EventRow.year > years.c.year).scalar_subquery()
    years = years.union_all(select(following).where(years.c.year.is_not(None)))
    found = session.scalars(select(years.c.year).where(years.c.year.is_not(None)).order_by(years.c.year))
    return [year for year in found if supported_year(year)]


def list_documents(session: Session) -> list[tuple[str, int | None, int]]:
    stmt = (select(Document.name, Document.year, func.count(EventRow.id))
            .join(EventRow, isouter=True).group_by(Document.id).order_by(Document.name))
    return [tuple(r) for r in session.execute(stmt)]


def data_version(session: Session) -> Version:
    row = session.get(DataVersion, 1)
    return Version(row.version, row.changed_at) if row else Version(0, EPOCH)


def list_timeline(session: Session, flt: EventFilter = EventFilter()) -> list[ListedEvent]:
    """Like `list_events`, for long lists: each event without its text (a ListedEvent).

    body, mentions, moments, footnotes and captions are not read (the title, dates,
    summary, tags and source are): a year of 2,000 events loads several times faster than
    whole.
    """
    rows = session.connection().execute(
        _ordered(_filtered(session, _event_rows(_LIGHT_COLUMNS), flt))).all()
    tags = _tags(session, _filtered(session, select(EventRow.id), flt))
    return [listed_from_row(r, tags.get(r.id, ())) for r in rows]


def category_names(session: Session) -> list[tuple[str, str]]:
    """(name, slug) of every category, in the order they first appeared: a stable index
    for each (the web's colours), read from the small categories table alone."""
    return [(name, slug) for name, slug in session.execute(select(Category.name, Category.slug).order_by(Category.id))]


def year_counts(session: Session, flt: EventFilter = EventFilter()) -> list[tuple[int, int]]:
    """(year, events) for every year with events under `flt` (its year ignored), ascending."""
    stmt = (_filtered(session, select(EventRow.year, func.count(EventRow.id)), replace(flt, year=None))
            .where(EventRow.year.is_not(None)).group_by(EventRow.year).order_by(EventRow.year))
    return [(year, n) for year, n in session.execute(stmt)]
