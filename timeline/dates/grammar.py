"""The grammar: named regex fragments composed by reference, and how rules are compiled.

A fragment refers to another as `{NAME}`; a rule (families.py: one record per family of
expressions) is a name plus a template. Group names in
templates are written `(?P<field>...)`; `compile_rules` makes them unique per occurrence
(`rule__field__N`), so a fragment may be used twice in one rule (both ends of a range) and
the production reads the fields that lie inside a given part of the match (see `fields`).

Rules are tried in order at each position (most specific first) through one master regex,
so the text is scanned once; the master only says which rule matched where, and that rule's
own regex reads the fields there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from itertools import compress, count
from pathlib import Path
from typing import NamedTuple

from . import compiled
from . import tables as T

try:
    _SOURCE = Path(__file__).read_text(encoding="utf-8")    # composing changes with this code
except OSError:                                             # no source (a frozen app): never kept
    _SOURCE = None


_GAP = f"[{re.escape(T.LAYOUT_SPACE)}]*+"


def _spaced(word: str) -> str:
    """A literal word that a line break (or the spaces PDF extraction leaves) may split:
    "翌\n年" is still 翌年."""
    return _GAP.join(re.escape(ch) for ch in word)


def _alt(words) -> str:
    """Alternation of literal words, longest first so "大后天" beats "后天", grouped by first
    character ("大(?:大后天|后天|前天)|同(?:一天|日)|..."): sre tries branches one by one, so a
    position that starts none of them costs one test per first character, not per word.
    Layout space may split a word between any two of its characters."""
    by_first: dict[str, list[str]] = {}
    for w in sorted(words, key=lambda w: (-len(w), w)):     # the same pattern in every process
        by_first.setdefault(w[0], []).append(_GAP + _spaced(w[1:]) if len(w) > 1 else "")
    groups = [re.escape(first) + (f"(?:{'|'.join(rest)})" if rest != [""] else "")
              for first, rest in by_first.items()]
    if len(groups) <= _BUCKET:
        return "|".join(groups)
    # sre tries the branches of an alternation one by one: in buckets behind a one-character
    # class test, a position that starts none of them costs a few tests, not one per word.
    firsts = list(by_first)
    return "|".join(f"(?=[{re.escape(''.join(firsts[i:i + _BUCKET]))}])(?:{'|'.join(groups[i:i + _BUCKET])})"
                    for i in range(0, len(groups), _BUCKET))


_BUCKET = 12


_CN = "零〇○一二两三四五六七八九"

# The quarter words written in Chinese numerals ("三四季度" reads as a list only with these).
_QUARTER_CN = "".join(w for w in T.QUARTER_WORDS if w in _CN)

# Words that start a date by themselves (leads of the point-like families).
_START_WORDS = {
    "闰", "大年", "年初", "年底", "年末", "年终", "年中", "年伊", "新年伊", "月初", "月底", "月末", "正月", "冬月",
    "腊月", "初", "全年", *(season + "季" for season in T.SEASONS), *T.SEASON_PAIRS,
    *(this + season for this in T.YEAR_REL_ALIASES for season in T.SEASONS), *(w + "月" for w in T.MONTH_WORDS),
    *T.RELATIVE_YEARS, *T.RELATIVE_MONTHS, *T.RELATIVE_DAYS, *T.RELATIVE_DAY_PARTS,
    *T.PART_OF_DAY, *T.HALVES, *T.XUN, *T.HALF_MONTHS, *T.YEAR_TURNS, *T.GREGORIAN_MARKERS,
}

FRAGMENTS: dict[str, str] = {
    # Possessive: nothing that follows a {SP} starts with a space, so giving spaces back
    # never makes a match; it only multiplied the ways a rule could fail (blank-line runs
    # in PDF text were scanned once per shorter run).
    "SP": f"[{re.escape(T.LAYOUT_SPACE)}]*+",
    "AR": "[0-9０-９]",
    "NB": "(?<![0-9０-９.．])",                     # a number starts here
    "NE": "(?![0-9０-９])",                          # ... and ends here
    "CONN": f"(?:{_alt(T.RANGE_CONNECTORS)})",
    "LSEP": f"(?:{_alt(T.LIST_SEPARATORS[:1])})",   # only "、": "，" joins sentences too
    "CSEP": f"(?:{_alt(T.LIST_SEPARATORS[1:])})",   # ... but joins days that carry 日/号
    # ---- years
    "YEAR4": (f"{{NB}}(?P<y>{{AR}}{{4}}|[{_CN}]{{4}}|[两二]千(?:零?[一二三四五六七八九十]{{1,2}})?"
              f"|(?<![{_CN}十])[{_CN}]{{3}}(?={{SP}}年{{SP}}{{MONTHNUM_RAW}}{{SP}}月)){{NE}}"),
    "MONTHNUM_RAW": "(?:{AR}{1,2}|十[一二]?|[一二三四五六七八九])",
    # "98 年 4 月", "零八年八月": two-digit years only where a month follows.
    # A leading zero ("08年", "零八年") makes two digits a year whatever follows: a count
    # of years is never written so ("07年以后" is after 2007, not seven years on).
    "YEAR2": f"(?:{{NB}}(?P<y2>[0０]{{AR}})(?={{SP}}年)|(?<![{_CN}十])(?P<y2>[零〇○][{_CN}])(?={{SP}}年)"
             f"|{{NB}}(?P<y2>{{AR}}{{2}}|[{_CN}]{{2}})(?={{SP}}年{{SP}}(?:{{MONTHNUM_RAW}}{{SP}}月|第?[一二三四1-4]{{SP}}季度|[上下]半年|[初底末]|的?第|前|后[一二三四五六七八九十两0-9]|首|{{-FESTIVAL}})))",
    "AFTERCOUNT": f"(?:(?<![{T.COUNT_CHARS}])|(?!{_alt(T.DURATION_AFTER_COUNT)}))",   # see DURATION_AFTER_COUNT
    # ("是岁" is this year, "是岁月" and "是岁末" are other words)
    "YEARREL": f"{{AFTERCOUNT}}(?P<yrel>{_alt(T.RELATIVE_YEARS)})(?!(?<=岁)[月末数])",
    "YEARBOUND": (f"(?:(?P<yb>{_alt(w for w in T.YEAR_BOUNDS if w != '中')})(?![一二三四五六七八九十])"
                  "|(?P<yb>中)(?=[，。、；）)]|$))"),
    "YEAR": "(?:(?:{YEAR4}|{YEAR2}){SP}年(?!历史|之久|多|代)|{YEARREL})(?:年?{YEARBOUND}|度)?",
    # ---- months and days
    "MONTHNUM": f"(?:{{NB}}(?<!近)(?P<m>{{MONTHNUM_RAW}})|(?<![单纪公])(?P<m>{_alt(T.MONTH_WORDS)})(?={{SP}}月))",
    "MONTHREL": f"{{AFTERCOUNT}}(?P<mrel>{_alt(T.RELATIVE_MONTHS)})",
    # Two neighbouring numbers written together, a reading of either: "七八月份" (July or
    # August), "下午三四点"; the production checks that they are neighbours.
    "PAIR": f"(?<![{_CN}十])(?:[一二三四五六七八九][二三四五六七八九十]|十一二)",
    "MONTHPAIR": "(?P<mp>{PAIR}){SP}月(?:{SP}份)?",
    # A month and day in figures without a year: "“7·21”暴雨" (events are named so),
    # "11/3号", and "09-01" written with a clock time ("09-01 20:01"); a bare "9-1" or "12/1"
    # is as often a number, a score or a fraction.
    "MONTHDAY": ("(?:(?<![0-9０-９.．·•・])(?P<m>1[0-2]|0?[1-9])[·•・](?P<d>3[01]|[12][0-9]|0?[1-9])"
                 "(?![0-9０-９]|[·•・.．][0-9]|{SP}[{DECIMAL_UNITS}])"
                 "|{NB}(?P<m>1[0-2]|0?[1-9])[/／](?P<d>3[01]|[12][0-9]|0?[1-9]){SP}[日号]"
                 "|{NB}(?P<m>0[1-9]|1[0-2])[-－](?P<d>0[1-9]|[12][0-9]|3[01])(?={SP}(?:{-POD}{SP})?{-TIME}))"),
    # ("3月龄", "30日龄": ages in months and days, not dates)
    "MONTH": "(?:{MONTHNUM}{SP}月(?!{SP}龄)(?:份)?|{MONTHREL})",
    "DAYCN_MULTI": "(?:[二两三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?)",
    "DURATION": f"(?:{_alt(T.DAY_DURATION_SUFFIXES)})",
    # "16 日", "十六日", and after a month also "八月十五" (Chinese numerals need no 日).
    "DAYNUM": "(?:{NB}(?P<d>{AR}{1,2}){NE}|(?P<d>{DAYCN_MULTI}|[一二三四五六七八九]))",
    "DAY": ("(?:{NB}(?P<d>{AR}{1,2}){SP}{DAYMARK}|(?P<d>{DAYCN_MULTI}|[一二三四五六七八九]){SP}{DAYMARK}"
            "|(?P<d>{DAYCN_MULTI})(?![零一二三四五六七八九十个家项人次万亿千百多余名位届])"
            "|{NB}(?P<d>{AR}{1,2}){NE}(?=$|[，。；,;）)至到]))(?!内|以内|之内)"),
    # "《光明日报》", "今日头条", "《明日之后》" are names, not days.
    "DAYREL": (f"(?P<drel>{_alt([*T.RELATIVE_DAYS, *T.RELATIVE_DAY_PARTS])})(?!{_alt(T.RELATIVE_DAY_NOT_BEFORE)})"
               + "".join(f"(?!(?<={re.escape(word)})[{re.escape(chars)}])"
                         for word, chars in T.RELATIVE_DAY_WORD_NOT_BEFORE.items())),
    "RELPAIR": f"(?P<rp>{_alt(T.RELATIVE_PAIRS)})",
    # A day alone ("18 日" under a chronicle's month heading): 日 only, "号" is too often a
    # house or machine number ("1 号机").
    # ("8号晚上9点": with a time of day after it, 号 is a day too.)
    # A day of one Chinese digit ("一日" … "九日", as older chronicles write the days under a
    # month heading) only opening a clause and set off from what follows ("一日　全县……"):
    # inside a sentence "一日" is as often "one day".
    "DAYALONE": ("(?<!第)(?:(?:{NB}(?P<d>{AR}{1,2}){SP}|(?P<d>{DAYCN_MULTI}))日(?!{DURATION}|{SP}龄)"
                 "|{CLAUSE_OPENS}(?P<d>[一二三四五六七八九])日(?=[，、,\\s]|$)"
                 "|{NB}(?P<d>{AR}{1,2}){SP}号(?={SP}(?:{-POD}|{-TIME})))"),
    # ---- parts of months and years
    "XUN": f"(?:(?P<xun>{_alt(T.XUN)})|(?P<hm>{_alt(T.HALF_MONTHS)}))",
    "MONTHBOUND": "(?:(?P<mb>月初|月底|月末|初(?![一二三四五六七八九十])|底|末)|(?P<mb>中)(?=[，。、；）)]|$))",
    "MONTHBOUND_ALONE": "(?<![0-9０-９零一二两三四五六七八九十个])(?P<mb>月初|月底|月末)",
    "QUARTER": ("(?:{QNUM}|前{SP}(?P<qn>[二两三]){SP}个?|(?P<qrel>{QUARTERREL})){SP}季{SP}度"
                "(?:{SP}(?P<qb>末|初|底))?"),
    "QUARTERREL": f"(?:{_alt(T.RELATIVE_QUARTERS)})",
    # A quarter's number before the last of a range or list ("1—3 季度", "三、四季度"),
    # 季度 written once; without a separator only Chinese numerals ("三四季度": "12 季度"
    # is twelve quarters).
    "QNUM": f"第?(?P<q>{_alt(T.QUARTER_WORDS)})",
    "QNUM_CN": f"第?(?P<q>[{_QUARTER_CN}])(?=[{_QUARTER_CN}]季度)",
    "QLAST": "(?P<to>{QNUM}{SP}季{SP}度)",
    "HALF": f"(?P<half>{_alt(T.HALVES)})",
    # ("新年伊始": the start of the year in force, as "年初")
    "YEARBOUND_ALONE": ("(?<![0-9０-９零一二两三四五六七八九十多几每个])(?:新(?=年伊始))?年(?:(?P<yb>初|底|末|终|伊始)(?![一二三四五六七八九十])"
                        "|(?P<yb>中)(?=[，。、；）)]|$))"),
    "MONTHTAIL": "(?:{MONTH}(?:{SP}{DAY}|{SP}{XUN}|{MONTHBOUND})?|{QUARTER}|{HALF}|{FIRSTMONTHS})",
    # Cumulative statistics: "前 10 个月", "前两个月" (January to the N-th month).
    "FIRSTMONTHS": "前{SP}(?P<fm>{MONTHNUM_RAW}|两){SP}个?{SP}月(?:{SP}份)?",
    "WHOLEYEAR": "全{SP}年(?:{SP}度)?(?![0-9０-９零一二两三四五六七八九十龄级])",
    "TURN": f"(?P<turn>{_alt(T.YEAR_TURNS)})",
    # Seasons: after a year "2020 年秋" (with a break after it: "秋收" is a harvest), alone
    # only with 季 ("春季").
    # What may follow a season word that nothing else marks as one: a break.
    "SEASON_ENDS": "[，。、；：,;）)\\s]|$",
    "SEASON": f"(?P<season>{_alt(T.SEASONS)})(?:{{SP}}(?:季(?!{{SP}}度)|天)|(?={{SEASON_ENDS}}|[初末至到起前以]))",
    # Two neighbouring seasons: after a year with a break after them ("2021年夏秋，"), and
    # anywhere with 季/两季/季节 or 之交 ("秋冬季节", "春夏之交"; "夏秋粮" is grain).
    "PAIRMARK": f"(?:{{SP}}(?P<turn2>{_spaced(T.SEASON_TURN)})|{{SP}}(?:两{{SP}})?季(?!{{SP}}度)(?:{{SP}}节)?)",
    "SEASONPAIR": f"(?P<pair>{_alt(T.SEASON_PAIRS)})(?:{{PAIRMARK}}|(?={{SEASON_ENDS}}))",
    "SEASONPAIRALONE": f"(?<![立初深晚早仲孟暮隆])(?P<pair>{_alt(T.SEASON_PAIRS)}){{PAIRMARK}}",
    # "是秋，大水": the season of the year in force, opening a clause.
    "THISSEASON": (f"{{CLAUSE_OPENS}}(?P<yrel>{_alt(T.YEAR_REL_ALIASES)})(?P<season>{_alt(T.SEASONS)})"
                   "(?:{SP}(?:季|天))?(?={SEASON_ENDS})"),
    "SEASONALONE": f"(?<![立初深晚早仲孟暮隆])(?P<season>{_alt(T.SEASONS)}){{SP}}季(?!{{SP}}度)",
    # A season word alone, as chronicles and gazetteers open an entry under a year heading
    # ("春，县境旱"): only after a break and before a comma or colon ("迎春，", "春联" are none).
    "SEASONBARE": (f"(?<![^{re.escape(T.LAYOUT_SPACE + T.SEASON_BARE_AFTER)}])(?P<season>{_alt(T.SEASONS)})"
                   "(?:天)?(?=[，,：:]|$)"),
    # Where a word that is a date only as a clause's opener may stand: a break before it.
    "CLAUSE_OPENS": f"(?<![^，。；：:;{re.escape(T.LAYOUT_SPACE)}])",
    "YEARPART": "(?:{MONTHTAIL}|{WHOLEYEAR}|{TURN}|{SEASONPAIR}|{SEASON})",
    # ---- clock
    "POD": f"(?P<pod>{_alt(T.PART_OF_DAY)})",
    "HOUR": "(?:{NB}(?P<h>{AR}{1,2})|(?P<h>[零一二两三四五六七八九十]{1,3}))",
    "MINUTE": (f"(?:(?P<mi>{{AR}}{{1,2}}|[{_CN}十]{{1,3}}){{SP}}分(?!钟)|(?P<frac>{_alt(T.CLOCK_FRACTIONS)})"
               "|(?P<mi>{AR}{2})(?![0-9０-９.．%度万]))"),
    "HOURMARK": "[时点](?:钟|整|许)?",
    "TIME": ("(?:{NB}(?P<h>{AR}{1,2}){SP}[:：]{SP}(?P<mi>[0-5][0-9])(?:[:：][0-5][0-9])?{NE}(?:时)?"
             "|(?P<hp>{PAIR}){SP}{HOURMARK}(?![0-9０-９零一二三四五六七八九十间期代候分])"
             "|{HOUR}{SP}{HOURMARK}(?:{SP}{MINUTE}|(?![0-9０-９零一二三四五六七八九十间期代候])))"),
    "BAREHOUR": "{HOUR}(?={SP}{CONN}{SP}(?:{POD}{SP})?{HOUR}{SP}[时点:：])",
    "CLOCK": "(?:{POD}{SP})?(?:{TIME}|{BAREHOUR})(?:{SP}{CONN}{SP}(?P<end>(?:{POD}{SP})?{TIME}))?",
    # Double-hours (时辰): "戌时", "子初", "午正".
    "SHICHEN": f"(?P<sc>[{T.EARTHLY_BRANCHES}]){{SP}}(?P<sck>{_alt(T.SHICHEN_MARKS)})",
    # What a day goes on with: a clock time, a part of the day, a double-hour, "全天" (all of it).
    "TAIL": "(?:{SP}{CLOCK}|{SP}{POD}(?:{SP}{SHICHEN})?|{SP}{SHICHEN}|{SP}{WHOLEDAY})?",
    "WHOLEDAY": f"{_alt([T.WHOLE_DAY])}(?![{re.escape(T.RELATIVE_DAY_WORD_NOT_BEFORE[T.WHOLE_DAY])}])",
    # ---- a point in time, and the names a calendar gives to days
    "POINT": ("(?:{YEAR}(?:{SP}{YEARPART})?|{MONTHTAIL}|{DAYALONE}|{DAYREL}|{TURN}|{YEARBOUND_ALONE}"
              "|{MONTHBOUND_ALONE}|{XUN}|{SEASONPAIRALONE}|{SEASONALONE}|{THISSEASON}|{PODALONE}){TAIL}"),
    # A part of the day opening a clause by itself ("上午，……；下午，……"): that part of the
    # day before it. Only whole clause openers, never inside words ("晚间新闻", "夜间施工").
    "PODALONE": ("{CLAUSE_OPENS}"
                 f"(?P<pod>{_alt(w for w in T.PART_OF_DAY if len(w) > 1)})(?=[，,]|$)"),
    "LUNARMONTH": "(?:(?P<lm>[正冬腊]|十[一二]?|[一二三四五六七八九]|{NB}{AR}{1,2}){SP}月)",
    "LUNARDAY": ("(?:(?P<ld>初(?:[一二三四五六七八九十]|[0-9]{1,2}(?![0-9]))|[二两]十[一二三四五六七八九]?|十[一二三四五六七八九]?"
                 "|廿[一二三四五六七八九]?|三十)(?:{SP}[日号])?|(?P<ld>{AR}{1,2}){NE}(?:{SP}[日号])?"
                 "|(?P<ld>[一二三四五六七八九]){SP}[日号])"),
    "LUNARMARK": f"(?P<marker>{_alt(T.LUNAR_MARKERS)})",
    "ERANUM": "(?P<en>元|{AR}{1,3}|[一二三四五六七八九十百]{1,4})",
    "REIGN": _spaced(T.REIGN_SPAN),
    "ERANAME": f"(?:(?:{_alt(T.DYNASTY_PREFIXES)}){{SP}})?(?P<era>{_alt(T.ERAS)})",
    # A day named by its place in the sexagenary cycle ("九月己未").
    "GZDAY": f"(?P<gz>[{T.HEAVENLY_STEMS}][{T.EARTHLY_BRANCHES}])(?:{{SP}}日)?",
    "GREG": f"(?P<greg>{_alt(T.GREGORIAN_MARKERS)})",
    # ---- spans of years: five-year plans, decades, centuries
    "PLAN": "(?:[“\"「]{SP})?(?P<plan>十[一二三四五六七八九]?|[一二三四五六七八九]){SP}五(?:{SP}[”\"」])?",
    "PLANPART": f"(?:{{SP}}规划)?{{SP}}(?P<pp>{_alt(T.PLAN_PARTS)})",
    "CENTURY": (f"(?:(?P<cn>{{AR}}{{1,2}}|二十[一二]?|十[一二三四五六七八九]?|[一二三四五六七八九]){{SP}}世纪"
                f"|(?P<crel>{_alt(T.CENTURY_RELATIVE)}){{SP}}世纪)"),
    "DECADE": ("(?:{NB}(?P<dy>1[0-9]{AR}0|20{AR}0){SP}年代"
               "|{NB}(?P<dec>[0-9]0|[０-９]０|[一二三四五六七八九]十){SP}年代)"),
    "AGE": (f"(?:{{CENTURY}}(?:{{SP}}{{DECADE}})?|{{DECADE}})"
            f"(?:{{SP}}(?P<part>{_alt({**T.DECADE_PARTS, **T.CENTURY_PARTS})}))?"),
    "SPAN": "(?:{PLAN}(?:{PLANPART})?|{AGE}|{POINT})",
    # The open side of a range, before or after what it bounds ("自……起", "截至……").
    "OPENPRE": "(?:(?P<obs>{OPEN_START_WORDS}){SP}|(?P<obe>{OPEN_END_WORDS}){SP}(?={OPEN_END_AHEAD}))?",
    "OPENPOST": "(?:{SP}(?:(?P<oe>{OPEN_END_AFTER})|(?P<os>{OPEN_START_AFTER})){OPEN_GUARD})?",
    # ---- weekdays and weeks
    "WEEKWORD": f"(?:{_alt(T.WEEK_WORDS)})",
    # A bare "周三" only before a break or a word a date goes on with (周一鸣 is a person).
    "WEEKDAY": (f"(?<!每)(?:(?P<wrel>{_alt(T.WEEK_RELATIVE)}){{SP}}{{WEEKWORD}}(?:{{SP}}{{WEEKWORD}})?|星期|礼拜|禮拜"
                f"|[周週](?=.(?![\u4e00-\u9fff](?<![{T.AFTER_WEEKDAY}])))"
                f"){{SP}}(?P<wd>[{''.join(T.WEEKDAYS)}])"),
    "WEEK": f"(?<!每)(?P<wrel>{_alt(T.WEEK_RELATIVE)}){{SP}}{{WEEKWORD}}(?![{''.join(T.WEEKDAYS)}年期])",
    # A two-digit day may run into its clock time where a layout lost the space
    # ("2018-12-1209:03"): read that way only when a whole time follows.
    "NUMDATE": ("{NB}(?:(?P<num>(?:1[5-9]|20){AR}{2}(?:-[0-9]{1,2}-|/[0-9]{1,2}/|[.．][0-9]{1,2}[.．])[0-9]{2})"
                "(?=[0-9]{1,2}[:：][0-5][0-9](?![0-9]))(?P<h>[0-9]{1,2})[:：](?P<mi>[0-5][0-9])(?:[:：][0-5][0-9])?{NE}"
                "|(?P<num>(?:1[5-9]|20){AR}{2}(?:-[0-9]{1,2}(?:-[0-9]{1,2})?"
                "|/[0-9]{1,2}(?:/[0-9]{1,2})?|[.．][0-9]{1,2}(?:[.．][0-9]{1,2})?))"
                "(?![0-9０-９]|[.．][0-9]|{SP}[{DECIMAL_UNITS}]))"),
    "COMPACT": ("(?<![0-9０-９.．A-Za-z])(?P<y>(?:19|20)[0-9]{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12][0-9]|3[01])"
                "(?![0-9０-９A-Za-z]|[.．][0-9]|{SP}[{DECIMAL_UNITS}号])"),
    # The ends of a range: a point, a festival or a weekday ("去年春节到元宵节", "上周四到十月一日").
    # (the longer readings first: an alternation takes the first that fits)
    "RANGEPOINT": ("(?:(?:{YEAR}{SP})?{FESTIVAL}{TAIL}|(?:{YEAR}(?:{SP}{MONTH})?|{MONTH}){SP}{ORDPART}{TAIL}"
                   "|{POINT}|{WEEKDAY}{TAIL})"),
    # A range may start at a bare time of day when its end names the day ("2点至明天4点",
    # "夜间至次日上午"); "3 时至 5 时" is one clock reading's range (CLOCK).
    # or at a bare year when its end writes the year and a month ("1985到89年9月").
    # "冬至"/"夏至" after a year is the solar term ("2021年冬至当天"), a range from the season
    # only when its end has its own year, month or season ("2021年冬至次年3月", "冬至春").
    "WINTER_TO": (f"(?!(?<=[{''.join(t[0] for t in T.SOLAR_TERMS if t[0] in T.SEASONS and t[1] == '至')}])至"
                  f"(?!{{SP}}(?:{{-YEAR}}|{{-MONTH}}|[{''.join(T.SEASONS)}])))"),
    "RANGEFROM": ("(?:{RANGEPOINT}|{CLOCK}|{POD}"
                  "|{YEAR4}(?={SP}{CONN}{SP}[0-9０-９]{2}(?:[0-9０-９]{2})?{SP}年{SP}{MONTHNUM_RAW}{SP}月))"),
    # ---- parts of a year or month counted by number: "2021年第一周", "明年第九个月",
    # "今年的最后3周", "这个月前两天", "6月第3个星期日", "四月的最后一个星期一"
    "ORDNUM": "(?:{AR}{1,3}|[一二两三四五六七八九十百]{1,4})",
    "ORDUNIT": f"(?P<ou>{_alt(T.ORDINAL_UNITS)})",
    "NTHWEEKDAY": ("(?:第{SP}(?P<nn>{ORDNUM})|(?P<nl>最后|最後)(?:{SP}一)?){SP}个{SP}(?:的{SP})?{WEEKWORD}{SP}"
                   f"(?P<nwd>[{''.join(w for w in T.WEEKDAYS if w != '末')}])"),
    "ORDPART": ("(?:的{SP})?(?:{NTHWEEKDAY}"
                f"|(?P<ok>{_alt(T.ORDINAL_KINDS)}){{SP}}(?P<on>{{ORDNUM}}){{SP}}(?:个{{SP}})?{{ORDUNIT}}"
                "|(?P<ok>首)(?P<ou>月|周|日))"),
    # ---- offsets from the previous mention: "3 日后", "两个月后", "三年后"
    "OFFSETNUM": "(?:{NB}(?![0０])(?P<on>{AR}{1,3}){NE}|(?<![几多数])(?P<on>[一二两三四五六七八九十百]{1,4}|半))",
    "OFFSET": (f"{{OFFSETNUM}}{{SP}}(?P<ou>{_alt(T.OFFSET_UNITS)})(?:{{SP}}半)?"
               f"{{SP}}(?P<od>{_alt(T.OFFSET_DIRECTIONS)})"),
    # "第三天", "第七年": the N-th day or year counting the previous mention's as the first.
    # (a year or day the text goes on to divide is the point family's: "第二年春天").
    "NTH": ("第{SP}(?P<nth>{ORDNUM}){SP}(?P<ou>天|日|年)(?![0-9０-９零一二三四五六七八九十届次期])"
            "(?!{SP}(?:[春夏秋冬元正腊冬初底末中]|[上下]半))"),
    # ---- open-ended ranges
    "OPEN_END_AFTER": f"(?:{_alt(T.OPEN_END_AFTER)})",
    "OPEN_START_AFTER": f"(?:{_alt(T.OPEN_START_AFTER)})",
    # "自"/"从" belong to the date only when an open end follows it ("从 2019 年到 2020 年" is
    # a range, read by the range family).
    "OPEN_END_AHEAD": "(?:{-GREG}{SP})?{-SPAN}{SP}{OPEN_END_AFTER}",
    # "前"/"后" close an open range only where they are not the start of a part or count
    # ("2021 年前三季度", "9 月 1 日前后", "2020 年后半年").
    "OPEN_GUARD": "(?![半两一二三四五六七八九十百0-9０-９个后期夕几季])",
    "FESTIVAL": (f"(?:[“\"「‘]{{SP}})?(?P<fest>{_alt([*T.SOLAR_FESTIVALS, *T.LUNAR_FESTIVALS, *T.NEW_YEARS_EVE, *T.SOLAR_TERM_FESTIVALS, *T.SOLAR_TERMS, *T.WEEKDAY_FESTIVALS, *T.SCHOOL_HOLIDAYS])})"
                 f"(?!{_alt(T.FESTIVAL_NOT_BEFORE)})"
                 f"(?!(?<={'|'.join(T.SHORT_FESTIVALS)})(?!{{SP}}(?:{_alt(T.SHORT_FESTIVAL_CUES)})))"
                 "(?:{SP}[”\"」’])?"),
    "DAYMARK": f"(?:日|号(?![{T.NUMBERED_THINGS}]))",
    "DECIMAL_UNITS": re.escape(T.DECIMAL_UNIT_CHARS),
    # A double-hour alone only after a break or a word that leads to a time ("电子时代",
    # "中午时分" hold no 子时 or 午时).
    "SHICHEN_BEFORE": re.escape("，。、；：,;:（( \t\r\n\u3000于在至到约晚夜是当"),
    # ---- leads: what a family's match can start with (families.py)
    "OPEN_END_WORDS": f"(?:{_alt(T.OPEN_END_BEFORE)})",
    "OPEN_START_WORDS": f"(?:{_alt(T.OPEN_START_BEFORE)})",
    "WEEKLEAD": f"(?:(?:{_alt(T.WEEK_RELATIVE)}){{SP}})?{{WEEKWORD}}",
    "LEAD_NUM": ("(?:(?<![0-9０-９])(?:[0-9０-９]{1,4}{SP}(?:[年月日号时点季刻分:：、]|{CONN})"
                 "|(?:1[5-9]|20)[0-9０-９][0-9][/.．][0-9])"
                 f"|(?<![{_CN}十廿卅千])[{_CN}十廿卅千]+{{SP}}(?:[年月日号时点季刻分:：、]|{{CONN}}))"),
    "LEAD_QUARTER": (f"(?:{{QUARTER}}|第[{''.join(T.QUARTER_WORDS)}]{{SP}}(?:、|{{CONN}})"
                     f"|前{{SP}}(?:{{MONTHNUM_RAW}}|两){{SP}}个)"),
    "LEAD_WORDS": f"(?:{_alt(_START_WORDS)})",
}

_REF = re.compile(r"\{(-?)([A-Z][A-Z_0-9]*)\}")
_GROUP = re.compile(r"\(\?P<([a-z0-9_]+)>")


def expand(template: str) -> str:
    """Replace every `{NAME}` by its fragment, recursively (regex counts like {4} stay);
    `{-NAME}` without its fields (inside a lookahead, where they would only cost)."""
    def sub(m: re.Match) -> str:
        body = expand(FRAGMENTS[m.group(2)])
        return _GROUP.sub("(?:", body) if m.group(1) else body

    return _REF.sub(sub, template)


def optional_as_branch(pattern: str) -> str:
    """`(?:X)?` written `(?:X|)`, and `(?P<f>X)?` written `(?:(?P<f>X)|)`: the same matches
    and groups in the same order (X first, then nothing), but sre runs an optional group
    of more than one character as a REPEAT, which allocates a context each time it is
    entered, and an alternation without. The grammar has hundreds of optional parts, so
    the master ran 15% faster. Lazy and possessive `?` and optional lookarounds stay."""
    out: list[str] = []
    opened: list[int] = []                   # where in `out` each open group starts
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        elif c == "[":                         # a class: "]" first, escapes, no groups
            j = i + 1 + (pattern[i + 1:i + 2] == "^")
            j += pattern[j:j + 1] == "]"
            while pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.append(pattern[i:j + 1])
            i = j + 1
        elif c == "(":
            opened.append(len(out))
            out.append(c)
            i += 1
        elif c == ")":
            start = opened.pop()
            greedy_optional = pattern[i + 1:i + 2] == "?" and pattern[i + 2:i + 3] not in ("?", "+")
            body = "".join(out[start:]) + ")"
            if greedy_optional and body.startswith("(?:"):
                out[start:] = [body[:-1] + "|)"]
                i += 2
            elif greedy_optional and (body.startswith("(?P<") or not body.startswith("(?")):
                out[start:] = [f"(?:{body}|)"]
                i += 2
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str                          # expanded, with this rule's unique group names
    fields: tuple[tuple[int, str], ...]   # (group number in `regex`, field), in pattern order

    @cached_property
    def regex(self) -> re.Pattern:
        """The rule alone, with its groups; compiled on first use, which halves the import
        (the master already compiles the whole grammar once)."""
        regex = compiled.regex(self.pattern)
        assert regex.groups == len(self.fields), f"{self.name}: every group is a field"
        return regex


def _uniquify(rule: str, pattern: str, counter) -> tuple[str, tuple[tuple[str, str], ...]]:
    found: list[tuple[str, str]] = []

    def sub(m: re.Match) -> str:
        unique = f"{rule}__{m.group(1)}__{next(counter)}"
        found.append((unique, m.group(1)))
        return f"(?P<{unique}>"

    return _GROUP.sub(sub, pattern), tuple(found)


def compile_rules(families, shared: tuple[str, ...] = ()) -> tuple[re.Pattern, dict[str, Rule]]:
    """The master regex and each rule, from the family records in order (`compose`).

    Composing reads every pattern with the stdlib's regex parser (about a second), so its
    result is kept like the compiled regexes (`compiled.kept`), under a key of everything it
    depends on: the records' templates, the fragments and this module's own source."""
    inputs = ([(f.name, f.lead, f.pattern, f.needs) for f in families], shared, FRAGMENTS)
    key = None if _SOURCE is None else repr(inputs) + _SOURCE
    master, rules = compiled.kept(key, lambda: compose(families, shared))
    return compiled.regex(master), {name: Rule(name, pattern, tuple(map(tuple, fields)))
                                    for name, pattern, fields in rules}


def compose(families, shared: tuple[str, ...] = ()) -> tuple[str, list]:
    """The master's pattern and each rule's (name, pattern, fields), from the family records
    in order: plain data, kept between processes by `compile_rules`.

    Each rule's pattern starts with its family's `lead` as a lookahead, and the master's
    prefilter is the alternation of those leads: a position the prefilter skips is one no
    rule could match, so a new family is never silently skipped. The first-character test
    before it is derived from the leads too (`first_chars`).

    `shared`: lead pieces that many families' leads hold (where a point-like date starts).
    The master tests them once per position and keeps the answer in a group (`_shared`);
    a family whose lead holds them all asks that group instead of testing them again.
    Then each family's needed characters (`_needs`, `_blocks`) and its pattern."""
    rules: list[tuple[str, str, tuple]] = []
    runs: list[tuple[str, list[_Member]]] = []      # (lead test, families) of consecutive families
    leads: list[str] = []
    counter = count()
    common = [_guarded(_GROUP.sub("(?:", expand(piece))) for piece in shared]
    for family in families:
        pieces = [_guarded(_GROUP.sub("(?:", expand(piece))) for piece in family.lead]
        leads += [piece for piece in pieces if piece not in leads]     # shared ones once
        lead = "|".join(pieces)
        expanded = expand(family.pattern)
        plain = f"(?:{_GROUP.sub('(?:', expanded)})"      # without field groups, for the master
        inner = chars_in(plain)
        needs = _needs(inner, set(family.needs)) if family.needs else ""
        body = f"{needs}(?:{expanded})"
        pattern, fields_ = _uniquify(family.name, optional_as_branch(f"(?={lead}){body}"), counter)
        # Every group is a field's, numbered in pattern order as `_uniquify` found them.
        numbered = tuple((number, field) for number, (_, field) in enumerate(fields_, 1))
        rules.append((family.name, pattern, numbered))
        # No field groups in the master: with hundreds of them sre copies every mark set so
        # far at each backtracking point (a rule late in the alternation has high group
        # numbers), which made the master twice as slow. Same pattern, so the rule's regex
        # matched at the master's start gives the same span. Consecutive families with the
        # same lead test it once.
        rest = [piece for piece in pieces if piece not in common]
        if common and len(rest) + len(common) == len(pieces):
            alone = f"(?={'|'.join(rest)})" if rest else "(?!)"   # where no shared piece starts
            test = f"(?(_shared)|{alone})"
        else:
            test = f"(?={lead})"
        member = _Member(family.name, needs, plain, inner, family.needs)
        if runs and runs[-1][0] == test:
            runs[-1][1].append(member)
        else:
            runs.append((test, [member]))
    parts = _blocks(runs)
    chars = re.escape("".join(sorted(first_chars("|".join(leads)))))
    others = "|".join(piece for piece in leads if piece not in common)
    # Most positions cannot start a date: cheap lookaheads skip them before the rules run.
    # (Atomic: where a shared piece starts, the others need no second try.)
    prefilter = (f"(?>(?=(?P<_shared>{'|'.join(common)}))|(?={others}))" if common
                 else f"(?={others})")
    return optional_as_branch(f"(?=[{chars}]){prefilter}(?:{'|'.join(parts)})"), rules


def _needs(inner: set[str], needed: set[str]) -> str:
    """The test that a match of a pattern taking the characters `inner` holds one of
    `needed` within its first NEEDS_REACH characters. The characters of a match are all
    characters the pattern can take in, so a needed one must come before any other
    character: the test stops at the first such one. (Possessive over the characters that
    are not needed: sre runs it as one tight loop, where a lazy repeat tried the needed
    class after every character. Bounded: over a long run of such characters, a table of
    figures, each place would otherwise scan to the run's end.)"""
    others = "".join(sorted(inner - needed))
    return f"(?=[{re.escape(others)}]{{0,{NEEDS_REACH}}}+[{re.escape(''.join(sorted(needed)))}])"


# How far into a match its needed character may lie (Family.needs): far past any date
# written with the spaces and line breaks PDF text puts inside it.
NEEDS_REACH = 80


# A family whose match needs one of more characters than this seldom fails its test, and
# would let its neighbours' shared test pass too.
_BLOCK_NEEDS_MAX = 16


class _Member(NamedTuple):
    """A family as the master holds it."""
    name: str
    needs: str              # the test of its needed characters ("" when it names none)
    pattern: str            # its pattern without field groups
    chars: set[str]         # every character a match can hold
    needed: str | None      # the characters one of which every match holds


def _blocks(runs: list[tuple[str, list[_Member]]]) -> list[str]:
    """The master's parts for the runs in order. Consecutive runs of families that each need
    one of a few characters go behind one test of all those characters (each family's test
    implies it): a place where a plain date stands skips them all with one class scan."""
    parts: list[str] = []
    block: list[tuple[str, list[_Member]]] = []

    def close() -> None:
        if len(block) > 1:
            members = [member for _, run in block for member in run]
            test = _needs(set().union(*(m.chars for m in members)), set().union(*(m.needed for m in members)))
            parts.append(f"{test}(?:{'|'.join(_run(*run) for run in block)})")
        else:
            parts.extend(_run(*run) for run in block)
        block.clear()

    for run in runs:
        if all(m.needed and len(m.needed) <= _BLOCK_NEEDS_MAX for m in run[1]):
            block.append(run)
        else:
            close()
            parts.append(_run(*run))
    close()
    return parts


def _run(test: str, members: list[_Member]) -> str:
    """The master's part for consecutive families with the same lead test. A family alone
    tests what it needs before its lead: both look ahead from the same place, and the
    needed characters are the cheaper test."""
    if len(members) == 1:
        m = members[0]
        return f"(?P<{m.name}>{m.needs}{test}{m.pattern})"
    return f"{test}(?:{'|'.join(f'(?P<{m.name}>{m.needs}{m.pattern})' for m in members)})"


def _guarded(lead: str) -> str:
    """A lead behind a test of its first character: a position it cannot start at costs one
    class test, not a walk through its alternatives. Leads are only ever looked ahead for,
    so the test may take the character in and look back to read the lead from it: a branch
    that starts with a class is skipped by sre without entering it (a lookahead first was
    entered and left, for each of some 20 leads at every place a date might start)."""
    return f"[{re.escape(''.join(sorted(first_chars(lead))))}](?<=(?={lead})[\\s\\S])"


def chars_in(pattern: str) -> set[str]:
    """Every character a match of `pattern` can hold (lookarounds aside)."""
    from re import _parser as sre_parse

    return _chars(sre_parse.parse(pattern).data)


def _class(items) -> set[str]:
    """The characters of a character class (literals and ranges; a negated class has no
    such list)."""
    from re import _constants as C

    out: set[str] = set()
    for kind, value in items:
        if kind is C.LITERAL:
            out.add(chr(value))
        elif kind is C.RANGE:
            out.update(chr(c) for c in range(value[0], value[1] + 1))
        else:
            raise ValueError(f"cannot list the characters of {kind}")
    return out


def _chars(items) -> set[str]:
    from re import _constants as C

    out: set[str] = set()
    for op, arg in items:
        if op is C.LITERAL:
            out.add(chr(arg))
        elif op is C.IN:
            out |= _class(arg)
        elif op is C.BRANCH:
            for branch in arg[1]:
                out |= _chars(branch.data)
        elif op is C.SUBPATTERN:
            out |= _chars(arg[-1].data)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            out |= _chars(arg[2].data)
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT, C.GROUPREF):
            continue
        else:
            raise ValueError(f"cannot list the characters of {op}")
    return out


def first_chars(pattern: str) -> set[str]:
    """Every character a match of `pattern` can start with (a superset), read from the
    parsed regex: literals, classes, and the branches of alternations and optional parts."""
    from re import _parser as sre_parse                  # the stdlib's own regex parser

    return _first(sre_parse.parse(pattern).data)


def _first(items) -> set[str]:
    from re import _constants as C

    out: set[str] = set()
    for op, arg in items:
        if op is C.LITERAL:
            return out | {chr(arg)}
        if op is C.IN:
            return out | _class(arg)
        if op is C.BRANCH:
            for branch in arg[1]:
                out |= _first(branch.data)
            return out
        if op is C.SUBPATTERN:
            return out | _first(arg[-1].data)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            low, _high, sub = arg
            out |= _first(sub.data)
            if low > 0:
                return out
            continue                                    # optional: what follows may start
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue                                    # zero-width: look past it
        raise ValueError(f"cannot list the first characters of {op}")
    raise ValueError("a lead must not match the empty string")


def fields(m: re.Match, rule: Rule, lo: int | None = None, hi: int | None = None) -> dict[str, str]:
    """The fields of `rule` that matched inside [lo, hi) of the match; first one wins."""
    lo = m.start() if lo is None else lo
    hi = m.end() if hi is None else hi
    out: dict[str, str] = {}
    text = m.string
    for start, end, name in matched(m, rule):
        if lo <= start and end <= hi and name not in out:
            value = text[start:end]
            # A word a line break split ("翌\n年") is looked up whole.
            out[name] = value if value.isalnum() else value.translate(_NO_SPACE)
    return out


_last: list = [None, ()]


def matched(m: re.Match, rule: Rule) -> list[tuple[int, int, str]]:
    """(start, end, field) of the groups that took part in the match, in pattern order.

    A production asks for the fields of several parts of one match; a big rule has hundreds
    of groups and few of them match, so they are listed once per match (the last match is
    remembered). The set groups are picked in C (no group matches the empty string, so a
    set group's text is true; tests/dates/test_master.py checks it)."""
    if _last[0] is not m:
        span = m.span
        _last[:] = [m, [(*span(group), name) for group, name in compress(rule.fields, m.groups())]]
    return _last[1]


_NO_SPACE = str.maketrans("", "", T.LAYOUT_SPACE)
