"""A DateSpan written in Chinese: the one place that turns a resolved range into words.

The web pages, the iCalendar titles and the benches all call `label`, so an event reads the
same everywhere ("2020年1月—9月", "2020年6月下旬", "2020年9月1日起"). The words for parts of
a month, quarters, seasons and plans come from tables.py.
"""
from __future__ import annotations

import calendar
from datetime import date

from . import lunar
from . import tables as T
from .span import CalendarKind, DateSpan, Open, PartOfDay, Precision

DASH = "—"
_XUN_BY_DAYS = {days: word for word, days in T.XUN.items()}
_SEASON_BY_MONTH = {first: f"{word}季" for word, first in T.SEASONS.items()}
_CN_ORDINAL = "一二三四"
_CN_DIGITS = "零一二三四五六七八九"


def label(span: DateSpan, *, with_year: bool = True) -> str:
    """`span` in Chinese. `with_year=False` leaves the year out where a page already says it
    (a range inside one year at month precision or finer); whole-year precisions, ranges
    across a year end and open ranges always carry it. A lunar month or year is named as
    such ("1679年农历七月", "1876年（农历）"): its Gregorian days straddle two months or years."""
    text = (_lunar(span, with_year) if span.calendar is not CalendarKind.GREGORIAN else None) or label_range(
        span.start, span.end, span.precision, part_of_day=span.part_of_day, time=span.time,
        end_time=span.end_time, with_year=with_year or span.open is not None)
    if span.open is Open.END:
        return text + "起"
    if span.open is Open.START:
        return text + "止"
    return text


def _lunar(span: DateSpan, with_year: bool) -> str | None:
    """A lunar month or year in words, or None for any other span. A month's year is left
    out where the page says it, unless the lunar year is another ("农历腊月" in January)."""
    if span.precision is Precision.MONTH and (month := lunar.lunar_month_of(span.start, span.end)):
        year, number, leap = month
        written = f"{year}年" if with_year or year != span.start.year else ""
        return f"{written}农历{'闰' if leap else ''}{T.LUNAR_MONTH_WORDS[number]}月"
    if span.precision is Precision.YEAR and (year := lunar.lunar_year_of(span.start, span.end)):
        return f"{year}年（农历）"
    return None


def label_range(start: date, end: date, precision: Precision | str, *,
                part_of_day: PartOfDay | str | None = None, time: str | None = None,
                end_time: str | None = None, with_year: bool = True) -> str:
    """The same from the parts of a span (what a database row or a form holds)."""
    precision = Precision(precision)
    crosses_year = start.year != end.year
    y = f"{start.year}年"
    if precision in _WHOLE_YEARS:
        return _WHOLE_YEARS[precision](start, end)
    if precision is Precision.SEASON:
        return y + _SEASON_BY_MONTH.get(start.month, "") if _months(start, end) <= 3 \
            else _month_range(start, end, True)
    if precision is Precision.QUARTER:
        return y + _quarters(start, end)
    if precision is Precision.HALF:
        half = "上半年" if start.month <= 6 else "下半年"
        return y + (half if _months(start, end) <= 6 else "全年")
    year = with_year or crosses_year
    if precision is Precision.MONTH:
        return _month_range(start, end, year)
    if precision is Precision.XUN:
        last = None if end.day == calendar.monthrange(end.year, end.month)[1] and end.day > 20 else end.day
        word = _XUN_BY_DAYS.get((start.day, last))
        if (start.year, start.month) == (end.year, end.month) and word:
            return f"{y if year else ''}{start.month}月{word}"
        return _day_range(start, end, year)     # "6月21日—7月10日": the days say it best
    text = _day_range(start, end, year)
    if time:
        text += f" {time}" + (f"{DASH}{end_time}" if end_time else "")
    elif part_of_day and start == end:
        text += T.PART_OF_DAY_NAMES[PartOfDay(part_of_day)]
    return text


def _months(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _quarters(start: date, end: date) -> str:
    first, last = (start.month - 1) // 3, (end.month - 1) // 3 + 4 * (end.year - start.year)
    if first == last:
        return f"第{_CN_ORDINAL[first]}季度"
    if last < 4:
        return f"第{_CN_ORDINAL[first]}至第{_CN_ORDINAL[last]}季度"
    return f"{start.month}月{DASH}{end.year}年{end.month}月"


def _years(start: date, end: date) -> str:
    return f"{start.year}年" if start.year == end.year else f"{start.year}年{DASH}{end.year}年"


def _cn(n: int) -> str:
    """1..99 in Chinese numerals, as plan names write them (十三五, 二十五)."""
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _CN_DIGITS[tens]) + "十" if tens else "") + (_CN_DIGITS[ones] if ones else "")


_PLAN_BY_FIRST_YEAR = {first: n for n, first in T.FIVE_YEAR_PLANS.items()}
_PLAN_BY_LAST_YEAR = {first + 4: n for n, first in T.FIVE_YEAR_PLANS.items()}


def _plan(start: date, end: date) -> str:
    first, last = _PLAN_BY_FIRST_YEAR.get(start.year), _PLAN_BY_LAST_YEAR.get(end.year)
    if first is None or last is None:
        return _years(start, end)
    names = f"“{_cn(first)}五”" + (f"至“{_cn(last)}五”" if last != first else "")
    return f"{names}时期（{_years(start, end)}）"


def _decade(start: date, end: date) -> str:
    decade = start.year - start.year % 10
    if end.year - start.year >= 9:
        return f"{decade}年代" if end.year < decade + 10 else _years(start, end)
    for word, (a, b) in T.DECADE_PARTS.items():
        if (start.year - decade, end.year - decade) == (a, b):
            return f"{decade}年代{word}"
    return _years(start, end)


def _century(start: date, end: date) -> str:
    number = start.year // 100 + 1
    first = (number - 1) * 100
    if (start.year, end.year) == (first, first + 99):
        return f"{number}世纪"
    for word, (a, b) in T.CENTURY_PARTS.items():
        if (start.year - first, end.year - first) == (a, b):
            return f"{number}世纪{word}"
    return _years(start, end)


_WHOLE_YEARS = {Precision.YEAR: _years, Precision.PLAN: _plan, Precision.DECADE: _decade,
                Precision.CENTURY: _century}


def _month_range(start: date, end: date, year: bool) -> str:
    prefix = f"{start.year}年" if year else ""
    if (start.year, start.month) == (end.year, end.month):
        return f"{prefix}{start.month}月"
    if start.year == end.year:
        return f"{prefix}{start.month}月{DASH}{end.month}月"
    return f"{start.year}年{start.month}月{DASH}{end.year}年{end.month}月"


def _day(d: date, *, year: bool, month: bool = True) -> str:
    return (f"{d.year}年" if year else "") + (f"{d.month}月" if month else "") + f"{d.day}日"


def _day_range(start: date, end: date, year: bool) -> str:
    if start == end:
        return _day(start, year=year)
    if start.year != end.year:
        return f"{_day(start, year=True)}{DASH}{_day(end, year=True)}"
    if start.month != end.month:
        return f"{_day(start, year=year)}{DASH}{_day(end, year=False)}"
    return f"{_day(start, year=year)}{DASH}{_day(end, year=False, month=False)}"
