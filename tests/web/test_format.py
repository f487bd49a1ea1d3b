"""Dates written the Chinese way, and the escaping of highlighted bodies."""
from __future__ import annotations

from datetime import date

import pytest

from testkit.events import span
from testkit.handmade import BODY_SCRIPT
from timeline.dates.span import DateSpan, PartOfDay, Precision
from web.format import format_range, format_span, highlight, mention_title

D, X, M, Q, H, Y = Precision.DAY, Precision.XUN, Precision.MONTH, Precision.QUARTER, Precision.HALF, Precision.YEAR


@pytest.mark.parametrize("start, end, precision, extra, expected", [
    ("2020-09-16", "2020-09-16", D, {}, "9月16日"),
    ("2020-09-16", "2020-09-17", D, {}, "9月16日—17日"),
    ("2020-09-30", "2020-10-02", D, {}, "9月30日—10月2日"),
    ("2020-12-30", "2021-01-02", D, {}, "2020年12月30日—2021年1月2日"),
    ("2020-09-16", "2020-09-16", D, {"part_of_day": PartOfDay.AFTERNOON}, "9月16日下午"),
    ("2020-09-16", "2020-09-16", D, {"part_of_day": "morning"}, "9月16日上午"),
    ("2020-09-16", "2020-09-16", D, {"time": "14:30"}, "9月16日 14:30"),
    ("2020-09-16", "2020-09-16", D, {"time": "14:30", "end_time": "16:00"}, "9月16日 14:30—16:00"),
    ("2020-09-16", "2020-09-16", D, {"with_year": True}, "2020年9月16日"),
    ("2020-09-16", "2020-09-17", D, {"with_year": True}, "2020年9月16日—17日"),
    ("2020-06-21", "2020-06-30", X, {}, "6月下旬"),
    ("2020-06-01", "2020-06-10", X, {}, "6月上旬"),
    ("2020-06-11", "2020-06-20", X, {"with_year": True}, "2020年6月中旬"),
    ("2020-06-21", "2020-07-10", X, {}, "6月21日—7月10日"),
    ("2020-09-01", "2020-09-30", M, {}, "9月"),
    ("2020-09-01", "2020-10-31", M, {}, "9月—10月"),
    ("2020-09-01", "2020-09-30", M, {"with_year": True}, "2020年9月"),
    ("2020-07-01", "2020-09-30", Q, {}, "2020年第三季度"),
    ("2020-01-01", "2020-06-30", H, {}, "2020年上半年"),
    ("2020-07-01", "2020-12-31", H, {}, "2020年下半年"),
    ("2020-01-01", "2020-12-31", Y, {}, "2020年"),
    ("2020-01-01", "2021-12-31", Y, {}, "2020年—2021年"),
])
def test_chinese_dates(start, end, precision, extra, expected):
    assert format_range(date.fromisoformat(start), date.fromisoformat(end), precision, **extra) == expected


def test_undated_event_has_no_date_text():
    assert format_span(None) == ""


def test_mention_tooltip_names_words_and_iso_dates():
    assert mention_title(span("9月16—17日", "2020-09-16", "2020-09-17")) == "2020年9月16日—17日（2020-09-16 至 2020-09-17）"


def test_highlight_escapes_every_piece():
    html = str(highlight(BODY_SCRIPT, [span("2020年3月2日", "2020-03-02")]))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&amp;符号" in html
    assert html.startswith('<mark class="date" title="2020年3月2日（2020-03-02）">2020年3月2日</mark>')


def test_highlight_escapes_the_mention_itself_and_its_title():
    body = "<b>9月1日</b>"
    mention = DateSpan(text="9月1日", span=(3, 7), start=date(2020, 9, 1), end=date(2020, 9, 1), precision=D)
    assert str(highlight(body, [mention])) == (
        '&lt;b&gt;<mark class="date" title="2020年9月1日（2020-09-01）">9月1日</mark>&lt;/b&gt;')


def test_overlapping_or_out_of_range_mentions_stay_unmarked():
    body = "9月16日至17日"
    whole = span("9月16日至17日", "2020-09-16", "2020-09-17")
    inner = span("17日", "2020-09-17", at=6)
    outside = span("9月16日", "2020-09-16", at=40)
    html = str(highlight(body, [inner, whole, outside]))
    assert html.count("<mark") == 1 and html.endswith("</mark>")
