"""The HTML pages: a year, a view across all years (category, tag, search), one event."""
from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for

from timeline.events.model import EventKind
from timeline.store import queries
from timeline.store.queries import EventFilter
from web import acrossyears, links, subscribe, yearview
from web.db import get_session
from web.format import format_span, highlight, mark_words, mention_title, search_words, snippet, \
    summary_beyond_title, vagueness
from web.params import UnknownCategory, check_categories, event_filter_from_args, filter_args, page_number, parse_year

bp = Blueprint("pages", __name__)


@bp.app_template_filter("cn_date")
def cn_date(stored_or_span, with_year: bool = False) -> str:
    span = stored_or_span.event.primary if hasattr(stored_or_span, "event") else stored_or_span
    return format_span(span, with_year=with_year)


# Globals, not a context processor: the macros of _parts.html are imported without context.
bp.record_once(lambda state: state.app.jinja_env.globals.update({"event_href": links.event_href, "category_href": links.category_href, "tag_href": links.tag_href,
            "view_url": links.view_url, "toggled": links.toggled, "mark_words": mark_words,
            "summary_beyond_title": summary_beyond_title, "snippet": snippet, "with_filter": replace, "none_filter": EventFilter()}))


def _common(session, flt: EventFilter, slugs: dict[str, str]) -> dict:
    """What every view's template needs: years for the menu, the subscribe panel, downloads."""
    years = queries.list_years(session)
    args = filter_args(flt)
    return {"years": years, "decades": yearview.decades(years), "feeds": subscribe.feeds_for(session, flt, slugs),
            "downloads": {fmt: url_for(f"download.download_{fmt}") + ("?" + urlencode(args) if args else "")
                          for fmt in ("csv", "json")},
            "words": search_words(flt.q), "palette_n": len(slugs)}


@bp.route("/")
def index():
    """The latest year with events (or DEFAULT_YEAR), keeping any filter in the query."""
    years = queries.list_years(get_session())
    year = current_app.config.get("DEFAULT_YEAR") or (years[-1] if years else None)
    if year is None:
        return render_template("pages/empty.html", years=[], decades=[]), 200
    target = url_for("pages.year", year=int(year))
    return redirect(target + ("?" + request.query_string.decode() if request.query_string else ""))


@bp.route("/<int:year>")
def year(year: int):
    parse_year(str(year))
    session = get_session()
    flt = check_categories(session, replace(event_filter_from_args(request.args), year=year))
    page = page_number(request.args)
    years = queries.list_years(session)
    if year not in years:
        # 404: this year's timeline does not exist, and link checkers should know; the page
        # still helps the reader on to the years that do.
        return render_template("pages/empty.html", year=year, years=years, decades=yearview.decades(years)), 404
    view = yearview.assemble(session, flt, page)
    others = acrossyears.other_years(session, flt) if flt.q else []
    return render_template("pages/year.html", view=view, flt=flt, year=year, others=others,
                           filtered=flt != EventFilter(year=year), **_common(session, flt, view.slugs))


def _across(flt: EventFilter, heading: str):
    session = get_session()
    view = acrossyears.assemble(session, flt, page_number(request.args))
    return render_template("pages/across.html", view=view, flt=flt, heading=heading, **_common(session, flt, view.slugs))


@bp.route("/category/<slug>")
def category(slug: str):
    """One category across all years (the other filters of the query apply too)."""
    session = get_session()
    name = queries.category_by_slug(session, slug) if slug.isascii() else None
    if name is None and queries.category_slug(session, slug) is not None:
        name = slug                             # a category's name works too
    if name is None:
        raise UnknownCategory(slug)
    flt = check_categories(session, event_filter_from_args(request.args))
    return _across(replace(flt, categories=(name,) + tuple(c for c in flt.categories if c != name)),
                   f"分类：{name}")


@bp.route("/tag/<name>")
def tag(name: str):
    """One event type (tag) across all years."""
    flt = check_categories(get_session(), event_filter_from_args(request.args))
    if not queries.count_events(get_session(), EventFilter(tags=(name,))):
        abort(404, description=f"没有带“{name}”标签的事件。")
    return _across(replace(flt, tags=(name,) + tuple(t for t in flt.tags if t != name)), f"事件类型：#{name}")


@bp.route("/search")
def search():
    """A search (and any other filter) across all years; with ?year= it is that year's page."""
    flt = check_categories(get_session(), event_filter_from_args(request.args))
    if flt.year is not None:
        return redirect(links.view_url(flt))
    if flt == EventFilter():
        return redirect(url_for("pages.index"))
    heading = f"搜索“{flt.q}”" if flt.q else "筛选结果"
    return _across(flt, heading)


@bp.route("/events/<key>")
def event(key: str):
    session = get_session()
    stored = queries.get_event(session, key)
    if stored is None:
        abort(404, description=f"没有这个事件：{key}")
    before, after = queries.neighbours(session, key)
    ev = stored.event
    years = queries.list_years(session)
    names = queries.category_names(session)
    return render_template("pages/event.html", stored=stored, ev=ev, before=before, after=after,
                           years=years, decades=yearview.decades(years), slugs=dict(names),
                           cat_index={n: i for i, (n, _) in enumerate(names)}, palette_n=len(names),
                           body=highlight(ev.body, ev.mentions), mention_title=mention_title,
                           vague=vagueness(ev.precision), is_overview=ev.kind is EventKind.OVERVIEW,
                           year_url=url_for("pages.year", year=ev.start.year) if ev.start else None)
