"""Kinds of event and the words that name them: the tag facet. Data only.

A tag applies when one of its words occurs in the event's title (or, for a title that
names none, in the first sentence of its body). Order is the order tags are listed in.
"""
from __future__ import annotations

TAG_KEYWORDS: dict[str, tuple[str, ...]] = {
    "视察调研": ("视察", "调研", "考察", "检查指导", "走访"),
    "签约": ("签约", "签订", "签署", "协议"),
    "开工": ("开工", "开建", "动工", "奠基"),
    "启用/开业/通车": ("启用", "投入使用", "投用", "开业", "通车", "开园", "开通", "运营"),
    "会议": ("会议", "大会", "峰会", "论坛", "座谈会", "研讨会", "现场会", "年会", "召开"),
    "揭牌/成立": ("揭牌", "挂牌", "授牌", "成立", "设立", "组建"),
    "荣誉": ("荣誉", "获评", "被评为", "评为", "入选", "获奖", "称号", "表彰", "授予"),
}
