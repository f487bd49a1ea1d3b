"""The grammar: named regex fragments composed by reference, and the named rules.

A fragment refers to another as `{NAME}`; a rule is a name plus a template. Group names in
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
from itertools import count

from . import tables as T


def _alt(words) -> str:
    """Alternation of literal words, longest first so "大后天" beats "后天", grouped by first
    character ("大(?:大后天|后天|前天)|同(?:一天|日)|..."): sre tries branches one by one, so a
    position that starts none of them costs one test per first character, not per word."""
    by_first: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        by_first.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(re.escape(first) + (f"(?:{'|'.join(rest)})" if rest != [""] else "")
                    for first, rest in by_first.items())


_CN = "零〇○一二两三四五六七八九"

# The quarter words written in Chinese numerals ("三四季度" reads as a list only with these).
_QUARTER_CN = "".join(w for w in T.QUARTER_WORDS if w in _CN)

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
    # ---- years
    "YEAR4": f"{{NB}}(?P<y>{{AR}}{{4}}|[{_CN}]{{4}}|[两二]千(?:零?[一二三四五六七八九十]{{1,2}})?){{NE}}",
    "MONTHNUM_RAW": "(?:{AR}{1,2}|十[一二]?|[一二三四五六七八九])",
    # "98 年 4 月", "零八年八月": two-digit years only where a month follows.
    "YEAR2": f"{{NB}}(?P<y2>{{AR}}{{2}}|[{_CN}]{{2}})(?={{SP}}年{{SP}}(?:{{MONTHNUM_RAW}}{{SP}}月|第?[一二三四1-4]{{SP}}季度|[上下]半年|[初底末]))",
    "YEARREL": f"(?P<yrel>{_alt(T.RELATIVE_YEARS)})",
    "YEARBOUND": (f"(?:(?P<yb>{_alt(w for w in T.YEAR_BOUNDS if w != '中')})(?![一二三四五六七八九十])"
                  "|(?P<yb>中)(?=[，。、；）)]|$))"),
    "YEAR": "(?:(?:{YEAR4}|{YEAR2}){SP}年(?!历史|之久|多)|{YEARREL})(?:年?{YEARBOUND}|度)?",
    # ---- months and days
    "MONTHNUM": "{NB}(?P<m>{MONTHNUM_RAW})",
    "MONTHREL": f"(?P<mrel>{_alt(T.RELATIVE_MONTHS)})",
    "MONTH": "(?:{MONTHNUM}{SP}月(?:份)?|{MONTHREL})",
    "DAYCN_MULTI": "(?:[二两三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?)",
    "DURATION": f"(?:{_alt(T.DAY_DURATION_SUFFIXES)})",
    # "16 日", "十六日", and after a month also "八月十五" (Chinese numerals need no 日).
    "DAYNUM": "(?:{NB}(?P<d>{AR}{1,2}){NE}|(?P<d>{DAYCN_MULTI}|[一二三四五六七八九]))",
    "DAY": ("(?:{NB}(?P<d>{AR}{1,2}){SP}[日号]|(?P<d>{DAYCN_MULTI}|[一二三四五六七八九]){SP}[日号]"
            "|(?P<d>{DAYCN_MULTI})(?![零一二三四五六七八九十个家项人次万亿千百多余名位届])"
            "|{NB}(?P<d>{AR}{1,2}){NE}(?=$|[，。；,;）)至到]))(?!{DURATION})"),
    # "《光明日报》", "今日头条", "《明日之后》" are names, not days.
    "DAYREL": f"(?P<drel>{_alt([*T.RELATIVE_DAYS, *T.RELATIVE_DAY_PARTS])})(?!{_alt(T.RELATIVE_DAY_NOT_BEFORE)})",
    # A day alone ("18 日" under a chronicle's month heading): 日 only, "号" is too often a
    # house or machine number ("1 号机").
    "DAYALONE": "(?<!第)(?:{NB}(?P<d>{AR}{1,2}){SP}|(?P<d>{DAYCN_MULTI}))日(?!{DURATION})",
    # ---- parts of months and years
    "XUN": f"(?P<xun>{_alt(T.XUN)})",
    "MONTHBOUND": "(?:(?P<mb>月初|月底|月末|初(?![一二三四五六七八九十])|底|末)|(?P<mb>中)(?=[，。、；）)]|$))",
    "MONTHBOUND_ALONE": "(?<![0-9０-９零一二两三四五六七八九十个])(?P<mb>月初|月底|月末)",
    "QUARTER": "(?:{QNUM}|前(?P<qn>[二两三])){SP}季度",
    # A quarter's number before the last of a range or list ("1—3 季度", "三、四季度"),
    # 季度 written once; without a separator only Chinese numerals ("三四季度": "12 季度"
    # is twelve quarters).
    "QNUM": f"第?(?P<q>{_alt(T.QUARTER_WORDS)})",
    "QNUM_CN": f"第?(?P<q>[{_QUARTER_CN}])(?=[{_QUARTER_CN}]季度)",
    "QLAST": "(?P<to>{QNUM}{SP}季度)",
    "HALF": f"(?P<half>{_alt(T.HALVES)})",
    "YEARBOUND_ALONE": ("(?<![0-9０-９零一二两三四五六七八九十多几每个])年(?:(?P<yb>初|底|末|终)(?![一二三四五六七八九十])"
                        "|(?P<yb>中)(?=[，。、；）)]|$))"),
    "MONTHTAIL": "(?:{MONTH}(?:{SP}{DAY}|{SP}{XUN}|{MONTHBOUND})?|{QUARTER}|{HALF})",
    # ---- clock
    "POD": f"(?P<pod>{_alt(T.PART_OF_DAY)})",
    "HOUR": "(?:{NB}(?P<h>{AR}{1,2})|(?P<h>[零一二两三四五六七八九十]{1,3}))",
    "MINUTE": (f"(?:(?P<mi>{{AR}}{{1,2}}|[{_CN}十]{{1,3}}){{SP}}分(?!钟)|(?P<frac>{_alt(T.CLOCK_FRACTIONS)})"
               "|(?P<mi>{AR}{2})(?![0-9０-９.．%度万]))"),
    "HOURMARK": "[时点](?:钟|整|许)?",
    "TIME": ("(?:{NB}(?P<h>{AR}{1,2}){SP}[:：]{SP}(?P<mi>[0-5][0-9])(?:[:：][0-5][0-9])?{NE}(?:时)?"
             "|{HOUR}{SP}{HOURMARK}(?:{SP}{MINUTE}|(?![0-9０-９零一二三四五六七八九十间期代候])))"),
    "BAREHOUR": "{HOUR}(?={SP}{CONN}{SP}(?:{POD}{SP})?{HOUR}{SP}[时点:：])",
    "CLOCK": "(?:{POD}{SP})?(?:{TIME}|{BAREHOUR})(?:{SP}{CONN}{SP}(?P<end>(?:{POD}{SP})?{TIME}))?",
    "TAIL": "(?:{SP}{CLOCK}|{SP}{POD})?",
    # ---- a point in time, and the names a calendar gives to days
    "POINT": ("(?:{YEAR}(?:{SP}{MONTHTAIL})?|{MONTHTAIL}|{DAYALONE}|{DAYREL}|{YEARBOUND_ALONE}"
              "|{MONTHBOUND_ALONE}|{XUN}){TAIL}"),
    "LUNARMONTH": "(?:(?P<lm>[正冬腊]|十[一二]?|[一二三四五六七八九]|{NB}{AR}{1,2}){SP}月)",
    "LUNARDAY": ("(?:(?P<ld>初(?:[一二三四五六七八九十]|[0-9]{1,2}(?![0-9]))|[二两]十[一二三四五六七八九]?|十[一二三四五六七八九]?"
                 "|廿[一二三四五六七八九]?|三十)(?:{SP}[日号])?|(?P<ld>{AR}{1,2}){NE}(?:{SP}[日号])?"
                 "|(?P<ld>[一二三四五六七八九]){SP}[日号])"),
    "LUNARMARK": f"(?P<marker>{_alt(T.LUNAR_MARKERS)})",
    "ERANUM": "(?P<en>元|{AR}{1,3}|[一二三四五六七八九十百]{1,4})",
}

# Rules in the order they are tried at a position. Each name must be exercised by a gold
# case (tests/dates/test_rules_covered.py).
RULE_TEMPLATES: tuple[tuple[str, str], ...] = (
    ("era", f"(?P<era>{_alt(T.ERAS)}){{ERANUM}}{{SP}}年"
            "(?:{SP}{LUNARMONTH}(?:{SP}{LUNARDAY})?)?{TAIL}"),
    ("lunar_marked", "(?:{YEAR}{SP})?{LUNARMARK}{SP}(?:{YEAR}{SP})?(?P<leap>闰)?{LUNARMONTH}"
                     "(?:{SP}{LUNARDAY})?{TAIL}"),
    ("lunar_named", "(?:{YEAR}{SP})?(?:(?P<leap>闰)?(?P<lm>[正冬腊])月(?:{SP}{LUNARDAY})?|(?P<leap>闰){LUNARMONTH}"
                    "|{LUNARMONTH}{SP}(?P<ld>初[一二三四五六七八九十])|大年(?P<ld>初[一二三四五六七八九十]))"
                    "{TAIL}"),
    ("festival", "(?:{YEAR}{SP})?(?P<fest>"
                 + _alt([*T.SOLAR_FESTIVALS, *T.LUNAR_FESTIVALS, *T.NEW_YEARS_EVE,
                         *T.SOLAR_TERM_FESTIVALS]) + "){TAIL}"),
    ("year_range", "(?P<from>{YEAR4}){SP}(?:年{SP})?{CONN}{SP}(?P<to>{YEAR4}){SP}年(?:度)?"),
    ("numeric", "{NB}(?P<num>(?:19|20){AR}{2}(?:-[0-9]{1,2}(?:-[0-9]{1,2})?"
                "|/[0-9]{1,2}(?:/[0-9]{1,2})?|[.．][0-9]{1,2}(?:[.．][0-9]{1,2})?))"
                f"(?![0-9０-９]|[.．][0-9]|{{SP}}[{T.DECIMAL_UNIT_CHARS}]){{TAIL}}"),
    ("month_range", "(?:{YEAR}{SP})?(?P<from>{MONTHNUM}){SP}(?:月{SP})?{CONN}{SP}"
                    "(?P<to>{MONTHNUM}){SP}月(?:份)?"),
    ("day_range", "(?:{YEAR}{SP})?(?:{MONTH}{SP})?(?P<from>{DAYNUM}){SP}(?:[日号]{SP})?{CONN}{SP}"
                  "(?P<to>{DAYNUM}){SP}[日号](?!{DURATION}){TAIL}"),
    ("day_list", "(?:{YEAR}{SP})?(?:{MONTH}{SP})?{DAYNUM}{SP}(?:[日号]{SP})?"
                 "(?:{LSEP}{SP}{DAYNUM}{SP}(?:[日号]{SP})?)*{LSEP}{SP}(?P<to>{DAYNUM}){SP}[日号]"),
    ("quarter_range", "(?:{YEAR}{SP})?{QNUM}{SP}(?:季度{SP})?{CONN}{SP}{QLAST}"),
    ("quarter_list", "(?:{YEAR}{SP})?(?:{QNUM}{SP}(?:季度{SP})?{LSEP}{SP})+{QLAST}"
                     "|(?:{YEAR}{SP})?{QNUM_CN}{QLAST}"),
    ("range", "(?P<from>{POINT}){SP}(?:起{SP})?{CONN}{SP}(?P<to>{POINT})"),
    ("point", "{POINT}"),
    ("clock", "{CLOCK}"),
)

_REF = re.compile(r"\{([A-Z][A-Z_0-9]*)\}")
_GROUP = re.compile(r"\(\?P<([a-z0-9_]+)>")


def expand(template: str) -> str:
    """Replace every `{NAME}` by its fragment, recursively (regex counts like {4} stay)."""
    return _REF.sub(lambda m: expand(FRAGMENTS[m.group(1)]), template)


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str                          # expanded, with this rule's unique group names
    fields: tuple[tuple[int, str], ...]   # (group number in `regex`, field), in pattern order

    @cached_property
    def regex(self) -> re.Pattern:
        """The rule alone, with its groups; compiled on first use, which halves the import
        (the master already compiles the whole grammar once)."""
        regex = re.compile(self.pattern)
        assert regex.groups == len(self.fields), f"{self.name}: every group is a field"
        return regex

    @cached_property
    def groups_of(self) -> dict[str, tuple[int, ...]]:
        """Field -> its group numbers, in pattern order (to find one field without a scan)."""
        out: dict[str, tuple[int, ...]] = {}
        for group, field in self.fields:
            out[field] = (*out.get(field, ()), group)
        return out


def _uniquify(rule: str, pattern: str, counter) -> tuple[str, tuple[tuple[str, str], ...]]:
    found: list[tuple[str, str]] = []

    def sub(m: re.Match) -> str:
        unique = f"{rule}__{m.group(1)}__{next(counter)}"
        found.append((unique, m.group(1)))
        return f"(?P<{unique}>"

    return _GROUP.sub(sub, pattern), tuple(found)


def compile_rules() -> tuple[re.Pattern, dict[str, Rule]]:
    rules: dict[str, Rule] = {}
    parts = []
    counter = count()
    for name, template in RULE_TEMPLATES:
        pattern, fields_ = _uniquify(name, expand(template), counter)
        # Every group is a field's, numbered in pattern order as `_uniquify` found them.
        numbered = tuple((number, field) for number, (_, field) in enumerate(fields_, 1))
        rules[name] = Rule(name, pattern, numbered)
        # No field groups in the master: with hundreds of them sre copies every mark set so
        # far at each backtracking point (a rule late in the alternation has high group
        # numbers), which made the master twice as slow. Same pattern, so the rule's regex
        # matched at the master's start gives the same span.
        parts.append(f"(?P<{name}>{_GROUP.sub('(?:', pattern)})")
    # Most positions cannot start a date: a cheap lookahead skips them before the rules run.
    master = re.compile(f"(?=[{re.escape(_first_chars())}])(?={_starts()})(?:{'|'.join(parts)})")
    return master, rules


def _first_chars() -> str:
    """Every character a date can start with (a one-character test before `_starts`)."""
    chars = set("0123456789０１２３４５６７８９" + _CN + "十廿卅千第前闰大首年月正冬腊初")
    for table in _START_TABLES:
        chars.update(w[0] for w in table)
    return "".join(sorted(chars))


_START_TABLES = (T.RELATIVE_YEARS, T.RELATIVE_MONTHS, T.RELATIVE_DAYS, T.RELATIVE_DAY_PARTS,
                 T.PART_OF_DAY, T.SOLAR_FESTIVALS, T.LUNAR_FESTIVALS, T.SOLAR_TERM_FESTIVALS,
                 T.ERAS, T.HALVES, T.XUN, T.LUNAR_MARKERS, T.NEW_YEARS_EVE)


def _starts() -> str:
    """What a date can start with: a digit run or a Chinese number before a unit, a
    quarter, or a whole word from the tables. Every candidate let through costs the whole
    alternation, so this is as tight as the rules: "第二海洋", "85.6 亿", "1.3%" (a quarter
    word "1" alone) do not pass."""
    words = {"闰", "大年", "年初", "年底", "年末", "年终", "年中", "年伊", "月初", "月底", "月末",
             "正月", "冬月", "腊月", "初"}
    for table in _START_TABLES:
        words.update(table)
    sp = expand("{SP}")
    # A digit run starts a date only before a unit or a range/list mark; a separator only
    # after a year ("2020.9.16", the numeric rule), not in a decimal ("85.6 亿").
    digits = (f"(?<![0-9０-９])(?:[0-9０-９]{{1,4}}{sp}(?:[年月日号时点季刻分:：、]|{expand('{CONN}')})"
              "|(?:19|20)[0-9０-９][0-9][/.．][0-9])")
    # Likewise a whole Chinese number (not the tail of one: "十一、十三日" is not "一、十三日")
    # before a unit or a range/list mark ("五、六日", "七至九日").
    cn = f"[{_CN}十廿卅千]"
    number = f"(?<!{cn}){cn}+{sp}(?:[年月日号时点季刻分:：、]|{expand('{CONN}')})"
    quarter = _GROUP.sub("(?:", expand("{QUARTER}"))
    # "第一至第三季度", "第1、2季度": an ordinal quarter before a range or list mark.
    ordinal = f"第[{''.join(T.QUARTER_WORDS)}]{sp}(?:、|{expand('{CONN}')})"
    return f"{digits}|{number}|{quarter}|{ordinal}|{_alt(words)}"


MASTER, RULES = compile_rules()


def fields(m: re.Match, rule: Rule, lo: int | None = None, hi: int | None = None) -> dict[str, str]:
    """The fields of `rule` that matched inside [lo, hi) of the match; first one wins."""
    lo = m.start() if lo is None else lo
    hi = m.end() if hi is None else hi
    out: dict[str, str] = {}
    regs, text = m.regs, m.string         # all spans at once: m.group() per field is slow
    for group, name in rule.fields:
        start, end = regs[group]          # (-1, -1) when the group did not match
        if lo <= start and end <= hi and name not in out:
            out[name] = text[start:end]
    return out
