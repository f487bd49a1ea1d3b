"""The HTTP feeds (web.feeds) over a real SQLite file: content, validators, errors."""
from __future__ import annotations

import gzip
import importlib.util
import logging
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import icalendar
import pytest
from werkzeug.http import http_date

from tests.support import SEED, ingest_path, migrate, require
from timeline import ical
from timeline.events.model import ParsedDocument
from timeline.store import db
from timeline.store.ingest import store_document
from web import feeds

from testkit import feed_events as data
from .helpers import parse_all

T0 = datetime(2021, 3, 4, 5, 6, 7, tzinfo=timezone.utc)
ALL_FEEDS = ["/feeds/all.ics", "/feeds/2020.ics", "/calendar.ics", "/calendar.ics?category=商业",
             "/events/qsh2020-yuanjiajun-0916.ics"]


def document(*stored, name: str = "qingshanhu-2020") -> ParsedDocument:
    return ParsedDocument(name=name, year=2020, layout="yearbook", events=tuple(
        replace(s.event, position=i) for i, s in enumerate(stored)))


class Site:
    """A migrated SQLite file, an app over it and a way to (re-)ingest documents."""

    def __init__(self, url: str):
        from web import create_app

        migrate(url)
        self.engine = db.make_engine(url)
        self.sessions = db.make_sessionmaker(self.engine)
        cache = Path(url.removeprefix("sqlite:///")).parent / "feed-cache"   # this test's own
        self.app = create_app({"TESTING": True, "DATABASE_URL": url, "BASE_URL": data.BASE_URL,
                               "FEED_CACHE_DIR": str(cache)})
        self.client = self.app.test_client()

    def ingest(self, parsed: ParsedDocument, now: datetime = T0):
        with self.sessions.begin() as session:
            return store_document(session, parsed, path="test.txt", sha256="x", now=now)

    def close(self):
        self.app.extensions["timeline.engine"].dispose()
        self.engine.dispose()


@pytest.fixture
def site(sqlite_url):
    s = Site(sqlite_url)
    s.ingest(document(*data.ALL))
    yield s
    s.close()


def uids(body: bytes) -> list[str]:
    return sorted(str(e["UID"]) for e in icalendar.Calendar.from_ical(body).events)


def day_uids(events=data.DAY_EVENTS) -> list[str]:
    return sorted(ical.event_uid(s.event.key) for s in events)


@pytest.mark.parametrize("path", ALL_FEEDS)
def test_feeds_are_calendars_with_cache_headers(site, path):
    response = site.client.get(path, headers={"Accept": "application/json"})
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Cache-Control"] == "public, max-age=3600"
    assert "Content-Encoding" not in response.headers
    assert "Accept-Encoding" in response.headers["Vary"]
    etag, weak = response.get_etag()
    assert etag and not weak
    assert response.last_modified == T0
    parsed = parse_all(response.data)
    assert len({len(v) for v in parsed.values()}) == 1 and parsed["icalendar"]


@pytest.mark.parametrize("path", ALL_FEEDS)
def test_gzip_when_the_client_asks(site, path):
    plain = site.client.get(path)
    packed = site.client.get(path, headers={"Accept-Encoding": "br;q=1, gzip;q=0.5"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.data) == plain.data
    assert packed.headers["ETag"] == plain.headers["ETag"][:-1] + '-gzip"'
    assert "Accept-Encoding" in packed.headers["Vary"]
    # either representation's ETag revalidates
    for etag in (plain.headers["ETag"], packed.headers["ETag"]):
        again = site.client.get(path, headers={"Accept-Encoding": "gzip", "If-None-Match": etag})
        assert again.status_code == 304 and again.headers["ETag"] == packed.headers["ETag"]
    refused = site.client.get(path, headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "Content-Encoding" not in refused.headers and refused.data == plain.data


def test_the_all_feed_holds_the_day_events(site):
    assert uids(site.client.get("/feeds/all.ics").data) == day_uids()


def test_a_filtered_view_is_the_same_calendar_whichever_url_serves_it(site):
    a = site.client.get("/feeds/2020.ics")
    b = site.client.get("/calendar.ics?year=2020")
    assert a.data == b.data and a.headers["ETag"] == b.headers["ETag"]
    assert site.client.get("/feeds/all.ics").headers["ETag"] != a.headers["ETag"]
    assert "X-WR-CALNAME:年鉴大事 · 2020年" in b.data.decode()


def test_calendar_ics_filters_like_the_api(site):
    by_category = site.client.get("/calendar.ics?category=商业")
    assert uids(by_category.data) == day_uids([data.TIMED_NO_END, data.DATED_XREF])
    by_tag = site.client.get("/calendar.ics?tag=会议&tag=签约")
    assert uids(by_tag.data) == day_uids([data.MORNING, data.TIMED])
    by_dates = site.client.get("/calendar.ics?from=2020-09&to=2020-09-16")
    assert uids(by_dates.data) == day_uids([data.VISIT])
    by_text = site.client.get("/calendar.ics", query_string={"q": "袁家军"})
    assert uids(by_text.data) == day_uids([data.VISIT, data.MORNING])
    xrefs = site.client.get("/calendar.ics?kind=xref")
    assert uids(xrefs.data) == day_uids([data.DATED_XREF])


def test_category_feed_by_slug(site):
    from timeline.store.queries import category_slug

    with site.sessions() as session:
        slug = category_slug(session, "重要会议与活动")
    assert slug.isascii()
    response = site.client.get(f"/feeds/category/{slug}.ics")
    assert uids(response.data) == day_uids([data.VISIT, data.MORNING])
    # ?category= takes the slug as well as the name
    assert site.client.get(f"/calendar.ics?category={slug}").data == response.data


def test_one_event(site):
    response = site.client.get(f"/events/{data.TIMED.event.key}.ics")
    cal = icalendar.Calendar.from_ical(response.data)
    assert [str(e["UID"]) for e in cal.events] == [ical.event_uid(data.TIMED.event.key)]
    vague = site.client.get(f"/events/{data.XUN.event.key}.ics")
    assert "（2020年6月下旬）" in vague.data.decode()


@pytest.mark.parametrize("path", ["/feeds/category/no-such.ics", "/calendar.ics?category=无此栏目",
                                  "/events/no-such-key.ics",
                                  f"/events/{data.XREF.event.key}.ics"])
def test_unknown_category_or_event_is_404_json(site, path):
    response = site.client.get(path)
    assert response.status_code == 404
    assert response.is_json and response.json["error"]


@pytest.mark.parametrize("query, parameter", [
    ("year=abc", "year"), ("year=2020&year=2021", "year"), ("year=0", "year"),
    ("kind=party", "kind"), ("from=2020-13-01", "from"), ("to=2020-02-30", "to"),
    ("from=2020-10-01&to=2020-09-01", "from"), ("from=不是日期", "from"),
    ("q=" + "长" * 201, "q"),
])
def test_bad_parameters_are_400_json_naming_them(site, query, parameter):
    response = site.client.get(f"/calendar.ics?{query}")
    assert response.status_code == 400
    assert response.json["error"].startswith(parameter + ":")


@pytest.mark.parametrize("path", ALL_FEEDS)
def test_304_for_either_validator_without_rendering(site, path, monkeypatch):
    first = site.client.get(path)

    def boom(*args, **kwargs):
        raise AssertionError("rendered for a conditional request")

    for name in ("feed_digests", "feed_events", "get_event"):   # no events read, no body built
        monkeypatch.setattr(feeds, name, boom)
    monkeypatch.setattr(ical, "render_event", boom)
    for headers in ({"If-None-Match": first.headers["ETag"]},
                    {"If-None-Match": f'"other", W/{first.headers["ETag"]}'},
                    {"If-None-Match": "*"},
                    {"If-Modified-Since": first.headers["Last-Modified"]},
                    {"If-Modified-Since": http_date(T0 + timedelta(hours=1))}):
        response = site.client.get(path, headers=headers)
        assert response.status_code == 304, headers
        assert response.data == b""
        assert response.headers["ETag"] == first.headers["ETag"]
        assert response.headers["Cache-Control"] == first.headers["Cache-Control"]


def test_stale_validators_get_the_body(site):
    first = site.client.get("/feeds/all.ics")
    assert site.client.get("/feeds/all.ics", headers={"If-None-Match": '"other"'}).status_code == 200
    older = http_date(T0 - timedelta(seconds=1))
    assert site.client.get("/feeds/all.ics", headers={"If-Modified-Since": older}).status_code == 200
    # If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2)
    both = site.client.get("/feeds/all.ics", headers={"If-None-Match": '"other"',
                                                      "If-Modified-Since": first.headers["Last-Modified"]})
    assert both.status_code == 200


def test_validators_move_forward_on_every_change_deletions_included(site):
    first = site.client.get("/feeds/all.ics")
    later = T0 + timedelta(days=1)
    site.ingest(document(*(s for s in data.ALL if s is not data.TIMED)), now=later)  # a deletion
    second = site.client.get("/feeds/all.ics", headers={"If-None-Match": first.headers["ETag"]})
    assert second.status_code == 200
    assert second.headers["ETag"] != first.headers["ETag"]
    assert second.last_modified == later > first.last_modified
    assert ical.event_uid(data.TIMED.event.key) not in uids(second.data)
    assert site.client.get(f"/events/{data.TIMED.event.key}.ics").status_code == 404


def test_same_file_again_changes_nothing(site):
    first = site.client.get("/feeds/all.ics")
    report = site.ingest(document(*data.ALL), now=T0 + timedelta(days=2))
    assert not report.changed
    again = site.client.get("/feeds/all.ics")
    assert again.data == first.data and again.headers["ETag"] == first.headers["ETag"]


def test_a_changed_reingest_keeps_the_uid_and_raises_sequence(site):
    moved = replace(data.VISIT, event=replace(data.VISIT.event, primary=replace(
        data.VISIT.event.primary, start=date(2020, 9, 15))))
    later = T0 + timedelta(days=3)
    site.ingest(document(*(moved if s is data.VISIT else s for s in data.ALL)), now=later)
    uid = ical.event_uid(data.VISIT.event.key)
    (event,) = [e for e in icalendar.Calendar.from_ical(site.client.get("/feeds/all.ics").data).events
                if str(e["UID"]) == uid]
    assert event["SEQUENCE"] == 1
    assert event.DTSTART == date(2020, 9, 15)
    assert event.DTSTAMP == event.LAST_MODIFIED == later


def test_head(site):
    get = site.client.get("/feeds/all.ics")
    head = site.client.head("/feeds/all.ics")
    assert head.status_code == 200 and head.data == b""
    for name in ("Content-Type", "ETag", "Last-Modified", "Cache-Control", "Content-Length"):
        assert head.headers[name] == get.headers[name]
    assert site.client.head("/feeds/all.ics", headers={"If-None-Match": get.headers["ETag"]}).status_code == 304


def test_head_builds_no_body(site, monkeypatch):
    import timeline.store.feeds

    def boom(*args, **kwargs):
        raise AssertionError("a body was built for HEAD")

    monkeypatch.setattr(feeds, "feed_events", boom)
    head = site.client.head("/feeds/2020.ics")
    assert head.status_code == 200 and head.headers["ETag"] and "Content-Length" not in head.headers
    assert timeline.store.feeds.feed_events is not boom


def test_a_large_feed_is_logged(site, monkeypatch, caplog):
    monkeypatch.setattr(feeds, "LARGE_FEED", 100)
    with caplog.at_level(logging.WARNING, logger="web.feeds"):
        site.client.get("/feeds/all.ics")
    assert any("over 100" in r.getMessage() for r in caplog.records)


def test_links_follow_the_request_host_without_base_url(sqlite_url):
    from web import create_app

    migrate(sqlite_url)
    app = create_app({"TESTING": True, "DATABASE_URL": sqlite_url})
    with db.make_sessionmaker(db.make_engine(sqlite_url)).begin() as session:
        store_document(session, document(data.VISIT), path="t", sha256="x", now=T0)
    body = app.test_client().get("/feeds/all.ics", base_url="https://cal.example.net").data.decode()
    assert "URL:https://cal.example.net/events/" in body
    assert f"UID:{ical.event_uid(data.VISIT.event.key)}" in body
    app.extensions["timeline.engine"].dispose()


def test_seed_uids_survive_a_second_ingest(store):
    """The real pipeline twice over the seed: same UIDs, same bytes."""
    require(importlib.util.find_spec("timeline.pipeline") is not None, "timeline.pipeline missing")
    from timeline.store.queries import list_events

    def feed_now():
        with store() as session:
            return ical.render_calendar(list_events(session), base_url=data.BASE_URL,
                                        **ical.calendar_title())

    ingest_path(store, SEED, now=T0)
    first = feed_now()
    ingest_path(store, SEED, now=T0 + timedelta(days=1))
    assert feed_now() == first
    assert len(uids(first)) == len(set(uids(first))) > 0
