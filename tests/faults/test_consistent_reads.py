"""Reads during an ingest see the document before or after it, never half.

A writer re-ingests one document again and again, alternating two versions of different
sizes and titles, each in one transaction. Meanwhile readers take the web's session (one
per request) and ask it two questions, as a page does: how many events, and which. Every
answer must describe one whole version: without a snapshot per session (SQLite's driver
opens no transaction for SELECTs; PostgreSQL's READ COMMITTED takes a snapshot per
statement) the count comes from one version and the list from the next.
"""
from __future__ import annotations

import threading
from datetime import datetime, timezone

from testkit.events import document, event
from timeline.store import db, queries
from timeline.store.ingest import store_document

SIZES = {"A": 20, "B": 45}
WRITES = 20


def version(name: str):
    # The first 20 keys are in both versions (updated in place), the rest come and go.
    return document(*(event(f"k{i}", f"{name}版本事件{i}", f"2020-03-{i % 28 + 1:02d}") for i in range(SIZES[name])),
                    name="changing-2020")


def observe(session) -> tuple[int, list[str]]:
    return queries.count_events(session), [s.event.title for s in queries.list_timeline(session)]


def whole_version(count: int, titles: list[str]) -> str | None:
    """The version the observation shows, or None when it mixes them."""
    names = {title[0] for title in titles}
    if len(names) == 1 and count == len(titles) == SIZES[min(names)]:
        return min(names)
    return None


def test_readers_see_whole_versions_only(database_url):
    from web import create_app
    from web.db import get_session

    db.upgrade(database_url)
    engine = db.make_engine(database_url)
    writer = db.make_writer(engine)
    with writer.begin() as session:
        store_document(session, version("A"), path="changing.txt", sha256="a" * 64, now=datetime.now(timezone.utc))
    app = create_app({"TESTING": True, "DATABASE_URL": database_url})

    done = threading.Event()
    errors: list[BaseException] = []
    observations: list[tuple[int, list[str]]] = []

    def write() -> None:
        try:
            for i in range(WRITES):
                with writer.begin() as session:
                    # The versions differ in size on purpose: a deliberate replacement.
                    store_document(session, version("BA"[i % 2]), path="changing.txt", sha256=f"{i:064d}",
                                   now=datetime.now(timezone.utc), allow_shrink=True)
        except BaseException as exc:  # noqa: BLE001 - reported by the test thread
            errors.append(exc)
        finally:
            done.set()

    def read() -> None:
        try:
            while not done.is_set():
                with app.app_context():
                    observations.append(observe(get_session()))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=write)] + [threading.Thread(target=read) for _ in range(3)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        done.set()
        app.extensions["timeline.engine"].dispose()
        engine.dispose()

    assert not errors, errors
    seen = [whole_version(count, titles) for count, titles in observations]
    mixed = [(count, len(titles)) for (count, titles), v in zip(observations, seen) if v is None]
    assert not mixed, f"{len(mixed)} of {len(observations)} reads saw half a version: {mixed[:5]}"
    assert {"A", "B"} <= set(seen), "the readers never ran while the writer did: the test proved nothing"
