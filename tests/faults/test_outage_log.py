"""An outage seen through a cut network: every request during it is a 503 (the one whose
connection is cut mid-request too), and the log says so twice: once when it starts, once
when the database answers again. /healthz, which needs no database, is no recovery."""
from __future__ import annotations

import logging

import pytest
from sqlalchemy import event
from sqlalchemy.engine import make_url

from tests.faults.proxy import Proxy
from tests.support import seed_database

PATHS = ["/2020", "/api/events?year=2020", "/api/categories", "/feeds/all.ics", "/calendar.ics?tag=会议"]


@pytest.fixture
def proxied(postgres_url):
    """The seeded PostgreSQL database, reached by the app through a proxy the test cuts."""
    seed_database(postgres_url)
    url = make_url(postgres_url)
    proxy = Proxy((url.host, url.port))
    from web import create_app

    app = create_app({"TESTING": True,
                      "DATABASE_URL": url.set(port=proxy.port).render_as_string(hide_password=False)})
    yield app, proxy
    app.extensions["timeline.engine"].dispose()
    proxy.close()


@pytest.mark.postgres
def test_an_outage_is_two_log_lines_and_only_503s(proxied, caplog):
    app, proxy = proxied
    client = app.test_client()
    assert {client.get(p).status_code for p in PATHS} == {200}

    statements = []

    def cut_on_the_second_statement(*_args):
        statements.append(1)
        if len(statements) == 2:
            proxy.cut()

    engine = app.extensions["timeline.engine"]
    caplog.set_level(logging.DEBUG, logger="web.errors")
    caplog.clear()
    event.listen(engine, "before_cursor_execute", cut_on_the_second_statement)
    try:
        response = client.get("/2020")           # the year page runs several statements
    finally:
        event.remove(engine, "before_cursor_execute", cut_on_the_second_statement)
    assert len(statements) >= 2 and response.status_code == 503, response.get_data(as_text=True)[:500]

    for _ in range(3):
        for path in PATHS:
            assert client.get(path).status_code == 503, path
            assert client.get("/healthz").status_code == 200
        assert client.get("/readyz").status_code == 503
    lines = [(r.levelname, r.getMessage()) for r in caplog.records if r.levelno >= logging.INFO]
    assert len(lines) == 1 and lines[0][0] == "ERROR", lines
    assert lines[0][1].startswith("database unavailable, answering 503:")
    assert "Traceback" not in caplog.text

    proxy.restore()
    caplog.clear()
    assert client.get("/healthz").status_code == 200
    assert {client.get(p).status_code for p in PATHS} == {200}
    lines = [(r.levelname, r.getMessage()) for r in caplog.records if r.levelno >= logging.INFO]
    assert len(lines) == 1 and lines[0][1].startswith("database reachable again"), lines
