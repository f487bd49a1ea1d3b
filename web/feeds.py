"""Calendar feeds: /calendar.ics (any filtered view), /feeds/…, /events/<key>.ics.

Every feed is a filtered view rendered by `timeline.ical`; what a feed leaves out is the
policy of `timeline.ical.feed_includes`. Validators come from the store's data version (it
moves on every change, deletions included) and the normalised view, so a conditional request
is answered 304 with one small query and no rendering.
"""
from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone

from flask import Blueprint, Response, current_app, jsonify, request
from werkzeug.datastructures import MultiDict
from werkzeug.http import http_date, parse_date

from timeline import ical
from timeline.events.model import EventKind
from timeline.store.queries import (EventFilter, category_by_slug, category_slug, data_version,
                                    get_event, list_events)
from web.db import get_session

bp = Blueprint("feeds", __name__)
log = logging.getLogger(__name__)

CONTENT_TYPE = "text/calendar; charset=utf-8"
LARGE_FEED = 1_000_000   # bytes; Google Calendar is reported to refuse feeds much larger
MAX_QUERY = 200


class BadParameter(ValueError):
    """A query parameter that cannot be read; the message names it."""


class NotFound(LookupError):
    """An unknown category or event."""


@bp.errorhandler(BadParameter)
def _bad_parameter(exc: BadParameter):
    return jsonify(error=str(exc)), 400


@bp.errorhandler(NotFound)
def _not_found(exc: NotFound):
    return jsonify(error=str(exc)), 404


@bp.get("/calendar.ics")
def calendar():
    return _feed(event_filter(request.args))


@bp.get("/feeds/all.ics")
def all_events():
    return _feed(EventFilter())


@bp.get("/feeds/<int:year>.ics")
def year_feed(year: int):
    return _feed(EventFilter(year=_year(str(year))))


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


# -- parameters ---------------------------------------------------------------------------


def event_filter(args: MultiDict) -> EventFilter:
    """The view /api/events and /calendar.ics share, from query parameters.

    Raises BadParameter (naming the parameter) or NotFound (an unknown category).
    `category` takes a category's name or its slug; `from`/`to` take ISO dates (YYYY,
    YYYY-MM, YYYY-MM-DD) or Chinese ones ("2020年9月"); a month or year means its first day
    for `from` and its last day for `to`.
    """
    year = _single(args, "year")
    q = (_single(args, "q") or "").strip() or None
    if q and len(q) > MAX_QUERY:
        raise BadParameter(f"q: longer than {MAX_QUERY} characters")
    kinds = tuple(sorted(set(args.getlist("kind"))))
    unknown = [k for k in kinds if k not in {k.value for k in EventKind}]
    if unknown:
        raise BadParameter(f"kind: {unknown[0]!r} is not one of "
                           + ", ".join(k.value for k in EventKind))
    date_from = _day(_single(args, "from"), "from", last=False)
    date_to = _day(_single(args, "to"), "to", last=True)
    if date_from and date_to and date_from > date_to:
        raise BadParameter("from: after to")
    return EventFilter(
        year=_year(year) if year is not None else None,
        categories=tuple(sorted({_category(c) for c in args.getlist("category") if c.strip()})),
        tags=tuple(sorted({t.strip() for t in args.getlist("tag") if t.strip()})),
        q=q, date_from=date_from, date_to=date_to, kinds=kinds)


def _single(args: MultiDict, name: str) -> str | None:
    values = args.getlist(name)
    if len(values) > 1:
        raise BadParameter(f"{name}: given {len(values)} times, once at most")
    return values[0] if values else None


def _year(text: str) -> int:
    if not re.fullmatch(r"\d{1,4}", text.strip()) or not 1 <= int(text) <= 9999:
        raise BadParameter(f"year: {text!r} is not a year (1-9999)")
    return int(text)


def _category(value: str) -> str:
    session = get_session()
    value = value.strip()
    if category_slug(session, value) is not None:
        return value
    name = category_by_slug(session, value) if value.isascii() else None
    if name is None:
        raise NotFound(f"no category {value!r}")
    return name


_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def _day(text: str | None, name: str, *, last: bool) -> date | None:
    if text is None or not text.strip():
        return None
    text = text.strip()
    if match := _ISO.fullmatch(text):
        y, m, d = (int(g) if g else None for g in match.groups())
        try:
            first = date(y, m or 1, d or 1)
            if not last or d:
                return first
            end = date(y + 1, 1, 1) if m is None or m == 12 else date(y, m + 1, 1)
            return date.fromordinal(end.toordinal() - 1)
        except ValueError:
            raise BadParameter(f"{name}: {text!r} is not a date") from None
    span = _resolve(text)
    if span is None:
        raise BadParameter(f"{name}: {text!r} is not a date (YYYY-MM-DD or e.g. 2020年9月)")
    return span.end if last else span.start


def _resolve(text: str):
    """The first date `timeline.dates` finds in `text`, or None (also while it is missing)."""
    try:
        from timeline.dates import resolve
    except ImportError:
        return None
    mentions = resolve(text, year=None, reference=None).mentions
    return mentions[0] if mentions else None


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
        fresh = request.if_none_match.contains(validators.etag)
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
