"""Entries -> events on the fixture documents: ranges, context dates, overviews, xrefs."""
from __future__ import annotations

from datetime import date

import pytest

from tests.segment.documents import CHRONICLE_2021, YEARBOOK_2019, chronicle, layout_of, yearbook
from timeline.events.build import build_events, summary_of
from timeline.events.model import EventKind


def built(path, segmentation, year):
    layout = layout_of(path)
    return build_events(segmentation, document=path.stem, year=year, line_of=layout.index.line)


@pytest.fixture(scope="module")
def chronicle_events():
    return built(CHRONICLE_2021, chronicle(), 2021)


@pytest.fixture(scope="module")
def yearbook_events():
    return built(YEARBOOK_2019, yearbook(YEARBOOK_2019), 2019)


@pytest.mark.parametrize("index, start, end, precision, text", [
    (0, date(2021, 1, 1), date(2021, 1, 1), "day", "1日"),
    (1, date(2021, 1, 1), date(2021, 1, 1), "day", ""),           # △: the day before it
    (3, date(2021, 1, 15), date(2021, 1, 16), "day", "15—16日"),
    (4, date(2021, 1, 11), date(2021, 1, 20), "xun", "中旬"),
    (6, date(2021, 2, 26), date(2021, 3, 2), "day", "26日—3月2日"),
    (8, date(2021, 2, 1), date(2021, 2, 28), "month", "是月"),
    (9, date(2021, 3, 1), date(2021, 3, 10), "xun", "上旬"),
    (11, date(2021, 3, 12), date(2021, 3, 12), "day", "同日"),
    (12, date(2021, 3, 21), date(2021, 3, 31), "xun", "下旬"),
    (13, date(2021, 4, 8), date(2021, 4, 8), "day", "8日"),
    (14, date(2021, 4, 1), date(2021, 4, 30), "month", "本月"),
])
def test_chronicle_ranges(chronicle_events, index, start, end, precision, text):
    primary = chronicle_events[0][index].primary
    assert (primary.start, primary.end, primary.precision.value, primary.text) == (start, end, precision, text)


def test_chronicle_impossible_day_is_a_warning_with_its_line(chronicle_events):
    events, warnings = chronicle_events
    assert events[7].title == "区政府印发通知" and events[7].primary is None
    assert [(line, w.text) for line, w in warnings] == [(19, "30日")]


def test_chronicle_events_take_the_document_category(chronicle_events):
    assert {e.category for e in chronicle_events[0]} == {"大事记"}
    assert {e.kind for e in chronicle_events[0]} == {EventKind.EVENT}


def test_yearbook_overviews_cover_their_year(yearbook_events):
    overviews = [e for e in yearbook_events[0] if e.kind == EventKind.OVERVIEW]
    assert [(e.title, e.start, e.end, e.precision.value, e.tags) for e in overviews] == [
        ("城市建设概况", date(2019, 1, 1), date(2019, 12, 31), "year", ()),
        ("社会事业概况", date(2019, 1, 1), date(2019, 12, 31), "year", ()),
    ]


def test_an_xref_is_dated_by_the_caption_that_shows_it(yearbook_events):
    xref = next(e for e in yearbook_events[0] if e.kind == EventKind.XREF)
    assert (xref.title, xref.start, xref.primary.text) == ("横畈污水处理厂二期", date(2019, 12, 20), "")
    assert xref.captions == ("2019年12月20日，横畈污水处理厂二期投入使用（林七摄）",)
    signing = next(e for e in yearbook_events[0] if e.title == "科技城签约Smart Factory项目")
    assert signing.captions == ()


def test_yearbook_moments_and_warnings(yearbook_events):
    events, warnings = yearbook_events
    school = next(e for e in events if e.title == "青山湖科技城第一小学揭牌")
    assert [(m.date.text, m.date.part_of_day, m.text) for m in school.moments] == [
        ("9月1日上午", "morning", "揭牌仪式在学校操场举行"), ("9月2日", None, "学校正式开课")]
    assert [(line, w.text) for line, w in warnings] == [(30, "2019年2月29日")]


def test_mention_spans_index_the_body(yearbook_events, chronicle_events):
    for event in yearbook_events[0] + chronicle_events[0]:
        for mention in event.mentions:
            assert event.body[mention.span[0]:mention.span[1]] == mention.text


@pytest.mark.parametrize("body, summary", [
    ("2020年5月18日，万马创新园启用。万马创新园总用地面积4.9公顷。", "2020年5月18日，万马创新园启用。"),
    ("才集聚地。”\n其后", "才集聚地。”"),
    ("（参见《教育》栏目“基础教育”分目）", "（参见《教育》栏目“基础教育”分目）"),
    ("甲" * 200 + "。", "甲" * 119 + "…"),
])
def test_summaries_are_one_sentence_on_one_line(body, summary):
    assert summary_of(body) == summary
