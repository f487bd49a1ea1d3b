"""Productions: what each named rule's match means, before context fills the gaps.

A production reads the fields of one match (grammar.fields) and returns a `Parsed`: one or
two `Point`s whose missing parts (year, month, day) the resolver takes from context.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import tables as T
from .grammar import Rule, expand, fields, matched
from .numerals import to_int
from .span import Open, PartOfDay, Precision


class NotADate(Exception):
    """The match looked like a date but is not one ("一点都不好玩"): skip it silently."""


class Impossible(Exception):
    """A date that cannot exist ("2 月 30 日", "宣统五年"): reported as a warning."""


@dataclass(slots=True)
class Point:
    year: int | None = None
    year_rel: str | None = None          # a key of RELATIVE_YEARS
    month: int | None = None
    month_rel: str | None = None         # a key of RELATIVE_MONTHS
    day: int | None = None
    day_rel: str | None = None           # a key of RELATIVE_DAYS
    # A part of a month (XUN: days a..b, b None = last day) or of a year (MONTH, QUARTER,
    # HALF: months a..b).
    period: tuple[Precision, int, int | None] | None = None
    lunar: bool = False                  # month/day are lunar
    leap: bool = False                   # 闰 month
    festival: str | None = None
    era: bool = False
    day_shift: int = 0                   # "晚上 12 点" is 00:00 of the next day
    start_shift: int = 0                 # 子时 starts at 23:00 of the day before
    pod: PartOfDay | None = None
    time: str | None = None
    end_time: str | None = None
    gregorian: bool = False              # marked 公历 (or a numeric notation): never lunar
    # Whole years: (precision, first, last) of a plan, a decade or a century.
    years: tuple[Precision, int, int] | None = None
    # A decade or century counted from the context: (century offset or None, decade tens or
    # None, part (first, last) or None); "80年代" = the last 1980s-like decade by then.
    age: tuple[int | None, int | None, tuple[int, int] | None] | None = None
    weekday: int | None = None           # ISO weekday (周三 = 3); 6 with `weekend`
    weekend: bool = False
    week_rel: int | None = None          # 下周 = 1
    offset: tuple[str, int] | None = None  # ("day" | "month" | "year", signed count)
    gz: str | None = None                # the sexagenary day in a lunar month ("己未")
    # A numbered part of the year or month the rest gives: (kind, n or None for "last",
    # unit, ISO weekday or None); see tables.ORDINAL_KINDS.
    ordinal: tuple[str, int | None, str | None, int | None] | None = None
    quarter_rel: int | None = None       # 上季度 = -1 (with `period` (MONTH, k) for 季度初/末)

    @property
    def has_date(self) -> bool:
        return not (self.year is None and self.year_rel is None and self.month is None
                    and self.month_rel is None and self.day is None and self.day_rel is None
                    and self.period is None and self.festival is None and self.years is None
                    and self.age is None and self.weekday is None and self.week_rel is None
                    and self.offset is None and self.ordinal is None and self.quarter_rel is None)


@dataclass(slots=True)
class Parsed:
    first: Point
    last: Point | None = None            # the other end of a range or list
    is_list: bool = False
    open: Open | None = None             # "自……起" (END), "截至……" (START)


# ------------------------------------------------------------------ fields -> parts
def _year(f: dict[str, str]) -> dict:
    if "y" in f:
        return {"year": to_int(f["y"])}
    if "y2" in f:
        yy = to_int(f["y2"])
        return {"year": yy + (2000 if yy <= 30 else 1900)}   # "08 年" 2008, "98 年" 1998
    if "yrel" in f:
        return {"year_rel": T.YEAR_REL_ALIASES.get(f["yrel"], f["yrel"])}
    return {}


def _period(f: dict[str, str]) -> tuple[Precision, int, int | None] | None:
    if "xun" in f:
        return (Precision.XUN, *T.XUN[f["xun"]])
    if "hm" in f:                                            # 上半月: days 1-15
        return (Precision.DAY, *T.HALF_MONTHS[f["hm"]])
    if "mb" in f:
        return (Precision.XUN, *T.MONTH_BOUNDS[f["mb"]])
    if "qrel" in f:                                          # 上季度末: its last month
        return None if "qb" not in f else (Precision.MONTH, 0 if f["qb"] == "初" else 2, None)
    if "q" in f:
        q = T.QUARTER_WORDS[f["q"]]
        if "qb" in f:                                        # 一季度末: its last month
            month = 3 * q - 2 if f["qb"] == "初" else 3 * q
            return (Precision.MONTH, month, month)
        return (Precision.QUARTER, 3 * q - 2, 3 * q)
    if "qn" in f:                                            # 前三季度
        return (Precision.QUARTER, 1, 3 * to_int(f["qn"]))
    if "fm" in f:                                            # 前 10 个月
        return (Precision.MONTH, 1, to_int(f["fm"]))
    if "half" in f:
        return (Precision.HALF, *T.HALVES[f["half"]])
    if "pair" in f:                                         # 夏秋: June to November
        first = T.SEASON_PAIRS[f["pair"]]
        return (Precision.MONTH, first + 2, first + 3) if "turn2" in f else (Precision.MONTH, first, first + 5)
    if "season" in f:
        first = T.SEASONS[f["season"]]
        return (Precision.SEASON, first, first + 2)
    if "turn" in f:
        return (Precision.MONTH, *T.YEAR_TURNS[f["turn"]])
    if "yb" in f:
        return (Precision.MONTH, *T.YEAR_BOUNDS[f["yb"]])
    return None


def _hhmm(hour: int, minute: int) -> str:
    if hour == 24 and minute == 0:        # "24 时": the midnight that ends the day (ISO 8601)
        return "24:00"
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise NotADate
    return f"{hour:02d}:{minute:02d}"


def _clock(f: dict[str, str], pod_word: str | None, text: str) -> tuple[str, int]:
    """Fields of one clock reading -> ("HH:MM", day shift)."""
    hour = to_int(f["h"])
    if hour is None:
        raise NotADate
    if "mi" in f:
        minute = to_int(f["mi"])
    else:
        minute = T.CLOCK_FRACTIONS.get(f.get("frac", ""), 0)
    if not f["h"].isascii() and pod_word is None and "mi" not in f and "frac" not in f \
            and not re.search("[钟整时年月日号天]", text):
        raise NotADate                    # "一点" is "a little" unless it is clearly a time
    shift = 0
    mode = T.PART_OF_DAY[pod_word][1] if pod_word else "as_is"
    if hour <= 12:
        if mode == "pm" and hour < 12:
            hour += 12
        elif mode == "noon" and 1 <= hour <= 5:
            hour += 12
        elif mode == "evening" and 4 <= hour < 12 or mode == "night" and 6 <= hour < 12:
            hour += 12
        elif mode in ("evening", "night") and hour == 12:
            hour, shift = 0, 1
    return _hhmm(hour, minute or 0), shift


def _pair(word: str) -> tuple[str, str]:
    """"七八" -> ("七", "八"), "十一二" -> ("十一", "十二"): two neighbouring numbers written
    together; any other two digits ("二五") are no such pair."""
    first, second = (word[:2], "十" + word[2]) if len(word) == 3 else (word[0], word[1])
    if to_int(second) != to_int(first) + 1:
        raise NotADate
    return first, second


def _window(hour: int) -> PartOfDay:
    return [part for first, part in T.CLOCK_WINDOWS if first <= hour][-1]


def _times(m: re.Match, rule: Rule, lo: int, hi: int, pod_word: str | None = None,
           f: dict[str, str] | None = None) -> dict:
    """Clock fields of [lo, hi); `f`: the fields of [lo, hi) if the caller has them."""
    end_span = _span_of(m, rule, "end", lo, hi)
    cut = end_span[0] if end_span else hi
    if f is None or end_span:
        f = fields(m, rule, lo, cut)
    out: dict = {}
    pod_word = f.get("pod", pod_word)
    if pod_word:
        out["pod"] = T.PART_OF_DAY[pod_word][0]
    if "hp" in f:                                       # "三四点": from the first to the second
        first, second = _pair(f["hp"])
        text = m.string[lo:cut]
        out["time"], out["day_shift"] = _clock({"h": first}, pod_word, text)
        out["end_time"], _ = _clock({"h": second}, pod_word, text)
        out.setdefault("pod", _window(int(out["time"][:2])))
    elif "h" in f:
        out["time"], out["day_shift"] = _clock(f, pod_word, m.string[lo:cut])
        out.setdefault("pod", _window(int(out["time"][:2])))
    if end_span:
        g = fields(m, rule, *end_span)
        out["end_time"], _ = _clock(g, g.get("pod", pod_word), m.string[slice(*end_span)])
    if "sc" in f:
        out.update(_double_hour(f["sc"], f["sck"]))
    return out


def _double_hour(branch: str, mark: str) -> dict:
    """"戌时" -> 19:00-21:00; "子时" -> 23:00 (of the day before) to 01:00 (tables.SHICHEN)."""
    first = T.SHICHEN[branch]
    a, b = T.SHICHEN_MARKS[mark]
    start, end = (first + a) % 24, (first + b) % 24
    shift = -1 if first + a == 23 else 0
    return {"time": f"{start:02d}:00", "end_time": f"{end:02d}:00", "pod": _window(start),
            "start_shift": shift}


def _span_of(m: re.Match, rule: Rule, name: str, lo: int, hi: int) -> tuple[int, int] | None:
    for start, end, field in matched(m, rule):
        if field == name and lo <= start < hi:
            return start, end
    return None


def point(m: re.Match, rule: Rule, lo: int | None = None, hi: int | None = None,
          f: dict[str, str] | None = None) -> Point:
    """The Point the fields of [lo, hi) of the match give (`f`: those fields, if known)."""
    lo = m.start() if lo is None else lo
    hi = m.end() if hi is None else hi
    if f is None:
        f = fields(m, rule, lo, hi)
    parts = _year(f)
    if "m" in f:
        parts["month"] = T.MONTH_WORDS.get(f["m"]) or to_int(f["m"])
    if "mrel" in f:
        parts["month_rel"] = f["mrel"]
    if "d" in f:
        parts["day"] = to_int(f["d"])
        if "m" in f and _lunar_style(m, rule, f, lo, hi):
            parts["lunar"] = True
    pod_word = None
    if "drel" in f:
        parts["day_rel"], pod_word = T.RELATIVE_DAY_PARTS.get(f["drel"], (f["drel"], None))
    if "plan" in f or "cn" in f or "crel" in f or "dy" in f or "dec" in f:
        parts.update(_years_of(f))
    if "greg" in f:
        parts["gregorian"] = True
    if "qrel" in f:
        parts["quarter_rel"] = T.RELATIVE_QUARTERS[f["qrel"]]
    if "ok" in f or "nwd" in f:
        parts["ordinal"] = _ordinal_of(f)
    if "fest" in f:
        parts["festival"] = f["fest"]
    if "wd" in f or "wrel" in f:
        parts["week_rel"] = T.WEEK_RELATIVE[f["wrel"]] if "wrel" in f else None
        if "wd" in f:
            parts["weekday"], parts["weekend"] = T.WEEKDAYS[f["wd"]], f["wd"] == "末"
    return Point(**parts, period=_period(f), **_times(m, rule, lo, hi, pod_word, f))


def _lunar_style(m: re.Match, rule: Rule, f: dict[str, str], lo: int, hi: int) -> bool:
    """"八月十五", "五月廿二": a day in Chinese numerals with no 日 after a month, and no
    Gregorian year written, is how lunar dates are written; Gregorian ones carry 日 or 号."""
    if "y" in f or "y2" in f or f["d"].isascii():
        return False
    where = _span_of(m, rule, "d", lo, hi)
    rest = m.string[where[1]:hi].lstrip(T.LAYOUT_SPACE)
    return not rest.startswith(("日", "号"))


def _ordinal_of(f: dict[str, str]) -> tuple[str, int | None, str | None, int | None]:
    if "nwd" in f:                                           # 第3个星期日, 最后一个星期一
        return ("nth", None if "nl" in f else to_int(f["nn"]), None, T.WEEKDAYS[f["nwd"]])
    n = to_int(f["on"]) if "on" in f else 1                  # 首月: the first
    if not n:
        raise NotADate
    return (T.ORDINAL_KINDS[f["ok"]] if f["ok"] != "首" else "nth", n, T.ORDINAL_UNITS[f["ou"]], None)


def _years_of(f: dict[str, str]) -> dict:
    """Plans, decades and centuries: absolute years where the text gives them, else what
    the resolver needs to count them from the context."""
    if "plan" in f:
        number = to_int(f["plan"])
        if number not in T.FIVE_YEAR_PLANS:
            raise NotADate
        first = T.FIVE_YEAR_PLANS[number]
        a, b = T.PLAN_PARTS[f.get("pp", "时期")]
        return {"years": (Precision.PLAN if (a, b) == (0, 4) else Precision.YEAR, first + a, first + b)}
    part = f.get("part")
    if "dy" in f or "dec" in f:
        decade_part = T.DECADE_PARTS.get(part) if part else (0, 9)
        if decade_part is None:
            raise NotADate
        if "dy" in f:
            first = to_int(f["dy"])
        elif "cn" in f:
            first = (to_int(f["cn"]) - 1) * 100 + to_int(f["dec"])
        else:
            return {"age": (T.CENTURY_RELATIVE.get(f.get("crel")), to_int(f["dec"]), decade_part)}
        return {"years": (Precision.DECADE, first + decade_part[0], first + decade_part[1])}
    century_part = T.CENTURY_PARTS.get(part) if part else (0, 99)
    if century_part is None:
        raise NotADate
    if "cn" in f:
        first = (to_int(f["cn"]) - 1) * 100
        return {"years": (Precision.CENTURY, first + century_part[0], first + century_part[1])}
    return {"age": (T.CENTURY_RELATIVE[f["crel"]], None, century_part)}


# ------------------------------------------------------------------ one per rule
def _sides(m: re.Match, rule: Rule) -> tuple[tuple[int, int], tuple[int, int]]:
    return _span_of(m, rule, "from", m.start(), m.end()), _span_of(m, rule, "to", m.start(), m.end())


def _open(f: dict[str, str]) -> Open | None:
    """The open side the words around a point give ("……起", "截至……", "……前"); their
    fields (obs, obe, oe, os) are the match's own, outside the point's."""
    if "oe" in f:
        return Open.END
    if "os" in f or "obs" in f:
        return Open.START
    return None


def p_point(m, rule):
    """A point, with the open side its words give."""
    f = fields(m, rule)
    p = point(m, rule, f=f)
    if not p.has_date and p.time is None and p.pod is None:
        raise NotADate
    return Parsed(p, open=_open(f))


# Shortcuts: the meaning of the commonest texts straight from the text, without their
# rule's regex and its fields: a year, month or day written in figures and nothing else but
# a part of the day ("2020年9月16日", "9月", "16日上午": most mentions of a chronicle), and
# a range of such days ("9月16—17日"). test_productions checks that each gives what its
# family's production gives, on every text of its shape the family's rule reads whole.
_S = expand("{SP}")
_POD = f"(?:{_S}{expand('{POD}')})?"
_PLAIN = re.compile(
    f"(?:(?P<y>[0-9]{{4}}){_S}年(?:{_S}(?P<m>[0-9]{{1,2}}){_S}月(?:{_S}(?P<d>[0-9]{{1,2}}){_S}[日号])?)?"
    f"|(?P<m2>[0-9]{{1,2}}){_S}月(?:{_S}(?P<d2>[0-9]{{1,2}}){_S}[日号])?|(?P<d3>[0-9]{{1,2}}){_S}[日号])" + _POD)
_PLAIN_DAYS = re.compile(
    f"(?:(?P<y>[0-9]{{4}}){_S}年{_S})?(?:(?P<m>[0-9]{{1,2}}){_S}月{_S})?(?P<d>[0-9]{{1,2}}){_S}(?:[日号]{_S})?"
    f"(?:{expand('{CONN}')}){_S}(?P<d2>[0-9]{{1,2}}){_S}[日号]" + _POD)


def _number(text: str | None) -> int | None:
    return None if text is None else int(text)


def _part_of_day(word: str | None) -> PartOfDay | None:
    return None if word is None else T.PART_OF_DAY[word][0]


def plain_point(text: str) -> Parsed | None:
    """p_point's meaning of `text` when the text is a plain point in figures; else None."""
    found = _PLAIN.fullmatch(text)
    if found is None:
        return None
    y, m, d, m2, d2, d3, pod = found.groups()
    return Parsed(Point(year=_number(y), month=_number(m or m2), day=_number(d or d2 or d3),
                        pod=_part_of_day(pod)))


def plain_days(text: str) -> Parsed | None:
    """p_unit_range's meaning of `text` when it is a range of days in figures; else None."""
    found = _PLAIN_DAYS.fullmatch(text)
    if found is None:
        return None
    y, m, d, d2, pod = found.groups()
    return Parsed(Point(year=_number(y), month=_number(m), day=int(d)), Point(day=int(d2), pod=_part_of_day(pod)))


SHORTCUTS = {"point": plain_point, "day_range": plain_days}


def p_clock(m, rule):
    return Parsed(point(m, rule))


def p_range(m, rule):
    (a0, a1), (b0, b1) = _sides(m, rule)
    first, last_f = point(m, rule, a0, a1), fields(m, rule, b0, b1)
    last = point(m, rule, b0, b1, f=last_f)
    if "y2" in last_f and first.year is not None:        # "1985到89年9月": 1989
        last = replace(last, year=_same_century(first.year, last.year % 100))
    return Parsed(first, last)


def _same_century(year: int, yy: int) -> int:
    """A two-digit year after a four-digit one: the first such year from `year` on."""
    value = year - year % 100 + yy
    return value if value >= year else value + 100


def p_monthday(m, rule):
    """"7·21", "11/3号", "09-01 20:01", and a range of them."""
    to = _span_of(m, rule, "to", m.start(), m.end())
    if to is None:
        return Parsed(point(m, rule))
    return Parsed(point(m, rule, m.start(), to[0]), point(m, rule, *to))


def p_month_pair(m, rule):
    """"七八月份": from the first month to the second."""
    f = fields(m, rule)
    first, second = _pair(f["mp"])
    return Parsed(replace(point(m, rule, f=f), month=to_int(first)), Point(month=to_int(second)))


def p_relative_pair(m, rule):
    """"今明两年", "明后两天": from the first relative year or day to the second."""
    first, second = T.RELATIVE_PAIRS[fields(m, rule)["rp"]]
    if first in T.RELATIVE_YEARS:
        return Parsed(Point(year_rel=first), Point(year_rel=second))
    return Parsed(Point(day_rel=first), Point(day_rel=second))


def p_unit_range(m, rule):
    """"2020 年 9 月 16—17 日", "2020 年 1—9 月", "2020—2022 年": one unit, two numbers;
    a list of months or years ("5、6 月份") likewise, first to last."""
    (a0, a1), (b0, b1) = _sides(m, rule)
    first = point(m, rule, m.start(), a1)
    last_f = fields(m, rule, b0, b1)
    key = _UNIT_OF_RULE[rule.name]
    if "yy" in last_f:                                   # "1985—89年": in the first one's century
        value = _same_century(first.year, to_int(last_f["yy"]))
    else:
        value = to_int(last_f[{"day": "d", "month": "m", "year": "y"}[key]])
    last = Point(**{key: value}, **_times(m, rule, b1, m.end()))
    return Parsed(first, last, is_list=rule.name.endswith("_list"))


def p_school_year(m, rule):
    """"2020—2021学年": September 2020 to August 2021; "……第一学期" September to January,
    "第二学期" February to July (tables.SCHOOL_TERMS). The years must follow each other."""
    f = fields(m, rule)
    first = to_int(f["y"])
    second = _same_century(first, to_int(f["yy"])) if "yy" in f else to_int(_second_year(m, rule))
    if first is None or second != first + 1:
        raise NotADate
    start, end = T.SCHOOL_TERMS[f["term"]] if "term" in f else T.SCHOOL_YEAR_MONTHS
    return Parsed(Point(year=first if start >= 9 else second, month=start),
                  Point(year=second if end < 9 else first, month=end))


def _second_year(m, rule) -> str:
    (b0, b1) = _span_of(m, rule, "to", m.start(), m.end())
    return fields(m, rule, b0, b1)["y"]


_UNIT_OF_RULE = {"day_range": "day", "month_range": "month", "year_range": "year",
                 "month_list": "month", "year_list": "year"}


def p_quarter_range(m, rule):
    """"1—3 季度": the first quarter's start to the third's end (a list: first to last)."""
    b0, b1 = _span_of(m, rule, "to", m.start(), m.end())
    # Fields are first-wins, so everything before the last quarter reads as the first one.
    return Parsed(point(m, rule, m.start(), b0), point(m, rule, b0, b1), is_list=rule.name == "quarter_list")


def p_day_list(m, rule):
    b0, b1 = _span_of(m, rule, "to", m.start(), m.end())
    return Parsed(point(m, rule, m.start(), b0), Point(day=to_int(fields(m, rule, b0, b1)["d"])),
                  is_list=True)


def _numeric(m, rule, lo: int, hi: int) -> Point:
    from .dateparser_adapter import parse_numeric

    p = point(m, rule, lo, hi)
    f = fields(m, rule, lo, hi)
    if "md" in f:                                            # "2021.04.01—04.03": its year from the start
        month, day = (int(x) for x in re.split(r"[-/.．]", f["md"]))
        return replace(p, month=month, day=day)
    if "num" not in f:                                       # "2008.03-2009": a bare year
        return Point(year=int(m.string[lo:hi]))
    text = f["num"]
    nums = [int(x) for x in re.split(r"[-/.．]", text)]
    year, month, day = (nums + [None])[:3]
    if not 1 <= month <= 12:
        raise Impossible(f"no month {month}")
    if day is not None:
        parsed = parse_numeric(text)
        if parsed is None:
            raise Impossible(f"no day {day} in {year}-{month:02d}")
        year, month, day = parsed.year, parsed.month, parsed.day
    return replace(p, year=year, month=month, day=day)


def p_numeric(m, rule):
    """"2020-09-16", "2020.9", and a range of them ("2018/1/10-2018/7/10", "2008.03-2009",
    "2021.04.01—04.03")."""
    to = _span_of(m, rule, "to", m.start(), m.end())
    if to is None:
        return Parsed(_numeric(m, rule, m.start(), m.end()))
    return Parsed(_numeric(m, rule, m.start(), to[0]), _numeric(m, rule, *to))


def _lunar_month(word: str) -> int:
    return T.LUNAR_MONTH_NAMES.get(word + "月") or to_int(word)


def _lunar_day(word: str | None) -> int | None:
    if word is None:
        return None
    return to_int(word.removeprefix(T.LUNAR_DAY_PREFIX))


def p_lunar(m, rule):
    f = fields(m, rule)
    p = point(m, rule)
    return Parsed(replace(p, month=_lunar_month(f["lm"]) if "lm" in f else 1,
                          day=_lunar_day(f.get("ld")), lunar=True, leap="leap" in f,
                          gz=f.get("gz")))


def p_festival(m, rule):
    f = fields(m, rule)
    name = f["fest"]
    if name in T.AMBIGUOUS_SOLAR_TERMS and "y" not in f and "y2" not in f and "yrel" not in f \
            and not m.string.startswith(T.SOLAR_TERM_CUES, m.end()):
        raise NotADate                    # "雨水" is rain water unless a year or 节气 says so
    return Parsed(replace(point(m, rule), festival=name))


def p_era(m, rule):
    f = fields(m, rule)
    first_year, last_number, months = T.ERAS[f["era"]]
    if "reign" in f:                                    # "嘉庆年间": the whole reign
        if last_number is None:
            raise NotADate
        return Parsed(Point(years=(Precision.YEAR, first_year, first_year + last_number - 1), era=True))
    n = 1 if f["en"] == T.FIRST_YEAR_WORD else to_int(f["en"])
    if n is None or n < 1:
        raise NotADate
    if last_number is not None and n > last_number:
        raise Impossible(f"{f['era']} has no year {n} (it ended with year {last_number})")
    month = _lunar_month(f["lm"]) if "lm" in f else None
    # A day written 初一…初十 is a lunar day under any era ("民国十年二月初一日"): Gregorian
    # dates never name a day so.
    lunar = months == "lunar" or f.get("ld", "").startswith(T.LUNAR_DAY_PREFIX)
    return Parsed(replace(point(m, rule), year=first_year + n - 1, month=month,
                          day=_lunar_day(f.get("ld")), era=True, gz=f.get("gz"),
                          lunar=lunar and month is not None))


def p_plan(m, rule):
    """"“十三五”时期", "十二五至十三五期间": from the first plan's start to the last's end."""
    core = _span_of(m, rule, "core", m.start(), m.end())
    f = fields(m, rule)
    p = point(m, rule, *core)                    # "“十三五”以来": no part, the whole plan
    to = _span_of(m, rule, "to", m.start(), m.end())
    if to is not None:
        last = T.FIVE_YEAR_PLANS.get(to_int(fields(m, rule, *to)["plan"]))
        if last is None or p.years[0] is not Precision.PLAN:
            raise NotADate
        p = replace(p, years=(Precision.PLAN, p.years[1], last + 4))
    return Parsed(p, open=_open(f))


def p_weekday(m, rule):
    f = fields(m, rule)
    p = point(m, rule)
    week_rel = T.WEEK_RELATIVE[f["wrel"]] if "wrel" in f else None
    if "wd" not in f:
        return Parsed(replace(p, week_rel=week_rel))
    return Parsed(replace(p, weekday=T.WEEKDAYS[f["wd"]], weekend=f["wd"] == "末", week_rel=week_rel))


def p_offset(m, rule):
    """"3 日后", "两个月后", "三年后", "一年半后", "第三天": counted from the previous mention."""
    f = fields(m, rule)
    unit, size = T.OFFSET_UNITS[f["ou"]]
    if "nth" in f:                                            # the previous one is the first
        n = to_int(f["nth"])
        if not n:
            raise NotADate
        return Parsed(replace(point(m, rule), offset=(unit, (n - 1) * size)))
    n = 0.5 if f["on"] == "半" else to_int(f["on"])
    if n is None:
        raise NotADate
    if m.group().rstrip(f["od"]).rstrip().endswith("半") and f["on"] != "半":
        n += 0.5                                              # "一年半后"
    count = n * size
    if count != int(count):                                   # half a year = six months
        if unit != "year":
            raise NotADate
        unit, count = "month", count * 12
    return Parsed(replace(point(m, rule), offset=(unit, int(count) * T.OFFSET_DIRECTIONS[f["od"]])))


def p_double_hour(m, rule):
    return Parsed(point(m, rule))
