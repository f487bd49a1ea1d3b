"""Same-day marks and words name the date of the entry before, all of it: "※", "△", "同日",
"是日", "当日" after "22—24日 ……" are the 22nd to 24th; the last day only when the entry
ends something ("同日，……闭幕"); one day when it has a time of its own ("同日下午")."""
from __future__ import annotations

from datetime import date

import pytest

from timeline.pipeline import parse_document

RANGE = (date(2019, 3, 22), date(2019, 3, 24))


def _events(text: str, suffix: str = ".txt"):
    return parse_document(text.encode(), name="same-day", suffix=suffix).events


@pytest.mark.parametrize("head", ["※", "△", "同日 ", "是日，", "当日 ", "※ 同日，"])
def test_a_same_day_entry_after_a_range_has_the_whole_range(head):
    text = f"2019年大事记\n3月\n22—24日 县人民代表大会召开。\n{head}县政协会议召开。\n26日 县图书馆开放。\n"
    assert [(e.primary.start, e.primary.end) for e in _events(text)] == [
        RANGE, RANGE, (date(2019, 3, 26), date(2019, 3, 26))]


@pytest.mark.parametrize("head", ["※", "同日，"])
def test_a_same_day_entry_that_ends_something_is_the_last_day(head):
    text = f"2019年大事记\n3月\n22—24日 县人民代表大会召开。\n{head}县政协会议闭幕。\n"
    assert (_events(text)[1].primary.start, _events(text)[1].primary.end) == (RANGE[1], RANGE[1])


def test_a_same_day_word_with_its_own_time_is_one_day():
    text = "2019年大事记\n3月\n22—24日 县人民代表大会召开。\n同日下午 县领导视察会场。\n"
    second = _events(text)[1].primary
    assert (second.start, second.end, second.part_of_day.value) == (RANGE[1], RANGE[1], "afternoon")


@pytest.mark.parametrize("head", ["※", "同日 "])
def test_a_same_day_entry_takes_the_day_not_the_hour(head):
    text = f"2019年大事记\n3月\n12日下午3时 县委召开常委会。\n{head}县政府召开常务会议。\n"
    second = _events(text)[1].primary
    assert (second.start, second.end, second.time, second.part_of_day) == (
        date(2019, 3, 12), date(2019, 3, 12), None, None)


def test_the_same_in_markdown_under_a_day_heading_and_in_prose():
    markdown = "# 2019年大事记\n## 3月22日—24日\n- 县人民代表大会召开。\n- 同日，县政协会议召开。\n"
    assert [(e.primary.start, e.primary.end) for e in _events(markdown, ".md")] == [RANGE, RANGE]
    prose = "县会议史略\n\n2019年3月22日至24日，县人民代表大会召开。同日，县政协会议召开。\n"
    assert [(e.primary.start, e.primary.end) for e in _events(prose)] == [RANGE, RANGE]
