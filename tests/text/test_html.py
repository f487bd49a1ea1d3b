"""Saved web pages: the main text in the normal form, the title kept, furniture and navigation gone."""
from __future__ import annotations

import pytest

from tests.support import FIXTURES
from timeline.text import UnreadableDocument, read_source, undo_layout

HTML = FIXTURES / "html"
FURNITURE_WORDS = ("首页", "政务公开", "当前位置", "您现在的位置", "发布日期", "更新时间", "浏览次数", "点击数",
                   "打印", "关闭", "分享", "上一篇", "版权所有", "栏目导航", "索引号")


def page_lines(name: str) -> list[str]:
    source = read_source((HTML / name).read_bytes(), name=name)
    assert source.format == "html" and source.structured
    layout = undo_layout(source.text, structured=True)
    return [line.text for line in layout.lines]


def test_a_government_chronicle_page_keeps_its_title_and_every_entry():
    lines = page_lines("dashiji-2019-01.html")
    assert lines[0] == "# 2019年1月大事记"
    assert lines[1].startswith("1月2日，市委常委会召开会议") and lines[-1].startswith("1月31日，临川至东港")
    assert len(lines) == 11
    assert "※ 同日，市政协十三届三次会议闭幕" in lines[4]
    assert "总投资48亿元" in lines[5] and "调研农村人居环境整治工作" in lines[6]     # inline markup gone
    assert not any(word in line for line in lines for word in FURNITURE_WORDS)
    assert not any("2019-02-15" in line for line in lines)                       # the publication stamp


def test_an_old_table_layout_page_in_gbk_declared_gb2312():
    lines = page_lines("xiling-2020-03.gbk.html")
    assert lines[0] == "# 2020年3月大事记"          # only in the page, not in <title>
    assert lines[1] == "2日 县委召开常委会扩大会议，研究部署全县复工复产和春耕备耕工作。"
    assert lines[5] == "16—18日 县人大常委会组织部分代表视察全县重点项目建设情况。"
    assert len(lines) == 10
    assert not any(word in line for line in lines for word in FURNITURE_WORDS)


def test_headings_lists_tables_and_line_breaks():
    assert page_lines("lists-and-tables.html") == [
        "# 抗击疫情工作时间线",
        "## （一）第一阶段：迅即应对突发疫情",
        "（1）2019年12月27日，市中心医院向区疾控中心报告不明原因肺炎病例。",
        "（2）12月30日，市卫生健康委发布关于做好不明原因肺炎救治工作的紧急通知。",
        "## （二）第二阶段：初步遏制疫情蔓延势头",
        "1. 2020年1月20日，国务院常务会议召开，部署疫情防控工作。",
        "2. 1月23日10时，离汉通道关闭。",
        "同日，全市启动重大突发公共卫生事件一级响应。",
        "（3）1月25日，农历正月初一，中央政治局常委会召开会议。",
        "### 主要物资保障情况",
        "日期\u3000口罩（万只）、防护服（套）",
        "2月1日\u3000120、3 500",
        "2月15日\u3000860、12 000",
        "- 2月10日，全市分区分级复工复产。",
        "- 3月18日，新增本地确诊病例首次清零。",
    ]


def test_a_page_with_no_main_text_is_refused():
    with pytest.raises(UnreadableDocument, match="^app.html: an HTML page with no main text"):
        read_source((HTML / "no-main-text.html").read_bytes(), name="app.html")


def test_a_page_in_utf16_is_sniffed_after_decoding():
    data = (HTML / "dashiji-2019-01.html").read_text(encoding="utf-8").replace('charset="utf-8"', "")
    source = read_source(data.encode("utf-16"), name="page")
    assert source.format == "html" and source.text.startswith("# 2019年1月大事记\n1月2日")


def test_short_chinese_list_items_are_main_text():
    # readability's default keeps a list only from 25 characters on, a long sentence in
    # Chinese: a timeline of one short item per list lost most of its entries.
    assert page_lines("short-items.html") == [
        "# 2021年城区防汛工作纪要",
        "## 2021年6月12日",
        "- 上午，启动防汛四级响应。",
        "- 15时，发布暴雨蓝色预警。",
        "## 2021年6月13日",
        "- 凌晨，城东低洼片区积水，转移居民86户。",
        "- 同日，解除防汛响应。",
    ]
