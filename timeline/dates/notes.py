"""Notes inside and after a date: glosses ("1910年（清宣统二年）9月", "二月初一日（公历3月3日）")
and weekday annotations ("9月16日（星期三）", "9月16日周三").

A note belongs to the mention it follows: the mention's span takes it in, and where the note
says something checkable (a weekday, a Gregorian day, a year) the resolver compares it with
the mention and warns when they disagree; the mention itself stays as the main text says.
A note in the middle of a mention is blanked (replaced by spaces, so every offset stays)
before the grammar reads the text: the grammar takes spaces inside a date, so the date reads
on across it.
"""
from __future__ import annotations

import re

from . import tables as T
from .grammar import first_chars

_SP = f"[{re.escape(T.LAYOUT_SPACE)}]*"
_WEEK = f"(?:{'|'.join(T.WEEK_WORDS)})[{''.join(T.WEEKDAYS)}]"
_MARKERS = "|".join([*T.GREGORIAN_MARKERS, *T.LUNAR_MARKERS, *T.DYNASTY_PREFIXES, "即", "夏历"])
# What a gloss holds: an optional calendar word, then a date ending in a unit or a weekday.
_INNER = (f"(?:{_MARKERS})?{_SP}[^（）()\\n，。；]{{0,20}}?(?:[年月日号]|{_WEEK}|初[一二三四五六七八九十]"
          f"|[初廿卅十][一二三四五六七八九十]?)")
_BRACKETED = f"[（(]{_SP}(?P<inner>{_INNER}){_SP}[）)]"
# A continuation of the date after a gloss in its middle: a month, a day, a lunar word, a
# season or a half of the year ("1923年（民国十二年）秋", "……）下半年").
_GOES_ON = f"(?={_SP}(?:[0-9０-９]{{1,2}}{_SP}[月日号]|[正冬腊闰一二三四五六七八九十廿卅初春夏秋]|[上下]半年))"

# A note that may sit in the middle of a mention: a gloss after 年/月 that the date goes on
# after, and a weekday after a day (its part of day or clock time may follow: "9月16日（周三）
# 下午"). The pattern starts at the note itself, so the scan skips to its first character;
# what stands before it (年, 月, 日, 号 and spaces) is checked by `blank`.
_NOTE_START = re.compile(f"[（({''.join(sorted({w[0] for w in T.WEEK_WORDS}))}]")
_MIDDLE = re.compile(f"(?P<gloss>{_BRACKETED}){_GOES_ON}|[（(]{_SP}(?P<week>{_WEEK}){_SP}[）)]|(?P<bare>{_WEEK})")
# A note right after a mention's end.
AFTER = re.compile(f"{_SP}(?:{_BRACKETED}|(?P<week>{_WEEK}))")
# The characters such a note can start with: no other position needs the regex tried.
AFTER_FIRST = frozenset(first_chars(AFTER.pattern))
_WEEKDAY_ONLY = re.compile(f"(?:{'|'.join(T.WEEK_WORDS)})(?P<wd>[{''.join(T.WEEKDAYS)}])")


def blank(text: str) -> tuple[str, list[tuple[int, int]]]:
    """`text` with the notes inside dates replaced by spaces (same length, same offsets),
    and where those notes were (from the end of the date word before them)."""
    found = []
    for candidate in _NOTE_START.finditer(text):
        m = _MIDDLE.match(text, candidate.start())
        if m is None:
            continue
        start = m.start()
        while start and text[start - 1] in T.LAYOUT_SPACE:
            start -= 1
        before = text[start - 1] if start else "^"
        is_week = m.group("gloss") is None or weekday_of(m.group("inner")) is not None
        if (before in "日号") if is_week else (before in "年月"):
            found.append((start, m.end()))
    if not found:
        return text, found
    parts, pos = [], 0
    for a, b in found:
        parts += [text[pos:a], " " * (b - a)]
        pos = b
    parts.append(text[pos:])
    return "".join(parts), found


def weekday_of(note: str) -> int | None:
    """The ISO weekday a note names ("星期三", "周日"), None if it names none."""
    m = _WEEKDAY_ONLY.fullmatch(note.strip("（）() \u3000"))
    return T.WEEKDAYS[m.group("wd")] if m and m.group("wd") != "末" else None


def inner(note: str) -> str:
    """A bracketed gloss without its brackets and a leading 即."""
    return note.strip(T.LAYOUT_SPACE).strip("（）()").strip(T.LAYOUT_SPACE).removeprefix("即")

