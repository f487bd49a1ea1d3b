"""The HTML pages: a year's timeline and one event with its source text."""
from __future__ import annotations

from dataclasses import replace
from urllib.parse import quote, urlencode

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from werkzeug.exceptions import HTTPException, NotFound

from timeline.events.model import ListedEvent, StoredEvent
from timeline.store import queries
from web.db import get_session
from web.format import format_span, highlight, mention_title, vagueness
from web.params import (BadParameter, UnknownCategory, check_categories, event_filter_from_args, feed_path,
                        filter_args, parse_year)
from web.yearview import build_picture, build_year

bp = Blueprint("pages", __name__)


@bp.app_template_global()
def event_href(key: str) -> str:
    """/events/<key>: url_for's result, built without url_for (a year page links thousands)."""
    return f"{request.script_root}/events/{quote(key, safe='')}"


@bp.app_template_filter("cn_date")
def cn_date(stored_or_span, with_year: bool = False) -> str:
    span = stored_or_span.event.primary if isinstance(stored_or_span, (StoredEvent, ListedEvent)) else stored_or_span
    return format_span(span, with_year=with_year)


def get_event_or_404(key: str) -> StoredEvent:
    """The stored event with `key`; raises NotFound (404) when there is none."""
    stored = queries.get_event(get_session(), key)
    if stored is None:
        abort(404, description=f"没有这个事件：{key}")
    return stored


@bp.route("/")
def index():
    """The latest year with events (or DEFAULT_YEAR), keeping any filter in the query."""
    years = queries.list_years(get_session())
    year = current_app.config.get("DEFAULT_YEAR") or (years[-1] if years else None)
    if year is None:
        return render_template("pages/empty.html", years=[]), 200
    target = url_for("pages.year", year=int(year))
    return redirect(target + ("?" + request.query_string.decode() if request.query_string else ""))


def toggled(flt, field: str, value: str) -> str:
    """The year page URL of `flt` with `value` added to or removed from `field`."""
    values = getattr(flt, field)
    values = tuple(v for v in values if v != value) if value in values else values + (value,)
    return page_url(replace(flt, **{field: values}))


def page_url(flt) -> str:
    query = urlencode(filter_args(flt, year=False))
    return url_for("pages.year", year=flt.year) + ("?" + query if query else "")


def subscribe_links(flt) -> dict[str, str]:
    """webcal://, https and Google Calendar links to the feed of exactly `flt`."""
    session = get_session()
    slug = queries.category_slug(session, flt.categories[0]) if len(flt.categories) == 1 else None
    path = feed_path(flt, slug)
    base = (current_app.config.get("BASE_URL") or request.url_root).rstrip("/")
    https = base + path
    webcal = "webcal://" + https.split("://", 1)[1]
    google = "https://calendar.google.com/calendar/render?cid=" + quote(webcal, safe="")
    return {"path": path, "https": https, "webcal": webcal, "google": google}


@bp.route("/<int:year>")
def year(year: int):
    parse_year(str(year))
    session = get_session()
    flt = check_categories(session, replace(event_filter_from_args(request.args), year=year))
    years = queries.list_years(session)
    if year not in years:
        # 404: this year's timeline does not exist, and link checkers should know; the page
        # still helps the reader on to the years that do.
        return render_template("pages/empty.html", year=year, years=years), 404
    events = queries.list_timeline(session, flt)   # the page shows no bodies: the light query
    view = build_year(year, events)
    # The light list has no bodies; the few overviews are read whole for their "read more",
    # in one query (one per category took 90 ms at 20 categories).
    if view.overviews:
        whole = {s.event.key: s for s in queries.list_events(session, replace(flt, kinds=("overview",)))}
        view.overviews = {c: [whole[s.event.key] for s in items] for c, items in view.overviews.items()}
    categories = queries.list_categories(session, replace(flt, categories=(), tags=(), q=None))
    chips = queries.list_categories(session, flt)
    counted = {c.name for c in chips}
    chips += [queries.CategoryCount(name, queries.category_slug(session, name) or "", 0)
              for name in flt.categories if name not in counted]
    tags = queries.list_tags(session, flt)
    counted = {t for t, _ in tags}
    tags += [(t, 0) for t in flt.tags if t not in counted]
    lanes = [c.name for c in categories if not flt.categories or c.name in flt.categories]
    palette = {c.name: i for i, c in enumerate(categories)}
    picture = build_picture(year, lanes, events, view.month_counts, palette)
    return render_template("pages/year.html", year=year, years=years, flt=flt, view=view, picture=picture,
                           chips=chips, tags=tags, cat_index=palette, toggled=toggled, page_url=page_url,
                           subscribe=subscribe_links(flt), filtered=flt != replace(flt, categories=(), tags=(), q=None))


@bp.route("/events/<key>")
def event(key: str):
    stored = get_event_or_404(key)
    before, after = queries.neighbours(get_session(), key)
    ev = stored.event
    return render_template("pages/event.html", stored=stored, ev=ev, before=before, after=after,
                           years=queries.list_years(get_session()),
                           body=highlight(ev.body, ev.mentions), mention_title=mention_title, vague=vagueness(ev.precision),
                           year_url=url_for("pages.year", year=ev.start.year) if ev.start else None)


@bp.errorhandler(BadParameter)
def bad_parameter(exc: BadParameter):
    return render_template("pages/error.html", code=400, title="参数有误", message=str(exc),
                           param=exc.param), 400


@bp.errorhandler(UnknownCategory)
def unknown_category(exc: UnknownCategory):
    return render_template("pages/error.html", code=404, title="没有这个分类", message=str(exc),
                           param="category"), 404


@bp.app_errorhandler(404)
def not_found(exc: HTTPException):
    """An HTML 404 for pages and unknown URLs; JSON under /api/; other blueprints' own."""
    if request.path.startswith("/api/"):
        return {"error": exc.description or "not found"}, 404
    if request.blueprint not in (None, "pages"):
        return exc
    message = exc.description if exc.description != NotFound.description else "没有这个页面。"
    return render_template("pages/error.html", code=404, title="找不到", message=message), 404
