"""The year page, assembled in one place: what the list, the chips, the chart, the pages and
the subscribe panel show for one year under a filter. Reads through the store's query
functions (no Flask routing, no SQL here); the template only lays it out.

The list is paged by whole months, PAGE_EVENTS events or fewer a page (a month with more is
cut into parts), so a busy year's first view stays small; every page is a plain link, and
the chart's month cells link to the page that holds their month.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from timeline.events.model import EventKind
from timeline.store import queries
from timeline.store.queries import EventFilter
from web.links import view_url
from web.params import BadParameter
from web.yearchart import COLUMN_LABELS, WHOLE, Chart, build_chart, column_of

PAGE_EVENTS = 200


@dataclass(frozen=True)
class Chip:
    name: str
    count: int
    selected: bool
    css: str = ""              # the category's colour class


@dataclass
class Group:
    """One month's events on a page (`part` > 1: the month continues from the page before)."""

    month: int                 # 1-12, or WHOLE
    events: list = field(default_factory=list)
    part: int = 1

    @property
    def anchor(self) -> str:
        return f"m{self.month}" if self.month != WHOLE else "whole-year"

    @property
    def label(self) -> str:
        return "全年、半年与季度" if self.month == WHOLE else COLUMN_LABELS[self.month]


@dataclass(frozen=True)
class MonthLink:
    month: int
    label: str
    count: int
    href: str


@dataclass
class YearPage:
    flt: EventFilter
    year: int
    page: int
    pages: int
    groups: list[Group]                  # this page's months
    total: int                           # dated entries the filter lists (all pages)
    months: list[MonthLink]
    chart: Chart
    categories: list[Chip]
    tags: list[Chip]
    overviews: list                      # 【概况】 of the shown categories (first page)
    see_also: list                       # cross-references (first page)
    cat_index: dict[str, int]
    slugs: dict[str, str]
    page_labels: list[str]               # "1月—3月" for each page


def is_listed(stored) -> bool:
    """An entry the month list shows: a dated event or a dated cross-reference."""
    return stored.event.kind is not EventKind.OVERVIEW and stored.event.primary is not None


def _paginate(groups: list[Group]) -> list[list[Group]]:
    """Whole months, PAGE_EVENTS or fewer events a page; a bigger month gets pages of its own."""
    pages: list[list[Group]] = []
    current: list[Group] = []
    size = 0
    for group in groups:
        if len(group.events) > PAGE_EVENTS:
            if current:
                pages.append(current)
                current, size = [], 0
            for part, i in enumerate(range(0, len(group.events), PAGE_EVENTS), start=1):
                pages.append([Group(group.month, group.events[i:i + PAGE_EVENTS], part)])
            continue
        if current and size + len(group.events) > PAGE_EVENTS:
            pages.append(current)
            current, size = [], 0
        current.append(group)
        size += len(group.events)
    if current or not pages:
        pages.append(current)
    return pages


def _page_label(groups: list[Group]) -> str:
    if not groups:
        return ""
    first, last = groups[0], groups[-1]
    label = first.label if first.month == last.month else f"{first.label}—{last.label}"
    return label + ("（续）" if first.part > 1 else "")


def assemble(session, flt: EventFilter, page: int = 1) -> YearPage:
    """The page `page` of `flt`'s year. Raises BadParameter for a page past the last."""
    year = flt.year
    names = queries.category_names(session)
    cat_index = {name: i for i, (name, _) in enumerate(names)}
    slugs = dict(names)
    # One light query for the year under its search and dates; categories and tags are
    # applied here, so each chip can count exactly what choosing it lists.
    base = queries.list_timeline(session, replace(flt, categories=(), tags=()))
    in_categories = (lambda e: e.event.category in flt.categories) if flt.categories else (lambda e: True)
    in_tags = (lambda e: not set(flt.tags).isdisjoint(e.event.tags)) if flt.tags else (lambda e: True)
    listed = [e for e in base if is_listed(e)]
    category_counts = Counter(e.event.category for e in listed if in_tags(e))
    tag_counts = Counter(t for e in listed if in_categories(e) for t in e.event.tags)
    shown = [e for e in base if in_categories(e) and in_tags(e)]
    shown_listed = [e for e in shown if is_listed(e)]

    by_month: dict[int, Group] = {}
    for stored in shown_listed:
        month = column_of(stored.event, year)
        by_month.setdefault(month, Group(month)).events.append(stored)
    pages = _paginate([by_month[m] for m in sorted(by_month)])
    if not 1 <= page <= len(pages):
        raise BadParameter("page", f"out of range (1–{len(pages)}): {page}")
    page_of = {}
    for number, groups in enumerate(pages, start=1):
        for group in groups:
            page_of.setdefault(group.month, number)

    def month_href(month: int) -> str:
        anchor = "whole-year" if month == WHOLE else f"m{month}"
        target = page_of.get(month)
        if target is None:                       # an empty month: nothing to land on
            return view_url(flt, page=page, anchor="results")
        return f"#{anchor}" if target == page else view_url(flt, page=target, anchor=anchor)

    hrefs = {m: month_href(m) for m in list(range(1, 13)) + [WHOLE]}
    chart = build_chart(year, shown_listed, cat_index, hrefs)
    months = [MonthLink(m, COLUMN_LABELS[m], len(by_month[m].events) if m in by_month else 0, hrefs[m])
              for m in sorted(set(range(1, 13)) | set(by_month))]

    overviews, see_also = [], []
    if page == 1:
        see_also = [e for e in shown if e.event.kind is EventKind.XREF]
        if any(e.event.kind is EventKind.OVERVIEW for e in shown):
            # The light list has no bodies; the few overviews are read whole, in one query.
            overviews = [e for e in queries.list_events(session, replace(flt, kinds=("overview",)))]

    categories = [Chip(name, category_counts[name], name in flt.categories, f"cat-{cat_index.get(name, 0)}")
                  for name in sorted(set(category_counts) | set(flt.categories), key=lambda n: cat_index.get(n, 0))]
    tags = [Chip(tag, tag_counts[tag], tag in flt.tags)
            for tag in sorted(set(tag_counts) | set(flt.tags), key=lambda t: (-tag_counts[t], t))]
    return YearPage(flt=flt, year=year, page=page, pages=len(pages), groups=pages[page - 1], total=len(shown_listed),
                    months=months, chart=chart, categories=categories, tags=tags, overviews=overviews,
                    see_also=see_also, cat_index=cat_index, slugs=slugs, page_labels=[_page_label(p) for p in pages])


def decades(years: list[int]) -> list[tuple[str, list[int]]]:
    """("2010年代", [2012, 2015, ...]) for the year menu, most recent decade first."""
    groups: dict[int, list[int]] = defaultdict(list)
    for y in years:
        groups[y // 10 * 10].append(y)
    return [(f"{d}年代", groups[d]) for d in sorted(groups, reverse=True)]
