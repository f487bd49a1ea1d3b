"""The JSON API: events and categories under the same filters as the pages and feeds."""
from __future__ import annotations

from flask import Blueprint, request

from timeline.events.export import event_json
from timeline.store import queries
from web.db import get_session
from web.params import BadParameter, UnknownCategory, check_categories, event_filter_from_args

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.route("/events")
def events():
    """{"events": [Event, ...], "count": N} for ?year= &category= &tag= &q= &from= &to= &kind=."""
    session = get_session()
    flt = check_categories(session, event_filter_from_args(request.args))
    found = queries.list_events(session, flt)
    return {"events": [event_json(e) for e in found], "count": len(found)}


@bp.route("/categories")
def categories():
    """[{"name", "slug", "count"}, ...]; the event filters narrow the counts."""
    session = get_session()
    flt = event_filter_from_args(request.args)
    return [{"name": c.name, "slug": c.slug, "count": c.count} for c in queries.list_categories(session, flt)]


@bp.errorhandler(BadParameter)
def bad_parameter(exc: BadParameter):
    return {"error": str(exc), "parameter": exc.param}, 400


@bp.errorhandler(UnknownCategory)
def unknown_category(exc: UnknownCategory):
    return {"error": str(exc), "parameter": "category"}, 404
