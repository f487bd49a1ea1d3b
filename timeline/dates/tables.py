"""Vocabulary of Chinese date expressions: data only, no logic.

The grammar (grammar.py) builds its regex alternatives from these tables and the resolver
(resolver.py) reads the values, so a new connector, festival or era is one line here.
"""
from __future__ import annotations

from .span import PartOfDay

# Layout noise PDF extraction leaves inside dates: spaces, ideographic spaces, line breaks.
LAYOUT_SPACE = " \t\r\n\u3000\u00a0"

# Range connectors, longest first so "——" wins over "—".
RANGE_CONNECTORS = ("——", "--", "—", "–", "－", "-", "~", "～", "〜", "至", "到")

# Separators of a list of days ("9 月 16 日、18 日", "16、17 日").
LIST_SEPARATORS = ("、", "，", ",")

# ---------------------------------------------------------------- numerals
FULLWIDTH_DIGITS = "０１２３４５６７８９"
CHINESE_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
CHINESE_UNITS = {"十": 10, "廿": 20, "卅": 30, "百": 100, "千": 1000}

# ---------------------------------------------------------------- periods
# Thirds of a month (precision xun): first and last day; None = the month's last day.
XUN = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, None)}

# Words for the start/middle/end of a month, after "N 月" or alone: xun-aligned on purpose,
# so "9 月底" and "9 月下旬" give the same span (precision xun).
MONTH_BOUNDS = {
    "月初": (1, 10), "初": (1, 10),
    "月中": (11, 20), "中": (11, 20),
    "月底": (21, None), "底": (21, None), "月末": (21, None), "末": (21, None),
}

# Words for the start/middle/end of a year (after "2020 年" or alone): month ranges,
# precision month. 年初 = January, 年中 = June-July, 年底/年末/年终 = December.
# "9 月 1 日至年底" is a range to 31 December (precision day); "至年底" alone is December:
# the open start it implies is not a date this mention can give.
YEAR_BOUNDS = {
    "初": (1, 1), "伊始": (1, 1), "中": (6, 7), "底": (12, 12), "末": (12, 12), "终": (12, 12),
}

# Quarter ordinals; the span is months 3q-2 .. 3q, precision quarter.
QUARTER_WORDS = {"一": 1, "1": 1, "１": 1, "首": 1, "二": 2, "2": 2, "２": 2,
                 "三": 3, "3": 3, "３": 3, "四": 4, "4": 4, "４": 4}

# Halves of a year, precision half: (first month, last month).
HALVES = {"上半年": (1, 6), "前半年": (1, 6), "下半年": (7, 12), "后半年": (7, 12)}

# ---------------------------------------------------------------- relative words
# Anchor "previous": the previous mention in the text, else year/month/reference.
# Anchor "reference": the reference date (or year/month), i.e. "now" of the document.
RELATIVE_YEARS = {
    "是年": ("previous", 0), "当年": ("previous", 0), "同年": ("previous", 0),
    "次年": ("previous", 1), "翌年": ("previous", 1), "第二年": ("previous", 1),
    "上年": ("previous", -1), "前一年": ("previous", -1), "上一年": ("previous", -1),
    "这一年": ("reference", 0),
    "今年": ("reference", 0), "本年": ("reference", 0), "本年度": ("reference", 0),
    "去年": ("reference", -1), "明年": ("reference", 1),
    "前年": ("reference", -2), "后年": ("reference", 2),
}
RELATIVE_MONTHS = {
    "是月": ("previous", 0), "当月": ("previous", 0), "同月": ("previous", 0),
    "次月": ("previous", 1), "翌月": ("previous", 1),
    "本月": ("reference", 0), "上月": ("reference", -1), "下月": ("reference", 1),
    "上个月": ("reference", -1), "下个月": ("reference", 1), "上一个月": ("reference", -1),
    "下一个月": ("reference", 1), "这个月": ("reference", 0), "上上个月": ("reference", -2),
}
RELATIVE_DAYS = {
    "同日": ("previous", 0), "当日": ("previous", 0), "当天": ("previous", 0),
    "是日": ("previous", 0), "同一天": ("previous", 0),
    "次日": ("previous", 1), "翌日": ("previous", 1), "第二天": ("previous", 1),
    "前一天": ("previous", -1), "前一日": ("previous", -1),
    "今天": ("reference", 0), "今日": ("reference", 0), "本日": ("reference", 0),
    "明天": ("reference", 1), "明日": ("reference", 1), "昨天": ("reference", -1),
    "昨日": ("reference", -1), "后天": ("reference", 2), "後天": ("reference", 2),
    "前天": ("reference", -2), "大后天": ("reference", 3), "大前天": ("reference", -3),
    "大大后天": ("reference", 4),
}
# A day and a part of it in one word: word -> (day word above, part-of-day word below).
RELATIVE_DAY_PARTS = {
    "昨晚": ("昨天", "晚上"), "今晚": ("今天", "晚上"), "明晚": ("明天", "晚上"),
    "今晨": ("今天", "清晨"), "今早": ("今天", "早上"), "明早": ("明天", "早上"),
    "当晚": ("当天", "晚上"), "是晚": ("当天", "晚上"),
}
# What makes a relative day word part of a name: "光明日报", "今日头条", "明日之后".
RELATIVE_DAY_NOT_BEFORE = ("报", "头条", "之后", "之星")
# "前一天" counts back from the previous mention's first day; the others from its last day
# ("9 月 16—17 日……次日" is the 18th).
COUNT_FROM_START = frozenset({"前一天", "前一日"})

# ---------------------------------------------------------------- part of day
# word -> (PartOfDay, how a 12-hour clock reading maps to 24 hours).
#   "as_is": 上午 9 时 = 09:00; "pm": 下午 3 时 = 15:00 (12 stays 12);
#   "noon": 中午 12 时 = 12:00, 中午 1 时 = 13:00; "evening": 晚上 5 点 = 17:00, 晚上 12 点 =
#   00:00 of the next day; "night": 夜里 9 点 = 21:00, 夜里 2 点 = 02:00.
PART_OF_DAY = {
    "凌晨": (PartOfDay.NIGHT, "as_is"),
    "清晨": (PartOfDay.MORNING, "as_is"),
    "早晨": (PartOfDay.MORNING, "as_is"),
    "早上": (PartOfDay.MORNING, "as_is"),
    "早间": (PartOfDay.MORNING, "as_is"),
    "上午": (PartOfDay.MORNING, "as_is"),
    "中午": (PartOfDay.NOON, "noon"),
    "午间": (PartOfDay.NOON, "noon"),
    "下午": (PartOfDay.AFTERNOON, "pm"),
    "午后": (PartOfDay.AFTERNOON, "pm"),
    "傍晚": (PartOfDay.EVENING, "pm"),
    "晚上": (PartOfDay.EVENING, "evening"),
    "晚间": (PartOfDay.EVENING, "evening"),
    "夜间": (PartOfDay.NIGHT, "night"),
    "夜里": (PartOfDay.NIGHT, "night"),
    "深夜": (PartOfDay.NIGHT, "night"),
    "半夜": (PartOfDay.NIGHT, "night"),
    "晚": (PartOfDay.EVENING, "evening"),
}
# A clock time without a part-of-day word still says which part it is in:
# (first hour, part), in order. 05-12 morning, 12-13 noon, 13-18 afternoon, 18-22 evening.
CLOCK_WINDOWS = (
    (0, PartOfDay.NIGHT), (5, PartOfDay.MORNING), (12, PartOfDay.NOON),
    (13, PartOfDay.AFTERNOON), (18, PartOfDay.EVENING), (22, PartOfDay.NIGHT),
)
# Clock fractions after "N 点/时".
CLOCK_FRACTIONS = {"半": 30, "一刻": 15, "1刻": 15, "三刻": 45, "3刻": 45}

# ---------------------------------------------------------------- festivals
# Gregorian fixed-date holidays: name -> (month, day).
SOLAR_FESTIVALS = {
    "元旦": (1, 1), "妇女节": (3, 8), "三八妇女节": (3, 8), "植树节": (3, 12),
    "劳动节": (5, 1), "五一劳动节": (5, 1), "五一国际劳动节": (5, 1), "青年节": (5, 4),
    "五四青年节": (5, 4), "儿童节": (6, 1), "六一儿童节": (6, 1), "建党节": (7, 1),
    "建军节": (8, 1), "八一建军节": (8, 1), "教师节": (9, 10), "国庆节": (10, 1),
    "国庆": (10, 1),
}
# Lunar fixed-date festivals: name -> (lunar month, lunar day).
LUNAR_FESTIVALS = {
    "春节": (1, 1), "元宵节": (1, 15), "元宵": (1, 15), "端午节": (5, 5), "端午": (5, 5),
    "七夕节": (7, 7), "七夕": (7, 7), "中元节": (7, 15), "中秋节": (8, 15), "中秋": (8, 15),
    "重阳节": (9, 9), "重阳": (9, 9), "腊八节": (12, 8), "腊八": (12, 8),
}
# The last day of the 12th lunar month (29 or 30), the eve of the context year's 春节.
NEW_YEARS_EVE = ("除夕", "大年三十")
# Festivals fixed by a solar term: name -> lunar_python's term name.
SOLAR_TERM_FESTIVALS = {"清明节": "清明", "冬至节": "冬至"}

# ---------------------------------------------------------------- lunar calendar
LUNAR_MARKERS = ("农历", "阴历", "旧历")
# Month names only the lunar calendar uses.
LUNAR_MONTH_NAMES = {"正月": 1, "冬月": 11, "腊月": 12}
# Lunar days 1-10 are written 初一..初十.
LUNAR_DAY_PREFIX = "初"

# ---------------------------------------------------------------- era years
# Era -> (Gregorian year of its 元年, last year number or None when open-ended, calendar of
# its months). Qing reigns count lunar years and chronicles give their months and days in
# the lunar calendar; the Republic adopted the Gregorian calendar in 1912.
ERAS = {
    "民国": (1912, None, "gregorian"),
    "中华民国": (1912, None, "gregorian"),
    "顺治": (1644, 18, "lunar"),
    "康熙": (1662, 61, "lunar"),
    "雍正": (1723, 13, "lunar"),
    "乾隆": (1736, 60, "lunar"),
    "嘉庆": (1796, 25, "lunar"),
    "道光": (1821, 30, "lunar"),
    "咸丰": (1851, 11, "lunar"),
    "同治": (1862, 13, "lunar"),
    "光绪": (1875, 34, "lunar"),
    "宣统": (1909, 3, "lunar"),
}
FIRST_YEAR_WORD = "元"

# ---------------------------------------------------------------- not dates
# Words after "N 日" that make it a duration ("60 日内", "30 日以来"), not a date.
DAY_DURATION_SUFFIXES = ("内", "以内", "之内", "以来", "之后", "以后")
# Unit words after "YYYY.MM" that make it a decimal number ("2020.10 万元"), not a date.
DECIMAL_UNIT_CHARS = "万亿千百%‰元吨米个人家台件项次倍户"
