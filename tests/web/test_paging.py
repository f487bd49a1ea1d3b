"""/api/events in pages: ?limit= (default 100, at most 5000) and ?offset=; `count` is the
whole view, `next` the URL of the following page while there is one."""
from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.web.test_seed import YEAR_EVENTS


def get(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def test_default_page_is_100_from_the_start(client):
    data = get(client, "/api/events")
    assert (data["limit"], data["offset"], data["next"]) == (100, 0, None)
    assert data["count"] == len(data["events"]) == YEAR_EVENTS


def test_pages_follow_next_to_the_whole_view_in_order(client):
    whole = [e["key"] for e in get(client, "/api/events?year=2020&limit=5000")["events"]]
    keys, url, pages = [], "/api/events?year=2020&limit=7", 0
    while url:
        data = get(client, url)
        assert data["count"] == YEAR_EVENTS and data["limit"] == 7 and len(data["events"]) <= 7
        keys += [e["key"] for e in data["events"]]
        url, pages = data["next"], pages + 1
    assert keys == whole and pages == -(-YEAR_EVENTS // 7)


def test_next_keeps_the_filters(client):
    data = get(client, "/api/events?category=科技研发&category=综述&q=&limit=4&offset=4")
    assert data["count"] == 15 and len(data["events"]) == 4
    parts = urlsplit(data["next"])
    assert parts.path == "/api/events"
    assert parse_qsl(parts.query, keep_blank_values=True) == [("category", "科技研发"), ("category", "综述"), ("q", ""),
                                      ("limit", "4"), ("offset", "8")]


def test_offset_past_the_end_is_an_empty_page(client):
    data = get(client, "/api/events?offset=1000")
    assert data["events"] == [] and data["count"] == YEAR_EVENTS and data["next"] is None


@pytest.mark.parametrize("query, param", [
    ("limit=0", "limit"),
    ("limit=5001", "limit"),
    ("limit=abc", "limit"),
    ("limit=-1", "limit"),
    ("limit=1.5", "limit"),
    ("limit=1&limit=2", "limit"),
    ("offset=-1", "offset"),
    ("offset=x", "offset"),
    ("offset=１", "offset"),
])
def test_bad_paging_is_400_naming_the_parameter(client, query, param):
    response = client.get("/api/events?" + query)
    assert response.status_code == 400
    body = response.get_json()
    assert body["parameter"] == param and body["error"].startswith(param + ":")
