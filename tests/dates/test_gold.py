"""Table-driven gold cases (gold.py): each phrasing resolves to its case's expected value."""
from __future__ import annotations

import re

import pytest

from timeline.dates import resolve

from .gold import CORPUS, Case

MARK = re.compile(r"\[\[(.+?)\]\]", re.S)


def unmark(phrasing: str) -> tuple[str, tuple[int, int]]:
    """Text without the [[ ]] marks, and the span of the marked mention (or all of it)."""
    m = MARK.search(phrasing)
    if m is None:
        return phrasing, (0, len(phrasing))
    text = phrasing[:m.start()] + m.group(1) + phrasing[m.end():]
    return text, (m.start(), m.start() + len(m.group(1)))


PARAMS = [pytest.param(case, phrasing, id=f"{case.group}-{case.expect.start}-{phrasing!r}")
          for case in CORPUS for phrasing in case.phrasings]


@pytest.mark.parametrize(("case", "phrasing"), PARAMS)
def test_gold(case: Case, phrasing: str):
    text, where = unmark(phrasing)
    result = resolve(text, **case.context)
    assert not result.warnings, result.warnings
    by_span = {m.span: m for m in result.mentions}
    assert where in by_span, f"no mention at {where}: {[(m.text, m.span) for m in result.mentions]}"
    if where == (0, len(text)):
        assert len(result.mentions) == 1
    got = by_span[where]
    exp = case.expect
    assert got.text == text[where[0]:where[1]]
    assert (got.start.isoformat(), got.end.isoformat()) == (exp.start, exp.end or exp.start)
    assert got.precision.value == exp.precision
    assert (got.time, got.end_time) == (exp.time, exp.end_time)
    assert (got.part_of_day.value if got.part_of_day else None) == exp.part_of_day
    assert got.calendar.value == exp.calendar
    assert got.is_list == exp.is_list
    assert (got.open.value if got.open else None) == exp.open
    if exp.relative is not None:
        assert got.relative == exp.relative
