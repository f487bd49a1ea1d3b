"""A document in which no year is found (none given, none in its text or file name): one
warning for the document, saying to give --year, and still one entry for each dated line or
entry under a date heading, undated; with --year the same document is read fully."""
from __future__ import annotations

import pytest

from timeline.pipeline import NO_YEAR, parse_document

MONTHS = "大事记\n" + "".join(
    f"{month}月\n5日 县委召开第{month}次常委会会议。\n下旬 全县开展第{month}轮安全检查。\n同日 县政府召开常务会议。\n"
    for month in (1, 2, 3, 4, 5, 6))
DOCUMENTS = {
    "month headings and day lines": (MONTHS, ".txt", 18),
    "Markdown day headings over bullets": (
        "# 抗洪时间线\n## 7月20日\n- 城区出现特大暴雨。\n- 市防汛指挥部启动一级应急响应。\n"
        "## 7月21日\n- 地铁恢复部分运营。\n", ".md", 3),
    "date lines over their text": ("大事记\n\n3月8日\n\n县第十届运动会开幕。\n\n3月9日\n\n县图书馆新馆开放。\n", ".txt", 2),
    "dated lines": ("大事记\n3月8日 县第十届运动会开幕。\n3月9日 县图书馆新馆开放。\n4月 全县开展植树活动。\n", ".txt", 3),
}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_one_warning_and_every_entry_undated(name):
    text, suffix, count = DOCUMENTS[name]
    parsed = parse_document(text.encode(), name="no-year", suffix=suffix)
    assert parsed.year is None
    assert [(line, w.message) for line, w in parsed.warnings] == [(0, NO_YEAR)]
    assert "--year" in NO_YEAR
    assert len(parsed.events) == count and all(e.primary is None for e in parsed.events)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_with_the_year_given_every_entry_is_dated(name):
    text, suffix, count = DOCUMENTS[name]
    parsed = parse_document(text.encode(), name="no-year", suffix=suffix, year=2019)
    assert (parsed.year, parsed.warnings) == (2019, ())
    assert len(parsed.events) == count and all(e.start.year == 2019 for e in parsed.events)


def test_an_impossible_date_keeps_its_own_warning():
    parsed = parse_document("大事记\n2月30日 县里召开会议。\n3月2日 县里召开大会。\n".encode(), name="no-year")
    assert [line for line, _ in parsed.warnings] == [0, 2]


def test_a_yearbook_whose_dates_need_no_year_gets_no_warning():
    parsed = parse_document("【概况】全县共有学校50所。\n【教育】县教育局召开全县教育工作会议。\n".encode(), name="x")
    assert parsed.warnings == ()
