"""Context: turn each match into a DateSpan, filling missing parts from what came before.

Order of context (docs/dates.md): a mention without a year takes the previous dated
mention's year, else the `year` argument, else the reference's; a mention without a month
the previous mention's month (if it had one), else `month`, else the reference's. Relative
words anchor on the previous mention ("previous") or on the document's now ("reference").
"""
from __future__ import annotations

import calendar
from collections import deque
from collections.abc import Iterator
from itertools import takewhile
from dataclasses import dataclass, replace
from datetime import date, timedelta

from . import lunar, notes
from . import tables as T
from .families import MASTER, MEANINGS, RULES
from .productions import SHORTCUTS, Impossible, NotADate, Parsed, Point
from .span import CalendarKind, DateSpan, DateWarning, PartOfDay, Precision, Resolution, new_span

_FINE = (Precision.DAY, Precision.XUN, Precision.MONTH)
GREGORIAN = CalendarKind.GREGORIAN
_DAYS_OF_MONTH = (Precision.XUN, Precision.DAY)


class NoContext(Exception):
    """Nothing in the text or the arguments gives the missing year or month: a warning."""


class Unanchored(NotADate):
    """A relative day or bare clock time with no day to count from ("当日即办结" after a
    year-only mention): a generic use of the word, skipped without a warning."""


PREFER = ("document", "future", "past")
_NOT_A_DATE = object()                                   # a match read as no date

# What a match means depends on its rule and its text alone (a festival's also on the two
# characters after it), never on the context, so a text read once is not parsed again, in
# this call or a later one: chronicles repeat 同日, 次日, 上午 and their day numbers, line
# after line. (rule, text, after) -> Parsed, NotADate, or the exception to raise. The
# Parsed values are shared: nothing changes them (`replace` makes new ones).
_MEANINGS: dict[tuple[str, str, str], Parsed | Exception | object] = {}
_MEANINGS_KEPT = 20_000                                  # then it starts again


def clear_cache() -> None:
    """Forget the meanings and texts read so far (benches time a first reading with it)."""
    _MEANINGS.clear()
    _READINGS.clear()
    _readings_size[0] = 0


def named_year(span: DateSpan) -> int:
    """The year a mention puts in force: its end's ("2019年12月27日至2020年1月19日": 2020),
    but a season's own ("1957年冬" runs into 1958; 翌年 after it is 1958, 是年 is 1957)."""
    return span.start.year if span.precision is Precision.SEASON else span.end.year


@dataclass
class Context:
    year: int | None
    month: int | None
    reference: date | None
    prev: DateSpan | None = None
    # LUNAR: months and days without a marker of their own are lunar (a Qing gazetteer).
    calendar: CalendarKind | None = None
    prefer: str = "document"
    # The last mention's lunar (year, month, leap) when it was lunar: "十二月" of lunar 1674
    # falls in January 1675, and the next "二月" is still of the 1674 heading.
    lunar: tuple[int, int | None, bool] | None = None
    # The last mention known to the month, and to the day: a coarse mention inside an entry
    # ("前三季度", "全年") does not take the chronicle's month or day away from what follows.
    fine: DateSpan | None = None
    day: DateSpan | None = None

    def seen(self, mention: DateSpan) -> None:
        self.prev = mention
        if mention.precision in _FINE:
            self.fine = mention
            if mention.precision is Precision.DAY:
                self.day = mention

    def after(self, prev: DateSpan, lunar: tuple[int, int | None, bool] | None) -> Context:
        """This context with `prev` as the mention before (the near end of a range): a
        copy of every field (dataclasses.replace, without its cost)."""
        here = object.__new__(Context)
        here.__dict__.update(self.__dict__)
        here.prev, here.lunar = prev, lunar
        return here

    def _last(self, kept: DateSpan | None) -> DateSpan | None:
        """`kept` when the previous mention is coarser but of the same year."""
        prev = self.prev
        if kept is not None and prev is not None and kept.end.year == prev.end.year:
            return kept
        return None

    def year_for(self, anchor: str) -> int:
        if anchor == "previous" and self.prev is not None:
            return named_year(self.prev)
        if self.year is not None:
            return self.year
        if self.reference is not None:
            return self.reference.year
        raise NoContext("no year: give the document year or a reference date")

    def month_for(self, anchor: str) -> tuple[int, int]:
        if anchor == "previous" and self.prev is not None:
            fine = self.prev if self.prev.precision in _FINE else self._last(self.fine)
            if fine is not None:
                return fine.end.year, fine.end.month
        month = self.month if self.month is not None else (
            self.reference.month if self.reference is not None else None)
        if month is None and self.prev is not None and self.prev.precision in _FINE:
            # no "now" to count from: a chronicle's "下月" is the month after the last one
            return self.prev.end.year, self.prev.end.month
        if month is None:
            raise NoContext("no month: give the month heading or a reference date")
        return self.year_for(anchor), month

    def day_for(self, anchor: str, *, from_start: bool = False) -> date:
        if anchor == "previous" and self.prev is not None:
            day = self.prev if self.prev.precision == Precision.DAY else self._last(self.day)
            if day is not None:
                return day.start if from_start else day.end
        if self.reference is not None:
            return self.reference
        if anchor == "reference":             # "明天" is a date; we just cannot say which
            raise NoContext("no reference date to count from")
        if self.prev is None and self.year is None and self.month is None:
            # Nothing at all to count from ("15点20分", "六天后" alone): a date we cannot
            # place, like "明天" without a reference. After a coarser mention or under a
            # document year it is a generic use ("当日即办结"), skipped.
            raise NoContext("no day to count from: give a reference date")
        raise Unanchored


@dataclass(slots=True)
class Resolved:
    start: date
    end: date
    precision: Precision
    calendar: CalendarKind = CalendarKind.GREGORIAN
    relative: bool = False
    # For a lunar date: (lunar year, lunar month or None, leap), what the next unmarked
    # lunar month or day counts from.
    lunar: tuple[int, int | None, bool] | None = None


def _month_last(year: int, month: int) -> int:
    if month != 2:
        return _DAYS_IN_MONTH[month]
    return 29 if calendar.isleap(year) else 28


_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    y, m0 = divmod(year * 12 + month - 1 + offset, 12)
    return y, m0 + 1


def _check(year: int, month: int | None = None, day: int | None = None) -> None:
    if not 1 <= year <= 9999:
        raise Impossible(f"no year {year}")
    if month is not None and not 1 <= month <= 12:
        raise Impossible(f"no month {month}")
    if day is not None and not 1 <= day <= _month_last(year, month):
        raise Impossible(f"no day {day} in {year}-{month:02d}")


def _festival(p: Point, year: int, relative: bool) -> Resolved:
    name = p.festival
    if name in T.SOLAR_FESTIVALS:
        d, kind = date(year, *T.SOLAR_FESTIVALS[name]), CalendarKind.GREGORIAN
    elif name in T.SOLAR_TERM_FESTIVALS or name in T.SOLAR_TERMS:
        term = T.SOLAR_TERM_FESTIVALS.get(name, name)
        d, kind = lunar.solar_term(year, term), CalendarKind.GREGORIAN
    elif name in T.NEW_YEARS_EVE:
        d, kind = lunar.new_years_eve(year), CalendarKind.LUNAR
    elif name in T.WEEKDAY_FESTIVALS:
        month, nth, weekday = T.WEEKDAY_FESTIVALS[name]
        d, kind = _nth_weekday(year, month, nth, weekday), CalendarKind.GREGORIAN
    elif name in T.SCHOOL_HOLIDAYS:
        a, b = T.SCHOOL_HOLIDAYS[name]
        return Resolved(date(year, a, 1), date(year, b, _month_last(year, b)), Precision.MONTH,
                        relative=relative)
    else:
        month, day = T.LUNAR_FESTIVALS[name]
        # Like a lunar date: the 腊八 a 2020 yearbook means is the one in January 2020.
        lunar_year = year if p.year is not None else lunar.in_gregorian_year(year, month, day)
        d, kind = lunar.to_solar(lunar_year, month, day), CalendarKind.LUNAR
    d += timedelta(days=p.day_shift)
    return Resolved(d, d, Precision.DAY, kind, relative)


def _nth_weekday(year: int, month: int, nth: int | None, weekday: int) -> date:
    """The nth `weekday` (ISO) of a month; nth None: the last one."""
    if nth is None:
        last = date(year, month, _month_last(year, month))
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, 1)
    d = first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    if d.month != month:
        raise Impossible(f"{year}-{month:02d} has no {nth}th weekday {weekday}")
    return d


def _ordinal(p: Point, base: Resolved) -> Resolved:
    """A part of a year or month counted by number (tables.ORDINAL_KINDS): its N-th, first N
    or last N weeks (Monday-first weeks inside it), months or days; its N-th weekday."""
    kind, n, unit, weekday = p.ordinal
    start, end = base.start, base.end
    if weekday is not None:
        d = _nth_weekday(start.year, start.month, n, weekday)
        return _days(d, d, base.relative)
    if unit == "month":
        a, b = {"nth": (n, n), "first": (1, n), "last": (13 - n, 12)}[kind]
        if not 1 <= a <= b <= 12 or base.precision is not Precision.YEAR:
            raise Impossible(f"no month {n} in a year")
        return Resolved(date(start.year, a, 1), date(start.year, b, _month_last(start.year, b)),
                        Precision.MONTH, relative=base.relative)
    if unit == "week":
        first_monday = start + timedelta(days=(7 - start.weekday()) % 7)
        last_sunday = end - timedelta(days=(end.isoweekday()) % 7)
        a, b = {"nth": (first_monday + timedelta(weeks=n - 1), first_monday + timedelta(weeks=n, days=-1)),
                "first": (first_monday, first_monday + timedelta(weeks=n, days=-1)),
                "last": (last_sunday - timedelta(weeks=n, days=-1), last_sunday)}[kind]
    else:
        a, b = {"nth": (start + timedelta(days=n - 1), start + timedelta(days=n - 1)),
                "first": (start, start + timedelta(days=n - 1)),
                "last": (end - timedelta(days=n - 1), end)}[kind]
    if a < start or b > end + timedelta(days=6 if unit == "week" else 0):
        raise Impossible(f"no {kind} {n} {unit}s in {start.isoformat()}..{end.isoformat()}")
    return _days(a, b, base.relative)


def _days(start: date, end: date, relative: bool = True) -> Resolved:
    return Resolved(start, end, Precision.DAY, relative=relative)


def _weekday(p: Point, ctx: Context) -> Resolved:
    """"周三", "下周五", "本周末", "下周": in the week of the previous mention's day (else of
    the reference), Monday first; with prefer="future" a bare weekday is the next one."""
    try:
        # "下周三", "这周二" count from the document's now; a bare "周三" is in the week of
        # the day before it.
        relative_to_now = p.week_rel is not None and ctx.reference is not None
        anchor = ctx.reference if relative_to_now else ctx.day_for("previous")
    except Unanchored:
        raise NoContext("no day to find the week from: give a reference date") from None
    monday = anchor - timedelta(days=anchor.isoweekday() - 1) + timedelta(weeks=p.week_rel or 0)
    if p.weekday is None:
        return _days(monday, monday + timedelta(days=6))
    day = monday + timedelta(days=p.weekday - 1)
    if p.week_rel is None and ctx.prev is None and ctx.reference is not None:
        if ctx.prefer == "future" and day < ctx.reference:
            day += timedelta(weeks=1)
        elif ctx.prefer == "past" and day > ctx.reference:
            day -= timedelta(weeks=1)
    return _days(day, day + timedelta(days=1 if p.weekend else 0))


def _offset(p: Point, ctx: Context) -> Resolved:
    """"3 日后", "两个月后", "三年后": from the previous mention (else the context), at the
    precision of the unit counted."""
    unit, n = p.offset
    if unit == "day":
        d = ctx.day_for("previous") + timedelta(days=n)
        return _days(d, d)
    if unit == "month":
        y, m = _add_months(*ctx.month_for("previous"), n)
        return Resolved(date(y, m, 1), date(y, m, _month_last(y, m)), Precision.MONTH, relative=True)
    y = ctx.year_for("previous") + n
    _check(y)
    return Resolved(date(y, 1, 1), date(y, 12, 31), Precision.YEAR, relative=True)


def _age(p: Point, ctx: Context) -> Resolved:
    """A decade or century counted from the context year: "80年代" is the last decade
    ending in 80 that begins by ten years after it (a history that has reached 1984 goes
    "进入九十年代": the 1990s; a 2020 yearbook's "80年代" is the 1980s); "上世纪90年代" the
    1990s seen from the 21st century."""
    century_offset, tens, part = p.age
    now = ctx.year_for("previous")
    if tens is not None and century_offset is None:
        base = now - now % 100
        first = max(c for c in (base - 100 + tens, base + tens, base + 100 + tens) if c <= now + 10)
        years = (Precision.DECADE, first + part[0], first + part[1])
    else:
        century = now // 100 + 1 + (century_offset or 0)
        if tens is not None:
            first = (century - 1) * 100 + tens
            years = (Precision.DECADE, first + part[0], first + part[1])
        else:
            first = (century - 1) * 100
            years = (Precision.CENTURY, first + part[0], first + part[1])
    precision, a, b = years
    _check(a)
    _check(b)
    return Resolved(date(a, 1, 1), date(b, 12, 31), precision, relative=True)


def _lunar_context(p: Point, ctx: Context) -> bool:
    """In a lunar context (calendar=LUNAR, or after a Qing reign year) a month or day with
    no marker of its own is lunar."""
    return (ctx.calendar is CalendarKind.LUNAR and not p.gregorian and p.festival is None
            and (p.month is not None or p.day is not None or p.gz is not None)
            and p.month_rel is None and p.period is None)


def _lunar(p: Point, ctx: Context, year: int | None, month: int | None, relative: bool) -> Resolved:
    kind = CalendarKind.ERA if p.era else CalendarKind.LUNAR
    day, leap = p.day, p.leap
    if month is None and ctx.lunar is not None and ctx.lunar[1] is not None:
        month, leap, relative = ctx.lunar[1], ctx.lunar[2], True   # "初二日": its month
    if p.year is not None:
        lunar_year = p.year
    elif ctx.calendar is CalendarKind.LUNAR:
        # A lunar text: years are lunar years, counted from the last lunar mention.
        if ctx.lunar is not None and (year is None or p.year_rel is not None):
            lunar_year = ctx.lunar[0] + (T.RELATIVE_YEARS[p.year_rel][1] if p.year_rel else 0)
        else:
            lunar_year = year if year is not None else ctx.year_for("previous")
    else:
        # A Gregorian text: the lunar date that falls in the year (腊月 of a 2020 yearbook
        # is January 2020).
        year = year if year is not None else ctx.year_for("previous")
        lunar_year = lunar.in_gregorian_year(year, month, day, leap=leap) if month else year
    if month is None:
        raise NoContext("no lunar month: give the month before the day")
    here = (lunar_year, month, leap)
    if p.gz is not None:
        d = lunar.sexagenary_day(lunar_year, month, p.gz, leap=leap) + timedelta(days=p.day_shift)
        return Resolved(d, d, Precision.DAY, kind, relative, here)
    if day is None:
        start, end = lunar.month_span(lunar_year, month, leap=leap)
        return Resolved(start, end, Precision.MONTH, kind, relative, here)
    d = lunar.to_solar(lunar_year, month, day, leap=leap) + timedelta(days=p.day_shift)
    return Resolved(d, d, Precision.DAY, kind, relative, here)


def _lunar_year(p: Point, ctx: Context) -> Resolved:
    """"是年", "次年" in a lunar text: the whole lunar year, 正月初一 to 除夕."""
    anchor, offset = T.RELATIVE_YEARS[p.year_rel]
    base = ctx.lunar[0] if ctx.lunar is not None and anchor == "previous" else ctx.year_for(anchor)
    y = base + offset
    start = lunar.month_span(y, 1)[0]
    end = lunar.month_span(y + 1, 1)[0] - timedelta(days=1)
    return Resolved(start, end, Precision.YEAR, CalendarKind.LUNAR, True, (y, None, False))


def resolve_point(p: Point, ctx: Context) -> Resolved:
    relative = False
    if p.day_rel is not None:
        anchor, offset = T.RELATIVE_DAYS[p.day_rel]
        d = ctx.day_for(anchor, from_start=p.day_rel in T.COUNT_FROM_START)
        if offset or p.day_shift:
            d += timedelta(days=offset + p.day_shift)
        return Resolved(d, d, Precision.DAY, GREGORIAN, True)
    if p.years is not None:
        precision, a, b = p.years
        return Resolved(date(a, 1, 1), date(b, 12, 31), precision, CalendarKind.ERA if p.era else GREGORIAN)
    if p.age is not None:
        return _age(p, ctx)
    if p.offset is not None:
        return _offset(p, ctx)
    if p.weekday is not None or p.week_rel is not None:
        return _weekday(p, ctx)
    if p.ordinal is not None:
        from dataclasses import replace as _replace
        return _ordinal(p, resolve_point(_replace(p, ordinal=None), ctx))
    if p.quarter_rel is not None:
        y, m = _add_months(*ctx.month_for("reference"), 3 * p.quarter_rel)
        first = 3 * ((m - 1) // 3) + 1
        a, b = (first, first + 2) if p.period is None else (first + p.period[1], first + p.period[1])
        precision = Precision.QUARTER if p.period is None else Precision.MONTH
        return Resolved(date(y, a, 1), date(y, b, _month_last(y, b)), precision, relative=True)
    if not p.has_date:                                   # a clock time alone
        d = ctx.day_for("previous") + timedelta(days=p.day_shift)
        return Resolved(d, d, Precision.DAY, relative=True)

    year, month, day = p.year, p.month, p.day
    if (ctx.calendar is CalendarKind.LUNAR and p.year_rel is not None and month is None
            and day is None and p.period is None and p.month_rel is None and not p.gregorian):
        return _lunar_year(p, ctx)
    # A reign's own calendar decides its months (民国一月 is January even after a Qing year).
    lunar_here = p.lunar or (not p.era and _lunar_context(p, ctx))
    if year is None and p.year_rel is not None and not (
            lunar_here and ctx.calendar is CalendarKind.LUNAR and ctx.lunar is not None):
        anchor, offset = T.RELATIVE_YEARS[p.year_rel]
        year, relative = ctx.year_for(anchor) + offset, True
    if month is None and p.month_rel is not None:
        anchor, offset = T.RELATIVE_MONTHS[p.month_rel]
        y, month = _add_months(*ctx.month_for(anchor), offset)
        year, relative = (y if year is None else year), True
    if lunar_here:
        if p.year is None:
            relative = True
        return _lunar(replace(p, lunar=True), ctx, year, month, relative)
    needs_month = day is not None or (p.period is not None and p.period[0] in _DAYS_OF_MONTH)
    if month is None and needs_month:
        y, month = ctx.month_for("previous")
        year, relative = (y if year is None else year), True
    if year is None:
        year, relative = ctx.year_for("previous"), True
    kind = CalendarKind.ERA if p.era else CalendarKind.GREGORIAN

    if p.festival is not None:
        return _festival(p, year, relative)

    if not (day is not None and 0 < day <= 28 and 0 < month <= 12 and 0 < year <= 9999):
        _check(year, month, day)                        # (those days exist in any month)
    if day is not None:
        d = date(year, month, day)
        if p.day_shift:
            d += timedelta(days=p.day_shift)
        return Resolved(d, d, Precision.DAY, kind, relative)
    if p.period is not None:
        precision, a, b = p.period
        if precision in _DAYS_OF_MONTH:                 # 旬, 上半月: days of a month
            b = _month_last(year, month) if b is None else b
            return Resolved(date(year, month, a), date(year, month, b), precision, kind, relative)
        # a season or 岁末年初 may cross a year end, and the turn of winter and spring lies
        # wholly in the next year
        (y0, a), (y1, b) = _add_months(year, 1, a - 1), _add_months(year, 1, b - 1)
        return Resolved(date(y0, a, 1), date(y1, b, _month_last(y1, b)), precision, kind,
                        relative)
    if month is not None:
        return Resolved(date(year, month, 1), date(year, month, _month_last(year, month)),
                        Precision.MONTH, kind, relative)
    lunar_year = (year, None, False) if p.era and ctx.calendar is CalendarKind.LUNAR else None
    return Resolved(date(year, 1, 1), date(year, 12, 31), Precision.YEAR, kind, relative, lunar_year)


def _implicit_year(p: Point) -> bool:
    """A point whose year the text does not give, nor a relative word, nor an age."""
    return (p.year is None and p.year_rel is None and p.month_rel is None and p.day_rel is None
            and p.years is None and p.age is None and p.offset is None and p.weekday is None
            and p.week_rel is None and p.ordinal is None and p.quarter_rel is None
            and (p.month is not None or p.day is not None or p.festival is not None))


def _preferred(p: Point, ctx: Context) -> Resolved:
    """prefer="future"/"past": the occurrence of a year-less date nearest after (before) the
    reference, among the one of its year and those next to it."""
    ref = ctx.reference
    if p.month is None and p.day is not None and not p.lunar:      # "16 日": months around
        tries = [replace(p, year=y, month=m) for y, m in (_add_months(ref.year, ref.month, k)
                                                          for k in (-1, 0, 1))]
    else:
        tries = [replace(p, year=y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    found = []
    for candidate in tries:
        try:
            found.append(resolve_point(candidate, ctx))
        except Impossible:
            continue
    if ctx.prefer == "future":
        chosen = next((r for r in found if r.end >= ref), None)
    else:
        chosen = next((r for r in reversed(found) if r.start <= ref), None)
    if chosen is None:
        return resolve_point(p, ctx)
    return replace(chosen, relative=True)


def _resolve_last(last: Point, first: Resolved, ctx: Context) -> Resolved:
    """The far end of a range or list: missing parts come from the near end, and an end
    before the start rolls over ("12 月 31 日至 1 月 2 日", "9 月 30 日—2 日")."""
    near = DateSpan("", (0, 0), first.start, first.end, first.precision)
    here = ctx.after(near, first.lunar)
    res = resolve_point(last, here)
    if res.end < first.start and last.year is None and last.year_rel is None:
        if last.month is not None:
            res = resolve_point(replace(last, year=named_year(near) + 1), here)
        elif last.day is not None:
            y, m = _add_months(first.end.year, first.end.month, 1)
            res = resolve_point(replace(last, year=y, month=m), here)
    if res.end < first.start:
        raise Impossible("the range ends before it starts")
    return res


_RANK = {precision: rank for rank, precision in enumerate(Precision)}     # finest first


def _joined(a: Precision, b: Precision) -> Precision:
    """The precision of a range whose ends have different ones: the finest that both ends'
    boundaries fall on. Days where one end is a day or a 旬 ("9月30日至10月上旬"); months
    where both are months or coarser ("2021年冬至翌年2月", "1月至三季度"): no run of days a
    calendar could show; years where both are years or coarser ("80年代至1995年")."""
    finer = min(_RANK[a], _RANK[b])
    return next(p for p in (Precision.YEAR, Precision.MONTH, Precision.DAY) if finer >= _RANK[p])


def _span(parsed: Parsed, ctx: Context, text: str, where: tuple[int, int]) -> tuple[DateSpan, Resolved]:
    first, last = parsed.first, parsed.last
    if (ctx.prefer != "document" and ctx.reference is not None and ctx.prev is None
            and _implicit_year(first)):
        a = _preferred(first, ctx)
    else:
        a = resolve_point(first, ctx)
    time, end_time = first.time, first.end_time
    pod = first.pod
    start = a.start + timedelta(days=first.start_shift) if first.start_shift else a.start
    if last is None:
        return new_span(text, where, start, a.end, a.precision, time, end_time, pod,
                        a.calendar, a.relative, False, parsed.open), a
    b = _resolve_last(last, a, ctx)
    precision = a.precision if a.precision == b.precision else _joined(a.precision, b.precision)
    if time is None:
        time, end_time = last.time, last.end_time
    elif last.time is not None:
        end_time = last.time
    return new_span(text, where, start, b.end, precision, time, end_time, pod or last.pod,
                    a.calendar, a.relative, parsed.is_list, parsed.open), a


def resolve(text: str, *, year: int | None = None, month: int | None = None,
            reference: date | None = None, previous: DateSpan | None = None,
            calendar: CalendarKind | None = None, prefer: str = "document") -> Resolution:
    """Every date mention in `text`, in order, resolved against the context so far.

    year, month: the document's year and month heading; reference: the document's "now"
    (今天, 去年). previous: the mention before this text (the previous chronicle entry's date):
    the text's first relative word (次日, 翌年, 三年后) counts from it. calendar: LUNAR when
    months and days without a marker of their own are lunar dates of lunar year `year` (a
    Qing gazetteer); None is Gregorian. prefer: how a date without a year of its own and
    with nothing before it in the text finds its year: "document" (the year/reference's
    year), "future" (the next such date from the reference on), "past" (the last one up to
    it). Never raises on any text: impossible or unanchored dates become DateWarnings.
    """
    mentions: list[DateSpan] = []
    warnings: list[DateWarning] = []
    _resolve_into(text, _context(year, month, reference, previous, calendar, prefer), calendar,
                  mentions, warnings, None)
    return Resolution(tuple(mentions), tuple(warnings))


def calendar_in_force(span: DateSpan) -> CalendarKind:
    """The calendar the months and days after `span` follow: LUNAR after a dynastic reign
    year ("清康熙十三年", "宣统二年"), GREGORIAN after 民国 years and any other mention."""
    if span.calendar is CalendarKind.LUNAR and span.precision is Precision.YEAR:
        return CalendarKind.LUNAR
    if span.calendar is not CalendarKind.ERA:
        return CalendarKind.GREGORIAN
    era = next((name for name in sorted(T.ERAS, key=len, reverse=True) if name in span.text), None)
    return CalendarKind(T.ERAS[era][2]) if era else CalendarKind.GREGORIAN


def iter_resolved(text: str, *, year: int | None = None, month: int | None = None,
                  reference: date | None = None, previous: DateSpan | None = None,
                  calendar: CalendarKind | None = None,
                  prefer: str = "document") -> Iterator[tuple[str, DateSpan | DateWarning]]:
    """(rule name, mention or warning) in text order: `resolve`, with the rule that fired."""
    trace: list[tuple[str, DateSpan | DateWarning]] = []
    _resolve_into(text, _context(year, month, reference, previous, calendar, prefer), calendar,
                  [], [], trace)
    yield from trace


def _context(year: int | None, month: int | None, reference: date | None, previous: DateSpan | None,
             calendar: CalendarKind | None, prefer: str) -> Context:
    if prefer not in PREFER:
        raise ValueError(f"prefer must be one of {', '.join(PREFER)}, not {prefer!r}")
    ctx = Context(year, month, reference, previous, calendar, prefer)
    if previous is not None:
        ctx.seen(previous)
        if calendar is None:
            ctx.calendar = calendar_in_force(previous)
        if ctx.calendar is CalendarKind.LUNAR:
            ctx.lunar = (previous.start.year, None, False)
    return ctx


def _resolve_into(text: str, ctx: Context, calendar: CalendarKind | None, mentions: list[DateSpan],
                  warnings: list[DateWarning], trace: list | None) -> None:
    """Resolve every match of `text` in `ctx`: mentions and warnings appended to their lists,
    and (rule name, mention or warning) in text order to `trace` when one is given. One
    loop filling lists: `resolve` runs it for every line of a document."""
    for name, where, found, parsed, checks, simple in _reading(text):
        try:
            if isinstance(parsed, Exception):
                raise type(parsed)(*parsed.args)           # a fresh one: no traceback kept
            if simple is not None and ctx.calendar is not CalendarKind.LUNAR and ctx.prefer == "document":
                resolved = _simple_point(parsed.first, ctx)
                mention = new_span(found, where, resolved.start, resolved.end, resolved.precision, simple[0],
                                   simple[1], simple[2], GREGORIAN, resolved.relative, False, None)
            else:
                mention, resolved = _span(parsed, ctx, found, where)
        except NotADate:
            continue
        except (Impossible, NoContext, ValueError, OverflowError) as exc:
            # (ValueError, OverflowError: a date() out of its range)
            message = str(exc) if isinstance(exc, (Impossible, NoContext)) else f"not a date: {exc}"
            warning = DateWarning(found, where, message)
            warnings.append(warning)
            if trace is not None:
                trace.append((name, warning))
            continue
        ctx.seen(mention)
        first = parsed.first
        if first.era or first.year is not None or resolved.lunar or ctx.lunar:
            _carry_calendar(ctx, first, mention, resolved, calendar)
        mentions.append(mention)
        if trace is not None:
            trace.append((name, mention))
        for a, b in checks:
            warning = _check_note(text[a:b], (a, b), mention, resolved, ctx)
            if warning is not None:
                warnings.append(warning)
                if trace is not None:
                    trace.append(("note", warning))


# What a text holds before any context: its matches with their meanings and the notes to
# check after each. A document's lines are read more than once, in other contexts (the
# layout survey, the segmentation, the events), so the last texts' readings are kept: up
# to _READINGS_KEPT characters of text, a match counted as _STEP_SIZE of them (a few
# megabytes at most), then it starts again.
_READINGS: dict[str, tuple] = {}
_READINGS_KEPT = 2_000_000
_STEP_SIZE = 64
_readings_size = [0]


def _reading(text: str) -> tuple[tuple[str, tuple[int, int], str, Parsed | Exception, tuple, tuple | None], ...]:
    """(rule, span, text, meaning, notes, simple) of each match in `text` that may be a date,
    in order; the notes ((start, end) each) are those inside the mention or right after it,
    which the resolver checks against the date it reads; `simple` is `_simple`'s."""
    steps = _READINGS.get(text)
    if steps is not None:
        return steps
    steps = _read(text)
    size = len(text) + _STEP_SIZE * len(steps)
    if _readings_size[0] + size > _READINGS_KEPT:
        _READINGS.clear()
        _readings_size[0] = 0
    if size <= _READINGS_KEPT:
        _READINGS[text] = steps
        _readings_size[0] += size
    return steps


def date_starts(text: str) -> tuple[int, ...]:
    """Where in `text` the matches that may be dates start, in order: every mention and
    warning `resolve(text, ...)` gives, in any context, starts at one of them (from the
    reading kept for `text`, which resolving it then reuses)."""
    return tuple(step[1][0] for step in _reading(text))


def _read(text: str) -> tuple[tuple[str, tuple[int, int], str, Parsed | Exception, tuple, tuple | None], ...]:
    scan, blanked = notes.blank(text)
    blanked = deque(blanked)
    covered = 0                                          # the end of the last mention's note
    meanings = _MEANINGS
    after_first, after_note = notes.AFTER_FIRST, notes.AFTER.match
    length = len(text)
    steps = []
    for found_at in MASTER.finditer(scan):
        where = found_at.span()
        start, end = where
        if start < covered:                              # inside a note already read
            continue
        if start and scan[max(0, start - _RECURRING_REACH):start].endswith(T.RECURRING_BEFORE):
            continue                                     # "每年9月1日": a rule, no date
        name = found_at.lastgroup
        found = found_at.group()
        key = (name, found, text[end:end + 2] if name == "festival" else "")
        meaning = meanings.get(key)
        if meaning is None:
            try:
                shortcut = SHORTCUTS.get(name)
                parsed = shortcut(found) if shortcut is not None else None
                if parsed is None:
                    rule = RULES[name]
                    m = rule.regex.match(scan, start)  # the same match, with its fields
                    parsed = MEANINGS[name](m, rule)
                meaning = (parsed, _simple(parsed))
            except NotADate:
                meaning = (_NOT_A_DATE, None)
            except (Impossible, ValueError, OverflowError) as exc:
                # kept without its traceback, whose frames would hold this text's reading
                meaning = (exc.with_traceback(None), None)
            if len(meanings) >= _MEANINGS_KEPT:
                meanings.clear()
            meanings[key] = meaning
        parsed, simple = meaning
        # "9 月 16 日（星期三）": a note right after (it starts with a space, a bracket or a
        # week word: AFTER_FIRST)
        after = after_note(text, end) if end < length and text[end] in after_first else None
        if after is not None:
            where = (start, after.end())
            covered = where[1]
        if parsed is _NOT_A_DATE:
            continue
        while blanked and blanked[0][1] <= start:       # notes before this mention: passed
            blanked.popleft()
        if blanked and blanked[0][0] < where[1]:        # a note inside the mention
            inside = set(takewhile(lambda note: note[1] <= where[1], blanked))
            if after is not None:
                inside.add((after.start(), after.end()))
            checks = tuple(sorted(inside))
            found = text[start:where[1]]
        elif after is not None:
            checks = ((after.start(), after.end()),)
            found = text[start:where[1]]
        else:
            checks = ()                                  # (the scan is the text: nothing blanked)
        steps.append((name, where, found, parsed, checks, simple))
    return tuple(steps)


# How far before a match the words that make it a recurrence reach ("每年的").
_RECURRING_REACH = max(map(len, T.RECURRING_BEFORE))


def _simple(parsed: Parsed) -> tuple[str | None, str | None, PartOfDay | None] | None:
    """(time, end time, part of the day) of a meaning that is one plain Gregorian point (a
    year, month or day written or left to the context, with a time of day or not: most
    mentions), which `_simple_point` resolves; None for any other."""
    p = parsed.first
    if (parsed.last is not None or parsed.open is not None or parsed.is_list or not p.has_date
            or p.day_rel is not None or p.year_rel is not None or p.month_rel is not None
            or p.years is not None or p.age is not None or p.offset is not None or p.weekday is not None
            or p.week_rel is not None or p.ordinal is not None or p.quarter_rel is not None
            or p.period is not None or p.festival is not None or p.lunar or p.era or p.gz is not None
            or p.start_shift):
        return None
    return (p.time, p.end_time, p.pod)


def _simple_point(p: Point, ctx: Context) -> Resolved:
    """`resolve_point` of a point `_simple` accepts, outside a lunar text (the same steps,
    without the tests that cannot apply)."""
    year, month, day = p.year, p.month, p.day
    relative = False
    if month is None and day is not None:
        y, month = ctx.month_for("previous")
        year, relative = (y if year is None else year), True
    if year is None:
        year, relative = ctx.year_for("previous"), True
    if day is not None:
        if not (0 < day <= 28 and 0 < month <= 12 and 0 < year <= 9999):
            _check(year, month, day)                    # (those days exist in any month)
        d = date(year, month, day)
        if p.day_shift:
            d += timedelta(days=p.day_shift)
        return Resolved(d, d, Precision.DAY, GREGORIAN, relative)
    _check(year, month)
    if month is not None:
        return Resolved(date(year, month, 1), date(year, month, _month_last(year, month)),
                        Precision.MONTH, GREGORIAN, relative)
    return Resolved(date(year, 1, 1), date(year, 12, 31), Precision.YEAR, GREGORIAN, relative)


def _carry_calendar(ctx: Context, first: Point, mention: DateSpan, resolved: Resolved,
                    calendar: CalendarKind | None) -> None:
    """What the next mention's calendar is: a reign year makes the months after it lunar
    (民国 years Gregorian); a Gregorian year written out ends that, unless the caller said
    the whole text is lunar."""
    if first.era:
        if calendar is None:
            ctx.calendar = calendar_in_force(mention)
        if ctx.calendar is CalendarKind.LUNAR:
            ctx.lunar = resolved.lunar or (mention.start.year, None, False)
        return
    if first.year is not None and not first.lunar and calendar is None:
        ctx.calendar = None
    if resolved.lunar is not None or not mention.relative:
        ctx.lunar = resolved.lunar


def _check_note(note: str, where: tuple[int, int], mention: DateSpan, resolved: Resolved,
                ctx: Context) -> DateWarning | None:
    """A warning when a note disagrees with its date: a weekday that is not the day's, a
    Gregorian gloss on another day, a year gloss of another year."""
    weekday = notes.weekday_of(note)
    if weekday is not None:
        if mention.precision is Precision.DAY and mention.start == mention.end \
                and mention.start.isoweekday() != weekday:
            day = mention.start
            return DateWarning(note, where, f"{day.isoformat()} is a {day.strftime('%A')}, "
                                            f"not what the note says ({note.strip()})")
        return None
    gloss = notes.inner(note)
    nominal = resolved.lunar[0] if resolved.lunar else mention.start.year
    found = resolve(gloss, year=nominal, reference=ctx.reference).mentions
    if len(found) != 1 or found[0].span != (0, len(gloss)):
        return None                                       # nothing checkable in it
    g = found[0]
    if g.precision is Precision.YEAR and g.start.year == g.end.year:
        agrees = g.start.year in (nominal, mention.start.year)
    elif g.precision is Precision.DAY and mention.precision is Precision.DAY:
        agrees = (g.start, g.end) == (mention.start, mention.end)
    else:
        agrees = g.start <= mention.end and mention.start <= g.end
    if agrees:
        return None
    return DateWarning(note, where, f"the note says {g.start.isoformat()}..{g.end.isoformat()}, "
                                    f"the date reads {mention.start.isoformat()}..{mention.end.isoformat()}")
