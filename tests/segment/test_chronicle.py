"""Chronicle (大事记) segmentation of a PDF-wrapped chronicle: month headings, day lines,
△, 是月, 旬, wrapped lines, captions and the title."""
from __future__ import annotations

from datetime import date

import pytest

from tests.segment.documents import CHRONICLE_2021, YEARBOOK_2019, chronicle, layout_of
from tests.support import SEED
from timeline.segment import survey


@pytest.fixture(scope="module")
def segmentation():
    return chronicle()


@pytest.fixture(scope="module")
def entries(segmentation):
    return segmentation.entries


def test_title_line_is_the_chronicle_title_and_gives_the_year(segmentation):
    assert (segmentation.title, segmentation.year, segmentation.layout) == ("2021年大事记", 2021, "chronicle")


def test_one_entry_per_dated_line(entries):
    assert [(e.line, e.section) for e in entries] == [
        (4, "1月"), (5, "1月"), (6, "1月"), (8, "1月"), (14, "1月"),
        (17, "二月"), (18, "二月"), (19, "二月"), (20, "二月"),
        (23, "2021年3月"), (24, "2021年3月"), (25, "2021年3月"), (26, "2021年3月"),
        (29, "4月"), (30, "4月"),
    ]
    assert {e.category for e in entries} == {"大事记"}


@pytest.mark.parametrize("index, text, start, end", [
    (0, "1日", date(2021, 1, 1), date(2021, 1, 1)),
    (1, "", date(2021, 1, 1), date(2021, 1, 1)),            # △: the day of the entry before
    (3, "15—16日", date(2021, 1, 15), date(2021, 1, 16)),
    (6, "26日—3月2日", date(2021, 2, 26), date(2021, 3, 2)),
    (8, "是月", date(2021, 2, 1), date(2021, 2, 28)),       # February: the heading's month
    (11, "同日", date(2021, 3, 12), date(2021, 3, 12)),
])
def test_dates_are_read_in_the_month_in_force(entries, index, text, start, end):
    assert (entries[index].date.text, entries[index].date.start, entries[index].date.end) == (text, start, end)


def test_an_impossible_day_is_an_undated_entry(entries):
    assert (entries[7].title, entries[7].date) == ("区政府印发通知", None)


@pytest.mark.parametrize("index, title, body_start", [
    (0, "青山湖科技城首个“未来社区”试点项目开工建设", "1日青山湖"),
    (1, "青山湖科技城管委会发布2021年“双招双引”政策", "青山湖科技城管委会"),
    (3, "2021青山湖科技城发展大会召开", "15—16日"),
    (4, "青山湖科技城开展企业安全生产大检查", "中旬"),
    (6, "青山湖科技城举办“云招聘”活动", "26日—3月2日"),
    (8, "青山湖科技城新增国家高新技术企业12家", "是月，"),
    (11, "青山湖科技城与浙江大学签订战略合作协议", "同日，"),
    (12, "Link Park二期项目通过竣工验收", "下旬Link Park"),
    (13, "浙江省科技厅厅长一行到青山湖科技城调研", "8日浙江省"),
])
def test_titles_are_the_first_clause(entries, index, title, body_start):
    assert entries[index].title == title
    assert entries[index].body.text.startswith(body_start)


def test_a_wrapped_line_starting_with_a_day_is_not_a_new_entry(entries):
    assert entries[3].body.text.endswith("大会于16日闭幕。")
    assert [c.figure for c in entries[3].captions] == ["图1"]


def test_page_furniture_is_not_in_any_entry(entries):
    for entry in entries:
        assert "年鉴" not in entry.body.text and "大事记" not in entry.body.text


@pytest.mark.parametrize("path, layout", [
    (SEED, "yearbook"),
    (YEARBOOK_2019, "yearbook"),
    (CHRONICLE_2021, "chronicle"),
])
def test_layout_is_detected(path, layout):
    assert survey(layout_of(path)).layout == layout


def test_the_pdf_chronicle_is_read_as_wrapped_text():
    assert survey(layout_of(CHRONICLE_2021)).wrapped
