"""The master regex (no field groups) and each rule's own regex (with them) agree: the rule
the master names, matched alone where the master matched, gives the same span."""
from __future__ import annotations

from hypothesis import given, settings

from timeline.dates.families import MASTER, RULES

from .gold import CORPUS
from .test_gold import unmark
from .test_properties import TEXT
from .test_seed import SEED


def check(text: str) -> None:
    for found in MASTER.finditer(text):
        alone = RULES[found.lastgroup].regex.match(text, found.start())
        assert alone is not None and alone.span() == found.span(), (text, found)


def test_seed_and_gold():
    check(SEED.read_text("utf-8"))
    for case in CORPUS:
        for phrasing in case.phrasings:
            check(unmark(phrasing)[0])


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_random_text(text):
    check(text)
