"""Undoing page layout: wrapped lines, layout spaces, captions, page furniture, signatures."""
from __future__ import annotations

import pytest

from tests.support import FIXTURES, SEED
from timeline.text import CleanText, clean_line, decode, join_lines, undo_layout


def layout_of(path):
    return undo_layout(decode(path.read_bytes(), name=path.stem))


@pytest.fixture(scope="module")
def seed():
    return layout_of(SEED)


def all_text(layout) -> CleanText:
    return join_lines((line.text, line.offset, line.ends_paragraph) for line in layout.lines)


@pytest.mark.parametrize("raw, clean", [
    ("签 约 仪 式", "签约仪式"),
    ("杭 氧 集 团 制 造 的", "杭氧集团制造的"),
    ("2020 年 9 月 16 —17 日，省 委 书 记 袁", "2020年9月16—17日，省委书记袁"),
    ("增长 17.1%，", "增长17.1%，"),
    ("Link Park（滨河）产业社区", "Link Park（滨河）产业社区"),
    ("首席执行官Andrea Bascucci，浙", "首席执行官Andrea Bascucci，浙"),
    ("Smart  Factory\u3000Group 签订", "Smart Factory Group签订"),
    ("当日即办结 ；承", "当日即办结；承"),
    ("\u3000\u30002020 年 3 月 30 日", "2020年3月30日"),
    ("污染物和CO2 控制研究室", "污染物和CO2控制研究室"),
])
def test_layout_spaces_go_real_spaces_stay(raw, clean):
    assert clean_line(raw, 0).text == clean


@pytest.mark.parametrize("lines, joined", [
    ([("实现", 0, False), ("由点的突破", 10, False)], "实现由点的突破"),
    ([("首席执行官Andrea", 0, False), ("Bascucci，浙", 20, False)], "首席执行官Andrea Bascucci，浙"),
    ([("电动叉车CPD160-", 0, False), ("AXZ4”及", 20, False)], "电动叉车CPD160-AXZ4”及"),
    ([("媒体报道。", 0, True), ("全年签约", 10, False)], "媒体报道。\n全年签约"),
    ([("总投资 10", 0, False), ("亿元以上", 10, False)], "总投资10亿元以上"),
    ([("成立1", 0, False), ("00周年", 10, False)], "成立100周年"),
])
def test_wrapped_lines_join(lines, joined):
    assert join_lines(lines).text == joined


def test_every_clean_character_maps_back_to_itself(seed):
    text = all_text(seed)
    for ch, origin in zip(text.text, text.origins):
        if ch not in " \n":
            assert seed.text[origin] == ch


@pytest.mark.parametrize("before, after", [
    ("实现由点的突破向系统集成转变", "青山湖科技城（陈顶新"),
    ("在青山湖科技城创业广场举行", "横畈产业区块（林之江"),
    ("杭锅集团在浙江大学青山湖能源研究基地设办公室", "廊湾产业加速器青山湖厅举行（"),
    ("深圳市旭日资本管理有限公司董事长宋旭超", "产业社区开园（"),
    ("临安区领导杨国正、蔡萌", "万豪酒店召开（"),
    ("大会以“构建新生态、赋能新制造”为主题", "股票在上海证券交易所"),
])
def test_captions_are_lifted_out_even_mid_sentence(seed, before, after):
    text = all_text(seed).text
    assert before in text
    assert after not in text


def test_seed_captions_keep_text_credit_and_figure(seed):
    captions = [(c.line, c.figure, c.text) for c in seed.captions]
    assert captions[0] == (374, "图123", "青山湖科技城（陈顶新/摄）")
    assert captions[1] == (557, "图124", "青山湖科技城横畈产业区块（林之江/摄）")
    assert [line for line, _, _ in captions] == [374, 557, 762, 1247, 1454, 1603, 1609, 1758, 1764, 1888]
    assert [figure for _, figure, _ in captions][2:] == ["图125", None, None, "图128", None, "图130", None, None]
    assert captions[-1][2] == ("2020年12月28日，杭州华旺新材料科技股份有限公司股票在上海证券交易所"
                               "上市交易（青山湖科技城管委会提供）")
    assert "图" not in "".join(line.text for line in seed.lines if line.text.startswith("图"))


def test_seed_signature_is_removed(seed):
    assert seed.signature == "（周艳清）"
    assert "周艳清" not in all_text(seed).text


def test_seed_has_no_page_furniture(seed):
    assert [r.kind for r in seed.removed] == ["signature"]


def test_chronicle_page_headers_and_footers_are_removed():
    layout = layout_of(FIXTURES / "chronicle-2021.txt")
    assert [(r.line, r.kind) for r in layout.removed] == [
        (1, "page"), (15, "page"), (21, "page"), (27, "page"), (31, "page")]
    text = all_text(layout).text
    assert "年鉴" not in text and "101" not in text and "105" not in text
    assert "2021年大事记" in text        # the title is not a running head


def test_other_caption_shapes_and_indented_paragraphs():
    layout = layout_of(FIXTURES / "yearbook-2019.txt")
    assert [(c.figure, c.text) for c in layout.captions] == [
        ("图3", "南苕溪绿道一期（王五摄）"),
        (None, "青山湖科技城第一小学开学典礼"),
        ("图6", "2019年12月20日，横畈污水处理厂二期投入使用（林七摄）"),
    ]
    assert [r.kind for r in layout.removed] == ["page", "page", "figure", "page", "page", "page", "page",
                                                "signature"]
    text = all_text(layout).text
    assert "串联青山湖、南苕溪和大园新城，沿线设驿站6个。\n当天上午" in text   # indented paragraph kept
    assert "竣工项目18个。\n是年，" in text


def test_line_index_maps_offsets_to_lines(seed):
    heading = seed.text.index("\n规划建设\n") + 1
    assert seed.index.line(heading) == 594
    assert seed.index.line(0) == 1
    assert seed.index.start(594) == heading


def test_repeated_headings_and_titles_are_not_running_heads():
    chapter = ("规划建设\n【概况】2020 年，全区完成投资 10 亿元。\n【青山湖宝龙广场开业】（参 见《商 业\n"
               "贸易》栏目“国内贸易”分目）\n")
    layout = undo_layout(chapter * 4 + "青山湖年鉴 2020 · 12 ·\n正文。\n青山湖年鉴 2020 · 14 ·\n")
    assert [r.text for r in layout.removed] == ["青山湖年鉴 2020 · 12 ·", "青山湖年鉴 2020 · 14 ·"]
    assert sum(line.text == "规划建设" for line in layout.lines) == 4


def test_a_running_head_with_a_decorated_page_number_goes_even_once():
    # An excerpt of a page or two repeats nothing; "·56·" beside a name is still furniture.
    text = ("·56·                        东湖开发区年鉴（2022）\n经济发展\n【概况】2021年，开发区实现增加值12亿元。\n"
            "2019 年大事记\n正文一句。\n— 57 —\n             ·58·  东湖开发区年鉴 2022\n【招商】3月，签约。\n")
    layout = undo_layout(text)
    assert [r.text.strip() for r in layout.removed] == [
        "·56·                        东湖开发区年鉴（2022）", "— 57 —", "·58·  东湖开发区年鉴 2022"]   # even over a title
    assert "2019年大事记" in all_text(layout).text          # a bare number beside text stays
