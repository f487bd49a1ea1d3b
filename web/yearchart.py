"""The year chart: a heat strip of months x categories, ranges as bars (no Flask, no SQL).

Each lane is a category (past MAX_LANES the smallest fold into "其他"), each column a month,
and a last column "全年" for what is dated only to the year, a half or a quarter. A cell's
shade says how many events start there; a thin bar under the cells spans each event that
lasts several days. The cells are links to their month; the page gives the whole chart one
tab stop (arrow keys move inside, static/timeline.js).
"""
from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass
from datetime import date
from math import sqrt

from timeline.dates.span import Precision

MAX_LANES = 12             # lanes shown; the rest are one "其他" lane
OTHER = "其他"
WHOLE = 13                 # the column after December: the year, a half or a quarter as a whole
WHOLE_YEAR = (Precision.YEAR, Precision.HALF, Precision.QUARTER, Precision.PLAN, Precision.DECADE,
              Precision.CENTURY)
COLUMN_LABELS = {**{m: f"{m}月" for m in range(1, 13)}, WHOLE: "全年"}
LEVEL_OPACITY = (0.0, 0.2, 0.38, 0.56, 0.76, 0.95)   # shade of a cell by its level (0 = none)

LABEL_W = 96               # lane names
COL_W = 40
TOTAL_W = 44               # each lane's total
HEAD = 42                  # month names and counts
CELL_H = 20
BAR_H = 3                  # one row of range bars
BAR_ROWS = 2
ROW_GAP = 6
LABEL_CHARS = 6            # longer names are cut (the full name is in the tooltip)


def column_of(event, year: int) -> int:
    """The month whose group lists `event`, or WHOLE."""
    if event.precision in WHOLE_YEAR or event.start.year != year:
        return WHOLE
    return event.start.month


@dataclass(frozen=True)
class Cell:
    row: int
    col: int
    x: float
    y: float
    count: int
    level: int
    label: str                 # what the tooltip and a screen reader say
    href: str


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float


@dataclass(frozen=True)
class Lane:
    name: str
    short: str                 # the name as drawn
    css: str                   # cat-N or cat-other
    members: tuple[str, ...]   # the categories folded into 其他
    y: float
    total: int
    cells: tuple[Cell, ...]
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Column:
    key: int
    label: str
    x: float
    total: int
    href: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    columns: tuple[Column, ...]
    lanes: tuple[Lane, ...]
    levels: tuple[float, ...] = LEVEL_OPACITY

    @property
    def first_cell(self) -> Cell | None:
        """The cell that holds the chart's one tab stop: the first with events."""
        return next((c for lane in self.lanes for c in lane.cells if c.count), None)


def _x(col: int) -> float:
    return LABEL_W + (col - 1) * COL_W


def _day_x(d: date) -> float:
    days = calendar.monthrange(d.year, d.month)[1]
    return _x(d.month) + (d.day - 1) / days * COL_W


def _level(count: int, most: int) -> int:
    return 0 if not count else min(5, 1 + int(4 * sqrt(count / most)))


def _lanes(events: list, index: dict[str, int]) -> list[tuple[str, str, tuple[str, ...]]]:
    """(name, css class, members) per lane: categories in palette order, the smallest past
    MAX_LANES - 1 folded into one 其他 lane."""
    counts = Counter(e.event.category for e in events)
    names = sorted(counts, key=lambda n: index.get(n, len(index)))
    if len(names) > MAX_LANES:
        kept = set(sorted(names, key=lambda n: (-counts[n], index.get(n, 0)))[:MAX_LANES - 1])
        folded = tuple(n for n in names if n not in kept)
        return [(n, f"cat-{index.get(n, 0)}", ()) for n in names if n in kept] + [(OTHER, "cat-other", folded)]
    return [(n, f"cat-{index.get(n, 0)}", ()) for n in names]


def build_chart(year: int, events: list, index: dict[str, int], column_href: dict[int, str]) -> Chart:
    """The chart of `events` (the listed, dated events the page shows, in timeline order).

    `index` is each category's colour index; `column_href` each column's link.
    """
    columns_used = sorted({column_of(e.event, year) for e in events} | set(range(1, 13)))
    lanes_spec = _lanes(events, index)
    lane_of = {m: i for i, (_, _, members) in enumerate(lanes_spec) for m in members}
    lane_of.update({name: i for i, (name, _, members) in enumerate(lanes_spec) if not members})
    counts: Counter[tuple[int, int]] = Counter()
    ranges: dict[int, list[tuple[date, date]]] = {i: [] for i in range(len(lanes_spec))}
    for stored in events:
        ev = stored.event
        row, col = lane_of[ev.category], column_of(ev, year)
        counts[row, col] += 1
        if col != WHOLE and ev.end > ev.start:
            ranges[row].append((ev.start, min(ev.end, date(year, 12, 31))))
    most = max(counts.values(), default=1)
    has_bars = any(ranges.values())
    row_h = CELL_H + (BAR_ROWS * (BAR_H + 1) + 2 if has_bars else 0) + ROW_GAP
    lanes = []
    for row, (name, css, members) in enumerate(lanes_spec):
        y = HEAD + row * row_h
        cells = tuple(Cell(row, col, _x(col), y, counts[row, col], _level(counts[row, col], most),
                           f"{COLUMN_LABELS[col]} · {name}{'（' + '、'.join(members) + '）' if members else ''}"
                           f"：{counts[row, col]} 条", column_href[col])
                      for col in columns_used)
        lanes.append(Lane(name, name if len(name) <= LABEL_CHARS else name[:LABEL_CHARS - 1] + "…", css, members,
                          y, sum(c.count for c in cells), cells, _bars(ranges[row], y + CELL_H + 2)))
    totals = Counter(column_of(e.event, year) for e in events)
    columns = tuple(Column(col, COLUMN_LABELS[col], _x(col), totals[col], column_href[col]) for col in columns_used)
    width = int(_x(columns_used[-1] + 1) + TOTAL_W)
    return Chart(width, int(HEAD + len(lanes) * row_h + 4), columns, tuple(lanes))


def _bars(spans: list[tuple[date, date]], top: float) -> tuple[Bar, ...]:
    """One bar per range, in BAR_ROWS rows; a range that finds no free row overlaps the
    emptiest (the overlap darkens: that is density too)."""
    rows_end: list[float] = [0.0] * BAR_ROWS
    bars = []
    for start, end in sorted(spans):
        x0 = _day_x(start)
        x1 = max(_day_x(end) + COL_W / 31, x0 + 3)
        row = next((i for i, r in enumerate(rows_end) if r <= x0), min(range(BAR_ROWS), key=rows_end.__getitem__))
        rows_end[row] = max(rows_end[row], x1 + 1)
        bars.append(Bar(round(x0, 1), top + row * (BAR_H + 1), round(x1 - x0, 1)))
    return tuple(bars)
