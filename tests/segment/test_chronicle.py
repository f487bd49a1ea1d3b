"""Chronicle (大事记) segmentation: month headings, day lines, △, 是月, 旬."""
from __future__ import annotations

import pytest

from tests.segment.documents import CHRONICLE_2021, YEARBOOK_2019, chronicle, layout_of
from tests.support import SEED
from timeline.segment import detect_layout, infer_year


@pytest.fixture(scope="module")
def entries():
    return chronicle().entries


def test_title_line_is_the_chronicle_title():
    assert chronicle().title == "2021年大事记"


def test_one_entry_per_dated_line(entries):
    assert [(e.line, e.month, e.same_day) for e in entries] == [
        (4, 1, False), (5, 1, True), (6, 1, False), (8, 1, False), (14, 1, False),
        (17, 2, False), (18, 2, False), (19, 2, False), (20, 2, False),
        (23, 3, False), (24, 3, False), (25, 3, True), (26, 3, False),
        (29, 4, False), (30, 4, False),
    ]
    assert {e.category for e in entries} == {"大事记"}


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


@pytest.mark.parametrize("path, kind, year", [
    (SEED, "yearbook", 2020),
    (YEARBOOK_2019, "yearbook", 2019),
    (CHRONICLE_2021, "chronicle", 2021),
])
def test_format_and_year_are_detected(path, kind, year):
    layout = layout_of(path)
    assert detect_layout(layout) == kind
    assert infer_year(layout.text) == year


def test_infer_year_without_any_year():
    assert infer_year("没有年份的文本") is None
