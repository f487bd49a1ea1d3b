"""One database session per request, from an engine made once per app."""
from __future__ import annotations

from flask import Flask, current_app, g
from sqlalchemy.orm import Session

from timeline.store.db import make_engine, make_reader

EXTENSION = "timeline.sessionmaker"


def get_session() -> Session:
    """The request's session: read-only, one snapshot for the whole request, so a page's
    several queries never see two versions of a document being re-ingested."""
    if "db_session" not in g:
        g.db_session = current_app.extensions[EXTENSION]()
    return g.db_session


def close_session(_exc: BaseException | None = None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions[EXTENSION] = make_reader(engine)
    app.extensions["timeline.engine"] = engine
    app.teardown_appcontext(close_session)
