"""Every link the pages make: an event, a view (a year, a category or tag across all years,
a search), its pages and months, and a chip that adds or removes one filter value.

A view is an EventFilter: with a year it is that year's page, without one a list across all
years. Links carry the whole filter, so moving between years or pages keeps it.
"""
from __future__ import annotations

from dataclasses import replace
from urllib.parse import quote, urlencode

from flask import request

from timeline.events.export import event_url
from timeline.store.queries import EventFilter
from web.params import filter_args

RESULTS = "results"        # the id of the list's heading: filter links land there


def event_href(key: str) -> str:
    """/events/<key> under the app's root (a year page links hundreds: no url_for)."""
    return request.script_root + event_url(key)


def category_href(slug: str) -> str:
    return f"{request.script_root}/category/{quote(slug, safe='')}"


def tag_href(tag: str) -> str:
    return f"{request.script_root}/tag/{quote(tag, safe='')}"


def view_url(flt: EventFilter, *, page: int = 1, anchor: str | None = None, slugs: dict[str, str] | None = None) -> str:
    """The page of `flt`: /<year>?…, /category/<slug>, /tag/<name> or /search?…"""
    rest = replace(flt, year=None)
    if flt.year is not None:
        path, args = f"/{flt.year}", filter_args(flt, year=False)
    elif len(flt.categories) == 1 and slugs and flt.categories[0] in slugs and replace(rest, categories=()) == EventFilter():
        path, args = category_href(slugs[flt.categories[0]]).removeprefix(request.script_root), []
    elif len(flt.tags) == 1 and replace(rest, tags=()) == EventFilter():
        path, args = tag_href(flt.tags[0]).removeprefix(request.script_root), []
    else:
        path, args = "/search", filter_args(flt)
    if page > 1:
        args = args + [("page", str(page))]
    return request.script_root + path + ("?" + urlencode(args) if args else "") + (f"#{anchor}" if anchor else "")


def toggled(flt: EventFilter, field: str, value: str, slugs: dict[str, str] | None = None) -> str:
    """`flt`'s view with `value` added to or removed from `field` (categories or tags), on
    its first page and scrolled to the results."""
    values = getattr(flt, field)
    values = tuple(v for v in values if v != value) if value in values else values + (value,)
    return view_url(replace(flt, **{field: values}), anchor=RESULTS, slugs=slugs)


def without(flt: EventFilter, **fields) -> EventFilter:
    """`flt` with the named fields emptied (e.g. without(flt, q=None))."""
    return replace(flt, **fields)
