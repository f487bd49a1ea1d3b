"""Context: turn each match into a DateSpan, filling missing parts from what came before.

Order of context (docs/dates.md): a mention without a year takes the previous dated
mention's year, else the `year` argument, else the reference's; a mention without a month
the previous mention's month (if it had one), else `month`, else the reference's. Relative
words anchor on the previous mention ("previous") or on the document's now ("reference").
"""
from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from . import lunar
from . import tables as T
from .grammar import MASTER, RULES
from .productions import PRODUCTIONS, Impossible, NotADate, Parsed, Point
from .span import CalendarKind, DateSpan, DateWarning, Precision, Resolution

_FINE = (Precision.DAY, Precision.XUN, Precision.MONTH)


class NoContext(Exception):
    """Nothing in the text or the arguments gives the missing year or month: a warning."""


class Unanchored(NotADate):
    """A relative day or bare clock time with no day to count from ("当日即办结" after a
    year-only mention): a generic use of the word, skipped without a warning."""


@dataclass
class Context:
    year: int | None
    month: int | None
    reference: date | None
    prev: DateSpan | None = None

    def year_for(self, anchor: str) -> int:
        if anchor == "previous" and self.prev is not None:
            return self.prev.end.year
        if self.year is not None:
            return self.year
        if self.reference is not None:
            return self.reference.year
        raise NoContext("no year: give the document year or a reference date")

    def month_for(self, anchor: str) -> tuple[int, int]:
        if anchor == "previous" and self.prev is not None and self.prev.precision in _FINE:
            return self.prev.end.year, self.prev.end.month
        month = self.month if self.month is not None else (
            self.reference.month if self.reference is not None else None)
        if month is None:
            raise NoContext("no month: give the month heading or a reference date")
        return self.year_for(anchor), month

    def day_for(self, anchor: str, *, from_start: bool = False) -> date:
        if anchor == "previous" and self.prev is not None and self.prev.precision == Precision.DAY:
            return self.prev.start if from_start else self.prev.end
        if self.reference is not None:
            return self.reference
        if anchor == "reference":             # "明天" is a date; we just cannot say which
            raise NoContext("no reference date to count from")
        raise Unanchored


@dataclass(frozen=True)
class Resolved:
    start: date
    end: date
    precision: Precision
    calendar: CalendarKind = CalendarKind.GREGORIAN
    relative: bool = False


def _month_last(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


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
    elif name in T.SOLAR_TERM_FESTIVALS:
        d, kind = lunar.solar_term(year, T.SOLAR_TERM_FESTIVALS[name]), CalendarKind.GREGORIAN
    elif name in T.NEW_YEARS_EVE:
        d, kind = lunar.new_years_eve(year), CalendarKind.LUNAR
    else:
        month, day = T.LUNAR_FESTIVALS[name]
        # Like a lunar date: the 腊八 a 2020 yearbook means is the one in January 2020.
        lunar_year = year if p.year is not None else lunar.in_gregorian_year(year, month, day)
        d, kind = lunar.to_solar(lunar_year, month, day), CalendarKind.LUNAR
    d += timedelta(days=p.day_shift)
    return Resolved(d, d, Precision.DAY, kind, relative)


def resolve_point(p: Point, ctx: Context) -> Resolved:
    relative = False
    if p.day_rel is not None:
        anchor, offset = T.RELATIVE_DAYS[p.day_rel]
        d = ctx.day_for(anchor, from_start=p.day_rel in T.COUNT_FROM_START)
        d += timedelta(days=offset + p.day_shift)
        return Resolved(d, d, Precision.DAY, relative=True)
    if not p.has_date:                                   # a clock time alone
        d = ctx.day_for("previous") + timedelta(days=p.day_shift)
        return Resolved(d, d, Precision.DAY, relative=True)

    year, month, day = p.year, p.month, p.day
    if year is None and p.year_rel is not None:
        anchor, offset = T.RELATIVE_YEARS[p.year_rel]
        year, relative = ctx.year_for(anchor) + offset, True
    if month is None and p.month_rel is not None:
        anchor, offset = T.RELATIVE_MONTHS[p.month_rel]
        y, month = _add_months(*ctx.month_for(anchor), offset)
        year, relative = (y if year is None else year), True
    needs_month = day is not None or (p.period is not None and p.period[0] == Precision.XUN)
    if month is None and needs_month and not p.lunar:
        y, month = ctx.month_for("previous")
        year, relative = (y if year is None else year), True
    if year is None:
        year, relative = ctx.year_for("previous"), True
    kind = CalendarKind.ERA if p.era else CalendarKind.GREGORIAN

    if p.festival is not None:
        return _festival(p, year, relative)
    if p.lunar:
        kind = CalendarKind.ERA if p.era else CalendarKind.LUNAR
        lunar_year = year if p.year is not None else lunar.in_gregorian_year(
            year, month, day, leap=p.leap)
        if day is None:
            start, end = lunar.month_span(lunar_year, month, leap=p.leap)
            return Resolved(start, end, Precision.MONTH, kind, relative)
        d = lunar.to_solar(lunar_year, month, day, leap=p.leap) + timedelta(days=p.day_shift)
        return Resolved(d, d, Precision.DAY, kind, relative)

    _check(year, month, day)
    if day is not None:
        d = date(year, month, day) + timedelta(days=p.day_shift)
        return Resolved(d, d, Precision.DAY, kind, relative)
    if p.period is not None:
        precision, a, b = p.period
        if precision == Precision.XUN:
            b = _month_last(year, month) if b is None else b
            return Resolved(date(year, month, a), date(year, month, b), precision, kind, relative)
        return Resolved(date(year, a, 1), date(year, b, _month_last(year, b)), precision, kind,
                        relative)
    if month is not None:
        return Resolved(date(year, month, 1), date(year, month, _month_last(year, month)),
                        Precision.MONTH, kind, relative)
    return Resolved(date(year, 1, 1), date(year, 12, 31), Precision.YEAR, kind, relative)


def _resolve_last(last: Point, first: Resolved, ctx: Context) -> Resolved:
    """The far end of a range or list: missing parts come from the near end, and an end
    before the start rolls over ("12 月 31 日至 1 月 2 日", "9 月 30 日—2 日")."""
    near = DateSpan("", (0, 0), first.start, first.end, first.precision)
    here = Context(ctx.year, ctx.month, ctx.reference, near)
    res = resolve_point(last, here)
    if res.end < first.start and last.year is None and last.year_rel is None:
        if last.month is not None:
            res = resolve_point(replace(last, year=first.end.year + 1), here)
        elif last.day is not None:
            y, m = _add_months(first.end.year, first.end.month, 1)
            res = resolve_point(replace(last, year=y, month=m), here)
    if res.end < first.start:
        raise Impossible("the range ends before it starts")
    return res


def _span(parsed: Parsed, ctx: Context, text: str, where: tuple[int, int]) -> DateSpan:
    first, last = parsed.first, parsed.last
    a = resolve_point(first, ctx)
    time, end_time = first.time, first.end_time
    pod = first.pod
    if last is None:
        return DateSpan(text, where, a.start, a.end, a.precision, time, end_time, pod,
                        a.calendar, a.relative)
    b = _resolve_last(last, a, ctx)
    precision = a.precision if a.precision == b.precision else Precision.DAY
    if time is None:
        time, end_time = last.time, last.end_time
    elif last.time is not None:
        end_time = last.time
    return DateSpan(text, where, a.start, b.end, precision, time, end_time, pod or last.pod,
                    a.calendar, a.relative, parsed.is_list)


def resolve(text: str, *, year: int | None = None, month: int | None = None,
            reference: date | None = None) -> Resolution:
    """Every date mention in `text`, in order, resolved against the context so far.

    Never raises on any text: impossible or unanchored dates become DateWarnings.
    """
    mentions: list[DateSpan] = []
    warnings: list[DateWarning] = []
    for _rule, item in iter_resolved(text, year=year, month=month, reference=reference):
        (mentions if isinstance(item, DateSpan) else warnings).append(item)
    return Resolution(tuple(mentions), tuple(warnings))


def iter_resolved(text: str, *, year: int | None = None, month: int | None = None,
                  reference: date | None = None) -> Iterator[tuple[str, DateSpan | DateWarning]]:
    """(rule name, mention or warning) in text order: `resolve`, with the rule that fired."""
    ctx = Context(year, month, reference)
    for found_at in MASTER.finditer(text):
        rule = RULES[found_at.lastgroup]
        m = rule.regex.match(text, found_at.start())    # the same match, with its fields
        where = m.span()
        found = text[where[0]:where[1]]
        try:
            mention = _span(PRODUCTIONS[rule.name](m, rule), ctx, found, where)
        except NotADate:
            continue
        except (Impossible, NoContext) as exc:
            yield rule.name, DateWarning(found, where, str(exc))
            continue
        except (ValueError, OverflowError) as exc:       # a date() out of its range
            yield rule.name, DateWarning(found, where, f"not a date: {exc}")
            continue
        ctx.prev = mention
        yield rule.name, mention
