"""Productions: what each named rule's match means, before context fills the gaps.

A production reads the fields of one match (grammar.fields) and returns a `Parsed`: one or
two `Point`s whose missing parts (year, month, day) the resolver takes from context.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import tables as T
from .grammar import RULES, Rule, fields
from .numerals import to_int
from .span import PartOfDay, Precision


class NotADate(Exception):
    """The match looked like a date but is not one ("一点都不好玩"): skip it silently."""


class Impossible(Exception):
    """A date that cannot exist ("2 月 30 日", "宣统五年"): reported as a warning."""


@dataclass(frozen=True)
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
    pod: PartOfDay | None = None
    time: str | None = None
    end_time: str | None = None

    @property
    def has_date(self) -> bool:
        return any(v is not None for v in (self.year, self.year_rel, self.month,
                                           self.month_rel, self.day, self.day_rel,
                                           self.period, self.festival))


@dataclass(frozen=True)
class Parsed:
    first: Point
    last: Point | None = None            # the other end of a range or list
    is_list: bool = False


# ------------------------------------------------------------------ fields -> parts
def _year(f: dict[str, str]) -> dict:
    if "y" in f:
        return {"year": to_int(f["y"])}
    if "y2" in f:
        yy = to_int(f["y2"])
        return {"year": yy + (2000 if yy <= 30 else 1900)}   # "08 年" 2008, "98 年" 1998
    if "yrel" in f:
        return {"year_rel": f["yrel"]}
    return {}


def _period(f: dict[str, str]) -> tuple[Precision, int, int | None] | None:
    if "xun" in f:
        return (Precision.XUN, *T.XUN[f["xun"]])
    if "mb" in f:
        return (Precision.XUN, *T.MONTH_BOUNDS[f["mb"]])
    if "q" in f:
        q = T.QUARTER_WORDS[f["q"]]
        return (Precision.QUARTER, 3 * q - 2, 3 * q)
    if "qn" in f:                                            # 前三季度
        return (Precision.QUARTER, 1, 3 * to_int(f["qn"]))
    if "half" in f:
        return (Precision.HALF, *T.HALVES[f["half"]])
    if "yb" in f:
        return (Precision.MONTH, *T.YEAR_BOUNDS[f["yb"]])
    return None


def _hhmm(hour: int, minute: int) -> str:
    if hour == 24 and minute == 0:        # "24 时": the end of the day
        return "23:59"
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
            and not re.search("[钟整时年月日号]", text):
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
    if "h" in f:
        out["time"], out["day_shift"] = _clock(f, pod_word, m.string[lo:cut])
        out.setdefault("pod", _window(int(out["time"][:2])))
    if end_span:
        g = fields(m, rule, *end_span)
        out["end_time"], _ = _clock(g, g.get("pod", pod_word), m.string[slice(*end_span)])
    return out


def _span_of(m: re.Match, rule: Rule, name: str, lo: int, hi: int) -> tuple[int, int] | None:
    regs = m.regs                         # (-1, -1) for a group that did not match
    for group in rule.groups_of.get(name, ()):
        if lo <= regs[group][0] < hi:
            return regs[group]
    return None


def point(m: re.Match, rule: Rule, lo: int | None = None, hi: int | None = None) -> Point:
    lo = m.start() if lo is None else lo
    hi = m.end() if hi is None else hi
    f = fields(m, rule, lo, hi)
    parts = _year(f)
    if "m" in f:
        parts["month"] = to_int(f["m"])
    if "mrel" in f:
        parts["month_rel"] = f["mrel"]
    if "d" in f:
        parts["day"] = to_int(f["d"])
    pod_word = None
    if "drel" in f:
        parts["day_rel"], pod_word = T.RELATIVE_DAY_PARTS.get(f["drel"], (f["drel"], None))
    return Point(**parts, period=_period(f), **_times(m, rule, lo, hi, pod_word, f))


# ------------------------------------------------------------------ one per rule
def _sides(m: re.Match, rule: Rule) -> tuple[tuple[int, int], tuple[int, int]]:
    return _span_of(m, rule, "from", m.start(), m.end()), _span_of(m, rule, "to", m.start(), m.end())


def p_point(m, rule):
    p = point(m, rule)
    if not p.has_date and p.time is None:
        raise NotADate
    return Parsed(p)


def p_clock(m, rule):
    return Parsed(point(m, rule))


def p_range(m, rule):
    (a0, a1), (b0, b1) = _sides(m, rule)
    return Parsed(point(m, rule, a0, a1), point(m, rule, b0, b1))


def p_unit_range(m, rule):
    """"2020 年 9 月 16—17 日", "2020 年 1—9 月", "2020—2022 年": one unit, two numbers."""
    (a0, a1), (b0, b1) = _sides(m, rule)
    first = point(m, rule, m.start(), a1)
    last_f = fields(m, rule, b0, b1)
    key = {"day_range": "day", "month_range": "month", "year_range": "year"}[rule.name]
    value = to_int(last_f[{"day": "d", "month": "m", "year": "y"}[key]])
    last = Point(**{key: value}, **_times(m, rule, b1, m.end()))
    return Parsed(first, last)


def p_quarter_range(m, rule):
    """"1—3 季度": the first quarter's start to the third's end (a list: first to last)."""
    b0, b1 = _span_of(m, rule, "to", m.start(), m.end())
    # Fields are first-wins, so everything before the last quarter reads as the first one.
    return Parsed(point(m, rule, m.start(), b0), point(m, rule, b0, b1), is_list=rule.name == "quarter_list")


def p_day_list(m, rule):
    b0, b1 = _span_of(m, rule, "to", m.start(), m.end())
    return Parsed(point(m, rule, m.start(), b0), Point(day=to_int(fields(m, rule, b0, b1)["d"])),
                  is_list=True)


def p_numeric(m, rule):
    from .dateparser_adapter import parse_numeric

    p = point(m, rule)
    text = fields(m, rule)["num"]
    nums = [int(x) for x in re.split(r"[-/.．]", text)]
    year, month, day = (nums + [None])[:3]
    if not 1 <= month <= 12:
        raise Impossible(f"no month {month}")
    if day is not None:
        parsed = parse_numeric(text)
        if parsed is None:
            raise Impossible(f"no day {day} in {year}-{month:02d}")
        year, month, day = parsed.year, parsed.month, parsed.day
    return Parsed(replace(p, year=year, month=month, day=day))


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
                          day=_lunar_day(f.get("ld")), lunar=True, leap="leap" in f))


def p_festival(m, rule):
    return Parsed(replace(point(m, rule), festival=fields(m, rule)["fest"]))


def p_era(m, rule):
    f = fields(m, rule)
    first_year, last_number, months = T.ERAS[f["era"]]
    n = 1 if f["en"] == T.FIRST_YEAR_WORD else to_int(f["en"])
    if n is None or n < 1:
        raise NotADate
    if last_number is not None and n > last_number:
        raise Impossible(f"{f['era']} has no year {n} (it ended with year {last_number})")
    month = _lunar_month(f["lm"]) if "lm" in f else None
    return Parsed(replace(point(m, rule), year=first_year + n - 1, month=month,
                          day=_lunar_day(f.get("ld")), era=True,
                          lunar=months == "lunar" and month is not None))


PRODUCTIONS = {
    "era": p_era,
    "lunar_marked": p_lunar,
    "lunar_named": p_lunar,
    "festival": p_festival,
    "year_range": p_unit_range,
    "numeric": p_numeric,
    "month_range": p_unit_range,
    "day_range": p_unit_range,
    "day_list": p_day_list,
    "quarter_range": p_quarter_range,
    "quarter_list": p_quarter_range,
    "range": p_range,
    "point": p_point,
    "clock": p_clock,
}
assert PRODUCTIONS.keys() == RULES.keys(), "every rule needs a production"
