"""Every named grammar rule is exercised by at least one gold case (and cases say which)."""
from __future__ import annotations

from timeline.dates.families import RULES
from timeline.dates.resolver import iter_resolved

from .gold import CORPUS
from .test_gold import unmark


def _fired() -> dict[str, set[str]]:
    fired: dict[str, set[str]] = {}
    for case in CORPUS:
        for phrasing in case.phrasings:
            text, _ = unmark(phrasing)
            for rule, _item in iter_resolved(text, **case.context):
                fired.setdefault(rule, set()).add(case.group)
    return fired


def test_every_rule_has_a_gold_case():
    missing = set(RULES) - set(_fired())
    assert not missing, f"rules no gold case exercises: {sorted(missing)}"


def test_cases_exercise_the_rules_they_name():
    for case in CORPUS:
        fired = {rule for p in case.phrasings for rule, _ in iter_resolved(unmark(p)[0], **case.context)}
        assert set(case.rules) <= fired, (case.phrasings[0], set(case.rules) - fired)
