"""Vocabulary of document structure: headings, entries, footnotes, cross-references and
the date marks of chronicles (大事记). Data only; the segmenters apply it."""
from __future__ import annotations

import re

# --- yearbooks ---------------------------------------------------------------------------
TITLE_OPEN, TITLE_CLOSE = "【", "】"
# A title spanning more lines than this is a stray bracket, not an entry title.
MAX_TITLE_LINES = 4
# 【概况】 and its synonyms: an overview of the whole year of its section.
OVERVIEW_TITLES = frozenset({"概况", "综述", "概述", "基本情况", "总体情况"})
# An entry whose body is only a pointer elsewhere: "（参见《教育》栏目“基础教育”分目）".
XREF_BODY = re.compile(r"^[（(]\s*(?:参见|详见|另见|见)[^（）()]*[）)][。.]?$")
# A footnote: "▲保障服务“五承诺”：……"; the marker "▲" follows the term in the text.
FOOTNOTE_MARK = "▲"
FOOTNOTE_START = re.compile(r"^▲")
FOOTNOTE_TERM = re.compile(r"^▲\s*(?P<term>[^：:\n]{1,40}?)\s*[：:]")
# How far back (in entries) a footnote looks for the entry that refers to it.
FOOTNOTE_REACH = 5
# Characters ignored when comparing a footnote's term with the text before a marker.
TERM_NOISE = re.compile(r"[\s“”‘’\"'「」『』《》〈〉]")

# Section headings: short standalone lines ("规划建设", "一、社会事业", "■ 城市建设") between
# entries. Numbering and bullets before the name are not part of it.
HEADING_PREFIX = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]\s*|[（(][一二三四五六七八九十]{1,3}[)）]\s*|[■□◆◇●○◎★☆]\s*)"
)
HEADING_MIN_CHARS, HEADING_MAX_CHARS = 2, 12
HEADING_MAX_RAW_CHARS = 2 * HEADING_MAX_CHARS + 6     # with numbering and layout spaces
# Anything sentence-like disqualifies a heading.
HEADING_FORBIDDEN = re.compile(r"[，。；：、！？!?,;:“”\"《》（）()【】▲△]|^\d")

# --- chronicles (大事记) ------------------------------------------------------------------
_CN_MONTH = "正一二三四五六七八九十"
MONTH_HEADING = re.compile(
    rf"^(?:(?P<year>\d{{4}})\s*年\s*)?(?P<month>\d{{1,2}}|十[一二]?|[{_CN_MONTH}])\s*月\s*(?:份)?$"
)
YEAR_HEADING = re.compile(r"^(?P<year>\d{4})\s*年$")
CN_MONTHS = {"正": 1, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9, "十": 10, "十一": 11, "十二": 12}
_DASH = r"[—–\-－~～至到、]+"
# "2日", "15—16日", "28日—3月2日", "9月16日", "16、18日" at the start of a line.
DAY_LINE = re.compile(
    rf"^(?:\d{{1,2}}\s*月\s*)?(?:\d{{1,2}}\s*(?:日\s*)?{_DASH}\s*(?:\d{{1,2}}\s*月\s*)?)?\d{{1,2}}\s*日"
)
# Part of a month: "上旬", "是月中旬", "月底".
XUN_LINE = re.compile(r"^(?:是月|本月|同月|当月)?(?:上旬|中旬|下旬|月初|月中|月底|月末)")
# The month as a whole: "是月，……", "本月……".
MONTH_LINE = re.compile(r"^(?:是月|本月|同月|当月|月内)")
# The same day as the line before: "△ ……", "同日，……".
SAME_DAY_MARK = re.compile(r"^[△]\s*")
SAME_DAY_WORDS = re.compile(r"^(?:同日|是日|当日|当天)")
# What separates a chronicle line's date from its text.
AFTER_DATE = re.compile(r"^[\s，,、：:．.]+")
# A chronicle event's title: its first clause, at most this long.
CLAUSE_END = re.compile(r"[，。；：！？,;!?]")
TITLE_MAX_CHARS = 30
TITLE_MIN_CHARS = 4
# A chronicle's own title line names its category: "2021年大事记" -> "大事记".
CHRONICLE_NAMES = ("大事记", "大事纪要", "大事年表", "纪事")

# --- the document's year -----------------------------------------------------------------
YEAR_MENTION = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
