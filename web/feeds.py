"""Calendar feeds: /calendar.ics (any filtered view), /feeds/…, /events/<key>.ics.

Every feed is a filtered view rendered by `timeline.ical`; what a feed leaves out is the
policy of `timeline.ical.feed_includes`. Validators come from the store's data version (it
moves on every change, deletions included) and the normalised view, so a conditional request
is answered 304 with one small query and no rendering.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime, timezone

from flask import Blueprint, Response, current_app, jsonify, request
from werkzeug.http import http_date, parse_date

from timeline import ical
from timeline.store.queries import (EventFilter, category_by_slug, data_version, get_event,
                                    list_events)
from web.db import get_session
from web.params import (BadParameter, UnknownCategory, check_categories, event_filter_from_args,
                        parse_year)

bp = Blueprint("feeds", __name__)
log = logging.getLogger(__name__)

CONTENT_TYPE = "text/calendar; charset=utf-8"
LARGE_FEED = 1_000_000   # bytes; Google Calendar is reported to refuse feeds much larger


class NotFound(LookupError):
    """An unknown category or event (or an event with no date to put in a calendar)."""


@bp.errorhandler(BadParameter)
def _bad_parameter(exc: BadParameter):
    return jsonify(error=str(exc)), 400


@bp.errorhandler(NotFound)
@bp.errorhandler(UnknownCategory)
def _not_found(exc: LookupError):
    return jsonify(error=str(exc)), 404


@bp.get("/calendar.ics")
def calendar():
    """Any filtered view, with the parameters of /api/events (parsed by web.params)."""
    return _feed(check_categories(get_session(), event_filter_from_args(request.args)))


@bp.get("/feeds/all.ics")
def all_events():
    return _feed(EventFilter())


@bp.get("/feeds/<int:year>.ics")
def year_feed(year: int):
    return _feed(EventFilter(year=parse_year(str(year))))


@bp.get("/feeds/category/<slug>.ics")
def category_feed(slug: str):
    name = category_by_slug(get_session(), slug) if slug.isascii() else None
    if name is None:
        raise NotFound(f"no category with slug {slug!r}")
    return _feed(EventFilter(categories=(name,)))


@bp.get("/events/<key>.ics")
def event_ics(key: str):
    session = get_session()
    validators = _validators(f"event={key}")
    if (cached := _not_modified(validators)) is not None:
        return cached
    stored = get_event(session, key)
    if stored is None:
        raise NotFound(f"no event {key!r}")
    try:
        body = ical.render_event(stored, base_url=_base_url())
    except ical.NotInCalendar as exc:
        raise NotFound(str(exc)) from None
    return _calendar_response(body, validators)


# -- responses ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Validators:
    etag: str                  # without quotes
    last_modified: datetime    # UTC, whole seconds


def _validators(view: str) -> Validators:
    """ETag and Last-Modified of `view` from the data version alone (no events read)."""
    version = data_version(get_session())
    seed = "|".join([str(ical.FORMAT_VERSION), str(version.number),
                     version.changed_at.isoformat(), _base_url(), view])
    changed = version.changed_at.astimezone(timezone.utc).replace(microsecond=0)
    return Validators(hashlib.sha256(seed.encode()).hexdigest()[:32], changed)


def _not_modified(validators: Validators) -> Response | None:
    """A 304 when the client's copy is current (If-None-Match wins over If-Modified-Since)."""
    if request.if_none_match:
        # Weak comparison (RFC 9110 13.1.2): a proxy that compresses may have weakened it.
        fresh = request.if_none_match.contains_weak(validators.etag)
    elif (since := parse_date(request.headers.get("If-Modified-Since"))) is not None:
        fresh = validators.last_modified <= since
    else:
        return None
    if not fresh:
        return None
    response = Response(status=304)
    _set_headers(response, validators)
    return response


def _feed(flt: EventFilter) -> Response:
    view = flt.cache_key()
    validators = _validators(view)
    if (cached := _not_modified(validators)) is not None:
        return cached
    events = list_events(get_session(), flt)
    title = ical.calendar_title(year=flt.year, categories=flt.categories, tags=flt.tags, q=flt.q,
                                date_from=flt.date_from, date_to=flt.date_to, kinds=flt.kinds)
    body = ical.render_calendar(events, base_url=_base_url(), **title)
    if len(body) > LARGE_FEED:
        log.warning("feed %s is %d bytes (over %d): some clients refuse it; suggest a year "
                    "or category feed", request.full_path, len(body), LARGE_FEED)
    return _calendar_response(body, validators)


def _calendar_response(body: bytes, validators: Validators) -> Response:
    response = Response(body, status=200, content_type=CONTENT_TYPE)
    _set_headers(response, validators)
    return response


def _set_headers(response: Response, validators: Validators) -> None:
    response.set_etag(validators.etag)   # strong: the bytes depend on nothing else
    response.headers["Last-Modified"] = http_date(validators.last_modified)
    response.headers["Cache-Control"] = f"public, max-age={int(current_app.config['FEED_MAX_AGE'])}"


def _base_url() -> str:
    """Where links in feeds point: BASE_URL when configured, else the request's host."""
    base = current_app.config.get("BASE_URL") or request.host_url
    try:
        return ical.checked_base_url(base)
    except ValueError:
        raise BadParameter(f"Host: cannot make links from {base!r}") from None
