"""The date context in force at a point of a document, and resolving text read in it.

A chronicle's year, month and day in force come from its structure: the title, the
headings and the entry before. Never from a number inside an entry's body ("2018年，全市有
24个……" in a 2019 chronicle is a statistic). `DateContext` carries that state; every text of
the document is resolved through `DateContext.resolve`, the one place that maps it onto
`timeline.dates.resolve`'s arguments.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from timeline.dates import CalendarKind, DateSpan, Precision, Resolution, calendar_in_force, resolve
from timeline.dates.span import span_with
from timeline.dates.tables import RELATIVE_DAYS
from timeline.segment.vocabulary import CLAUSE_END, END_WORDS

@dataclass(frozen=True, slots=True)
class DateContext:
    previous: DateSpan | None = None      # the date just before the text (entry or heading)
    year: int | None = None               # the document's year, when nothing came before
    calendar: CalendarKind | None = None  # LUNAR under a Qing reign heading

    def resolve(self, text: str) -> Resolution:
        """Every mention of `text`, relative words and missing parts taken from the context."""
        previous = self.previous
        # The chronicle's "now" is the date in force too: 本月 under a month heading is it.
        return resolve(text, year=self.year, previous=previous, calendar=self.calendar,
                       reference=previous.end if previous is not None else None)

    def after(self, span: DateSpan | None) -> DateContext:
        return self if span is None else DateContext(span, self.year, self.calendar)

    def under(self, heading: DateSpan, calendar: CalendarKind | None = None) -> DateContext:
        """The context under a heading dated `heading`, in `calendar` (else the one the
        heading's date puts in force: "清康熙十三年（1674年）" the lunar, "民国二年（1913年）" and
        "2019年" the Gregorian)."""
        return DateContext(heading, self.year, calendar or calendar_in_force(heading))


def from_context(span: DateSpan) -> DateSpan:
    """A date an entry takes from elsewhere (a heading, a caption): no text of its own, so
    an empty span at its start, marked relative."""
    return span_with(span, text="", span=(0, 0), relative=True)


def same_day(span: DateSpan, text: str = "") -> DateSpan:
    """The date a same-day mark ("※", "△") takes from the entry before: its days, not its
    hour ("※" after "12日下午3时" is the 12th), its whole span after a range; only the last
    day of it when `text`, the entry's, ends something ("※ 市政协会议闭幕" after "4—8日")."""
    return _the_day(span_with(from_context(span), time=None, end_time=None, part_of_day=None), text, 0)


# The words of the resolver's that name the day of the date before ("同日", "是日", "当日"…).
SAME_DAY_WORDS = frozenset(word for word, (base, shift) in RELATIVE_DAYS.items() if base == "previous" and not shift)


def same_date(own: DateSpan, before: DateSpan, text: str) -> DateSpan:
    """An entry opening with a same-day word ("同日，……", "是日 ……"; `own`, read in `text`)
    has the date of the entry before as a same-day mark does: its whole span after a range
    ("22—24日 ……" then "同日 ……" is the 22nd to 24th; the resolver, counting from the end as
    for 次日, reads the 24th), the last day when the entry ends something ("同日，……闭幕").
    With a time or part of the day of its own ("同日下午") it is one day, the resolver's."""
    if not own.relative or own.text not in SAME_DAY_WORDS:
        return own
    span = span_with(own, start=before.start, end=before.end, precision=before.precision, calendar=before.calendar)
    return _the_day(span, text, own.span[1])


def _the_day(span: DateSpan, text: str, at: int) -> DateSpan:
    """`span`, or its last day when the first clause of `text` after `at` holds an end word."""
    if span.precision != Precision.DAY or span.start == span.end:
        return span
    clause = CLAUSE_END.search(text, at + 1)
    words = text[at:clause.start() if clause else len(text)]
    return span_with(span, start=span.end) if any(word in words for word in END_WORDS) else span


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
        return span_with(span, end=date(start.year, 12, 31))
    following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return span_with(span, start=date(start.year, start.month, 1),
                     end=date.fromordinal(following.toordinal() - 1), precision=Precision.MONTH)
