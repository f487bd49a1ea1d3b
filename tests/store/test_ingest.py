"""The ingest upsert on both databases: idempotence, updates, removals, key stability."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select

from testkit.events import document, event
from timeline.store.ingest import slugify, store_document
from timeline.store.models import EventRow
from timeline.store.queries import EventFilter, data_version, get_event, list_categories, list_events

T0 = datetime(2021, 1, 1, tzinfo=timezone.utc)

BASE = document(
    event("a", "万马创新园启用", "2020-05-18", tags=("启用/开业/通车",)),
    event("b", "廊湾产业加速器揭牌", "2020-09-23", category="科技研发", tags=("揭牌/成立",)),
    event("c", "青山湖宝龙广场开业", None),
)


def load(store, parsed, now=T0):
    with store.begin() as session:
        return store_document(session, parsed, path="doc.txt", sha256="x", now=now)


def stored(store, key):
    with store() as session:
        return get_event(session, key)


def test_first_ingest_adds_every_event_with_its_fields(store):
    report = load(store, BASE)
    assert (report.added, report.updated, report.removed) == (3, 0, 0)
    a = stored(store, "a")
    assert a.event.title == "万马创新园启用"
    assert a.event.tags == ("启用/开业/通车",)
    assert (str(a.event.start), a.sequence, a.updated_at) == ("2020-05-18", 0, T0)
    assert stored(store, "c").event.primary is None


def test_first_ingest_without_insert_returning(store, monkeypatch):
    # SQLite before 3.35 has no RETURNING: the rows are inserted and their ids read back.
    monkeypatch.setattr(store.kw["bind"].dialect, "insert_executemany_returning", False)
    assert load(store, BASE).added == 3
    assert stored(store, "a").event.tags == ("启用/开业/通车",)
    with store() as session:
        assert list_events(session, EventFilter(q="揭牌"))[0].event.key == "b"


def test_same_document_twice_changes_nothing(store):
    load(store, BASE)
    with store() as session:
        before = data_version(session)
    report = load(store, BASE, now=T0 + timedelta(hours=1))
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 0, 0, 3)
    with store() as session:
        assert data_version(session) == before
        assert session.scalar(select(func.count(EventRow.id))) == 3
    assert stored(store, "a").updated_at == T0


def test_corrected_date_keeps_key_and_bumps_sequence(store):
    load(store, BASE)
    fixed = document(event("a2", "万马创新园启用", "2020-05-19", tags=("启用/开业/通车",)), *BASE.events[1:])
    report = load(store, fixed, now=T0 + timedelta(days=1))
    assert (report.added, report.updated, report.removed) == (0, 1, 0)
    a = stored(store, "a")
    assert str(a.event.start) == "2020-05-19"
    assert a.sequence == 1
    assert a.updated_at == T0 + timedelta(days=1)
    assert stored(store, "a2") is None


def test_changed_tags_update_without_rescheduling(store):
    load(store, BASE)
    retagged = document(event("a", "万马创新园启用", "2020-05-18", tags=("开工",)), *BASE.events[1:])
    assert load(store, retagged).updated == 1
    a = stored(store, "a")
    assert (a.event.tags, a.sequence) == (("开工",), 0)


def test_vanished_event_is_removed_and_version_moves(store):
    load(store, BASE)
    with store() as session:
        before = data_version(session)
    report = load(store, document(*BASE.events[:2]), now=T0 + timedelta(minutes=5))
    assert report.removed == 1
    with store() as session:
        after = data_version(session)
        assert [e.event.key for e in list_events(session)] == ["a", "b"]
    assert after.number > before.number and after.changed_at > before.changed_at


def test_documents_live_side_by_side(store):
    load(store, BASE)
    other = document(event("z", "青山湖峰会", "2021-09-10"), name="doc-2021", year=2021)
    load(store, other)
    with store() as session:
        assert len(list_events(session)) == 4
        assert [e.event.key for e in list_events(session, EventFilter(year=2021))] == ["z"]
        # the 2020 document stays whole after the 2021 one arrived
        assert len(list_events(session, EventFilter(year=2020))) == 3


def test_categories_get_ascii_slugs_and_counts(store):
    load(store, BASE)
    with store() as session:
        cats = list_categories(session)
    assert [(c.name, c.slug, c.count) for c in cats] == [("规划建设", "gui-hua-jian-she", 2),
                                                         ("科技研发", "ke-ji-yan-fa", 1)]
    assert slugify("Link Park 产业") == "link-park-chan-ye"
