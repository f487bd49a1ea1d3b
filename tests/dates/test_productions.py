"""The shortcuts (productions.SHORTCUTS) mean what their family's rule means."""
from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.support import examples
from timeline.dates import tables as T
from timeline.dates.families import MEANINGS, RULES
from timeline.dates.productions import SHORTCUTS, NotADate

SPACE = st.sampled_from(["", "", "", " ", "\u3000", "\n"])
NUMBER = st.integers(0, 99).map(str) | st.integers(0, 9).map(lambda n: f"0{n}")
YEAR = st.integers(0, 9999).map(lambda n: f"{n:04d}")
POD = st.none() | st.sampled_from(sorted(T.PART_OF_DAY))
CONNECTOR = st.sampled_from(T.RANGE_CONNECTORS)


@st.composite
def plain_texts(draw, days: bool) -> str:
    """Texts of a shortcut's shape (and many near it): a year, month and day in figures, any
    of them left out, with layout space and a part of the day; with `days`, a second day
    after a connector (the first day always written)."""
    parts = []
    if draw(st.booleans()):
        parts += [draw(YEAR), draw(SPACE), "年", draw(SPACE)]
    if draw(st.booleans()):
        parts += [draw(NUMBER), draw(SPACE), "月", draw(SPACE)]
    if days or draw(st.booleans()):
        parts += [draw(NUMBER), draw(SPACE), draw(st.sampled_from(["日", "号", ""])), draw(SPACE)]
    if days:
        parts += [draw(CONNECTOR), draw(SPACE), draw(NUMBER), draw(SPACE), draw(st.sampled_from("日号"))]
    return ("".join(parts) + (draw(POD) or "")).strip(" \u3000\n")


def _rule_reading(family: str, text: str):
    rule = RULES[family]
    m = rule.regex.fullmatch(text)
    if m is None:
        return "no match"
    try:
        return MEANINGS[family](m, rule)
    except NotADate:
        return "not a date"


def _agrees(family: str, text: str) -> None:
    # (the resolver takes a shortcut only for a text its family's rule read whole)
    shortcut, reading = SHORTCUTS[family](text), _rule_reading(family, text)
    assume(shortcut is not None and reading != "no match")
    assert reading == shortcut, text


@settings(max_examples=examples(600))
@given(text=plain_texts(days=False))
def test_the_point_shortcut_is_its_rules_meaning(text):
    _agrees("point", text)


@settings(max_examples=examples(600))
@given(text=plain_texts(days=True))
def test_the_day_range_shortcut_is_its_rules_meaning(text):
    _agrees("day_range", text)


def test_every_shortcut_is_tested():
    assert set(SHORTCUTS) == {"point", "day_range"}


@pytest.mark.parametrize(("family", "text"), [
    ("point", "2020年9月16日"), ("point", "2020 年 9 月 16 日"), ("point", "9月"), ("point", "16日上午"),
    ("point", "2020年"), ("point", "9月16号晚上"),
    ("day_range", "9月16—17日"), ("day_range", "2020年9月16日至18日"), ("day_range", "16-17日上午"),
    ("day_range", "9 月 16 日 — 17 日"),
])
def test_the_shortcuts_read_the_common_shapes(family, text):
    reading = _rule_reading(family, text)
    assert SHORTCUTS[family](text) == reading != "no match"


@pytest.mark.parametrize(("family", "text"), [
    # a year with a day but no month, Chinese numerals, a time, an open side: not plain
    ("point", "2020年16日"), ("point", "九月十六日"), ("point", "9月16日8时"), ("point", "2020年以来"),
    ("point", "9月份"), ("point", "20年9月"),
    ("day_range", "九月十六至十七日"), ("day_range", "16—17日8时"), ("day_range", "9月30日至10月2日"),
])
def test_the_shortcuts_leave_everything_else_to_the_rule(family, text):
    assert SHORTCUTS[family](text) is None
