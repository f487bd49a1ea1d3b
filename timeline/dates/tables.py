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
XUN = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, None), "上中旬": (1, 20), "中下旬": (11, None)}
# Halves of a month: days (first, last; None = the month's last day), a range of days.
HALF_MONTHS = {"上半月": (1, 15), "下半月": (16, None)}

# Words for the start/middle/end of a month, after "N 月" or alone: xun-aligned on purpose,
# so "9 月底" and "9 月下旬" give the same span (precision xun).
MONTH_BOUNDS = {
    "月初": (1, 10), "初": (1, 10),
    "月中": (11, 20), "中": (11, 20),
    "月底": (21, None), "底": (21, None), "月末": (21, None), "末": (21, None),
}

# Words for the start/middle/end of a year (after "2020 年" or alone): month ranges,
# precision month. 年初 = January-February: the opening of a year in China runs to the
# Spring Festival and the local congresses (两会), which fall in January or February, so a
# yearbook's "年初" is as often February; 伊始 ("at the very start") is January. 年中 =
# June-July. 年底/年末/年终 = December, the statistical year-end ("截至2020年底" counts to 31
# December; JioNLP's November-December would spread a yearbook's year-end over two months).
# A month's 月初/月底 are its 旬 (above). "9 月 1 日至年底" is a range to 31 December
# (precision day); "至年底" alone is December: the open start it implies is not a date this
# mention can give.
YEAR_BOUNDS = {
    "初": (1, 2), "伊始": (1, 1), "中": (6, 7), "底": (12, 12), "末": (12, 12), "终": (12, 12),
}

# Quarter ordinals; the span is months 3q-2 .. 3q, precision quarter.
QUARTER_WORDS = {"一": 1, "1": 1, "１": 1, "首": 1, "二": 2, "2": 2, "２": 2,
                 "三": 3, "3": 3, "３": 3, "四": 4, "4": 4, "４": 4}

# Halves of a year, precision half: (first month, last month).
HALVES = {"上半年": (1, 6), "前半年": (1, 6), "下半年": (7, 12), "后半年": (7, 12)}

# Seasons, precision season: the first of their three months. China's statistical convention
# (3-5 spring, 6-8 summer, 9-11 autumn, 12-2 winter), so "2020 年冬" is December 2020 to
# February 2021: a season, like "岁末年初", may cross a year end.
SEASONS = {"春": 3, "夏": 6, "秋": 9, "冬": 12}
# Two neighbouring seasons named together ("夏秋两季", "2021年秋冬"): their six months, month
# precision; "之交" (their turn: "春夏之交") the last month of the first and the first of the
# second. "春秋" is no such pair: it names an era and a calendar of history.
SEASON_PAIRS = {"春夏": 3, "夏秋": 6, "秋冬": 9, "冬春": 12}
SEASON_TURN = "之交"
# What may stand right before a season word written alone ("。冬，……"): a break.
SEASON_BARE_AFTER = "，。；：,;:（(“\"「▲△※●◆·•-"
# Five-year plans: number -> first of its five calendar years ("十三五" = 2016-2020). The
# readjustment years 1963-1965 belong to no plan, so the third began in 1966.
FIVE_YEAR_PLANS = {1: 1953, 2: 1958, **{n: 1966 + 5 * (n - 3) for n in range(3, 21)}}
# Parts of a decade, as years from its start (80年代初 = 1980-1982); parts of a century, as
# years from its first year. A century holds the years of its ten decades: 20世纪 =
# 1900-1999, as "20世纪80年代" is 1980-1989 and "20世纪00年代" 1900-1909, and as the years
# are said (21世纪初 = 2000-2009, "the early 2000s"), though the strict count from year 1
# would make it 1901-2000. The first word of a span is the one labels write.
# "岁末年初": the turn of a year, December to the next January (precision month).
YEAR_TURNS = {"岁末年初": (12, 13), "年末岁初": (12, 13), "年终岁首": (12, 13), "岁末岁初": (12, 13)}
# The words after a plan's number: which of its five years they mean (0 = the first).
PLAN_PARTS = {
    "时期": (0, 4), "期间": (0, 4), "期": (0, 4), "规划期": (0, 4), "规划期间": (0, 4),
    "开局之年": (0, 0), "开局年": (0, 0), "首年": (0, 0), "第一年": (0, 0), "起步之年": (0, 0),
    "收官之年": (4, 4), "收官年": (4, 4), "最后一年": (4, 4), "末期": (4, 4), "末": (4, 4),
    "初期": (0, 0), "初": (0, 0), "中期": (2, 2),
}
# 上世纪 = the century before the document's (its year, else the reference's).
CENTURY_RELATIVE = {"上": -1, "上个": -1, "本": 0, "这个": 0, "下": 1, "下个": 1}
DECADE_PARTS = {"初": (0, 2), "初期": (0, 2), "前期": (0, 2), "中期": (3, 6), "中": (3, 6), "末": (7, 9),
                "末期": (7, 9), "后期": (7, 9)}
CENTURY_PARTS = {"初": (0, 9), "初期": (0, 9), "中叶": (40, 59), "中期": (40, 59),
                 "末": (90, 99), "末期": (90, 99)}

# ---------------------------------------------------------------- weeks
WEEK_WORDS = ("星期", "礼拜", "周", "週", "禮拜")
# Weekday after a week word -> ISO weekday (1 = Monday); 末 is the weekend (6-7).
WEEKDAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "末": 6,
            "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7}
# What may follow a bare "周三" (a name like 周一鸣 goes on with other characters).
AFTER_WEEKDAY = "上中下晚早凌傍夜午至到和及、起前后当召举开闭在进全正"
# Weeks from the anchor's week (the previous mention's day, else the reference).
WEEK_RELATIVE = {"本": 0, "这": 0, "这个": 0, "今": 0, "下": 1, "下个": 1, "下一个": 1,
                 "下一": 1, "上": -1, "上个": -1, "上一个": -1, "上一": -1, "下下": 2, "下下个": 2, "上上": -2,
                 "上上个": -2, "下下下": 3, "這": 0, "這個": 0, "下個": 1, "上個": -1,
                 "上上個": -2, "下下個": 2}

# ---------------------------------------------------------------- parts counted by number
# "第 N 周" of a year or month is its N-th week that starts on a Monday inside it; "前 N 周"
# the first N such weeks, "最后 N 周" the last N that end inside it. Months count from
# January, days from the first day.
ORDINAL_KINDS = {"第": "nth", "前": "first", "头": "first", "最后": "last", "最後": "last",
                 "后": "last"}
ORDINAL_UNITS = {"周": "week", "週": "week", "星期": "week", "礼拜": "week", "禮拜": "week",
                 "月": "month", "天": "day", "日": "day"}
# Quarters counted from the reference's quarter: "上季度", "本季度", "下下个季度".
RELATIVE_QUARTERS = {"本": 0, "这个": 0, "这": 0, "当": 0, "上": -1, "上个": -1, "上一个": -1,
                     "下": 1, "下个": 1, "下一个": 1, "下下个": 2, "上上个": -2}

# ---------------------------------------------------------------- offsets
# "3 日后", "两个月后", "三年以后": unit -> (what it counts, how many of it). Counted from the
# previous mention (else the reference): days from its last day, months and years from its
# month or year, at that precision.
OFFSET_UNITS = {"天": ("day", 1), "日": ("day", 1), "周": ("day", 7), "个周": ("day", 7),
                "星期": ("day", 7), "个星期": ("day", 7), "礼拜": ("day", 7), "个礼拜": ("day", 7),
                "个月": ("month", 1), "个季度": ("month", 3), "季度": ("month", 3),
                "年": ("year", 1)}
OFFSET_DIRECTIONS = {"后": 1, "以后": 1, "之后": 1, "过后": 1, "前": -1, "以前": -1, "之前": -1}

# ---------------------------------------------------------------- open-ended ranges
# "自 2020 年 9 月 1 日起", "2019 年以来": the known bound is the start, the end is open.
OPEN_END_BEFORE = ("自从", "自", "从", "由", "始于")
OPEN_END_AFTER = ("起", "以来", "开始", "以后", "之后", "后", "至今", "以来至今", "迄今", "到现在")
# "截至 2020 年底", "2021 年前", "……之前": the known bound is the end, the start is open.
OPEN_START_BEFORE = ("截至", "截止到", "截止至", "截止于", "截止", "直到", "直至")
OPEN_START_AFTER = ("止", "为止", "以前", "之前", "前")

# ---------------------------------------------------------------- relative words
# Anchor "previous": the previous mention in the text, else year/month/reference.
# Anchor "reference": the reference date (or year/month), i.e. "now" of the document.
RELATIVE_YEARS = {
    "是年": ("previous", 0), "是岁": ("previous", 0), "当年": ("previous", 0), "同年": ("previous", 0),
    "全年": ("previous", 0), "年内": ("previous", 0),
    "次年": ("previous", 1), "翌年": ("previous", 1), "第二年": ("previous", 1),
    "上年": ("previous", -1), "前一年": ("previous", -1), "上一年": ("previous", -1),
    "这一年": ("reference", 0),
    "今年": ("reference", 0), "本年": ("reference", 0), "本年度": ("reference", 0),
    "去年": ("reference", -1), "明年": ("reference", 1),
    "前年": ("reference", -2), "后年": ("reference", 2),
    "大前年": ("reference", -3), "大后年": ("reference", 3),
}
# Gazetteers write "是秋" for 是年秋 (a season of the year in force, opening a clause).
YEAR_REL_ALIASES = {"是": "是年"}
RELATIVE_MONTHS = {
    "是月": ("previous", 0), "当月": ("previous", 0), "同月": ("previous", 0), "月内": ("previous", 0),
    "次月": ("previous", 1), "翌月": ("previous", 1),
    "本月": ("reference", 0), "上月": ("reference", -1), "下月": ("reference", 1),
    "上个月": ("reference", -1), "下个月": ("reference", 1), "上一个月": ("reference", -1),
    "下一个月": ("reference", 1), "这个月": ("reference", 0), "上上个月": ("reference", -2),
}
RELATIVE_DAYS = {
    "同日": ("previous", 0), "当日": ("previous", 0), "当天": ("previous", 0),
    "是日": ("previous", 0), "同一天": ("previous", 0), "全天": ("previous", 0),
    "次日": ("previous", 1), "翌日": ("previous", 1), "第二天": ("previous", 1),
    "前一天": ("previous", -1), "前一日": ("previous", -1),
    "今天": ("reference", 0), "今日": ("reference", 0), "本日": ("reference", 0),
    "即日": ("reference", 0),
    "明天": ("reference", 1), "明日": ("reference", 1), "昨天": ("reference", -1),
    "昨日": ("reference", -1), "后天": ("reference", 2), "後天": ("reference", 2),
    "前天": ("reference", -2), "大后天": ("reference", 3), "大前天": ("reference", -3),
    "大大后天": ("reference", 4),
}
# A day and a part of it in one word: word -> (day word above, part-of-day word below).
RELATIVE_DAY_PARTS = {
    "昨晚": ("昨天", "晚上"), "今晚": ("今天", "晚上"), "明晚": ("明天", "晚上"),
    "今晨": ("今天", "清晨"), "今早": ("今天", "早上"), "明早": ("明天", "早上"),
    "当晚": ("当天", "晚上"), "是晚": ("当天", "晚上"), "当夜": ("当天", "夜里"),
    "是夜": ("当天", "夜里"), "次日晚": ("次日", "晚上"), "翌日晚": ("翌日", "晚上"),
    "次晨": ("次日", "清晨"), "翌晨": ("翌日", "清晨"),
}
# What makes a relative day word part of a name: "光明日报", "今日头条", "明日之后"; and
# what makes one word part of another: "全天候" (all-weather), "全天然", "全天下".
# Relative words that after a count are a duration: "三年内", "两个月内", "10年内".
DURATION_AFTER_COUNT = ("年内", "月内")
COUNT_CHARS = "0-9０-９零〇一二两三四五六七八九十百千万多几余个近"
RELATIVE_DAY_NOT_BEFORE = ("报", "头条", "之后", "之星")
RELATIVE_DAY_WORD_NOT_BEFORE = {"全天": "候然下"}
# "全天": all of a day; after a day ("9月16日全天") it is part of that mention.
WHOLE_DAY = "全天"
# Two neighbouring relative years or days with their count: "今明两年" (this year and
# next), "明后两天", "去今两年"; without the count only where it is still unmistakable
# ("明后天", "今明年"; "前去" is "to go to"). Each pair is a range from the first to the second.
_PAIR_YEARS = ("去年", "今年", "明年", "后年")
_PAIR_DAYS = ("昨天", "今天", "明天", "后天")
RELATIVE_PAIRS = {
    f"{a[0]}{b[0]}{count}{unit}": (a, b)
    for words, units in ((_PAIR_YEARS, ("年",)), (_PAIR_DAYS, ("天", "日")))
    for a, b in zip(words, words[1:])
    for unit in units for count in ("两", "二", *([""] if a in ("今年", "明年", "明天") else []))
}
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
    "夜": (PartOfDay.NIGHT, "night"),
}
# How labels name a part of the day.
PART_OF_DAY_NAMES = {
    PartOfDay.MORNING: "上午", PartOfDay.NOON: "中午", PartOfDay.AFTERNOON: "下午",
    PartOfDay.EVENING: "晚上", PartOfDay.NIGHT: "夜间",
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
# Short names of holidays, read only in quotes or before a holiday word
# (SHORT_FESTIVAL_CUES): "五一路", "十一月", "十一五" are none.
SHORT_FESTIVALS = {"五一": (5, 1), "十一": (10, 1), "三八": (3, 8), "五四": (5, 4), "六一": (6, 1),
                   "七一": (7, 1), "八一": (8, 1)}
# Gregorian fixed-date holidays: name -> (month, day).
SOLAR_FESTIVALS = {
    "元旦": (1, 1), "妇女节": (3, 8), "三八妇女节": (3, 8), "植树节": (3, 12),
    "劳动节": (5, 1), "五一劳动节": (5, 1), "五一国际劳动节": (5, 1), "青年节": (5, 4),
    "五四青年节": (5, 4), "儿童节": (6, 1), "六一儿童节": (6, 1), "建党节": (7, 1),
    "建军节": (8, 1), "八一建军节": (8, 1), "教师节": (9, 10), "国庆节": (10, 1),
    "国庆": (10, 1),
    **SHORT_FESTIVALS,
}
SHORT_FESTIVAL_CUES = ("”", "\"", "」", "’", "小长假", "长假", "黄金周", "假期", "期间", "前夕", "当天", "当日",
                       "节日期间")
# Lunar fixed-date festivals: name -> (lunar month, lunar day).
LUNAR_FESTIVALS = {
    "春节": (1, 1), "元宵节": (1, 15), "元宵": (1, 15), "端午节": (5, 5), "端午": (5, 5),
    "七夕节": (7, 7), "七夕": (7, 7), "中元节": (7, 15), "中秋节": (8, 15), "中秋": (8, 15),
    "重阳节": (9, 9), "重阳": (9, 9), "腊八节": (12, 8), "腊八": (12, 8),
}
# The last day of the 12th lunar month (29 or 30), the eve of the context year's 春节.
NEW_YEARS_EVE = ("除夕", "大年三十")
# Festivals on the N-th weekday of a month: name -> (month, N, ISO weekday).
WEEKDAY_FESTIVALS = {"母亲节": (5, 2, 7), "父亲节": (6, 3, 7), "感恩节": (11, 4, 4)}
# School holidays as yearbooks date them (months): 寒假 January-February, 暑假 July-August.
SCHOOL_HOLIDAYS = {"寒假": (1, 2), "暑假": (7, 8)}
# A school year (学年) "2020—2021学年" runs from September of its first year to August of
# its second; its terms: the first (上) September to January, the second (下) February to July.
SCHOOL_YEAR_MONTHS = (9, 8)
SCHOOL_TERMS = {"一": (9, 1), "1": (9, 1), "上": (9, 1), "二": (2, 7), "2": (2, 7), "下": (2, 7)}
# Festivals fixed by a solar term: name -> lunar_python's term name.
SOLAR_TERM_FESTIVALS = {"清明节": "清明", "冬至节": "冬至"}

# All 24 solar terms (lunar_python's names; 清明 and 冬至 above as festivals too). The day
# is computed for the year, never taken from a table of fixed days.
SOLAR_TERMS = ("立春", "雨水", "惊蛰", "春分", "清明", "谷雨", "立夏", "小满", "芒种", "夏至",
               "小暑", "大暑", "立秋", "处暑", "白露", "秋分", "寒露", "霜降", "立冬", "小雪",
               "大雪", "冬至", "小寒", "大寒")
# Terms that are also common words (雨水 "rain water", 大雪 "heavy snow", 清明 "clean
# government"): a date only after a year or before one of these words.
AMBIGUOUS_SOLAR_TERMS = frozenset({"雨水", "大雪", "小雪", "清明", "小满", "大暑", "白露", "谷雨"})
SOLAR_TERM_CUES = ("节气", "当天", "当日", "这天", "这一天", "那天", "日", "时节", "前后", "期间")

# ---------------------------------------------------------------- lunar calendar
LUNAR_MARKERS = ("农历", "阴历", "旧历")
# Month names only the lunar calendar uses.
LUNAR_MONTH_NAMES = {"正月": 1, "冬月": 11, "腊月": 12}
# How a label writes lunar month n ("农历正月", "农历七月", "农历腊月").
LUNAR_MONTH_WORDS = ("", "正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊")
# Month words that are not numbers: 元月 is January (a Gregorian month, unlike 正月).
MONTH_WORDS = {"元": 1}
# Lunar days 1-10 are written 初一..初十. A day in Chinese numerals with no 日 after a month
# ("八月十五", "五月廿二") is read as lunar unless a Gregorian year is written with it: that is
# how lunar dates are written, while Gregorian ones carry 日 or 号 ("九月十六日").
LUNAR_DAY_PREFIX = "初"

# ---------------------------------------------------------------- era years
# Era -> (Gregorian year of its 元年, last year number or None when open-ended, calendar of
# its months). Qing reigns count lunar years and chronicles give their months and days in
# the lunar calendar; the Republic adopted the Gregorian calendar in 1912.
ERAS = {
    # Ming reigns (the years of each reign's 元年 and its length, as the standard tables give them)
    "洪武": (1368, 31, "lunar"),
    "建文": (1399, 4, "lunar"),
    "永乐": (1403, 22, "lunar"),
    "洪熙": (1425, 1, "lunar"),
    "宣德": (1426, 10, "lunar"),
    "正统": (1436, 14, "lunar"),
    "景泰": (1450, 8, "lunar"),
    "天顺": (1457, 8, "lunar"),
    "成化": (1465, 23, "lunar"),
    "弘治": (1488, 18, "lunar"),
    "正德": (1506, 16, "lunar"),
    "嘉靖": (1522, 45, "lunar"),
    "隆庆": (1567, 6, "lunar"),
    "万历": (1573, 48, "lunar"),
    "泰昌": (1620, 1, "lunar"),
    "天启": (1621, 7, "lunar"),
    "崇祯": (1628, 17, "lunar"),
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
# What may stand before a reign name: "清康熙十三年", "大清光绪三十年", "明洪武二年".
DYNASTY_PREFIXES = ("清", "大清", "前清", "清朝", "清代", "明", "大明", "明朝", "明代")
# After a reign's name, its whole reign: "嘉庆年间" = 1796-1820 (a reign with a known end).
REIGN_SPAN = "年间"
# Markers that a date is Gregorian, even where the context is lunar ("公历 3 月 3 日").
GREGORIAN_MARKERS = ("公历", "阳历", "新历", "西历", "公元")

# ---------------------------------------------------------------- sexagenary cycle
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
# Double-hours (时辰): branch -> the hour it starts. 子时 is 23:00-01:00 and begins the
# traditional day, so the 子时 of a day starts at 23:00 on the day before; each other
# double-hour is two hours from its start. 初 is its first hour, 正 its second ("子正" =
# 00:00); 时 the whole double-hour.
SHICHEN = {b: (23 + 2 * i) % 24 for i, b in enumerate(EARTHLY_BRANCHES)}
SHICHEN_MARKS = {"时": (0, 2), "初": (0, 1), "正": (1, 2)}

# ---------------------------------------------------------------- not dates
# A date right after these is a rule that recurs, no event's date: "每年9月1日开学",
# "每月15日发放", "每逢春节" (an event list has one date per event).
RECURRING_BEFORE = ("每年", "每年的", "每月", "每月的", "每逢", "每到", "每至")
# What follows "N 号" in a numbered thing, not a day: "地铁 1—3 号线", "7 至 9 号楼".
NUMBERED_THINGS = "线楼院机房室栋座车道位门口井台箱馆厅舍街路巷弄村组床柜窗"
# What follows a festival's name in a product, a topic or an event's name, not a day:
# "中秋月饼", "春节文艺晚会".
FESTIVAL_NOT_BEFORE = ("月饼", "礼盒", "粽子", "汤圆", "礼品", "特产", "商品", "产品", "套餐",
                       "档期", "主题", "文化", "习俗", "元素", "食品", "饮食",
                       # a named event ("春节文艺晚会") is held about then, not on the day
                       "文艺晚会", "联欢晚会", "晚会", "联欢会", "团拜会", "游园会", "特别节目")
# Words after "N 日" that make it a duration ("60 日内", "30 日以来"), not a date.
DAY_DURATION_SUFFIXES = ("内", "以内", "之内", "以来", "之后", "以后")
# Unit words after "YYYY.MM" that make it a decimal number ("2020.10 万元"), not a date.
DECIMAL_UNIT_CHARS = "万亿千百%‰元吨米个人家台件项次倍户"
