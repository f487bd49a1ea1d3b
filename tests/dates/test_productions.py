"""plain_point, the shortcut for plain points in figures, means what the point rule means."""
from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.support import examples
from timeline.dates import tables as T
from timeline.dates.families import MEANINGS, RULES
from timeline.dates.productions import NotADate, plain_point

SPACE = st.sampled_from(["", "", "", " ", "\u3000", "\n"])
NUMBER = st.integers(0, 99).map(str) | st.integers(0, 9).map(lambda n: f"0{n}")
YEAR = st.integers(0, 9999).map(lambda n: f"{n:04d}")
POD = st.none() | st.sampled_from(sorted(T.PART_OF_DAY))


@st.composite
def plain_texts(draw) -> str:
    """Texts of the shortcut's shape (and a few near it): a year, month and day in figures,
    any of them left out, with layout space and a part of the day."""
    parts = []
    for number, mark in ((YEAR, "年"), (NUMBER, "月"), (NUMBER, st.sampled_from("日号"))):
        if draw(st.booleans()):
            parts += [draw(number), draw(SPACE), mark if isinstance(mark, str) else draw(mark), draw(SPACE)]
    pod = draw(POD)
    return ("".join(parts) + (pod or "")).strip(" \u3000\n")


def _rule_reading(text: str):
    rule = RULES["point"]
    m = rule.regex.fullmatch(text)
    if m is None:
        return "no match"
    try:
        return MEANINGS["point"](m, rule)
    except NotADate:
        return "not a date"


@settings(max_examples=examples(600))
@given(plain_texts())
def test_plain_point_is_the_point_rules_meaning(text):
    # (the resolver takes the shortcut only for a text the point rule read whole)
    shortcut, reading = plain_point(text), _rule_reading(text)
    assume(shortcut is not None and reading != "no match")
    assert reading == shortcut, text


def test_plain_point_reads_the_common_shapes():
    for text in ("2020年9月16日", "2020 年 9 月 16 日", "9月", "16日上午", "2020年", "9月16号晚上"):
        reading = _rule_reading(text)
        assert plain_point(text) == reading != "no match", text


def test_plain_point_leaves_everything_else_to_the_rule():
    # a year with a day but no month, Chinese numerals, a time, an open side: not plain
    for text in ("2020年16日", "九月十六日", "9月16日8时", "2020年以来", "9月份", "20年9月"):
        assert plain_point(text) is None, text
