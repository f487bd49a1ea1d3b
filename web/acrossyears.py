"""A view across all years: a category (/category/<slug>), a tag (/tag/<name>) or a search
(/search?q=…), with how many events each year holds and the events in pages."""
from __future__ import annotations

from dataclasses import dataclass, replace

from timeline.store import queries
from timeline.store.queries import EventFilter
from web.params import BadParameter
from web.yearview import PAGE_EVENTS, Chip


@dataclass
class AcrossPage:
    flt: EventFilter
    page: int
    pages: int
    total: int
    years: list[tuple[int, int]]         # (year, events) under the filter
    groups: list[tuple[int | None, list]]   # this page's events by year (None: undated)
    categories: list[Chip]
    tags: list[Chip]
    cat_index: dict[str, int]
    slugs: dict[str, str]


def assemble(session, flt: EventFilter, page: int = 1) -> AcrossPage:
    """Page `page` of `flt` over all years. Raises BadParameter for a page past the last."""
    names = queries.category_names(session)
    cat_index = {name: i for i, (name, _) in enumerate(names)}
    if page < 1:
        raise BadParameter("page", f"below 1: {page}")
    found = queries.page_events(session, flt, limit=PAGE_EVENTS, offset=(page - 1) * PAGE_EVENTS)
    total = found.count
    pages = max(1, -(-total // PAGE_EVENTS))
    if page > pages:
        raise BadParameter("page", f"out of range (1–{pages}): {page}")
    years = queries.year_counts(session, flt)
    groups: list[tuple[int | None, list]] = []
    for stored in found.events:
        year = stored.event.start.year if stored.event.start else None
        if not groups or groups[-1][0] != year:
            groups.append((year, []))
        groups[-1][1].append(stored)
    categories = [Chip(c.name, c.count, c.name in flt.categories, f"cat-{cat_index.get(c.name, 0)}")
                  for c in queries.list_categories(session, flt)]
    tags = [Chip(t, n, t in flt.tags) for t, n in queries.list_tags(session, flt)]
    return AcrossPage(flt=flt, page=page, pages=pages, total=total, years=years, groups=groups,
                      categories=categories, tags=tags, cat_index=cat_index, slugs=dict(names))


def other_years(session, flt: EventFilter) -> list[tuple[int, int]]:
    """For a search within a year: how many matches every year holds."""
    return queries.year_counts(session, replace(flt, year=None))
