"""One family, one record: every family has examples that it reads itself, and the
prefilter and master regex are built from the records alone."""
from __future__ import annotations

import pytest

from timeline.dates.families import EXAMPLE_CONTEXT, FAMILIES, MASTER, RULES
from timeline.dates.resolver import iter_resolved

EXAMPLES = [pytest.param(family.name, text, expected, id=f"{family.name}-{text}")
            for family in FAMILIES for text, expected in family.examples]


def test_every_family_has_examples():
    assert [f.name for f in FAMILIES if not f.examples] == []


def test_names_are_unique_and_compiled():
    names = [f.name for f in FAMILIES]
    assert len(set(names)) == len(names) and list(RULES) == names
    assert all(f"(?P<{name}>" in MASTER.pattern for name in names)


@pytest.mark.parametrize(("family", "text", "expected"), EXAMPLES)
def test_example_is_read_by_its_family(family, text, expected):
    found = list(iter_resolved(text, **EXAMPLE_CONTEXT))
    assert [(rule, item.text) for rule, item in found] == [(family, text)], found
    mention = found[0][1]
    assert f"{mention.start.isoformat()}..{mention.end.isoformat()}" == expected


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_each_rule_starts_with_its_lead(family):
    # The prefilter is the union of the leads; a rule that could match where its lead does
    # not would be skipped silently. Each rule carries its lead as a lookahead, so it can't.
    assert RULES[family.name].pattern.startswith("(?=")
