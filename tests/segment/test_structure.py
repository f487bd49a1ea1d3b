"""What a chronicle's structure decides: its layout is read on the whole document (headings
and dated line starts), and a year written as a statistic never becomes an entry nor the
year in force."""
from __future__ import annotations

from datetime import date

from tests.segment.documents import segmented
from timeline.segment import survey
from timeline.segment.detect import ends_sentence
from timeline.text import undo_layout

# A county chronicle of two years, one paragraph per line. Its entries hold several
# sentences, some of them dated ("2017年同期……"), and statistics open paragraphs.
COUNTY = """\
平川县大事记
2019年
1月
6日 县委全会召开。会议回顾2018年工作。2017年以来的项目全部完成审计。
20日 县人代会开幕。会议选举县长。2018年度预算执行情况报告获通过。
4月
2018年，全县共有规模以上企业80家。2017年同期为75家。
下旬 县城东环路开工建设。全长5公里。
9日 县第一中学新校区启用。2016年以来，县里新建学校12所。
2020年
3月
2日 县复工复产推进会召开。2019年，全县工业增加值增长7%。
"""


def _dates(segmentation):
    return [(e.line, e.date.start, e.date.end) for e in segmentation.entries]


def test_a_few_dated_sentences_in_bodies_do_not_make_a_chronicle_prose():
    """Year and month headings and the lines opening with a day outweigh the dated
    sentences inside the entries."""
    assert segmented(COUNTY).layout == "chronicle"


def test_a_statistic_under_a_month_heading_is_no_entry_and_sets_no_year():
    assert _dates(segmented(COUNTY)) == [
        (4, date(2019, 1, 6), date(2019, 1, 6)),
        (5, date(2019, 1, 20), date(2019, 1, 20)),
        (8, date(2019, 4, 21), date(2019, 4, 30)),     # April 2019, not December 2018
        (9, date(2019, 4, 9), date(2019, 4, 9)),
        (12, date(2020, 3, 2), date(2020, 3, 2)),
    ]


def test_a_statistic_is_carried_on_in_the_entry_before():
    entries = segmented(COUNTY).entries
    assert entries[1].body.text.endswith("2017年同期为75家。")


def test_a_statistic_inside_an_entry_stays_in_it():
    text = "2019年大事记\n3月\n5日 县里召开大会。\n2018年，全县有企业80家。\n下旬 县城东环路开工建设。\n"
    entries = segmented(text).entries
    assert [(e.date.start, e.date.end) for e in entries] == [
        (date(2019, 3, 5), date(2019, 3, 5)), (date(2019, 3, 21), date(2019, 3, 31))]
    assert "全县有企业80家" in entries[0].body.text


def test_the_heading_year_is_no_statistic_of_a_year_grain_chronicle():
    """In a 年表 whose entries open with years, a year opening a line is an entry."""
    text = "县志大事年表\n1950年 县人民政府成立。\n1952年 土地改革完成。\n1958年 县境修建水库。\n"
    assert [e.date.start.year for e in segmented(text).entries] == [1950, 1952, 1958]


def test_a_same_year_figure_under_a_month_heading_keeps_the_month_in_force():
    text = "2019年大事记\n5月\n2019年，全县接待游客300万人次。\n9日 县首家5G基站开通。\n"
    assert [(e.date.start, e.date.end) for e in segmented(text).entries] == [
        (date(2019, 5, 9), date(2019, 5, 9))]


# A web page copied as text with ASCII punctuation: its one-line entries are of a similar
# width, like the lines of a wrapped PDF column, and each ends its sentence with ".".
ASCII_PAGE = "2016年11月大事记\n" + "".join(
    f"{day}日,镇党委召开第{day}次理论学习中心组学习会议,全年增长{day}.5%.\n※镇纪委组织机关干部观看警示教育片{day}部.\n"
    for day in range(10, 20))


def test_an_ascii_full_stop_ends_an_entry_of_wrapped_looking_text():
    assert survey(undo_layout(ASCII_PAGE)).wrapped       # as wide as each other: taken for a column
    entries = segmented(ASCII_PAGE).entries
    assert len(entries) == 20
    assert entries[1].title == "镇纪委组织机关干部观看警示教育片10部"     # no "." kept


def test_an_ascii_full_stop_ends_a_sentence_unless_after_a_letter_or_digit():
    assert ends_sentence("观看警示教育片.") and ends_sentence("镇文化广场举行.”") and ends_sentence("增长9.1%.")
    assert not ends_sentence("增长1.") and not ends_sentence("Co. Ltd.") and not ends_sentence("开幕，")


def test_a_date_of_another_year_than_the_date_heading_is_no_entry():
    """"2018年1—11月，……" under "2019年" / "12月" is a figure of the year before: no entry, and
    December 2019 stays in force."""
    text = ("大事记\n2019年\n12月\n2018年1—11月，全县完成固定资产投资52亿元。\n5日 县委召开全会。\n"
            "2018年12月30日，县里召开总结会。\n下旬 全县开展冬季安全检查。\n")
    assert [(e.date.start, e.date.end) for e in segmented(text).entries] == [
        (date(2019, 12, 5), date(2019, 12, 5)), (date(2019, 12, 21), date(2019, 12, 31))]


def test_a_full_date_of_the_heading_year_is_an_entry():
    text = "大事记\n2019年\n12月\n5日 县委召开全会。\n2019年12月30日，县里召开总结会。\n"
    assert [e.date.start for e in segmented(text).entries] == [date(2019, 12, 5), date(2019, 12, 30)]


def test_two_titled_notes_over_a_chronicle_leave_it_a_chronicle():
    """"【编者按】……" and "【资料来源】……" are no yearbook: the chronicle keeps every entry."""
    days = "".join(f"1月{d}日，市里召开第{d}次专题工作会议。\n" for d in range(2, 12))
    found = segmented("2019年1月大事记\n【编者按】本栏目按时间顺序记录全市大事要事。\n" + days
                      + "【资料来源】市档案馆和各部门报送的年度工作材料。\n")
    assert found.layout == "chronicle"
    assert [e.date.start.day for e in found.entries if e.date] == list(range(2, 12))


def test_a_yearbook_excerpt_whose_chronicle_chapter_outweighs_its_entries():
    """The chapter's dated lines do not make a yearbook excerpt a chronicle: its 【title】
    entries are kept, in the yearbook's year, and the chapter is read as a chronicle."""
    days = "".join(f"【{m}月】\n3日，区委召开第{m}次常委会议。\n下旬，全区开展第{m}轮专项检查。\n" for m in range(1, 6))
    found = segmented("大事记\n" + days + "\n社会事业\n【概况】　2019年，全区社会事业稳步发展，民生投入持续增加。\n"
                      "【教育】　是年，全区新建中小学3所，新增学位2400个。\n")
    assert found.layout == "yearbook" and found.year == 2019
    assert [e.title for e in found.entries if e.category != "大事记"] == ["概况", "教育"]
    dated = [(e.date.start.month, e.date.start.day) for e in found.entries if e.category == "大事记"]
    assert dated == [(m, d) for m in range(1, 6) for d in (3, 21)]


def test_a_first_line_of_a_year_and_a_name_is_the_title():
    """"2021年工作动态" over dated entries names the document and its year: no event of the
    whole year."""
    found = segmented("2021年工作动态\n\n2021.03.05 区委召开常委会议。\n2021.03.12 区政府召开常务会议。\n"
                      "2021.04.02 区里召开安全生产会议。\n")
    assert found.title == "2021年工作动态" and found.year == 2021
    assert [(e.date.start.month, e.date.start.day) for e in found.entries] == [(3, 5), (3, 12), (4, 2)]


def test_a_title_set_in_decoration_is_its_words():
    """A running head as PDF text keeps it ("·大事记·"): the title is 大事记."""
    found = segmented("·大事记·\n2018年\n1月\n3日　市政府召开常务会议。\n8日　市政协召开常委会议。\n")
    assert found.title == "大事记" and found.year == 2018
