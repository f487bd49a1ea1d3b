"""Word documents: headings from styles, list paragraphs, tables row by row, in the normal form."""
from __future__ import annotations

from testkit.documents import chronology_docx
from timeline.text import read_source


def test_a_word_chronology_in_the_normal_form():
    source = read_source(chronology_docx(), name="chronology.docx")
    assert source.format == "docx" and source.structured
    assert source.text.split("\n") == [
        "# 抗击疫情工作时间线",
        "# （一）第一阶段：迅即应对突发疫情",
        "（1）2019年12月27日，市中心医院向区疾控中心报告不明原因肺炎病例。",
        "（2）12月30日，市卫生健康委发布紧急通知。",
        "## 2020年1月23日 廿九",
        "- 10时，离汉通道关闭。",
        "- 同日，全市启动一级响应。",
        "当日，各区启动社区排查。",
        "1. 国务院常务会议召开。",
        "2. 专家组抵达。",
        "1月25日，农历正月初一，中央政治局常委会召开会议。",
        "日期\u3000口罩（万只）、防护服（套）",
        "2月1日\u3000120、3500",
        "2月15日\u3000合计",
        "3月18日，新增本地确诊病例首次清零。",
    ]


def test_a_docx_named_otherwise_is_still_read_as_word():
    assert read_source(chronology_docx(), name="chronology.txt").format == "docx"
