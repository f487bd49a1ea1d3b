"""The families of date expressions, one record each, in the order they are tried.

A record holds everything a family is: what its match can start with (`lead`), its pattern
(grammar.py fragments by name), its meaning (a production: match -> Parsed) and examples of
it with the range they mean. Everything else is derived from these records: the master
regex, the start-of-date prefilter (the union of the leads; each rule's own pattern also
starts with its lead, so the prefilter can never skip a place a family could match), and
the tests that each family has examples and gold cases (tests/dates/test_families.py).

Adding a family: its words go into tables.py, its pattern pieces into grammar.FRAGMENTS,
its meaning into productions.py, then one record here, and gold cases in
tests/dates/gold.py naming it (docs/dates.md, "Adding a date expression").
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from . import productions as P
from . import tables as T
from .grammar import compile_rules


@dataclass(frozen=True)
class Family:
    name: str
    lead: tuple[str, ...]     # templates: where a match can start (any of them)
    pattern: str              # template
    meaning: Callable         # production: (match, rule) -> Parsed
    # (text, "first..last" ISO days) read with EXAMPLE_CONTEXT; the whole text is the mention.
    examples: tuple[tuple[str, str], ...]
    # Optional: characters one of which every match holds within its first
    # grammar.NEEDS_REACH characters (a connector for a range, 季 for quarters). A cheap test
    # that spares the full pattern at the many places it cannot match; a wrong one fails the
    # family's own examples.
    needs: str | None = None


EXAMPLE_CONTEXT = {"year": 2020, "month": 9, "reference": date(2020, 9, 16)}

_YEAR_OPT = "(?:{YEAR}{SP})?"
_CONNECTOR_CHARS = "".join(sorted({ch for word in T.RANGE_CONNECTORS for ch in word}))
_FESTIVAL_FIRST = "".join(sorted({w[0] for table in (T.SOLAR_FESTIVALS, T.LUNAR_FESTIVALS, T.NEW_YEARS_EVE,
                                                      T.SOLAR_TERM_FESTIVALS, T.SOLAR_TERMS,
                                                      T.WEEKDAY_FESTIVALS, T.SCHOOL_HOLIDAYS)
                                   for w in table}))
# Where a point-like date can start; split into pieces so the prefilter tests each once.
_POINT_LEAD = ("{LEAD_NUM}", "{LEAD_QUARTER}", "{LEAD_WORDS}")
# An open range's first word counts only before a date ("自主创新" starts none).
_OPEN_LEAD = tuple(f"{{{words}}}{{SP}}(?:{'|'.join(_POINT_LEAD)}|{{PLAN}}|{{AGE}})"
                   for words in ("OPEN_END_WORDS", "OPEN_START_WORDS"))

# Lists ("5、6月份", "9月10日，11日，12日") take at most 30 items after their first (a
# month's days), so that no place of a text costs more than a bounded amount of work:
# "1、1、1、……" ten thousand times over is read in linear time.
FAMILIES: tuple[Family, ...] = (
    Family("era", ("{ERANAME}",),
           "{ERANAME}(?:{ERANUM}{SP}年(?:{SP}{LUNARMONTH}(?:{SP}(?:{LUNARDAY}|{GZDAY}))?|{SP}{SEASONPAIR}|{SP}{SEASON})?{TAIL}"
           "|{SP}(?P<reign>{REIGN}))",
           P.p_era, (("宣统二年", "1910-01-01..1910-12-31"), ("光绪三十年八月初三", "1904-09-12..1904-09-12"),
                     ("咸丰三年春", "1853-03-01..1853-05-31"), ("嘉庆年间", "1796-01-01..1820-12-31"))),
    Family("school_year", ("{LEAD_NUM}",),
           "(?P<from>{YEAR4}){SP}(?:年{SP})?(?:{CONN}|[/／]){SP}(?P<to>{YEAR4}|{NB}(?P<yy>{AR}{2}){NE}){SP}(?:年{SP})?"
           f"学{{SP}}年(?:{{SP}}度)?(?:{{SP}}第?{{SP}}(?P<term>[{''.join(T.SCHOOL_TERMS)}]){{SP}}学{{SP}}期)?",
           P.p_school_year, (("2020—2021学年", "2020-09-01..2021-08-31"),
                             ("2020-2021学年第二学期", "2021-02-01..2021-07-31")), needs="学"),
    Family("lunar_marked", (*_POINT_LEAD, "{LUNARMARK}"),
           _YEAR_OPT + "{LUNARMARK}{SP}(?:{YEAR}{SP})?(?P<leap>闰)?{LUNARMONTH}"
           "(?:{SP}(?:{LUNARDAY}|{GZDAY}))?{TAIL}",
           P.p_lunar, (("农历八月十五", "2020-10-01..2020-10-01"),), needs="农阴旧"),
    Family("lunar_named", _POINT_LEAD,
           _YEAR_OPT + "(?:(?P<leap>闰)?(?P<lm>[正冬腊])月(?:{SP}(?:{LUNARDAY}|{GZDAY}))?"
           "|(?P<leap>闰){LUNARMONTH}|{LUNARMONTH}{SP}(?:(?P<ld>初[一二三四五六七八九十])(?:{SP}日)?|{GZDAY})"
           "|大年(?P<ld>初[一二三四五六七八九十])){TAIL}",
           P.p_lunar, (("正月初一", "2020-01-25..2020-01-25"), ("九月己未", "2020-11-12..2020-11-12")),
           needs="闰正冬腊大初" + T.HEAVENLY_STEMS),
    Family("range", (*_POINT_LEAD, "{FESTIVAL}", "{WEEKLEAD}"),
           "(?P<from>{RANGEFROM}){SP}(?:起{SP})?(?:{WINTER_TO}{CONN}{SP}(?P<to>{RANGEPOINT})"
           "|[和与]{SP}(?P<to>{RANGEPOINT}){SP}之间)",
           P.p_range, (("9月30日至10月2日", "2020-09-30..2020-10-02"),), needs=_CONNECTOR_CHARS + "和与"),
    Family("festival", (*_POINT_LEAD, "{FESTIVAL}"), _YEAR_OPT + "{FESTIVAL}{TAIL}",
           P.p_festival, (("中秋节", "2020-10-01..2020-10-01"), ("2020年立春", "2020-02-04..2020-02-04"),
                          ("冬至", "2020-12-21..2020-12-21")), needs=_FESTIVAL_FIRST),
    Family("plan", ("{PLAN}{SP}(?:{CONN}|和|、|及|{PLANPART}|{OPEN_END_AFTER})", *_OPEN_LEAD),
           "{OPENPRE}(?P<core>(?P<from>{PLAN})(?:{SP}(?:{CONN}|和|、|及){SP}(?P<to>{PLAN}))?"
           "(?:{PLANPART}|(?={SP}{OPEN_END_AFTER}))){OPENPOST}",
           P.p_plan, (("“十三五”时期", "2016-01-01..2020-12-31"), ("十四五开局之年", "2021-01-01..2021-12-31"),
                       ("“十三五”以来", "2016-01-01..2020-12-31")), needs="五"),
    Family("age", ("{AGE}", *_OPEN_LEAD), "{OPENPRE}(?P<core>{AGE}){OPENPOST}",
           P.p_point, (("20世纪80年代", "1980-01-01..1989-12-31"), ("21世纪初", "2000-01-01..2009-12-31"),
                       ("90年代末", "1997-01-01..1999-12-31")), needs="世代"),
    # The far year may be written with two digits, in the near one's century ("1985—89年").
    Family("year_range", ("{LEAD_NUM}",),
           "(?P<from>{YEAR4}){SP}(?:年{SP})?{CONN}{SP}(?P<to>{YEAR4}|{NB}(?P<yy>{AR}{2}){NE}){SP}年(?:度)?",
           P.p_unit_range, (("2020—2022年", "2020-01-01..2022-12-31"), ("1998—02年", "1998-01-01..2002-12-31")),
           needs=_CONNECTOR_CHARS),
    Family("year_list", ("{LEAD_NUM}",),
           "(?P<from>{YEAR4}){SP}(?:年{SP})?(?:{LSEP}{SP}{YEAR4}{SP}(?:年{SP})?){0,30}{LSEP}{SP}(?P<to>{YEAR4}){SP}年(?:度)?",
           P.p_unit_range, (("2019、2020年", "2019-01-01..2020-12-31"),), needs="、"),
    Family("numeric", ("{LEAD_NUM}",),
           "{NUMDATE}{TAIL}(?:{SP}(?:起{SP})?{CONN}{SP}(?P<to>{NUMDATE}{TAIL}|{NB}(?:19|20){AR}{2}(?![0-9０-９.．/-])"
           "|{NB}(?P<md>(?:0?[1-9]|1[0-2])[-/.．](?:0?[1-9]|[12][0-9]|3[01]))(?![0-9０-９]|[-/.．][0-9]|{SP}[{DECIMAL_UNITS}]){TAIL}))?",
           P.p_numeric, (("2020-09-16", "2020-09-16..2020-09-16"), ("2021.04.01—04.03", "2021-04-01..2021-04-03")),
           needs="-/.．"),
    # Eight figures in a row, as forms and file names write a day ("20240307"): only a real
    # month and day of 1900-2099, with no figure, letter or unit next to it.
    Family("compact", ("{COMPACT}",), "{COMPACT}", P.p_point, (("20240307", "2024-03-07..2024-03-07"),)),
    Family("monthday", ("(?<![0-9０-９.．])[0-9]{1,2}[·•・/／－-][0-9]",),
           "(?P<from>{MONTHDAY}{TAIL})(?:{SP}(?:起{SP})?{CONN}{SP}(?P<to>{MONTHDAY}{TAIL}))?",
           P.p_monthday, (("7·21", "2020-07-21..2020-07-21"), ("11/3号", "2020-11-03..2020-11-03"),
                          ("09-01 20:01", "2020-09-01..2020-09-01"),
                          ("09-01 20:01至09-03 18:00", "2020-09-01..2020-09-03"))),
    Family("ordinal", _POINT_LEAD, "(?:{YEAR}(?:{SP}{MONTH})?|{MONTH}){SP}{ORDPART}{TAIL}",
           P.p_point, (("2021年第一周", "2021-01-04..2021-01-10"), ("明年第九个月", "2021-09-01..2021-09-30"),
                       ("本月最后五天", "2020-09-26..2020-09-30"), ("5月第二个星期日", "2020-05-10..2020-05-10")),
           needs="第前头最後后首"),
    Family("offset", ("{OFFSET}", "{NTH}"), "(?:{OFFSET}|{NTH}){TAIL}",
           P.p_offset, (("三年后", "2023-01-01..2023-12-31"), ("第三天", "2020-09-18..2020-09-18")),
           needs="前后第"),
    Family("month_range", _POINT_LEAD,
           _YEAR_OPT + "(?P<from>{MONTHNUM}){SP}(?:月{SP})?{CONN}{SP}(?P<to>{MONTHNUM}){SP}月(?:{SP}份)?",
           P.p_unit_range, (("1—9月", "2020-01-01..2020-09-30"),), needs=_CONNECTOR_CHARS),
    Family("month_list", _POINT_LEAD,
           _YEAR_OPT + "(?P<from>{MONTHNUM}){SP}(?:月{SP})?(?:{LSEP}{SP}{MONTHNUM}{SP}(?:月{SP})?){0,30}{LSEP}{SP}"
           "(?P<to>{MONTHNUM}){SP}(?:[两二三四五六]{SP}个?{SP})?月(?:{SP}份)?",
           P.p_unit_range, (("5、6月份", "2020-05-01..2020-06-30"), ("3月、5月", "2020-03-01..2020-05-31"),
                            ("7、8两个月", "2020-07-01..2020-08-31")),
           needs="、"),
    Family("month_pair", ("{LEAD_NUM}",), _YEAR_OPT + "{MONTHPAIR}",
           P.p_month_pair, (("七八月份", "2020-07-01..2020-08-31"), ("2021年十一二月", "2021-11-01..2021-12-31")),
           needs="一二三四五六七八九十"),
    Family("day_range", _POINT_LEAD,
           _YEAR_OPT + "(?:{MONTH}{SP})?(?P<from>{DAYNUM}){SP}(?:[日号]{SP})?{CONN}{SP}"
           "(?P<to>{DAYNUM}){SP}{DAYMARK}(?!{DURATION}){TAIL}",
           P.p_unit_range, (("9月16—17日", "2020-09-16..2020-09-17"),), needs=_CONNECTOR_CHARS),
    # Days listed with "、", or with commas where every item is a day written out with 日/号
    # ("9月10日，11日，12日": a comma after a date otherwise opens its clause).
    Family("day_list", _POINT_LEAD,
           _YEAR_OPT + "(?:{MONTH}{SP})?(?:{DAYNUM}{SP}(?:[日号]{SP})?"
           "(?:{LSEP}{SP}{DAYNUM}{SP}(?:[日号]{SP})?){0,30}{LSEP}{SP}(?P<to>{DAYNUM}){SP}{DAYMARK}"
           "|{DAYNUM}{SP}{DAYMARK}(?:{SP}{CSEP}{SP}{DAYNUM}{SP}{DAYMARK}){0,30}{SP}{CSEP}{SP}"
           "(?P<to>{DAYNUM}){SP}{DAYMARK}(?!{SP}(?:{CONN}|[0-9０-９一二三四五六七八九十]|{DAYMARK}|{-POD}|{-TIME})))",
           P.p_day_list, (("9月16日、18日", "2020-09-16..2020-09-18"), ("9月10日，11日，12日", "2020-09-10..2020-09-12")),
           needs="、，,"),
    Family("quarter_range", _POINT_LEAD, _YEAR_OPT + "{QNUM}{SP}(?:季{SP}度{SP})?{CONN}{SP}{QLAST}",
           P.p_quarter_range, (("1—3季度", "2020-01-01..2020-09-30"),), needs="季"),
    Family("quarter_list", _POINT_LEAD,
           _YEAR_OPT + "(?:{QNUM}{SP}(?:季{SP}度{SP})?{LSEP}{SP}){1,3}{QLAST}|" + _YEAR_OPT + "{QNUM_CN}{QLAST}",
           P.p_quarter_range, (("三、四季度", "2020-07-01..2020-12-31"),), needs="季"),
    Family("relative_pair", ("{RELPAIR}",), "{RELPAIR}",
           P.p_relative_pair, (("今明两年", "2020-01-01..2021-12-31"), ("明后两天", "2020-09-17..2020-09-18"))),
    Family("weekday", ("{WEEKLEAD}",), "{WEEKDAY}{TAIL}|{WEEK}",
           P.p_weekday, (("星期五", "2020-09-18..2020-09-18"), ("下周", "2020-09-21..2020-09-27"))),
    # A point in time, and its open-ended forms: "自 2020 年 9 月 1 日起", "2019 年以来"
    # (open end), "截至 2020 年底", "2021 年前" (open start). One family, so the point is
    # parsed once where it has no open side (the common case).
    Family("point", (*_POINT_LEAD, "{GREG}", *_OPEN_LEAD),
           "{OPENPRE}(?:{GREG}{SP})?(?P<core>{POINT}){OPENPOST}",
           P.p_point, (("2020年9月16日", "2020-09-16..2020-09-16"), ("2020年冬", "2020-12-01..2021-02-28"),
                       ("前10个月", "2020-01-01..2020-10-31"), ("一季度末", "2020-03-01..2020-03-31"),
                       ("自2020年9月1日起", "2020-09-01..2020-09-01"), ("2019年以来", "2019-01-01..2019-12-31"),
                       ("截至2020年底", "2020-12-01..2020-12-31"), ("2021年前", "2021-01-01..2021-12-31"))),
    # A season alone opening a sentence ("冬，设立农民协会"): the season of the year in force.
    Family("season_bare", ("{SEASONBARE}",), "{SEASONBARE}",
           P.p_point, (("春", "2020-03-01..2020-05-31"), ("冬", "2020-12-01..2021-02-28"))),
    Family("double_hour", ("{SHICHEN}",), "(?<![^{SHICHEN_BEFORE}]){SHICHEN}",
           P.p_double_hour, (("戌时", "2020-09-16..2020-09-16"),)),
    Family("clock", _POINT_LEAD, "{CLOCK}",
           P.p_clock, (("上午9时", "2020-09-16..2020-09-16"),)),
)

MASTER, RULES = compile_rules(FAMILIES, shared=_POINT_LEAD)
MEANINGS = {family.name: family.meaning for family in FAMILIES}
