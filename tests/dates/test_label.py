"""timeline.dates.label: every precision written in Chinese, the same on every surface."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from testkit.events import entry, span
from timeline.dates import Open, Precision, label, resolve
from timeline.events.export import event_json
from timeline.events.model import StoredEvent
from timeline.ical import feed_includes, render_event
from web.format import format_span

P = Precision


@pytest.mark.parametrize(("start", "end", "precision", "expected"), [
    ("2020-09-16", "2020-09-17", P.DAY, "2020年9月16日—17日"),
    ("2020-06-21", "2020-06-30", P.XUN, "2020年6月下旬"),
    ("2020-01-01", "2020-09-30", P.MONTH, "2020年1月—9月"),
    ("2020-11-01", "2021-02-28", P.MONTH, "2020年11月—2021年2月"),
    ("2020-01-01", "2020-09-30", P.QUARTER, "2020年第一至第三季度"),
    ("2020-07-01", "2020-09-30", P.QUARTER, "2020年第三季度"),
    ("2020-07-01", "2020-12-31", P.HALF, "2020年下半年"),
    ("2020-03-01", "2020-05-31", P.SEASON, "2020年春季"),
    ("2020-12-01", "2021-02-28", P.SEASON, "2020年冬季"),
    ("2016-01-01", "2020-12-31", P.PLAN, "“十三五”时期（2016年—2020年）"),
    ("2011-01-01", "2020-12-31", P.PLAN, "“十二五”至“十三五”时期（2011年—2020年）"),
    ("1980-01-01", "1989-12-31", P.DECADE, "1980年代"),
    ("1997-01-01", "1999-12-31", P.DECADE, "1990年代末"),
    ("1900-01-01", "1999-12-31", P.CENTURY, "20世纪"),
    ("2000-01-01", "2009-12-31", P.CENTURY, "21世纪初"),
    ("2019-01-01", "2021-12-31", P.YEAR, "2019年—2021年"),
])
def test_label(start, end, precision, expected):
    assert label(span("x", start, end, precision)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("自2020年9月1日起", "2020年9月1日起"),
    ("2019年以来", "2019年起"),
    ("截至2020年底", "2020年12月止"),
    ("2021年前", "2021年止"),
    ("2020年9月16日下午3时至5时", "2020年9月16日 15:00—17:00"),
    ("9月16日上午", "2020年9月16日上午"),
])
def test_label_of_what_resolve_reads(text, expected):
    [mention] = resolve(text, year=2020).mentions
    assert label(mention) == expected


def test_the_page_and_the_ics_title_say_the_same():
    jan_sep = span("2020年1—9月", "2020-01-01", "2020-09-30", P.MONTH)
    stored = StoredEvent(id=1, event=entry("k1", "统计", "2020年1—9月，统计。", jan_sep), document="d",
                         sequence=0, updated_at=datetime(2021, 1, 1))
    assert format_span(jan_sep, with_year=True) == "2020年1月—9月"
    assert "统计（2020年1月—9月）" in render_event(stored, base_url="http://example.org").decode().replace("\r\n ", "")


def test_an_open_event_is_carried_through():
    [since] = resolve("自2020年9月1日起", year=2020).mentions
    assert since.open is Open.END and since.to_json()["open"] == "end"
    assert type(since).from_json(since.to_json()) == since
    event = entry("k2", "实施新规", "自2020年9月1日起实施新规。", since)
    stored = StoredEvent(id=2, event=event, document="d", sequence=0,
                         updated_at=datetime(2021, 1, 1))
    assert event_json(stored)["open"] == "end"
    assert format_span(since) == "2020年9月1日起"
    assert not feed_includes(event)                       # no last day: left out of feeds
    assert feed_includes(replace(event, primary=replace(since, open=None)))
    assert date(2020, 9, 1) == since.start == since.end


@pytest.mark.parametrize(("text", "context", "expected"), [
    ("康熙十八年（1679年）七月", {}, "1679年农历七月"),           # 6 August - 4 September 1679
    ("2020年农历八月", {}, "2020年农历八月"),
    ("2020年闰四月", {}, "2020年农历闰四月"),
    ("农历腊月", {"year": 2020}, "2019年农历腊月"),              # December 2019 - January 2020
    ("光绪二年。是年", {}, "1876年（农历）"),                    # 26 January 1876 - 12 February 1877
    ("2020年农历八月十五", {}, "2020年10月1日"),                 # a lunar day is its Gregorian day
    ("2020年8月", {}, "2020年8月"),
])
def test_a_lunar_month_or_year_is_named_as_such(text, context, expected):
    assert label(resolve(text, **context).mentions[-1]) == expected


def test_a_lunar_month_on_a_page_of_its_year_leaves_the_year_out():
    seventh = resolve("康熙十八年（1679年）七月").mentions[0]
    assert label(seventh, with_year=False) == "农历七月"
    twelfth = resolve("农历腊月", year=2021).mentions[0]               # lunar 2020's, in January 2021
    assert twelfth.start.year == 2021
    assert label(twelfth, with_year=False) == "2020年农历腊月"
