"""What a year page shows, computed from the store's events (no Flask, no SQL).

The view fetches events through the store's query functions and hands them here; the
template only lays out what this module decided: which events go in which month, which are
category overviews or "see also" lines, and where each mark of the picture sits.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from timeline.dates.span import Precision
from timeline.events.model import EventKind, ListedEvent, StoredEvent

# The year page lists light events (queries.list_timeline); its overviews are read whole.
Listed = ListedEvent | StoredEvent

# Precisions coarser than a month belong to the year as a whole, not to its first month.
WHOLE_YEAR = (Precision.YEAR, Precision.HALF, Precision.QUARTER)


@dataclass
class MonthGroup:
    month: int | None               # None: the year, a half or a quarter as a whole
    events: list[Listed] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"m{self.month}" if self.month else "whole-year"


@dataclass
class YearView:
    year: int
    months: list[MonthGroup]                        # dated entries in date order
    overviews: dict[str, list[Listed]]         # category name -> its 【概况】
    see_also: list[Listed]                     # cross-references, dated or not
    month_counts: list[int]                         # events starting in each month, Jan..Dec
    total: int                                      # dated entries shown in the months


def is_listed(stored: Listed) -> bool:
    """An entry the month list shows: a dated event or a dated cross-reference."""
    return stored.event.kind is not EventKind.OVERVIEW and stored.event.primary is not None


def build_year(year: int, events: list[Listed]) -> YearView:
    """Sort `events` (already in timeline order) into the sections of the year page."""
    groups: dict[int | None, MonthGroup] = {}
    overviews: dict[str, list[Listed]] = defaultdict(list)
    see_also: list[Listed] = []
    counts: Counter[int] = Counter()
    for stored in events:
        ev = stored.event
        if ev.kind is EventKind.OVERVIEW:
            overviews[ev.category].append(stored)
            continue
        if ev.kind is EventKind.XREF:
            see_also.append(stored)
        if ev.primary is None:
            continue
        month = None if ev.primary.precision in WHOLE_YEAR or ev.start.year != year else ev.start.month
        groups.setdefault(month, MonthGroup(month)).events.append(stored)
        if month:
            counts[month] += 1
    ordered = sorted(groups.values(), key=lambda g: g.month or 0)
    return YearView(year=year, months=ordered, overviews=dict(overviews), see_also=see_also,
                    month_counts=[counts[m] for m in range(1, 13)],
                    total=sum(len(g.events) for g in ordered))


# ------------------------------------------------------------------ the picture (SVG)
WIDTH = 960
LEFT = 104                 # lane labels
RIGHT = 12
TOP = 30                   # month labels
ROW = 14                   # one row of marks inside a lane
LANE_PAD = 10
MAX_ROWS = 6               # beyond this a busy lane lets marks overlap instead of growing
BOTTOM = 30                # per-month counts
PLOT = WIDTH - LEFT - RIGHT


@dataclass(frozen=True)
class Mark:
    stored: Listed
    x: float
    width: float               # 0 for a single day: drawn as a dot
    y: float
    vague: bool                # month, xun or coarser: a lighter bar

    @property
    def cx(self) -> float:
        return self.x + self.width / 2


@dataclass
class Lane:
    name: str
    index: int                 # colour class
    y: float
    height: float
    marks: list[Mark]


@dataclass
class Picture:
    width: int
    height: int
    lanes: list[Lane]
    months: list[tuple[int, float, float, int]]    # (month, x, width, count)
    plot_top: int
    plot_bottom: float


def _x(year_start: date, days: int, d: date) -> float:
    return LEFT + (d - year_start).days / days * PLOT


def build_picture(year: int, categories: list[str], events: list[Listed],
                  month_counts: list[int], palette: dict[str, int] | None = None) -> Picture:
    """One lane per category on a twelve-month axis; a dot per day, a bar per range.

    `palette` gives each category its colour index, so a colour stays with its category
    when a filter hides other lanes.
    """
    palette = palette or {}
    start, end = date(year, 1, 1), date(year + 1, 1, 1)
    days = (end - start).days
    by_category: dict[str, list[Listed]] = defaultdict(list)
    for stored in events:
        if is_listed(stored):
            by_category[stored.event.category].append(stored)
    names = list(categories) + [c for c in by_category if c not in categories]
    lanes, y = [], float(TOP)
    for index, name in enumerate(names):
        rows_end: list[float] = []
        placed: list[tuple[Listed, float, float, int, bool]] = []
        for stored in by_category.get(name, []):
            ev = stored.event
            first, last = max(ev.start, start), min(ev.end, end - timedelta(days=1))
            if first > last:
                continue
            x0 = _x(start, days, first)
            x1 = _x(start, days, last + timedelta(days=1))
            single = first == last
            width = 0.0 if single else max(x1 - x0, 10.0)   # a two-day bar still reads as a bar
            left, right = (x0 + x1) / 2 - 6 if single else x0, (x0 + x1) / 2 + 6 if single else x0 + width
            row = next((i for i, r in enumerate(rows_end) if r <= left), None)
            if row is None:
                if len(rows_end) < MAX_ROWS:
                    rows_end.append(right)
                    row = len(rows_end) - 1
                else:
                    row = min(range(len(rows_end)), key=rows_end.__getitem__)
            rows_end[row] = max(rows_end[row], right + 1)
            placed.append((stored, x0 if not single else (x0 + x1) / 2, width, row,
                           ev.precision is not Precision.DAY))
        height = max(len(rows_end), 1) * ROW + LANE_PAD
        marks = [Mark(s, x, w, y + LANE_PAD / 2 + row * ROW + ROW / 2, vague) for s, x, w, row, vague in placed]
        lanes.append(Lane(name, palette.get(name, index) % 8, y, height, marks))
        y += height
    months = []
    for m in range(1, 13):
        m0 = date(year, m, 1)
        m1 = date(year + (m == 12), m % 12 + 1, 1)
        months.append((m, _x(start, days, m0), _x(start, days, m1) - _x(start, days, m0), month_counts[m - 1]))
    return Picture(width=WIDTH, height=int(y + BOTTOM), lanes=lanes, months=months, plot_top=TOP, plot_bottom=y)
