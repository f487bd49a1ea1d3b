"""While PostgreSQL is down the app answers 503 (with Retry-After, JSON or HTML as the route
speaks), logs the outage once without a traceback, and serves again by itself when the
server is back: same app, same engine, no restart.

The server is a private cluster this test stops the hard way (pg_ctl -m immediate: no
goodbye to connected clients, as in a crash or a failover).
"""
from __future__ import annotations

import logging

import pytest

from tests.support import SEED, ingest_path
from timeline.store import db
from web.security import HEADERS

ROUTES = {   # path -> what the 503 body is
    "/2020": "html",
    "/": "html",
    "/events/{key}": "html",
    "/api/events?year=2020": "json",
    "/api/categories": "json",
    "/calendar.ics?tag=会议": "json",
    "/feeds/all.ics": "json",
    "/events/{key}.ics": "json",
}


@pytest.fixture
def outage_app(private_postgres):
    from web import create_app

    db.upgrade(private_postgres.url)
    engine = db.make_engine(private_postgres.url)
    ingest_path(db.make_sessionmaker(engine), SEED)
    engine.dispose()
    app = create_app({"TESTING": True, "DATABASE_URL": private_postgres.url})
    yield app
    app.extensions["timeline.engine"].dispose()


def get_all(client, key: str):
    return {path: client.get(path.format(key=key)) for path in ROUTES}


def test_503_while_postgres_is_down_then_recovers(outage_app, private_postgres, caplog):
    client = outage_app.test_client()
    key = client.get("/api/events?year=2020").get_json()["events"][0]["key"]
    healthy = {path: r.status_code for path, r in get_all(client, key).items()}
    assert set(healthy.values()) <= {200, 302}, healthy   # "/" redirects to the latest year

    private_postgres.stop("immediate")
    caplog.clear()
    with caplog.at_level(logging.DEBUG):
        for _ in range(2):
            for path, response in get_all(client, key).items():
                assert response.status_code == 503, (path, response.status_code)
                assert int(response.headers["Retry-After"]) > 0
                assert response.headers["Cache-Control"] == "no-store"
                for name, value in HEADERS.items():
                    assert response.headers[name] == value, (path, name)
                if ROUTES[path] == "json":
                    assert response.is_json and "database unavailable" in response.get_json()["error"]
                else:
                    assert response.mimetype == "text/html" and "暂时无法访问" in response.get_data(as_text=True)

    problems = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [(r.name, r.levelno) for r in problems] == [("web.errors", logging.ERROR)], \
        [(r.name, r.getMessage()) for r in problems]   # one line for the outage, no more
    assert not any(r.exc_info for r in caplog.records), "a traceback was logged"

    private_postgres.start()
    caplog.clear()
    with caplog.at_level(logging.INFO):
        back = {path: r.status_code for path, r in get_all(client, key).items()}
    assert back == healthy
    assert [r.getMessage() for r in caplog.records if r.name == "web.errors" and r.levelno >= logging.INFO] == \
        ["database reachable again"]


def test_a_bug_is_not_an_outage(app):
    """Only errors that say the database is unreachable become 503; others stay errors."""
    from sqlalchemy import exc

    from web.errors import is_unavailable

    class Orig(Exception):
        pass

    assert is_unavailable(exc.OperationalError("SELECT 1", {}, Orig("server closed the connection")))
    assert is_unavailable(exc.TimeoutError("QueuePool limit reached"))
    assert is_unavailable(exc.DBAPIError("SELECT 1", {}, Orig("gone"), connection_invalidated=True))
    assert not is_unavailable(exc.ProgrammingError("SELEC 1", {}, Orig("syntax error")))
    assert not is_unavailable(exc.IntegrityError("INSERT", {}, Orig("duplicate key")))
