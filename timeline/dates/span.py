"""The value types of date resolution: what a resolved mention and a warning look like.

These are the shapes of docs/interfaces.md (DateSpan). Every layer above `timeline.dates` passes
them around, so they stay small, immutable and JSON-round-trippable.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum


class Precision(StrEnum):
    DAY = "day"
    XUN = "xun"          # 上旬 / 中旬 / 下旬: a third of a month
    MONTH = "month"
    SEASON = "season"    # 春季 / 夏 / 秋 / 冬 (winter crosses the year end)
    QUARTER = "quarter"
    HALF = "half"        # 上半年 / 下半年
    YEAR = "year"
    PLAN = "plan"        # a five-year plan's period (“十三五”时期 = 2016-2020)
    DECADE = "decade"    # 80年代, 1990年代
    CENTURY = "century"  # 20世纪, 21世纪


class Open(StrEnum):
    """The side a mention leaves open: "自 2020 年 9 月 1 日起" is open at its end."""

    START = "start"
    END = "end"


class PartOfDay(StrEnum):
    MORNING = "morning"
    NOON = "noon"
    AFTERNOON = "afternoon"
    EVENING = "evening"
    NIGHT = "night"


class CalendarKind(StrEnum):
    GREGORIAN = "gregorian"
    LUNAR = "lunar"
    ERA = "era"


@dataclass(frozen=True, slots=True)
class DateSpan:
    """One date mention: `text == source[span[0]:span[1]]`; `start`/`end` inclusive."""

    text: str
    span: tuple[int, int]
    start: date
    end: date
    precision: Precision
    time: str | None = None          # "HH:MM", 24-hour
    end_time: str | None = None
    part_of_day: PartOfDay | None = None
    calendar: CalendarKind = CalendarKind.GREGORIAN
    relative: bool = False           # context filled in a missing part
    is_list: bool = False            # "9 月 16 日、18 日": first to last day of a list
    # An open-ended range keeps its known bound in start..end (the bound's own span) and
    # names the side it leaves open: "2019 年以来" is 2019 with open END.
    open: Open | None = None

    def to_json(self) -> dict:
        return {
            "text": self.text,
            "span": list(self.span),
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": self.precision.value,
            "time": self.time,
            "end_time": self.end_time,
            "part_of_day": self.part_of_day.value if self.part_of_day else None,
            "calendar": self.calendar.value,
            "relative": self.relative,
            "list": self.is_list,
            "open": self.open.value if self.open else None,
        }

    @classmethod
    def from_json(cls, data: dict) -> DateSpan:
        return cls(
            text=data["text"],
            span=(data["span"][0], data["span"][1]),
            start=date.fromisoformat(data["start"]),
            end=date.fromisoformat(data["end"]),
            precision=Precision(data["precision"]),
            time=data.get("time"),
            end_time=data.get("end_time"),
            part_of_day=PartOfDay(data["part_of_day"]) if data.get("part_of_day") else None,
            calendar=CalendarKind(data.get("calendar", "gregorian")),
            relative=bool(data.get("relative", False)),
            is_list=bool(data.get("list", False)),
            open=Open(data["open"]) if data.get("open") else None,
        )


def _span_maker():
    """`new_span(...)`: DateSpan(...) with all twelve fields given in order, for the
    resolver's inner loop. The same object (equal, hashable, frozen), set slot by slot
    instead of through the frozen dataclass's object.__setattr__ per field, which cost half
    of what resolving a day does. tests/dates/test_span.py checks it against DateSpan."""
    (s_text, s_span, s_start, s_end, s_precision, s_time, s_end_time, s_part_of_day,
     s_calendar, s_relative, s_is_list, s_open) = (getattr(DateSpan, f.name).__set__ for f in fields(DateSpan))
    new = object.__new__

    def new_span(text: str, span: tuple[int, int], start: date, end: date, precision: Precision,
                 time: str | None, end_time: str | None, part_of_day: PartOfDay | None,
                 calendar: CalendarKind, relative: bool, is_list: bool, open: Open | None) -> DateSpan:
        made = new(DateSpan)
        s_text(made, text)
        s_span(made, span)
        s_start(made, start)
        s_end(made, end)
        s_precision(made, precision)
        s_time(made, time)
        s_end_time(made, end_time)
        s_part_of_day(made, part_of_day)
        s_calendar(made, calendar)
        s_relative(made, relative)
        s_is_list(made, is_list)
        s_open(made, open)
        return made

    return new_span


new_span = _span_maker()


_SPAN_FIELDS = tuple(f.name for f in fields(DateSpan))
_SPAN_FIELD_SET = frozenset(_SPAN_FIELDS)


def span_with(mention: DateSpan, /, **changes) -> DateSpan:
    """`dataclasses.replace(mention, **changes)` for a DateSpan: the same object, made with
    `new_span` (replace's bookkeeping cost more than the span; segmentation moves a date
    onto each same-day entry and heading). tests/dates/test_span.py checks it."""
    if not changes.keys() <= _SPAN_FIELD_SET:
        raise TypeError(f"DateSpan has no field {sorted(changes.keys() - _SPAN_FIELD_SET)}")
    return new_span(*[changes[name] if name in changes else getattr(mention, name) for name in _SPAN_FIELDS])


@dataclass(frozen=True, slots=True)
class DateWarning:
    """A date-like expression that could not be resolved (e.g. "2 月 30 日")."""

    text: str
    span: tuple[int, int]
    message: str

    def to_json(self) -> dict:
        return {"text": self.text, "span": list(self.span), "message": self.message}


@dataclass(frozen=True, slots=True)
class Resolution:
    """Everything `resolve` found in one text, in text order."""

    mentions: tuple[DateSpan, ...] = ()
    warnings: tuple[DateWarning, ...] = field(default_factory=tuple)
