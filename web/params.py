"""Request parameters <-> EventFilter, shared by the pages, the JSON API and the feeds.

`event_filter_from_args` turns a query string into an EventFilter or raises BadParameter
naming the parameter and the reason; each surface renders that as its own 400 (JSON for the
API and feeds, an HTML page for pages). `filter_args` is the inverse, so links, chips and
subscribe URLs carry exactly the filter the page shows.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from urllib.parse import urlencode

from werkzeug.datastructures import MultiDict

from timeline.dates import DateSpan, parse_user_date
from timeline.events import limits
from timeline.events.model import EventKind
from timeline.store.queries import EventFilter

MAX_Q = 200               # characters, as the feeds allow: a search longer than a paragraph is a mistake
MAX_VALUES = 50           # values of one repeatable parameter
DEFAULT_LIMIT = 100       # events per page of /api/events: a screenful, and p99 < 100 ms at 100k events
MAX_LIMIT = 5000
MAX_OFFSET = 1_000_000_000   # past any collection; larger would overflow a 64-bit OFFSET
MAX_PAGE = 1_000_000         # ?page= of the HTML lists (a page is at least a day's events)
# Characters a value of each parameter may have; longer is a 400 before any work is done.
# A date ("二〇二〇年十二月三十一日", "2020-09-01") is far shorter than 40; a category is a
# name (limits.MAX_CATEGORY) or a slug (limits.MAX_CATEGORY_SLUG); numbers have 20 digits
# at most (int() of a long digit string costs quadratic time).
MAX_LENGTH = {"q": MAX_Q, "from": 40, "to": 40, "tag": limits.MAX_TAG, "kind": 16,
              "category": max(limits.MAX_CATEGORY, limits.MAX_CATEGORY_SLUG), "limit": 20, "offset": 20, "page": 20}
KINDS = tuple(k.value for k in EventKind)


class BadParameter(ValueError):
    """A query parameter that cannot be used: `param` names it, `reason` says why."""

    def __init__(self, param: str, reason: str):
        super().__init__(f"{param}: {reason}")
        self.param = param
        self.reason = reason


def _values(args: MultiDict, name: str) -> list[str]:
    values = [v.strip() for v in args.getlist(name)]
    # No name, tag or date holds a NUL, and PostgreSQL text cannot: it would be a 500 there.
    if any("\x00" in v for v in values):
        raise BadParameter(name, "contains a NUL character")
    longest = MAX_LENGTH.get(name, MAX_Q)
    if any(len(v) > longest for v in values):
        raise BadParameter(name, f"longer than {longest} characters")
    return values


def _single(args: MultiDict, name: str) -> str | None:
    values = _values(args, name)
    if len(values) > 1:
        raise BadParameter(name, "given more than once")
    return values[0] if values and values[0] else None


def _many(args: MultiDict, name: str) -> tuple[str, ...]:
    values = _values(args, name)
    # Also accept "a,b" so hand-written URLs stay short; names hold no ASCII commas.
    values = [part.strip() for v in values for part in v.split(",")]
    values = list(dict.fromkeys(v for v in values if v))
    if len(values) > MAX_VALUES:
        raise BadParameter(name, f"more than {MAX_VALUES} values")
    return tuple(values)


def parse_year(text: str, param: str = "year") -> int:
    if not text.isascii() or not text.isdigit():
        raise BadParameter(param, f"not a number: {text!r}")
    if len(text) > 4:
        raise BadParameter(param, f"out of range ({limits.FIRST_YEAR}–{limits.LAST_YEAR}): {text[:10]}…")
    year = int(text)
    if not limits.FIRST_YEAR <= year <= limits.LAST_YEAR:
        raise BadParameter(param, f"out of range ({limits.FIRST_YEAR}–{limits.LAST_YEAR}): {year}")
    return year


def _user_date(text: str, param: str, year: int | None) -> DateSpan:
    # With ?year= given, "9月" means September of that year.
    span = parse_user_date(text, reference=date(year, 1, 1) if year else None)
    # The date must be all of the text: "2020年9月有事" is a typo, not September.
    if span is None or span.span != (0, len(text)):
        raise BadParameter(param, f"not a date: {text!r} (try 2020-09-01 or 2020年9月)")
    return span


def event_filter_from_args(args: Mapping | MultiDict) -> EventFilter:
    """The EventFilter of ?year= &category= &tag= &q= &from= &to= &kind= (others ignored).

    `from` takes the first day of what it names and `to` the last ("2020年9月" → from
    2020-09-01, to 2020-09-30). Raises BadParameter. Category names are not checked
    against the store here: see `check_categories`.
    """
    if not isinstance(args, MultiDict):
        args = MultiDict(args)
    text_year = _single(args, "year")
    year = parse_year(text_year) if text_year else None
    q = _single(args, "q")
    if q is not None and len(q) > MAX_Q:
        raise BadParameter("q", f"longer than {MAX_Q} characters")
    kinds = _many(args, "kind")
    for kind in kinds:
        if kind not in KINDS:
            raise BadParameter("kind", f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
    text_from, text_to = _single(args, "from"), _single(args, "to")
    date_from = _user_date(text_from, "from", year).start if text_from else None
    date_to = _user_date(text_to, "to", year).end if text_to else None
    if date_from and date_to and date_from > date_to:
        raise BadParameter("from", f"after to ({date_from.isoformat()} > {date_to.isoformat()})")
    return EventFilter(year=year, categories=_many(args, "category"),
                       tags=_many(args, "tag"), q=q, date_from=date_from, date_to=date_to, kinds=kinds)


def page_from_args(args: Mapping | MultiDict) -> tuple[int, int]:
    """(limit, offset) of ?limit= &offset=: limit 1–MAX_LIMIT (default DEFAULT_LIMIT),
    offset 0–MAX_OFFSET (default 0). Raises BadParameter."""
    if not isinstance(args, MultiDict):
        args = MultiDict(args)
    limit, offset = _single(args, "limit"), _single(args, "offset")
    return (_count(limit, "limit", 1, MAX_LIMIT) if limit else DEFAULT_LIMIT,
            _count(offset, "offset", 0, MAX_OFFSET) if offset else 0)


def _count(text: str, param: str, low: int, high: int) -> int:
    if not text.isascii() or not text.isdigit():
        raise BadParameter(param, f"not a whole number: {text!r}")
    n = int(text)
    if n < low or n > high:
        raise BadParameter(param, f"out of range ({low}–{high:,}): {n}")
    return n


class UnknownCategory(LookupError):
    """A category parameter that names no category (neither a name nor a slug): a 404."""

    def __init__(self, name: str):
        super().__init__(f"category: no category {name!r}")
        self.name = name


def check_categories(session, flt: EventFilter) -> EventFilter:
    """`flt` with each category given as a slug replaced by its name.

    Raises UnknownCategory for a value that is neither a category's name nor its slug.
    """
    from timeline.store.queries import category_by_slug, category_slug

    names = []
    for value in flt.categories:
        if category_slug(session, value) is not None:
            names.append(value)
        elif (name := category_by_slug(session, value)) is not None:
            names.append(name)
        else:
            raise UnknownCategory(value)
    return replace(flt, categories=tuple(dict.fromkeys(names)))


def filter_args(flt: EventFilter, *, year: bool = True) -> list[tuple[str, str]]:
    """The query parameters of `flt`, in a fixed order (the inverse of the parser)."""
    pairs: list[tuple[str, str]] = []
    if year and flt.year is not None:
        pairs.append(("year", str(flt.year)))
    pairs += [("category", c) for c in flt.categories]
    pairs += [("tag", t) for t in flt.tags]
    if flt.q:
        pairs.append(("q", flt.q))
    if flt.date_from:
        pairs.append(("from", flt.date_from.isoformat()))
    if flt.date_to:
        pairs.append(("to", flt.date_to.isoformat()))
    pairs += [("kind", k) for k in flt.kinds]
    return pairs


def query_string(flt: EventFilter, *, year: bool = True) -> str:
    return urlencode(filter_args(flt, year=year))


def feed_path(flt: EventFilter, category_slug: str | None = None) -> str:
    """The feed of exactly `flt`: a short /feeds/ URL when the filter is just a year or just
    one category (`category_slug` is that category's slug), else /calendar.ics?filter."""
    only_year = replace(flt, year=None) == EventFilter()
    if flt.year is not None and only_year:
        return f"/feeds/{flt.year}.ics"
    if len(flt.categories) == 1 and category_slug and replace(flt, categories=()) == EventFilter():
        return f"/feeds/category/{category_slug}.ics"
    if flt == EventFilter():
        return "/feeds/all.ics"
    return "/calendar.ics?" + query_string(flt)


def page_number(args: Mapping | MultiDict) -> int:
    """?page= of the HTML lists: 1–MAX_PAGE (default 1). Raises BadParameter."""
    if not isinstance(args, MultiDict):
        args = MultiDict(args)
    text = _single(args, "page")
    return _count(text, "page", 1, MAX_PAGE) if text else 1
