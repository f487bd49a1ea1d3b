"""Vocabulary of document structure: layouts, headings, line marks, entries, footnotes,
cross-references, titles. Data only; the segmenters apply it. No date is written here:
whether a line opens with a date is for the resolver's grammar (timeline.dates.may_open)."""
from __future__ import annotations

import re

# --- yearbooks ---------------------------------------------------------------------------
TITLE_OPEN, TITLE_CLOSE = "【", "】"
# A title spanning more lines than this is a stray bracket, not an entry title.
MAX_TITLE_LINES = 4
# Brackets that annotate rather than title an entry: "【注】……", "【说明】以上据……整理". They
# say nothing of the layout (a chronicle with two of them is still a chronicle).
NOTE_TITLES = frozenset({"注", "注释", "附注", "说明", "备注", "附", "附记", "按", "编者按", "编后",
                         "资料来源", "来源", "撰稿", "撰稿人", "供稿"})
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

# --- layouts --------------------------------------------------------------------------------
# What ParsedDocument.layout says of a document (README "Layouts"):
#   yearbook   【title】 entries under section headings (年鉴);
#   chronicle  entries that open with a date: lines, bullets, numbered items or paragraphs,
#              under headings that set the year, month or day in force (大事记, 年表, 时间线);
#   prose      paragraphs in which each dated sentence is an event (校史, 志 text).
LAYOUTS = ("yearbook", "chronicle", "prose")
LAYOUT_MEANINGS = {
    "yearbook": "【title】 entries under section headings",
    "chronicle": "entries that open with a date, under headings that set the date in force",
    "prose": "paragraphs: one event per dated sentence",
}

# Where a document's year came from, in the order they are tried (ParsedDocument.year_from).
YEAR_SOURCES = {
    "given": "given with --year",
    "title": "from the title",
    "text": "from the headings and entries",
    "name": "from the file name",
}

# --- line shapes (chronicles and prose) ---------------------------------------------------
# Markdown headings ("## 2020年1月25日 初一"); the level is the number of "#".
MARKDOWN_HEADING = re.compile(r"^(?P<level>#{1,6})[ \t\u3000]*")
# Section numbering that makes a line a heading: "一、", "（一）", "第一阶段", "第二章".
SECTION_NUMBER = re.compile(
    r"^(?:[一二三四五六七八九十百]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]"
    r"|第[一二三四五六七八九十百0-9]{1,4}(?:章|节|部分|篇|编|卷|阶段))[ \t\u3000]*"
)
# List items: Markdown bullets (a space after), symbol bullets, numbered items "（1）",
# "1.", "1、", "①". A number followed by another digit is a date or a decimal, not an item.
LIST_ITEM = re.compile(
    r"^(?:[-*+][ \t\u3000]+|——?[ \t\u3000]*|[•●◆◇○◎■□★☆·][ \t\u3000]*|[（(][0-9]{1,3}[)）][ \t\u3000]*"
    r"|[0-9]{1,3}[.．、)）](?![0-9])[ \t\u3000]*|[①-⑳][ \t\u3000]*)"
)
# The same day as the entry before: "※ ……", "△ ……" (同日/是日/当日 are dates the resolver reads).
SAME_DAY_MARK = re.compile(r"^[※△][ \t\u3000]*")
# "▲ ……" in a chronicle continues the entry before (another item of the same date).
CONTINUATION_MARK = re.compile(r"^▲[ \t\u3000]*")
# A group marker on a line of its own ("【中国】", "【武汉-湖北】"): it groups the items
# under it and is not an entry.
GROUP_MARKER = re.compile(r"^【(?P<name>\s*[^【】\s][^【】]{0,23})】$")
# A bracketed head before the text of its line: "【1月2日】市委……" is an entry dated in its
# brackets (a yearbook's "【概况】2020年……" is a title: its brackets hold no date).
BRACKET_HEAD = re.compile(r"^【(?=[^【】]{1,24}】.)")
BRACKET_CLOSE = "】"
# Inline markup left in text copied from Markdown or web pages: links keep their text,
# emphasis marks and line-break tags go.
LINK = re.compile(r"\[(?P<text>[^\[\]\n]*)\]\([^()\s]*\)")
EMPHASIS = re.compile(r"\*\*|__|<br\s*/?>|</?(?:b|strong|em|i)>", re.I)

# A heading line is short and no sentence: no sentence punctuation inside it.
HEADING_TEXT_MAX_CHARS = 40
SENTENCE_PUNCTUATION = re.compile(r"[，。；！？,;!?]")
# After a date heading's date, only a gloss may follow: something in brackets, a few
# characters ("初一", "星期六") when the date is complete, or a chronicle's name.
HEADING_GLOSS_MAX_CHARS = 3
BRACKETED = re.compile(r"[（(][^（）()]*[)）]|〔[^〔〕]*〕|\[[^\[\]]*\]")
# A chronicle event's title: its first clause, at most this long.
# An ASCII "." ends one (a web page typed with ASCII punctuation), not after a Latin letter
# or digit ("1.6", "Ltd.").
CLAUSE_END = re.compile(r"[，。；：！？,;!?\n]|(?<![0-9A-Za-z.])\.")    # (a paragraph's end too)
TITLE_MAX_CHARS = 30
TITLE_MIN_CHARS = 3
# A chronicle's own title line names its category: "2021年大事记" -> "大事记".
CHRONICLE_NAMES = ("大事记", "大事纪要", "大事年表", "纪事", "大事纪", "年表", "时间线")
# A breadcrumb ("首页 > 政务公开 > 大事记") names a chronicle but is no title.
BREADCRUMB = re.compile(r"[>＞»›]")
# Characters a date may be written between in a title or heading line ("——2019年大事记——",
# "【1月】").
TITLE_DECORATION = " \t\u3000-—–·•*#=_~【】"

# --- layout detection ----------------------------------------------------------------------
# Text wrapped at a fixed width (PDF) has many lines of the same width; text with one
# paragraph per line (web pages, Markdown, Word) does not. Wrapped when at least this share
# of the lines of some length are within one cell of the commonest width.
WRAP_MIN_LINE_CHARS = 8
WRAP_SHARE = 0.3
# A chronicle's entries open with dates of one grain; a line opening with only a year in a
# chronicle of days or months is a statistic inside an entry ("2018年，全市有……"), unless
# at least this share of its dated lines open with a year alone (a year-by-year 年表).
YEAR_GRAIN_SHARE = 0.3
YEAR_GRAIN_SAMPLE = 200          # dated lines read to tell
# Prose: paragraphs hold several dated sentences. At least this many dated sentences after
# the first per paragraph make a document prose rather than a chronicle of paragraphs.
PROSE_INNER_DATES_PER_PARAGRAPH = 0.5
# How many paragraphs the prose test reads (enough to decide; bounded for long documents).
PROSE_SAMPLE_PARAGRAPHS = 300
# Sentence ends in prose; a clause ends at a comma as well.
SENTENCE_END = "。！？!?；;"
# A line ending in one of these stops inside a sentence: the next line carries it on.
RUN_ON_ENDS = ("，", "、")
CLAUSE_BREAK = "，,、：:"
# Words between an entry's date and its text that say when, not what: they are not part of
# its title ("1月23日起，……", "下午，……" under a day heading). Parts of the day come from
# the resolver's table (timeline.dates.tables.PART_OF_DAY).
LEADING_TIME_WORDS = ("起", "开始", "以来", "前后", "左右", "许", "期间", "间", "晚些时候", "前夕")
# Those that are time words even run on into the text ("10日起全县……", a layout space lost).
RUN_ON_TIME_WORDS = ("起",)
# What ties a date standing inside a clause to it ("学校于1938年迁往……"): left out of titles.
DATE_PREPOSITIONS = "于在自从"
# A lead this short before a date that closes its clause says only when ("进入九十年代，",
# "到了1958年，"): left out of titles too.
TIME_LEAD_MAX_CHARS = 2
# A chronology runs into the next year when a date without its year falls this many days
# or more before the entry before it ("1月2日" after "12月31日").
ROLL_OVER_DAYS = 180
# An event's range runs on to a later day its text ends it on: "……开幕，次日闭幕", "……至25日
# 结束", "……至3月2日止". The end word follows that day's mention within a few characters
# ("次日胜利闭幕"); a day this far after the start at most.
END_WORDS = ("闭幕", "结束", "落幕", "闭会", "收官", "散会", "落下帷幕", "止")
END_WORD_REACH = 4
EXTEND_MAX_DAYS = 31
# A day written without its month that the context put before the start ("30日 ……开幕，2日
# 闭幕") is in the next month (a date without its year, in the next year) when that ends
# the event at most this many days on; further, it is no end of this event.
EXTEND_ROLLED_MAX_DAYS = 15
# "至25日" alone ends the range too; "截至25日" does not (a figure's date: as of the 25th).
RANGE_TO = ("至", "到")
AS_OF = ("截至", "截止")
# A month or 旬 with its year ("至2022年2月底结束") ends an event up to this many days on.
EXTEND_COARSE_MAX_DAYS = 366
# A yearbook's chronicle chapter (大事记): a stretch without 【titles】 that opens at a
# heading naming a chronicle or a date heading, with at least this many date headings and
# dated line starts.
CHAPTER_MIN_HEADINGS = 1
# A 【title】 followed by at least this much text is a yearbook entry's, not page furniture.
ENTRY_TEXT_MIN_CHARS = 10
# A chronicle with this many such titles (or two and a 【概况】) may be a yearbook excerpt
# whose 大事记 chapter outweighs its entries.
EXCERPT_MIN_TITLES = 4
CHAPTER_MIN_ENTRIES = 3
