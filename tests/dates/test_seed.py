"""The seed yearbook resolves whole: its entries' dates are found, no warnings."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.dates import resolve

SEED = Path(__file__).resolve().parents[2] / "seeds" / "qingshanhu-2020.txt"


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.fail(f"seed document missing: {SEED}")
    text = SEED.read_text("utf-8")
    return text, resolve(text, year=2020)


def _ranges(result):
    return {(m.start, m.end) for m in result.mentions}


def test_no_warnings(seed):
    _, result = seed
    assert result.warnings == ()


def test_spans_match_text(seed):
    text, result = seed
    assert all(text[m.span[0]:m.span[1]] == m.text for m in result.mentions)
    starts = [m.span[0] for m in result.mentions]
    assert starts == sorted(starts)


@pytest.mark.parametrize(("start", "end"), [
    ("2020-09-16", "2020-09-17"),     # "2020 年 9 月 16 —17 日"
    ("2020-09-10", "2020-09-11"),     # "2020 年 9 月 10 —11 日"
    ("2020-02-20", "2020-02-20"),     # "2020\n\n年 2 月 20 日"
    ("2020-03-31", "2020-03-31"),     # "2020 年\n\n3 月 31 日"
    ("2020-05-31", "2020-05-31"),     # "2020 年 5 月 31\n\n日"
    ("2020-12-22", "2020-12-22"),
    ("2020-11-09", "2020-11-09"),     # "2020年11月9日", no spaces
    ("2020-01-01", "2020-12-31"),     # "2020 年" of the overviews
    ("2025-01-01", "2025-12-31"),     # "计划至 2025 年"
])
def test_entry_dates_found(seed, start, end):
    _, result = seed
    assert (date.fromisoformat(start), date.fromisoformat(end)) in _ranges(result)


def test_moments_take_the_entry_year(seed):
    _, result = seed
    by_text = {m.text: m for m in result.mentions}
    assert by_text["9 月 16 日下午"].start == date(2020, 9, 16)
    assert by_text["9 月 16 日下午"].part_of_day.value == "afternoon"
    assert by_text["9 月 17 日上午"].part_of_day.value == "morning"


def test_no_false_friends(seed):
    _, result = seed
    texts = {m.text for m in result.mentions}
    assert "明日" not in texts                     # 《光明日报》
    assert len([m for m in result.mentions if m.precision.value == "day"]) >= 40
