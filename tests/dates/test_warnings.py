"""Impossible or context-less dates: no span, a DateWarning with text and span, no exception."""
from __future__ import annotations

import pytest

from timeline.dates import CalendarKind, resolve


@pytest.mark.parametrize(("text", "context", "bad"), [
    ("2020 年 2 月 30 日", {}, "2020 年 2 月 30 日"),
    ("2021 年 2 月 29 日", {}, "2021 年 2 月 29 日"),
    ("会议于 9 月 31 日召开", {"year": 2020}, "9 月 31 日"),
    ("13 月", {"year": 2020}, "13 月"),
    ("2020 年 13 月 1 日", {}, "2020 年 13 月 1 日"),
    ("2 月 30 日", {"year": 2020}, "2 月 30 日"),
    ("二〇二一年二月二十九日", {}, "二〇二一年二月二十九日"),
    ("宣统五年", {}, "宣统五年"),
    ("农历闰五月", {"year": 2020}, "农历闰五月"),      # 2020 had a leap 4th month, not 5th
    ("2021/2/29", {}, "2021/2/29"),
    ("2020 年 9 月 31 日至 10 月 2 日", {}, "2020 年 9 月 31 日至 10 月 2 日"),
    ("9 月 16 日", {}, "9 月 16 日"),                  # nothing gives a year: no guess
    ("是年", {}, "是年"),
    ("18 日", {"year": 2020}, "18 日"),               # nor a month
    ("九月己未", {"year": 1674, "calendar": CalendarKind.LUNAR}, "九月己未"),  # not in that month
    ("光绪三十年八月丙午", {}, "光绪三十年八月丙午"),
    # A clock time or an offset with nothing at all to count from is a date we cannot
    # place (like 明天 without a reference), not a silent skip.
    ("15点20分到16点30", {}, "15点20分到16点30"),
    ("六天后", {}, "六天后"),
    ("当日", {}, "当日"),
])
def test_warning(text, context, bad):
    result = resolve(text, **context)
    assert result.mentions == ()
    [warning] = result.warnings
    assert warning.text == bad
    assert text[warning.span[0]:warning.span[1]] == bad
    assert warning.message


def test_good_dates_around_a_bad_one_survive():
    text = "2020 年 2 月 28 日，2 月 30 日，3 月 1 日"
    result = resolve(text)
    assert [m.start.isoformat() for m in result.mentions] == ["2020-02-28", "2020-03-01"]
    assert [w.text for w in result.warnings] == ["2 月 30 日"]


def test_leap_day_is_fine():
    [m] = resolve("2020 年 2 月 29 日").mentions
    assert m.start.isoformat() == "2020-02-29"


@pytest.mark.parametrize(("text", "note", "day"), [
    ("2020年9月16日（星期四）", "（星期四）", "2020-09-16"),     # a Wednesday
    ("2020年9月16日周五上午", "周五", "2020-09-16"),
    ("正月十五（公历3月4日）", "（公历3月4日）", "1912-03-03"),
    ("1910年（宣统三年）9月", "（宣统三年）", "1910-09-01"),
    ("康熙十三年（1675年）", "（1675年）", "1674-01-01"),
])
def test_a_note_that_disagrees_warns_and_the_date_stays(text, note, day):
    result = resolve(text, year=1912)
    [mention] = result.mentions
    assert mention.start.isoformat() == day and mention.text.startswith(text[:4])
    [warning] = result.warnings
    assert warning.text == note and text[warning.span[0]:warning.span[1]] == note


@pytest.mark.parametrize("text", ["当日即办结", "下午3时", "三天后"])
def test_a_relative_day_under_a_document_year_alone_is_a_generic_use(text):
    # "当日即办结" in a 2020 yearbook's text with no day before it: no date, no warning.
    assert resolve(text, year=2020) == resolve("")
