"""Values prepared beside the parse (timeline.store.prepare) change nothing that is stored."""
from __future__ import annotations

import dataclasses
import os
import pickle
from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from testkit.events import document, event
from timeline import ical
from timeline.pipeline import parse_document
from timeline.store import db, ingest
from timeline.store.ingest import store_document
from timeline.store.models import EventRow
from timeline.store.prepare import prepare
from timeline.store.queries import get_event
from timeline.store.search import indexes
from tests.support import SEED, migrate, snapshot

T0 = datetime(2021, 1, 1, tzinfo=timezone.utc)


def from_a_worker(parsed, prepared):
    """Both as a worker process hands them over: one pickle, so the prepared values refer to
    the document's own Event objects."""
    return pickle.loads(pickle.dumps((parsed, prepared)))


def load_and_read(url: str, parsed, prepared) -> dict[str, list[tuple]]:
    """`parsed` stored into an empty database at `url`: every row of every table then (the
    full-text index's too), and the database empty again."""
    migrate(url)
    engine = db.make_engine(url)
    try:
        with db.make_writer(engine).begin() as session:
            store_document(session, parsed, path="seed.txt", sha256="x", now=T0, prepared=prepared)
        rows = snapshot(url)
        if engine.dialect.name == "postgresql":
            with engine.begin() as conn:
                conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        return rows
    finally:
        engine.dispose()
        if url.startswith("sqlite:///"):
            os.remove(url.removeprefix("sqlite:///"))


def test_a_prepared_document_stores_exactly_what_an_unprepared_one_does(database_url):
    parsed = parse_document(SEED.read_bytes(), name="seed")
    plain = load_and_read(database_url, parsed, None)
    ready = prepare(parsed, search_terms=database_url.startswith("sqlite"))
    assert plain == load_and_read(database_url, *from_a_worker(parsed, ready))
    assert len(plain["events"]) == len(parsed.events) > 30


def test_a_prepared_document_is_stored_without_working_its_events_out_again(store, monkeypatch):
    parsed = parse_document(SEED.read_bytes(), name="seed")
    parsed, ready = from_a_worker(parsed, prepare(parsed, search_terms=True))

    def not_again(*args):
        raise AssertionError("worked out again")

    for module, name in ((ical, "published"), (ingest, "content_hash"), (indexes, "gram_terms")):
        monkeypatch.setattr(module, name, not_again)
    with store.begin() as session:
        assert store_document(session, parsed, path="seed.txt", sha256="x", now=T0, prepared=ready).added == 41


def test_values_prepared_for_other_events_are_not_used(store):
    original = document(event("a", "万马创新园启用", "2020-05-18"), event("b", "廊湾产业加速器揭牌", "2020-09-23"))
    ready = prepare(original, search_terms=True)
    # The same keys, other titles (as the store's validation or a hand-made document gives).
    changed = dataclasses.replace(original, events=tuple(dataclasses.replace(e, title=e.title + "（改）")
                                                         for e in original.events))
    with store.begin() as session:
        store_document(session, changed, path="doc.txt", sha256="x", now=T0, prepared=ready)
    with store() as session:
        assert get_event(session, "a").event.title == "万马创新园启用（改）"
        assert "SUMMARY:万马创新园启用（改）".encode() in session.scalar(select(EventRow.ics).where(EventRow.key == "a"))


def test_known_terms_answer_for_their_text_only_and_only_within():
    terms = {("标题", "正文"): indexes.gram_terms("标题", "正文")}
    with indexes.known_terms(terms):
        assert indexes._trigger_terms("标题", "正文") is terms[("标题", "正文")]
        assert indexes._trigger_terms("标题", "别的") == indexes.gram_terms("标题", "别的")
        assert indexes._trigger_terms(None, "正文") is None
    assert not indexes._KNOWN


@pytest.mark.parametrize("search_terms", [True, False])
def test_search_terms_are_prepared_for_sqlite_only(search_terms):
    parsed = document(event("a", "万马创新园启用", "2020-05-18"))
    ready = prepare(parsed, search_terms=search_terms)
    assert bool(ready.terms) is search_terms
    assert [p.event for p in ready.events] == list(parsed.events)


def test_a_long_document_leaves_its_search_terms_to_the_store(monkeypatch):
    from timeline.store import prepare as module

    parsed = document(event("a", "万马创新园启用", "2020-05-18"))
    size = len(parsed.events[0].title) + len(parsed.events[0].body)
    monkeypatch.setattr(module, "TERMS_UP_TO", size)
    assert prepare(parsed, search_terms=True).terms
    monkeypatch.setattr(module, "TERMS_UP_TO", size - 1)
    assert prepare(parsed, search_terms=True).terms == {}
