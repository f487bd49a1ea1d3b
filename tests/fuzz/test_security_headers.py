"""The security headers are on every response: pages, JSON, calendars, static files,
redirects, 304s and every error (400, 404, 405, 500; the 503 of an outage is checked in
tests/faults/test_outage.py)."""
from __future__ import annotations

import logging

import pytest

from web.security import HEADERS

CASES = [
    ("/", 302), ("/2020", 200), ("/events/{key}", 200), ("/api/events?year=2020", 200),
    ("/api/categories", 200), ("/calendar.ics?tag=会议", 200), ("/feeds/all.ics", 200),
    ("/feeds/2020.ics", 200), ("/feeds/category/gui-hua-jian-she.ics", 200), ("/events/{key}.ics", 200),
    ("/static/style.css", 200),
    ("/2020?from=someday", 400), ("/api/events?year=MMXX", 400), ("/calendar.ics?kind=party", 400),
    ("/1999", 404), ("/no/such/page", 404), ("/events/no-such-event", 404), ("/api/no-such", 404),
    ("/events/no-such-event.ics", 404), ("/feeds/category/no-such.ics", 404), ("/2020?category=无此分类", 404),
    ("/api/events?category=无此分类", 404),
]


@pytest.fixture(scope="module")
def key(app) -> str:
    return app.test_client().get("/api/events?year=2020").get_json()["events"][0]["key"]


def assert_headers(response) -> None:
    for name, value in HEADERS.items():
        assert response.headers.get(name) == value, name


@pytest.mark.parametrize("path, status", CASES)
def test_every_kind_of_response_has_the_headers(client, key, path, status):
    response = client.get(path.format(key=key))
    response.close()   # a static file is streamed from an open file
    assert response.status_code == status
    assert_headers(response)


def test_not_modified_and_wrong_method_have_them(client):
    etag = client.get("/feeds/all.ics").headers["ETag"]
    response = client.get("/feeds/all.ics", headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert_headers(response)
    response = client.post("/api/events")
    assert response.status_code == 405
    assert_headers(response)


def test_an_unexpected_error_has_them(seeded_url, caplog):
    from web import create_app

    app = create_app({"DATABASE_URL": seeded_url, "PROPAGATE_EXCEPTIONS": False})

    @app.get("/boom")
    def boom():
        raise RuntimeError("a bug")

    with caplog.at_level(logging.CRITICAL):
        response = app.test_client().get("/boom")
    assert response.status_code == 500
    assert_headers(response)
    app.extensions["timeline.engine"].dispose()
