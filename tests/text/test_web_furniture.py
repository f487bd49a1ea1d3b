"""A web page copied as text: its furniture is lifted out as `Removed` lines of kind "web";
the title stays; text run on after furniture is kept."""
from __future__ import annotations

import pytest

from timeline.text import undo_layout

COPIED_PAGE = """当前位置:首页>走进临川>大事记
2019年1月大事记
发布日期:2019-02-15 09:30:12  来源:市档案馆  浏览次数:1024
字号 大 中 小
打印本页 关闭窗口1月2日,市委常委会召开会议,研究部署全市2019年经济工作。
1月4—8日,市第十六届人民代表大会第三次会议举行。
※同日,市政协十三届三次会议闭幕。
7日 市长林素华赴城东街道调研。
分享到：微信 微博 QQ空间
【打印】【关闭】
上一篇：2018年12月大事记
版权所有：临川市人民政府 浙ICP备12345678号
"""


def test_a_copied_page_keeps_its_title_and_entries():
    for structured in (False, True):
        layout = undo_layout(COPIED_PAGE, structured=structured)
        texts = [line.text for line in layout.lines]
        assert texts == ["2019年1月大事记", "1月2日,市委常委会召开会议,研究部署全市2019年经济工作。",
                         "1月4—8日,市第十六届人民代表大会第三次会议举行。", "※同日,市政协十三届三次会议闭幕。",
                         "7日 市长林素华赴城东街道调研。"]
        assert [(r.line, r.kind) for r in layout.removed] == [
            (1, "web"), (3, "web"), (4, "web"), (5, "web"), (9, "web"), (10, "web"), (11, "web"), (12, "web")]
        run_on = layout.lines[1]
        assert COPIED_PAGE[run_on.offset:].startswith("1月2日,市委") and run_on.number == 5
        assert layout.removed[3].text == "打印本页 关闭窗口"


@pytest.mark.parametrize("line", [
    "您现在的位置：网站首页 >> 大事记", "首页 > 新闻中心 > 大事记", "发布时间：2020-01-31 18:23:54",
    "作者：县志办　文章来源：县地方志办公室　点击数：357　更新时间：2020-4-2", "【字体：大 中 小】【打印】【关闭】",
    "字号：[ 大 中 小 ]", "扫一扫在手机打开当前页", "索引号：11330100/2020-00123 主题分类：综合政务",
    "2020-01-31 18:23:54", "阅读次数：", "Copyright © 2008-2020 西岭县人民政府",
])
def test_furniture_lines(line):
    layout = undo_layout(f"2020年3月大事记\n{line}\n2日 县委召开常委会议。\n")
    assert [r.text for r in layout.removed] == [line.strip()]


@pytest.mark.parametrize("line", [
    "2019年1月大事记", "关闭小煤矿12处，淘汰落后产能。", "返回家乡创业的青年达三百余人。",
    "编辑：王某负责起草文件，", "微信公众号“西岭发布”上线。",
    "2020-01-31", "1月31日 18:23，全市启动应急响应。",
])
def test_text_that_only_looks_like_furniture_stays(line):
    layout = undo_layout(f"{line}\n")
    assert [x.text for x in layout.lines] == [line] and layout.removed == ()


def test_a_source_label_run_into_an_entry_loses_only_the_label():
    layout = undo_layout("来源:市档案馆1月2日,市委召开会议。\n")
    assert [x.text for x in layout.lines] == ["1月2日,市委召开会议。"]
    assert [r.text for r in layout.removed] == ["来源:市档案馆"]
