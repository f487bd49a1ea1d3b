"""Every error answer, rendered in one place (`error_response`): JSON under /api/ and for
.ics feeds, a Chinese HTML page otherwise. Handled here: a bad parameter (400 naming it),
an unknown category (404), any HTTP error (404, 405...), and the database outage below.

503 while the database is unreachable: a clean answer, not a 500 with a traceback (and
a 404 for a URL path holding NUL, which PostgreSQL would refuse with one).

A request that cannot reach the database (server down or restarting, connection refused or
cut, pool exhausted, SQLite file locked past busy_timeout) gets 503 Service Unavailable with
Retry-After: JSON under /api/ and for feeds, a short HTML page otherwise. The outage is
logged once, in one line, when it starts, and once when a request the database answered
succeeds again (/healthz, which never asks it, proves nothing); the requests in between
log at DEBUG, /readyz included. Nothing has to be restarted: pooled connections are
pre-pinged (timeline.store.db.make_engine), so the first request after the database is back
gets a fresh connection.
"""
from __future__ import annotations

import logging
import threading

from flask import Flask, Response, abort, g, has_app_context, jsonify, render_template, request
from sqlalchemy import event, exc as sa_exc
from werkzeug.exceptions import HTTPException

from web.params import BadParameter, UnknownCategory

log = logging.getLogger(__name__)

RETRY_AFTER = 10          # seconds: about what a database restart or failover takes
EXTENSION = "timeline.outage"
ANSWERED = "timeline_database_answered"   # flask.g: a statement of this request ran


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
    response = error_response(503, "暂时无法访问", message)
    response.headers["Retry-After"] = str(RETRY_AFTER)
    response.headers["Cache-Control"] = "no-store"   # a proxy must not keep serving the outage
    return response


# Titles of the HTML error pages by status; the message says what exactly went wrong.
TITLES = {400: "网址参数有误", 404: "找不到", 405: "不支持这种请求", 413: "请求太大", 414: "网址太长",
          431: "请求头太大", 503: "暂时无法访问"}
NOT_FOUND = "没有这个页面。"


def wants_json() -> bool:
    """Machines ask under /api/ and for feeds; people get pages."""
    return request.path.startswith("/api/") or request.path.endswith(".ics")


def error_response(code: int, title: str | None, message: str, param: str | None = None) -> Response:
    """The one error answer: {"error", "parameter"?} JSON, or the HTML error page."""
    if wants_json():
        response = jsonify({"error": message, **({"parameter": param} if param else {})})
    else:
        response = Response(render_template("pages/error.html", code=code, title=title or TITLES.get(code, "出错了"),
                                            message=message, param=param),
                            content_type="text/html; charset=utf-8")
    response.status_code = code
    return response


def bad_parameter(exc: BadParameter) -> Response:
    return error_response(400, None, str(exc), exc.param)


def unknown_category(exc: UnknownCategory) -> Response:
    message = str(exc) if wants_json() else f"没有这个分类：{exc.name}"
    return error_response(404, "没有这个分类", message, "category")


def http_error(exc: HTTPException) -> Response:
    """Werkzeug's errors (404 for an unknown URL or event, 405...) in the house style."""
    if exc.code is None or exc.code < 400:
        return exc
    default = type(exc).description
    if wants_json():
        message = exc.description or exc.name
    else:
        message = exc.description if exc.description != default else (NOT_FOUND if exc.code == 404 else exc.name)
    response = error_response(exc.code, None, message)
    for name, value in exc.get_headers():       # e.g. Allow on a 405
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def _recovered(response: Response) -> Response:
    """The outage ends with a request the database answered (a statement ran), not with one
    that never asked it (/healthz, a 304 from the cache, a 400)."""
    from flask import current_app

    if response.status_code < 500 and g.get(ANSWERED):
        current_app.extensions[EXTENSION].succeeded()
    return response


def _answered(*_args) -> None:
    if has_app_context():
        g.setdefault(ANSWERED, True)


def refuse_nul_in_path() -> None:
    """404 for a URL path with a NUL in it: no event key or category slug holds one, and
    PostgreSQL text cannot (asking would be a 500). Query parameters: see web.params."""
    if "\x00" in request.path:
        abort(404)


def init_app(app: Flask) -> None:
    app.extensions[EXTENSION] = Outage()
    event.listen(app.extensions["timeline.engine"], "after_cursor_execute", _answered)
    app.register_error_handler(sa_exc.SQLAlchemyError, unavailable)
    app.register_error_handler(BadParameter, bad_parameter)
    app.register_error_handler(UnknownCategory, unknown_category)
    app.register_error_handler(HTTPException, http_error)
    app.before_request(refuse_nul_in_path)
    app.after_request(_recovered)
