"""span.new_span, the resolver's fast DateSpan(...), makes the very object DateSpan does."""
from __future__ import annotations

import inspect
from dataclasses import FrozenInstanceError, fields
from datetime import date

import pytest

from timeline.dates.span import CalendarKind, DateSpan, Open, PartOfDay, Precision, new_span

VALUES = ("九月十六日下午三时至五时", (3, 15), date(2020, 9, 16), date(2020, 9, 17), Precision.DAY, "15:00",
          "17:00", PartOfDay.AFTERNOON, CalendarKind.LUNAR, True, True, Open.END)


def test_takes_every_field_in_order():
    assert list(inspect.signature(new_span).parameters) == [f.name for f in fields(DateSpan)]


def test_same_object_as_dataclass():
    made, expected = new_span(*VALUES), DateSpan(*VALUES)
    assert type(made) is DateSpan
    assert made == expected and hash(made) == hash(expected) and repr(made) == repr(expected)
    assert [getattr(made, f.name) for f in fields(DateSpan)] == list(VALUES)
    assert made.to_json() == expected.to_json()
    with pytest.raises(FrozenInstanceError):
        made.text = "x"


@pytest.mark.parametrize("changes", [{}, {"text": "", "span": (0, 0), "relative": True},
                                     {"start": date(2020, 9, 1), "end": date(2020, 9, 30), "precision": Precision.MONTH},
                                     {"time": None, "end_time": None, "part_of_day": None}, {"open": None}])
def test_span_with_is_dataclasses_replace(changes):
    from dataclasses import replace

    from timeline.dates.span import span_with

    made, expected = span_with(DateSpan(*VALUES), **changes), replace(DateSpan(*VALUES), **changes)
    assert type(made) is DateSpan and made == expected and repr(made) == repr(expected)
    with pytest.raises(TypeError):
        span_with(made, day=3)
