"""The schema, as SQLAlchemy 2 typed models. Only Alembic migrations create or change it."""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any, Optional

from sqlalchemy import (JSON, Date, DateTime, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Text,
                        TypeDecorator, text)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from timeline.events import limits
from timeline.store.search.indexes import POSTGRES_INDEXES

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator):
    """Aware UTC datetimes on every backend (SQLite would hand back naive ones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return value.replace(tzinfo=timezone.utc) if value is not None else None


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(limits.MAX_DOCUMENT_NAME), unique=True)
    year: Mapped[Optional[int]]
    layout: Mapped[str] = mapped_column(String(20))
    path: Mapped[str] = mapped_column(String(limits.MAX_PATH))
    sha256: Mapped[str] = mapped_column(String(64))
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime())

    events: Mapped[list[EventRow]] = relationship(back_populates="document", cascade="all, delete-orphan")


class Category(Base):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(limits.MAX_CATEGORY), unique=True)
    slug: Mapped[str] = mapped_column(String(limits.MAX_CATEGORY_SLUG), unique=True)  # ASCII, for short feed URLs


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (
        # The timeline order (queries._ordered) within a year and overall, so a page of the
        # API or a year's list is read in index order instead of sorting 100,000 rows.
        Index("ix_events_year_order", "year", "start_date", "end_date", "document_id", "position"),
        Index("ix_events_order", "start_date", "end_date", "document_id", "position"),
        Index("ix_events_end_date", "end_date"),                 # from= (events ending on or after)
        Index("ix_events_category_year", "category_id", "year"),  # category feeds, category + year
        Index("ix_events_kind", "kind"),                          # kind=overview / xref are rare
        # A feed's ETag reads its events' digests in feed order (timeline.store.feeds): from
        # this index alone, not from the end of each long row (all.ics: 0.27 -> 0.08 s).
        Index("ix_events_feed", "start_date", "end_date", "document_id", "position", "ics_digest", "ics_tzid",
              sqlite_where=text("ics IS NOT NULL"), postgresql_where=text("ics IS NOT NULL")),
        # Substring search on PostgreSQL: the trigram, bigram and character GIN indexes
        # (SQLite's FTS5 tables are not models: SQLAlchemy has no virtual tables).
        *POSTGRES_INDEXES,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"))
    title: Mapped[str] = mapped_column(String(limits.MAX_TITLE))
    kind: Mapped[str] = mapped_column(String(16))
    # The year the event is listed under: its start's year, else its document's year.
    year: Mapped[Optional[int]]
    start_date: Mapped[Optional[date]] = mapped_column(Date)
    end_date: Mapped[Optional[date]] = mapped_column(Date)
    precision: Mapped[Optional[str]] = mapped_column(String(16))
    primary: Mapped[Optional[dict]] = mapped_column(JSON)
    summary: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    mentions: Mapped[list] = mapped_column(JSON)
    moments: Mapped[list] = mapped_column(JSON)
    footnotes: Mapped[list] = mapped_column(JSON)
    captions: Mapped[list] = mapped_column(JSON)
    line: Mapped[int]
    offset: Mapped[int] = mapped_column(Integer)
    position: Mapped[int]
    # SEQUENCE and DTSTAMP as published (a copy of its PublishedEvent row, kept with it).
    sequence: Mapped[int] = mapped_column(default=0)
    content_hash: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The event's VEVENT in feeds, up to its URL (timeline.ical.vevent); NULL when feeds
    # leave it out. ics_digest identifies those bytes (feeds' ETags are made of them),
    # ics_tzid says they name the time zone (the feed then carries its VTIMEZONE), and
    # ics_format is the ical.FORMAT_VERSION that made them (timeline.store.publish).
    ics: Mapped[Optional[bytes]] = mapped_column(LargeBinary)
    ics_digest: Mapped[Optional[str]] = mapped_column(String(32))
    ics_tzid: Mapped[Optional[bool]]
    ics_format: Mapped[Optional[int]]

    document: Mapped[Document] = relationship(back_populates="events")
    category: Mapped[Category] = relationship()
    tags: Mapped[list[EventTag]] = relationship(cascade="all, delete-orphan", order_by="EventTag.position")


class EventTag(Base):
    __tablename__ = "event_tags"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(limits.MAX_TAG), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(default=0)


class DataVersion(Base):
    """One row that moves forward on every change, deletions included: feeds' validators."""

    __tablename__ = "data_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int]
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PublishedEvent(Base):
    """Every UID the feeds ever carried, with its last SEQUENCE and DTSTAMP: kept when its
    event is removed, so a restored event never goes back to an older SEQUENCE."""

    __tablename__ = "published_events"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)   # the UID's key
    sequence: Mapped[int]
    stamp: Mapped[datetime] = mapped_column(UTCDateTime())           # DTSTAMP, LAST-MODIFIED
    content: Mapped[Optional[str]] = mapped_column(String(32))       # timeline.ical.Published
    schedule: Mapped[Optional[str]] = mapped_column(String(32))
