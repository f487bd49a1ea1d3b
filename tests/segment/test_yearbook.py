"""Yearbook segmentation: headings -> categories, 【entries】, overviews, xrefs, footnotes."""
from __future__ import annotations

import pytest

from tests.segment.documents import YEARBOOK_2019, yearbook
from timeline.segment.footnotes import footnote_owner, marker_score
from timeline.segment.yearbook import heading_name


@pytest.fixture(scope="module")
def seed():
    return yearbook().entries


def by_title(entries, title):
    return next(e for e in entries if e.title == title)


def test_seed_sections_in_order(seed):
    categories = list(dict.fromkeys(e.category for e in seed))
    assert categories == ["综述", "规划建设", "科技研发", "产业发展"]
    assert [sum(e.category == c for e in seed) for c in categories] == [5, 12, 10, 14]


def test_seed_roles(seed):
    assert [(e.category, e.line) for e in seed if e.role == "overview"] == [
        ("综述", 1), ("规划建设", 596), ("科技研发", 959), ("产业发展", 1358)]
    assert [e.title for e in seed if e.role == "xref"] == [
        "青山湖科技城第二小学投入使用", "青山湖宝龙广场开业", "杭州华旺新材料科技股份有限公司股票上市"]


@pytest.mark.parametrize("line, title", [
    (348, "袁家军调研杭州城西科创大走廊"),
    (634, "浙江省中医药研究院青山湖科创园区开建"),
    (837, "浙江临安环球中小企业创业创新园获省级荣誉"),
    (1208, "浙江大学·杭锅集团先进能源联合研发中心成立"),
    (1276, "青山湖科技城Link Park（滨河）产业社区启用"),
    (1414, "所托瑞安汽车科技有限公司总部及产业基地项目签约"),
    (1692, "第十五届“中国芯”集成电路产业促进大会召开"),
    (1768, "“硬科技”产业国际人才峰会召开"),
    (1923, "杭州华旺新材料科技股份有限公司股票上市"),
])
def test_titles_broken_over_lines_come_out_clean(seed, line, title):
    assert next(e for e in seed if e.line == line).title == title


def test_bodies_carry_no_layout_noise(seed):
    for entry in seed:
        body = entry.body.text
        assert "图1" not in body and "提供）" not in body and "/摄" not in body
        assert "周艳清" not in body
        assert not body.startswith(("】", "▲"))
    assert by_title(seed, "青山湖宝龙广场开业").body.text == "（参见《商业贸易》栏目“国内贸易”分目）"


def test_footnotes_go_to_the_entry_that_marks_them(seed):
    overview = seed[0]
    assert [f.split("：")[0] for f in overview.footnotes] == [
        "保障服务“五承诺”", "员工安全返岗“三补贴”", "四大攻坚战"]
    assert overview.body.text.endswith("被评为2020年杭州市“钱江友谊使者”。")
    assert "是年，" in overview.body.text
    visit = by_title(seed, "吴朝晖考察青山湖科技城")
    assert visit.footnotes == ("浙江大学青山湖能源研究基地：该基地一期工程于2018年6月投入使用。至2020年，"
                               "拥有能源清洁利用国家重点实验室、垃圾焚烧技术与装备国家工程实验室、"
                               "国家煤炭分级转化清洁发电协同创新中心和国家环境保护大气污染控制工程技术中心等"
                               "国家级科技创新平台，建成大型实验装置20余座。",)
    assert visit.body.text.endswith("形成新能源完整产业链条。”")
    assert "承诺一" not in seed[1].body.text


def test_captions_stay_with_the_entry_they_interrupt(seed):
    assert [c.line for c in by_title(seed, "袁家军调研杭州城西科创大走廊").captions] == [374]
    assert [c.line for c in by_title(seed, "中国工业计算机大会召开").captions] == [1888]
    assert sum(len(e.captions) for e in seed) == 10


def test_source_lines_point_at_the_entry_start(seed):
    assert [e.line for e in seed[:6]] == [1, 348, 465, 497, 551, 596]


def test_another_yearbook_with_other_shapes():
    entries = yearbook(YEARBOOK_2019).entries
    assert [(e.category, e.role, e.title) for e in entries] == [
        ("城市建设", "overview", "概况"),
        ("城市建设", "event", "南苕溪绿道一期通车"),
        ("城市建设", "event", "青山湖地铁站开工"),
        ("城市建设", "xref", "横畈污水处理厂二期"),
        ("社会事业", "overview", "概况"),
        ("社会事业", "event", "青山湖科技城第一小学揭牌"),
        ("社会事业", "event", "青山湖马拉松"),
        ("社会事业", "event", "科技城签约Smart Factory项目"),
    ]
    assert entries[0].footnotes == ("浙江省美丽城镇建设样板：由浙江省美丽城镇建设工作领导小组办公室评定，"
                                    "2019年全省共30个。",)
    assert entries[2].body.text.endswith("设4个出入口，计划2021年建成。")


@pytest.mark.parametrize("line, name", [
    ("规划建设", "规划建设"),
    ("■ 城市建设", "城市建设"),
    ("一、社 会 事 业", "社会事业"),
    ("（二）教育", "教育"),
    ("媒体报道。", None),
    ("2020", None),
    ("位 620 个。", None),
    ("【概况】", None),
    ("这一行太长了不可能是一个栏目的标题", None),
])
def test_heading_names(line, name):
    assert heading_name(line) == name


@pytest.mark.parametrize("body, term, score", [
    ("推出保障服务“五承诺▲”和", "保障服务“五承诺”", 7),
    ("员工安全返岗“三补贴”▲等举措", "员工安全返岗“三补贴”", 9),
    ("持续开展“四大攻坚战▲”，", "四大攻坚战", 5),
    ("推出“五承诺▲”", "保障服务“五承诺”", 3),
    ("没有标记的正文", "四大攻坚战", 0),
    ("另一个概念▲", "四大攻坚战", 0),
])
def test_marker_scores(body, term, score):
    assert marker_score(body, term) == score


def test_footnote_owner_prefers_the_marking_entry_then_the_host():
    bodies = ["甲▲", "走访基地▲，参观", "无关"]
    assert footnote_owner("基地", bodies, host=2) == 1
    assert footnote_owner("别的", bodies, host=2) == 2
