"""The JSON API: events and categories under the same filters as the pages and feeds."""
from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, request

from timeline.events.export import event_json
from timeline.store import queries
from web.db import get_session
from web.params import check_categories, event_filter_from_args, page_from_args

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.route("/events")
def events():
    """One page of the events of ?year= &category= &tag= &q= &from= &to= &kind=.

    {"events": [Event, ...], "count": N, "limit": L, "offset": O, "next": URL | null}:
    `count` is every event the filter matches, `events` at most `limit` of them from
    `offset` (?limit= default 100, at most 5000; ?offset= default 0), and `next` the URL of
    the following page while there is one.
    """
    session = get_session()
    flt = check_categories(session, event_filter_from_args(request.args))
    limit, offset = page_from_args(request.args)
    page = queries.page_events(session, flt, limit=limit, offset=offset)
    return {"events": [event_json(e) for e in page.events], "count": page.count, "limit": limit,
            "offset": offset, "next": _next_page(limit, offset) if offset + limit < page.count else None}


def _next_page(limit: int, offset: int) -> str:
    """This request's URL with the offset of the following page."""
    args = [(k, v) for k, v in request.args.items(multi=True) if k not in ("limit", "offset")]
    return request.path + "?" + urlencode(args + [("limit", limit), ("offset", offset + limit)])


@bp.route("/categories")
def categories():
    """[{"name", "slug", "count"}, ...]; the event filters narrow the counts."""
    session = get_session()
    flt = event_filter_from_args(request.args)
    return [{"name": c.name, "slug": c.slug, "count": c.count} for c in queries.list_categories(session, flt)]
