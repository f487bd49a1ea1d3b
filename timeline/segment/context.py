"""The date context in force at a point of a document, and resolving text read in it.

A chronicle's year, month and day in force come from its structure: the title, the
headings and the entry before. Never from a number inside an entry's body ("2018年，全市有
24个……" in a 2019 chronicle is a statistic). `DateContext` carries that state; every text of
the document is resolved through `DateContext.resolve`, the one place that maps it onto
`timeline.dates.resolve`'s arguments.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from timeline.dates import CalendarKind, DateSpan, Precision, Resolution, resolve

_FINE = (Precision.DAY, Precision.XUN, Precision.MONTH)


@dataclass(frozen=True, slots=True)
class DateContext:
    previous: DateSpan | None = None      # the date just before the text (entry or heading)
    year: int | None = None               # the document's year, when nothing came before
    calendar: CalendarKind | None = None  # LUNAR under a Qing reign heading

    def resolve(self, text: str) -> Resolution:
        """Every mention of `text`, relative words and missing parts taken from the context."""
        previous = self.previous
        if previous is None:
            return resolve(text, year=self.year)
        # Until `resolve(previous=...)` lands: its year, month and day as year, month and
        # reference (what `previous` will mean), which relative days count from.
        return resolve(text, year=previous.end.year,
                       month=previous.end.month if previous.precision in _FINE else None,
                       reference=previous.end if previous.precision == Precision.DAY else None)

    def after(self, span: DateSpan | None) -> DateContext:
        return self if span is None else replace(self, previous=span)


def from_context(span: DateSpan) -> DateSpan:
    """A date an entry takes from elsewhere (a heading, the entry before): no text of its
    own, so an empty span at its start, marked relative. The day, not the hour ("※" after
    "12日下午3时" is the 12th)."""
    return replace(span, text="", span=(0, 0), relative=True, time=None, end_time=None, part_of_day=None)


def whole_year(year: int) -> DateSpan:
    """A year as a date taken from context (no text of its own)."""
    return DateSpan("", (0, 0), date(year, 1, 1), date(year, 12, 31), Precision.YEAR, relative=True)


def opening(span: DateSpan) -> DateSpan:
    """The date a heading puts in force for what follows: the heading's date when it lies
    in one month or is one year, else the month (or year) it starts in: a phase heading
    "（2019年12月27日至2020年1月19日）" puts December 2019 in force, not 2020."""
    start, end = span.start, span.end
    if (start.year, start.month) == (end.year, end.month):
        return span
    if span.precision == Precision.YEAR:
        if start.year == end.year:
            return span
        return replace(span, end=date(start.year, 12, 31))
    following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return replace(span, start=date(start.year, start.month, 1),
                   end=date.fromordinal(following.toordinal() - 1), precision=Precision.MONTH)
