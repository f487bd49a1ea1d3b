"""Lunar calendar conversions, through lunar_python (Lunar.fromYmd, LunarMonth, JieQi)."""
from __future__ import annotations

from datetime import date, timedelta

from lunar_python import Lunar, LunarMonth, Solar

from .productions import Impossible


def _solar(lunar: Lunar) -> date:
    s = lunar.getSolar()
    return date(s.getYear(), s.getMonth(), s.getDay())


def month_span(lunar_year: int, month: int, *, leap: bool = False) -> tuple[date, date]:
    """First and last Gregorian day of a lunar month; Impossible if it does not exist."""
    lm = LunarMonth.fromYm(lunar_year, -month if leap else month)
    if lm is None or not 1 <= month <= 12:
        raise Impossible(f"lunar year {lunar_year} has no {'leap ' if leap else ''}month {month}")
    first = _solar(Lunar.fromYmd(lunar_year, -month if leap else month, 1))
    return first, first + timedelta(days=lm.getDayCount() - 1)


def lunar_month_of(start: date, end: date) -> tuple[int, int, bool] | None:
    """(lunar year, month, leap) when start..end is exactly one lunar month, else None."""
    first = Solar.fromYmd(start.year, start.month, start.day).getLunar()
    if first.getDay() != 1:
        return None
    year, month = first.getYear(), first.getMonth()
    try:
        span = month_span(year, abs(month), leap=month < 0)
    except Impossible:
        return None
    return (year, abs(month), month < 0) if span == (start, end) else None


def lunar_year_of(start: date, end: date) -> int | None:
    """The lunar year when start..end is exactly one (正月初一 to 除夕), else None."""
    try:
        whole = month_span(start.year, 1)[0], month_span(start.year + 1, 1)[0] - timedelta(days=1)
    except Impossible:
        return None
    return start.year if whole == (start, end) else None


def to_solar(lunar_year: int, month: int, day: int, *, leap: bool = False) -> date:
    first, last = month_span(lunar_year, month, leap=leap)
    if not 1 <= day <= (last - first).days + 1:
        raise Impossible(f"lunar {lunar_year}-{month} has no day {day}")
    return first + timedelta(days=day - 1)


def in_gregorian_year(year: int, month: int, day: int | None, *, leap: bool = False) -> int:
    """The lunar year whose `month`/`day` falls in Gregorian `year`.

    A yearbook's "腊月二十三" is the one that happened in its year (lunar year - 1, in
    January); "八月十五" the one of the same lunar year. Where both or neither lie in
    `year`, the lunar year numbered like the Gregorian one.
    """
    for lunar_year in (year, year - 1):
        try:
            start, end = month_span(lunar_year, month, leap=leap)
            when = start if day is None else to_solar(lunar_year, month, day, leap=leap)
        except Impossible:
            continue
        if when.year == year or (day is None and end.year == year):
            return lunar_year
    return year


def new_years_eve(year: int) -> date:
    """除夕 of Gregorian `year`: the day before that year's 春节."""
    return _solar(Lunar.fromYmd(year, 1, 1)) - timedelta(days=1)


def solar_term(year: int, name: str) -> date:
    """The day of solar term `name` ("清明", "冬至") in Gregorian `year`.

    lunar_python's table for a lunar year starts at the previous December's terms, so the
    December terms of `year` sit in the table of lunar year `year + 1`.
    """
    for lunar_year in (year, year + 1):
        s = Lunar.fromYmd(lunar_year, 6, 1).getJieQiTable()[name]
        if s.getYear() == year:
            return date(s.getYear(), s.getMonth(), s.getDay())
    raise Impossible(f"no {name} in {year}")


def sexagenary_day(lunar_year: int, month: int, name: str, *, leap: bool = False) -> date:
    """The day of a lunar month whose day name in the sexagenary cycle is `name` ("己未");
    Impossible when the month has none (a month has 29 or 30 of the 60 names)."""
    first, last = month_span(lunar_year, month, leap=leap)
    first_name = Lunar.fromYmd(lunar_year, -month if leap else month, 1).getDayInGanZhi()
    step = (_cycle_index(name) - _cycle_index(first_name)) % 60
    day = first + timedelta(days=step)
    if day > last:
        raise Impossible(f"lunar {lunar_year}-{month} has no {name} day")
    return day


def _cycle_index(name: str) -> int:
    """Position of a stem-branch pair in the 60-day cycle (甲子 = 0)."""
    from .tables import EARTHLY_BRANCHES, HEAVENLY_STEMS

    stem, branch = HEAVENLY_STEMS.index(name[0]), EARTHLY_BRANCHES.index(name[1])
    if stem % 2 != branch % 2:
        raise Impossible(f"{name} is not in the sexagenary cycle")
    return (6 * stem - 5 * branch) % 60
