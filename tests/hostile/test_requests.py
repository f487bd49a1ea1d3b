"""Hostile requests, on both databases: malformed or lying Host headers, huge numbers, long
dates. Each is a 400 naming what is wrong, or is ignored; never a 500."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.support import ROOT, seed_database
from web.hosts import ConfigError

PATHS = ["/", "/2020", "/events/x", "/feeds/all.ics", "/feeds/2020.ics", "/calendar.ics", "/api/events",
         "/api/categories", "/healthz", "/readyz", "/no/such/page"]
BAD_HOSTS = ["bad host", "a:b", "[::1", "x:99999", "x:0", "a/b", "a@b", "..", "a..b", "ex%00", "a" * 300,
             "é.example", "[1.2.3.4]", "x:-1", "-x.example"]
GOOD_HOSTS = ["evil.example", "evil.example:8443", "[::1]:80", "1.2.3.4:8080", "localhost"]


@pytest.fixture
def client(database_url):
    from web import create_app

    app = create_app({"TESTING": True, "DATABASE_URL": seed_database(database_url)})
    yield app.test_client()
    app.extensions["timeline.engine"].dispose()


@pytest.mark.parametrize("host", BAD_HOSTS)
def test_a_malformed_host_is_a_400(client, host):
    for path in PATHS:
        response = client.get(path, headers={"Host": host})
        assert response.status_code == 400, (host, path, response.status_code)
        assert b"malformed Host header" in response.data


def test_links_never_follow_the_host_header(client):
    """Without BASE_URL, feed URLs and subscribe links use the server's address; the same
    request under any Host gives the same bytes, so a cache keyed without Host is right."""
    bodies = {}
    for host in GOOD_HOSTS:
        for path in ("/2020", "/feeds/all.ics", "/calendar.ics?tag=会议", "/api/events?limit=2"):
            response = client.get(path, headers={"Host": host})
            assert response.status_code == 200, (host, path)
            assert "evil" not in response.get_data(as_text=True)
            vary = response.headers.get("Vary", "")
            assert "Host" not in vary and "Accept-Encoding" in vary   # compressed or not, by it alone
            bodies.setdefault(path, set()).add(response.data)
    assert all(len(variants) == 1 for variants in bodies.values()), {p: len(v) for p, v in bodies.items()}
    feed = client.get("/feeds/all.ics", headers={"Host": "evil.example"}).get_data(as_text=True)
    assert "URL:http://localhost/events/" in feed        # the test client's server name


@pytest.mark.parametrize("query, param", [
    ("offset=9223372036854775808", "offset"),           # 2^63
    ("offset=99999999999999999999999999", "offset"),
    ("offset=" + "9" * 5000, "offset"),
    ("limit=" + "9" * 5000, "limit"),
    ("year=" + "2" * 5000, "year"),
    ("year=9999", "year"),
    ("from=" + "2020年" * 2000, "from"),
    ("to=" + "9" * 100000, "to"),
    ("from=2020-01-01&to=" + "一" * 41, "to"),
    ("tag=" + "标" * 33, "tag"),
    ("category=" + "类" * 121, "category"),
    ("q=" + "湖" * 201, "q"),
])
def test_every_parameter_has_a_limit(client, query, param):
    # Paging is the API's; the filters are everyone's.
    for path in ("/api/events",) if param in ("limit", "offset") else ("/api/events", "/calendar.ics", "/2020"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400, (path, query[:40], response.status_code)
        assert param in response.get_data(as_text=True)
    assert client.get(f"/api/events?{query}").get_json()["parameter"] == param


def test_the_largest_offset_is_an_empty_page(client):
    page = client.get("/api/events?offset=1000000000").get_json()
    assert page["events"] == [] and page["count"] > 0 and page["next"] is None


@pytest.mark.parametrize("base_url", ["timeline.example.org", "ftp://x.example", "https://", "https://a b.example",
                                      "https://x.example/?q=1", "https://x.example:99999", "http://[::1/"])
def test_a_bad_base_url_stops_the_start(sqlite_url, base_url):
    from web import create_app

    with pytest.raises(ConfigError, match="TIMELINE_BASE_URL must be an absolute http"):
        create_app({"TESTING": True, "DATABASE_URL": sqlite_url, "BASE_URL": base_url})


@pytest.mark.slow   # runs `timeline` in a process of its own
def test_serve_with_a_bad_base_url_says_so_in_one_line(sqlite_url):
    done = subprocess.run([sys.executable, "-m", "web.cli", "--database-url", sqlite_url, "serve", "--port", "1"],
                          capture_output=True, text=True, cwd=ROOT, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "TIMELINE_BASE_URL": "not a url"})
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "Error: TIMELINE_BASE_URL must be an absolute http(s) URL such as https://timeline.example.org "
        "(a path is allowed, no query): got 'not a url'"]
