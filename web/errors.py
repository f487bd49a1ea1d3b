"""503 while the database is unreachable: a clean answer, not a 500 with a traceback (and
a 404 for a URL path holding NUL, which PostgreSQL would refuse with one).

A request that cannot reach the database (server down or restarting, connection refused or
cut, pool exhausted, SQLite file locked past busy_timeout) gets 503 Service Unavailable with
Retry-After: JSON under /api/ and for feeds, a short HTML page otherwise. The outage is
logged once, in one line, when it starts, and once when a request succeeds again; the
requests in between log at DEBUG. Nothing has to be restarted: pooled connections are
pre-pinged (timeline.store.db.make_engine), so the first request after the database is back
gets a fresh connection.
"""
from __future__ import annotations

import logging
import threading

from flask import Flask, Response, abort, jsonify, render_template, request
from sqlalchemy import exc as sa_exc

log = logging.getLogger(__name__)

RETRY_AFTER = 10          # seconds: about what a database restart or failover takes
EXTENSION = "timeline.outage"


class Outage:
    """Whether this process is in a database outage, so it is logged once, not per request."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.down = False

    def failed(self, error: BaseException) -> None:
        with self._lock:
            started, self.down = not self.down, True
        if started:
            log.error("database unavailable, answering 503: %s", _one_line(error))
        else:
            log.debug("database still unavailable: %s", _one_line(error))

    def succeeded(self) -> None:
        if self.down:  # read without the lock: the common path stays free
            with self._lock:
                ended, self.down = self.down, False
            if ended:
                log.warning("database reachable again")


def is_unavailable(error: BaseException) -> bool:
    """True for errors that say the database cannot be reached now, not that a query is wrong.

    OperationalError is the DB-API's class for failures outside the program's control
    (refused or lost connection, server shutting down, database locked); a disconnect seen
    by SQLAlchemy sets connection_invalidated whatever the class; TimeoutError is the pool's.
    """
    if isinstance(error, (sa_exc.OperationalError, sa_exc.TimeoutError)):
        return True
    return isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated


def _one_line(error: BaseException) -> str:
    orig = getattr(error, "orig", None) or error
    text = " ".join(str(orig).split())
    return f"{type(orig).__name__}: {text[:300]}"


def unavailable(error: sa_exc.SQLAlchemyError):
    if not is_unavailable(error):
        raise error  # a bug, not an outage: Flask's 500 with its traceback
    from flask import current_app

    current_app.extensions[EXTENSION].failed(error)
    message = "数据库暂时无法访问，请稍后再试。(database unavailable, retry later)"
    if request.path.startswith("/api/") or request.path.endswith(".ics"):
        response = jsonify(error=message)
    else:
        response = Response(render_template("pages/error.html", code=503, title="暂时无法访问", message=message),
                            content_type="text/html; charset=utf-8")
    response.status_code = 503
    response.headers["Retry-After"] = str(RETRY_AFTER)
    response.headers["Cache-Control"] = "no-store"   # a proxy must not keep serving the outage
    return response


def _recovered(response: Response) -> Response:
    from flask import current_app

    if response.status_code < 500:
        current_app.extensions[EXTENSION].succeeded()
    return response


def refuse_nul_in_path() -> None:
    """404 for a URL path with a NUL in it: no event key or category slug holds one, and
    PostgreSQL text cannot (asking would be a 500). Query parameters: see web.params."""
    if "\x00" in request.path:
        abort(404)


def init_app(app: Flask) -> None:
    app.extensions[EXTENSION] = Outage()
    app.register_error_handler(sa_exc.SQLAlchemyError, unavailable)
    app.before_request(refuse_nul_in_path)
    app.after_request(_recovered)
