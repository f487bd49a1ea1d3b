"""Calendar feeds: /calendar.ics (any filtered view), /feeds/…, /events/<key>.ics.

Every feed is a filtered view; what a feed leaves out is the policy of
`timeline.ical.feed_includes`. A feed is made of the VEVENTs the store keeps for its events
(timeline.store.feeds), each completed with its URL for this site, and is kept on disk by
ETag (web.feedcache): a request costs at most one streamed read of stored bytes, and then
none.

Validators:
- ETag: a digest of everything the feed's bytes are made of (the format, the site's
  address, the calendar's head, and each event's VEVENT digest in order), so it changes
  exactly when the bytes would: an ingest that leaves a feed's events as they were leaves
  its ETag too. The gzip body has the same ETag with "-gzip".
- Last-Modified: the time of the last change to the collection (an upper bound for each
  feed, safe for If-Modified-Since; If-None-Match, which calendar clients send, is exact).
A conditional request is answered from validators kept per data version: with
FEED_VERSION_TTL, without touching the database.
"""
from __future__ import annotations

import hashlib
import logging
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import BinaryIO

import werkzeug.exceptions
from flask import Blueprint, Response, current_app, request
from werkzeug.http import http_date, parse_date

from timeline import ical
from timeline.store.feeds import feed_digests, feed_events, feed_size
from timeline.store.queries import EventFilter, Version, category_by_slug, data_version, get_event
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
# Built once per ETag. Level 4: all.ics at 100,000 events (40 MB) packs to 4.4 MB in 0.27 s of
# CPU, where level 6 gives 4.0 MB in 0.49 s and would take a cold request over 1 s.
GZIP_LEVEL = 4
WRITE_CHUNK = 256 * 1024


class NotFound(werkzeug.exceptions.NotFound):
    """An unknown category or event (or an event with no date to put in a calendar); its
    answer, like every error's, comes from web.errors."""


@bp.get("/calendar.ics")
def calendar():
    """Any filtered view, with the parameters of /api/events (parsed by web.params)."""
    flt = event_filter_from_args(request.args)
    # Category names are checked (404) only when the feed is read: a client holding a
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
    return _feed(f"category-slug={slug}", lambda: category_filter(slug))


def category_filter(slug: str) -> EventFilter:
    name = category_by_slug(get_session(), slug) if slug.isascii() else None
    if name is None:
        raise NotFound(f"no category with slug {slug!r}")
    return EventFilter(categories=(name,))


@bp.get("/events/<key>.ics")
def event_ics(key: str):
    def body() -> bytes:
        stored = get_event(get_session(), key)
        if stored is None:
            raise NotFound(f"no event {key!r}")
        try:
            return ical.render_event(stored, base_url=_base_url())
        except ical.NotInCalendar as exc:
            raise NotFound(str(exc)) from None

    view = f"event={key}"
    validators = _known_validators(view)
    if validators is not None and (not_modified := _not_modified(validators)) is not None:
        return not_modified
    version, data = _read_version(), body()
    validators = Validators(_etag(data), _changed(version))
    feed_cache().validators.put((version.number, _base_url(), view), (validators.etag, None))
    if (not_modified := _not_modified(validators)) is not None:
        return not_modified
    gzip = _wants_gzip()
    if gzip:
        data = zlib.compress(data, GZIP_LEVEL, wbits=31)
    response = Response(data, status=200, content_type=CONTENT_TYPE)
    _set_headers(response, validators, gzip=gzip)
    return response


# -- what the subscribe panel shows ------------------------------------------------------


@dataclass(frozen=True)
class FeedInfo:
    events: int
    bytes: int          # uncompressed (gzip makes it about a tenth)

    @property
    def large(self) -> bool:
        """Over the size some clients (Google Calendar) are reported to refuse."""
        return self.bytes > LARGE_FEED


def feed_info(flt: EventFilter) -> FeedInfo:
    """How many events the feed of `flt` holds and its size in bytes, from one aggregate
    over the stored VEVENTs (kept per data version): exact while URLs need no folding."""
    session, base = get_session(), _base_url()
    version = _cached_version() or _read_version()
    memo_key = (version.number, base, flt.cache_key())
    info = feed_cache().sizes.get(memo_key)
    if info is None:
        count, size = feed_size(session, flt)
        fixed = len(_head(flt, timed=True)) + len(ical.CALENDAR_END) + count * len(ical.url_tail(base)(""))
        info = FeedInfo(count, fixed + size)
        feed_cache().sizes.put(memo_key, info)
    return info


# -- responses ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Validators:
    etag: str                  # without quotes, of the identity body
    last_modified: datetime    # UTC, whole seconds


def _cached_version() -> Version | None:
    """The data version this process read in the last FEED_VERSION_TTL seconds, if any."""
    return feed_cache().version.get(float(current_app.config["FEED_VERSION_TTL"]))


def _read_version() -> Version:
    """The data version read now, in the request's snapshot."""
    version = data_version(get_session())
    feed_cache().version.put(version)
    return version


def _changed(version: Version) -> datetime:
    return version.changed_at.astimezone(timezone.utc).replace(microsecond=0)


def _known_validators(view: str) -> Validators | None:
    """The validators of `view` if this process made them at the current data version."""
    version = _cached_version() or _read_version()
    known = feed_cache().validators.get((version.number, _base_url(), view))
    return Validators(known[0], _changed(version)) if known else None


def _etag(*parts: bytes) -> str:
    h = hashlib.blake2b(str(ical.FORMAT_VERSION).encode(), digest_size=16)
    for part in parts:
        h.update(part)
    return h.hexdigest()


def _head(flt: EventFilter, *, timed: bool) -> bytes:
    title = ical.calendar_title(year=flt.year, categories=flt.categories, tags=flt.tags, q=flt.q,
                                date_from=flt.date_from, date_to=flt.date_to, kinds=flt.kinds)
    return ical.calendar_head(timed=timed, **title)


def _not_modified(validators: Validators) -> Response | None:
    """A 304 when the client's copy is current (If-None-Match wins over If-Modified-Since)."""
    if request.if_none_match:
        # Weak comparison (RFC 9110 13.1.2): a proxy that compresses may have weakened it.
        fresh = (request.if_none_match.contains_weak(validators.etag)
                 or request.if_none_match.contains_weak(validators.etag + "-gzip"))
    elif (since := parse_date(request.headers.get("If-Modified-Since"))) is not None:
        fresh = validators.last_modified <= since
    else:
        return None
    if not fresh:
        return None
    response = Response(status=304)
    _set_headers(response, validators, gzip=_wants_gzip())
    return response


def _feed(view: str, make_filter: Callable[[], EventFilter]) -> Response:
    """The feed of `view` (a canonical text of what it shows), 304 when the client has it.

    A conditional request for a current feed is answered from the validators alone, with
    no filter checked and, within FEED_VERSION_TTL, no database read. Otherwise the ETag
    is made in the snapshot the events are read from, and the body is the cached file of
    that ETag, or is built into it.
    """
    validators = _known_validators(view)
    if validators is not None and (not_modified := _not_modified(validators)) is not None:
        return not_modified
    flt = make_filter()
    version, base, session = _read_version(), _base_url(), get_session()
    memo_key = (version.number, base, view)
    known = feed_cache().validators.get(memo_key)
    if known is None:   # the view's digests, read once per data version
        digests, timed = feed_digests(session, flt)
        known = _etag(base.encode(), b"\0", _head(flt, timed=timed), *(d.encode() for d in digests)), timed
        feed_cache().validators.put(memo_key, known)
    etag, timed = known
    validators = Validators(etag, _changed(version))
    if (not_modified := _not_modified(validators)) is not None:
        return not_modified
    gzip = _wants_gzip()
    bodies = feed_cache().bodies
    if request.method == "HEAD":   # the headers alone: no body is built for them
        response = Response(status=200, content_type=CONTENT_TYPE)
        response.automatically_set_content_length = False    # not 0: the size is unknown
        if (size := bodies.size(etag + ("-gzip" if gzip else ""))) is not None:   # built before
            response.content_length = size
        _set_headers(response, validators, gzip=gzip)
        return response

    def identity(out: BinaryIO) -> None:
        size = _write_feed(out, _head(flt, timed=timed), feed_events(session, flt), ical.url_tail(base))
        if size > LARGE_FEED:
            log.warning("feed %s is %d bytes (over %d): some clients refuse it; suggest a year "
                        "or category feed", request.full_path, size, LARGE_FEED)

    body, _ = bodies.get(etag, identity)
    if gzip:
        with body as plain:
            body, _ = bodies.get(etag + "-gzip", lambda out: _write_gzip(out, plain))
    response = Response(_chunks(body), status=200, content_type=CONTENT_TYPE, direct_passthrough=True)
    response.content_length = os.fstat(body.fileno()).st_size
    _set_headers(response, validators, gzip=gzip)
    return response


def _chunks(body: BinaryIO):
    """The file's bytes in chunks, closing it at the end or when the client goes away."""
    with body:
        while data := body.read(WRITE_CHUNK):
            yield data


def _write_feed(out: BinaryIO, head: bytes, events, tail: Callable[[str], bytes]) -> int:
    """Write a feed: `head`, each (VEVENT, key) completed by `tail`, the end; its size.
    Memory: one chunk of WRITE_CHUNK bytes, whatever the feed's size."""
    chunk, pending = [head], len(head)
    for vevent, key in events:
        chunk += (vevent, tail(key))
        pending += len(chunk[-2]) + len(chunk[-1])
        if pending >= WRITE_CHUNK:
            out.write(b"".join(chunk))
            chunk, pending = [], 0
    chunk.append(ical.CALENDAR_END)
    out.write(b"".join(chunk))
    return out.tell()


def _write_gzip(out: BinaryIO, plain: BinaryIO) -> None:
    plain.seek(0)
    packer = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 31)   # 31: gzip framing
    while data := plain.read(WRITE_CHUNK):
        out.write(packer.compress(data))
    out.write(packer.flush())


def _wants_gzip() -> bool:
    return request.accept_encodings["gzip"] > 0


def _set_headers(response: Response, validators: Validators, *, gzip: bool = False) -> None:
    # Strong: the bytes depend on nothing else (the gzip body is another representation).
    response.set_etag(validators.etag + ("-gzip" if gzip else ""))
    if gzip:
        response.headers["Content-Encoding"] = "gzip"
    response.vary.add("Accept-Encoding")
    response.headers["Last-Modified"] = http_date(validators.last_modified)
    response.headers["Cache-Control"] = f"public, max-age={int(current_app.config['FEED_MAX_AGE'])}"


def _base_url() -> str:
    """Where links in feeds point: BASE_URL when configured, else the bound address."""
    return site_url()
