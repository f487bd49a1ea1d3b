"""The dateparser adapter, parse_user_date, and keeping dateparser out of plain imports."""
from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from timeline.dates import Precision, parse_user_date, resolve
from timeline.dates.dateparser_adapter import parse_free, parse_numeric


@pytest.mark.parametrize("text", ["2020-09-16", "2020/9/16", "2020.9.16", "2020/09/16"])
def test_numeric(text):
    assert parse_numeric(text) == date(2020, 9, 16)


@pytest.mark.parametrize("text", ["2021/2/29", "2020.2.30"])
def test_numeric_impossible(text):
    assert parse_numeric(text) is None


@pytest.mark.parametrize("text", ["明天", "3 days ago", "hello", "17 日"])
def test_free_refuses_relative_and_noise(text):
    assert parse_free(text, date(2020, 6, 1)) is None


def test_free_reads_other_languages():
    assert parse_free("16 September 2020") == date(2020, 9, 16)


@pytest.mark.parametrize(("text", "start", "end", "precision"), [
    ("2020年9月", "2020-09-01", "2020-09-30", "month"),
    ("2020-09-01", "2020-09-01", "2020-09-01", "day"),
    ("2020/9/16", "2020-09-16", "2020-09-16", "day"),
    ("2020年9月16日", "2020-09-16", "2020-09-16", "day"),
    ("  2020 年 ", "2020-01-01", "2020-12-31", "year"),
    ("Sep 16, 2020", "2020-09-16", "2020-09-16", "day"),
])
def test_parse_user_date(text, start, end, precision):
    span = parse_user_date(text)
    assert (span.start.isoformat(), span.end.isoformat(), span.precision.value) == (start, end, precision)


@pytest.mark.parametrize("text", ["", "   ", "abc", "9 月 16 日", "明天", "2 月 30 日", "2021-02-29",
                                  "2020-13-01", "2020年13月", "2020/2/30"])  # impossible: never a guess
def test_parse_user_date_nothing_sensible(text):
    assert parse_user_date(text) is None


def test_chinese_running_text_never_reaches_dateparser():
    # dateparser reads these as "17 days ago" / "9 months 16 days ago"; the grammar does not.
    [m] = resolve("2020 年 9 月 16—17 日", reference=date(2020, 12, 1)).mentions
    assert (m.start, m.end, m.precision) == (date(2020, 9, 16), date(2020, 9, 17), Precision.DAY)
    [m] = resolve("9 月 16 日", reference=date(2021, 3, 1)).mentions
    assert m.start == date(2021, 9, 16)


@pytest.mark.slow   # a fresh interpreter
def test_import_does_not_load_dateparser():
    code = ("import sys, timeline.dates as d; d.resolve('2020 年 9 月 16 日');"
            "print('dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
