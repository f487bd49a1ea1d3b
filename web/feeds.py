"""Calendar feeds: /calendar.ics (any filtered view), /feeds/…, /events/<key>.ics.

Every feed is a filtered view rendered by `timeline.ical`; what a feed leaves out is the
policy of `timeline.ical.feed_includes`. Validators come from the store's data version (it
moves on every change, deletions included) and the normalised view, so a conditional request
is answered 304 with one small query and no rendering.
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

import werkzeug.exceptions
from flask import Blueprint, Response, current_app, request
from werkzeug.http import http_date, parse_date

from timeline import ical
from timeline.store.queries import (EventFilter, Version, category_by_slug, data_version, get_event,
                                    list_events)
from web import feedcache
from web.db import get_session
from web.feedcache import feed_cache
from web.hosts import site_url
from web.params import BadParameter, check_categories, event_filter_from_args, parse_year

bp = Blueprint("feeds", __name__)
bp.record_once(lambda state: feedcache.init_app(state.app))
log = logging.getLogger(__name__)

CONTENT_TYPE = "text/calendar; charset=utf-8"
LARGE_FEED = 1_000_000   # bytes; Google Calendar is reported to refuse feeds much larger


class NotFound(werkzeug.exceptions.NotFound):
    """An unknown category or event (or an event with no date to put in a calendar); its
    answer, like every error's, comes from web.errors."""


@bp.get("/calendar.ics")
def calendar():
    """Any filtered view, with the parameters of /api/events (parsed by web.params)."""
    flt = event_filter_from_args(request.args)
    # Category names are checked (404) only when the feed is rendered: a client holding a
    # current ETag had it from a response for categories that existed at that version.
    return _feed(flt.cache_key(), lambda: check_categories(get_session(), flt))


@bp.get("/feeds/all.ics")
def all_events():
    return _feed(EventFilter().cache_key(), EventFilter)


@bp.get("/feeds/<int:year>.ics")
def year_feed(year: int):
    flt = EventFilter(year=parse_year(str(year)))
    return _feed(flt.cache_key(), lambda: flt)


@bp.get("/feeds/category/<slug>.ics")
def category_feed(slug: str):
    def category() -> EventFilter:
        name = category_by_slug(get_session(), slug) if slug.isascii() else None
        if name is None:
            raise NotFound(f"no category with slug {slug!r}")
        return EventFilter(categories=(name,))

    return _feed(f"category-slug={slug}", category)


@bp.get("/events/<key>.ics")
def event_ics(key: str):
    view = f"event={key}"
    cached = _cached_version()
    validators = _validators(view, cached or _read_version())
    if (not_modified := _not_modified(validators)) is not None:
        return not_modified
    if cached:
        validators = _validators(view, _read_version())   # the snapshot the event is read from
    stored = get_event(get_session(), key)
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


def _cached_version() -> Version | None:
    """The data version this process read in the last FEED_VERSION_TTL seconds, if any."""
    return feed_cache().version.get(float(current_app.config["FEED_VERSION_TTL"]))


def _read_version() -> Version:
    """The data version read now, in the request's snapshot."""
    version = data_version(get_session())
    feed_cache().version.put(version)
    return version


def _validators(view: str, version: Version) -> Validators:
    """ETag and Last-Modified of `view` at `version` (no events read)."""
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


def _feed(view: str, make_filter: Callable[[], EventFilter]) -> Response:
    """The feed of `view` (a canonical text of what it shows), 304 when the client has it.

    A conditional request for a current feed is answered from the validators alone, with
    no filter checked and, within FEED_VERSION_TTL, no database read. Otherwise the version
    is read exactly, in the snapshot the events are read from, and the body comes from the
    per-process cache of rendered feeds or is rendered (and kept).
    """
    cached = _cached_version()
    validators = _validators(view, cached or _read_version())
    if (not_modified := _not_modified(validators)) is not None:
        return not_modified
    flt = make_filter()
    if cached:
        validators = _validators(view, _read_version())   # the snapshot the events are read from
    cache, limit = feed_cache().bodies, int(current_app.config["FEED_CACHE_BYTES"])
    body = cache.get(validators.etag) if limit else None
    if body is None:
        events = list_events(get_session(), flt)
        title = ical.calendar_title(year=flt.year, categories=flt.categories, tags=flt.tags, q=flt.q,
                                    date_from=flt.date_from, date_to=flt.date_to, kinds=flt.kinds)
        body = ical.render_calendar(events, base_url=_base_url(), **title)
        if len(body) > LARGE_FEED:
            log.warning("feed %s is %d bytes (over %d): some clients refuse it; suggest a year "
                        "or category feed", request.full_path, len(body), LARGE_FEED)
        if limit:
            cache.put(validators.etag, body, limit)
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
    """Where links in feeds point: BASE_URL when configured, else the bound address."""
    return site_url()
