"""The master regex (no field groups) and each rule's own regex (with them) agree: the rule
the master names, matched alone where the master matched, gives the same span."""
from __future__ import annotations

import re
from functools import cache
from itertools import count
from re import _constants as C
from re import _parser as sre_parse

import pytest
from hypothesis import given, settings

from tests.support import examples
from timeline.dates.families import FAMILIES, MASTER, RULES
from timeline.dates.grammar import _uniquify, expand, optional_as_branch

from .gold import CORPUS
from .test_gold import unmark
from .test_properties import TEXT
from .test_seed import SEED


def check(text: str) -> None:
    for found in MASTER.finditer(text):
        alone = RULES[found.lastgroup].regex.match(text, found.start())
        assert alone is not None and alone.span() == found.span(), (text, found)


def in_order(text: str) -> list[tuple[str, tuple[int, int]]]:
    """What the master means, from the rules alone: at each place, the first family in
    order whose rule matches there, the scan going on after its match (as finditer does)."""
    found, at = [], 0
    while at < len(text):
        for family in FAMILIES:
            m = RULES[family.name].regex.match(text, at)
            if m is not None:
                found.append((family.name, m.span()))
                at = m.end()
                break
        else:
            at += 1
    return found


def check_order(text: str) -> None:
    """The master's shortcuts (its prefilter, the lead tests kept in groups, the needed
    characters tested for several families at once) change nothing it finds."""
    assert [(m.lastgroup, m.span()) for m in MASTER.finditer(text)] == in_order(text), text


def gold_texts():
    return [unmark(phrasing)[0] for case in CORPUS for phrasing in case.phrasings]


def test_seed_and_gold():
    for text in [SEED.read_text("utf-8"), *gold_texts()]:
        check(text)
        check_order(text)


@settings(max_examples=examples(300), deadline=None)
@given(TEXT)
def test_random_text(text):
    check(text)
    check_order(text)


def _groups_that_may_be_empty(items) -> set[int]:
    out: set[int] = set()
    for op, arg in items:
        subs = []
        if op is C.SUBPATTERN:
            if arg[0] is not None and arg[-1].getwidth()[0] == 0:
                out.add(arg[0])
            subs = [arg[-1]]
        elif op is C.BRANCH:
            subs = arg[1]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            subs = [arg[2]]
        elif op in (C.ASSERT, C.ASSERT_NOT):
            subs = [arg[1]]
        elif op is C.ATOMIC_GROUP:
            subs = [arg]
        elif op is C.GROUPREF_EXISTS:
            subs = [sub for sub in arg[1:] if sub is not None]
        for sub in subs:
            out |= _groups_that_may_be_empty(sub.data)
    return out


@pytest.mark.parametrize("name", list(RULES))
def test_no_field_matches_the_empty_string(name):
    # grammar.matched picks the groups that took part by their text being non-empty.
    assert _groups_that_may_be_empty(sre_parse.parse(RULES[name].pattern).data) == set()


def test_optional_as_branch_examples():
    from timeline.dates.grammar import optional_as_branch as rewrite

    assert rewrite("(?:ab)?c") == "(?:ab|)c"
    assert rewrite("(?P<x>a|b)?c") == "(?:(?P<x>a|b)|)c"
    assert rewrite(r"[)(]?\((?:x)?\)") == r"[)(]?\((?:x|)\)"
    assert rewrite("[]?]?(?:[^]?](?:y)?)?") == "[]?]?(?:[^]?](?:y|)|)"
    for kept in ("(?=a)?", "(?:a)??", "(?:a)?+", "(?(a)|b)?", "(?:a){0,1}", "(?:a)*"):
        assert rewrite(kept) == kept


def _both(family):
    plain = _uniquify(family.name, expand(family.pattern), count())[0]
    return re.compile(plain), re.compile(optional_as_branch(plain))


@cache
def _rewritten() -> dict:
    """Each family's pattern compiled as written and as rewritten: 52 large regexes, seconds
    of compiling, so made when a test asks (not at import, where every collection paid it)."""
    return {family.name: _both(family) for family in FAMILIES}


def _same_reading(text: str) -> None:
    for plain, rewritten in _rewritten().values():
        for start in range(len(text)):
            a, b = plain.match(text, start), rewritten.match(text, start)
            assert (a and a.regs) == (b and b.regs), (text, start, plain.pattern[:60])


# Compiling every family twice takes seconds: `slow`, run by `make test` (and CI), not test-fast.
@pytest.mark.slow
def test_rewritten_rules_read_the_same_gold():
    for text in gold_texts():
        _same_reading(text)


@pytest.mark.slow
@settings(max_examples=examples(150), deadline=None)
@given(TEXT)
def test_rewritten_rules_read_the_same_text(text):
    _same_reading(text)


def _opens_as_master(text: str) -> None:
    from timeline.dates import may_open

    for start in range(len(text) + 1):
        rest = text[start:]
        assert may_open(rest) is (MASTER.match(rest) is not None), rest
        assert may_open(rest) is (MASTER.match(rest) is not None), rest      # (the kept answer)


def test_may_open_is_the_master_matching_at_the_start():
    for text in [*SEED.read_text("utf-8").splitlines()[:80], *gold_texts()]:
        _opens_as_master(text)


@settings(max_examples=examples(150), deadline=None)
@given(TEXT)
def test_may_open_on_random_text(text):
    _opens_as_master(text)
