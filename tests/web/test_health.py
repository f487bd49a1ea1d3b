"""/healthz (the process is up; no database) and /readyz (the database answers)."""
from __future__ import annotations

import pytest

from web import create_app


@pytest.fixture(scope="module")
def no_database_app():
    # Nothing listens on port 1: every connection is refused at once.
    return create_app({"TESTING": True, "DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/none"})


def test_healthz_answers_without_the_database(no_database_app):
    response = no_database_app.test_client().get("/healthz")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "ok\n"
    assert response.headers["Cache-Control"] == "no-store"
    assert int(response.headers["X-Worker-Pid"]) > 0


def test_readyz_is_503_when_the_database_is_down(no_database_app):
    response = no_database_app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["database"] == "unavailable"


def test_readyz_is_200_when_the_database_answers(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.get_json()["database"] == "ok" and response.get_json()["pid"] > 0
