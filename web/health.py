"""Health endpoints for load balancers and orchestrators.

/healthz answers "ok" without touching the database: the process is up (liveness), and the
cheapest request the framework can serve (the floor the benchmarks compare against).
/readyz runs SELECT 1: 200 when the database answers, 503 when it does not (readiness).
Both say which worker process answered, so a test or an operator can see several serving.
"""
from __future__ import annotations

import os

from flask import Blueprint, Response, current_app

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from web import errors

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> Response:
    return Response("ok\n", content_type="text/plain; charset=utf-8", headers=_no_store())


@bp.get("/readyz")
def readyz():
    """{"database": "ok", "pid": N}, or 503 with "unavailable" when SELECT 1 fails."""
    try:
        with current_app.extensions["timeline.engine"].connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        current_app.extensions[errors.EXTENSION].failed(exc)   # logged once per outage
        return {"database": "unavailable", "pid": os.getpid()}, 503, _no_store()
    return {"database": "ok", "pid": os.getpid()}, 200, _no_store()


def _no_store() -> dict[str, str]:
    # A cached "ok" would hide an outage; the pid header lets tests see which worker answered.
    return {"Cache-Control": "no-store", "X-Worker-Pid": str(os.getpid())}
