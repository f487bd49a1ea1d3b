"""Feeds under many polling clients (web.feedcache): 304s from a recently read data version
without the database, feed bodies built once per ETag and shared, changes seen within the TTL."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import pytest
from sqlalchemy import event

from tests.support import migrate
from testkit.handmade import handmade_document
from timeline.store import db
from timeline.store.ingest import store_document
from web import create_app, feeds

T0 = datetime(2021, 1, 1, tzinfo=timezone.utc)
FEEDS = ["/feeds/2020.ics", "/feeds/category/chan-ye-fa-zhan.ics", "/calendar.ics?tag=签约", "/events/sign.ics"]


class Site:
    def __init__(self, url: str, **config):
        migrate(url)
        self.engine = db.make_engine(url)
        self.ingest(handmade_document())
        self.app = create_app({"TESTING": True, "DATABASE_URL": url, **config})
        self.client = self.app.test_client()
        self.statements = 0
        event.listen(self.app.extensions["timeline.engine"], "before_cursor_execute", self._count)

    def _count(self, *_args):
        self.statements += 1

    def ingest(self, parsed, now=T0):
        with db.make_sessionmaker(self.engine).begin() as session:
            store_document(session, parsed, path="handmade.txt", sha256="0" * 64, now=now)

    def close(self):
        self.app.extensions["timeline.engine"].dispose()
        self.engine.dispose()


@pytest.fixture
def site(sqlite_url):
    s = Site(sqlite_url, FEED_VERSION_TTL=3600)
    yield s
    s.close()


def changed(now=datetime(2021, 2, 1, tzinfo=timezone.utc)):
    doc = handmade_document()
    return replace(doc, events=tuple(replace(e, title=e.title + "（修订）") for e in doc.events)), now


@pytest.mark.parametrize("path", FEEDS)
def test_304_within_the_ttl_reads_nothing(site, path):
    etag = site.client.get(path).headers["ETag"]
    site.statements = 0
    response = site.client.get(path, headers={"If-None-Match": etag})
    assert response.status_code == 304 and response.headers["ETag"] == etag
    assert site.statements == 0


@pytest.mark.parametrize("path", FEEDS)
def test_a_plain_request_sees_a_change_at_once(site, path):
    first = site.client.get(path)
    site.ingest(*changed())
    second = site.client.get(path)
    assert second.status_code == 200 and second.headers["ETag"] != first.headers["ETag"]
    assert "（修订）" in second.get_data(as_text=True)
    # The version read for it is the one validators use from now on.
    assert site.client.get(path, headers={"If-None-Match": second.headers["ETag"]}).status_code == 304


def test_within_the_ttl_a_conditional_request_may_be_answered_from_the_old_version(site):
    """The price of DB-free 304s: for FEED_VERSION_TTL seconds after a change, a client
    revalidating its old copy may be told it is current (production: 1 s)."""
    etag = site.client.get("/feeds/2020.ics").headers["ETag"]
    site.ingest(*changed())
    assert site.client.get("/feeds/2020.ics", headers={"If-None-Match": etag}).status_code == 304


def test_without_a_ttl_a_conditional_request_sees_a_change_at_once(sqlite_url):
    """FEED_VERSION_TTL 0, the default: the data version is read on every request."""
    site = Site(sqlite_url)
    try:
        etag = site.client.get("/feeds/2020.ics").headers["ETag"]
        site.ingest(*changed())
        assert site.client.get("/feeds/2020.ics", headers={"If-None-Match": etag}).status_code == 200
    finally:
        site.close()


def test_feed_bodies_are_built_once_per_etag_for_every_worker(sqlite_url, tmp_path, monkeypatch):
    """Two apps (two gunicorn workers) over one cache folder: the body is built once; a
    change builds it again."""
    builds = []
    real = feeds.feed_events
    monkeypatch.setattr(feeds, "feed_events", lambda *a: builds.append(1) or real(*a))
    one = Site(sqlite_url, FEED_CACHE_DIR=str(tmp_path))
    other = Site(sqlite_url, FEED_CACHE_DIR=str(tmp_path))
    try:
        first = one.client.get("/feeds/2020.ics")
        second = other.client.get("/feeds/2020.ics")
        assert first.data == second.data and first.headers["ETag"] == second.headers["ETag"]
        assert len(builds) == 1
        one.ingest(*changed())
        third = other.client.get("/feeds/2020.ics")
        assert len(builds) == 2 and third.data != first.data
    finally:
        one.close()
        other.close()


def test_unknown_category_is_still_404(site):
    assert site.client.get("/feeds/category/no-such.ics").status_code == 404
    assert site.client.get("/calendar.ics?category=没有").status_code == 404
    # Even with an If-None-Match that matches nothing.
    assert site.client.get("/feeds/category/no-such.ics", headers={"If-None-Match": '"x"'}).status_code == 404


def test_body_files_stay_within_their_budget(tmp_path):
    from web.feedcache import BodyFiles

    files = BodyFiles(tmp_path, budget=400)
    for i in range(10):
        body, built = files.get(str(i), lambda out: out.write(b"x" * 100))
        with body:
            assert built and body.read() == b"x" * 100
    kept = sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock"))
    assert len(kept) == 4 and "9" in kept and "0" not in kept
    body, built = files.get("9", lambda out: out.write(b"never"))
    with body:
        assert not built and body.read() == b"x" * 100
    body, built = files.get("big", lambda out: out.write(b"y" * 1000))   # over budget alone
    with body:
        assert built and body.read() == b"y" * 1000


def test_without_a_cache_bodies_are_built_each_time(tmp_path):
    from web.feedcache import BodyFiles

    files = BodyFiles(tmp_path, budget=0)
    for _ in range(2):
        body, built = files.get("a", lambda out: out.write(b"abc"))
        with body:
            assert built and body.read() == b"abc"
    assert not any(tmp_path.iterdir())
