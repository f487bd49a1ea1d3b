"""date_starts: every mention resolve gives, in any context, starts at one of them (the survey
skips the lines where one date at the start is all there can be)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given, strategies as st

from timeline.dates import date_starts, resolve
from timeline.dates.span import DateSpan, Precision

from .gold import CORPUS
from .test_gold import unmark

SEED = Path(__file__).resolve().parents[2] / "seeds" / "qingshanhu-2020.txt"
_DAY = date(2019, 12, 31)
CONTEXTS = ({}, {"year": 2020}, {"previous": DateSpan("", (0, 0), _DAY, _DAY, Precision.DAY), "year": 2019})


def test_gold_cases():
    for case in CORPUS:
        for phrasing in case.phrasings:
            text, _ = unmark(phrasing)
            starts = set(date_starts(text))
            for item in resolve(text, **case.context).mentions:
                assert item.span[0] in starts, (text, item)


def test_seed_lines():
    for line in SEED.read_text(encoding="utf-8").splitlines():
        for context in CONTEXTS:
            assert {m.span[0] for m in resolve(line, **context).mentions} <= set(date_starts(line))


@given(st.text(alphabet="2019年1月3日至5日同次上下午晚时点、，。 星期三（）农历正腊初十五号度季前后", max_size=40))
def test_any_text(text):
    for context in CONTEXTS:
        assert {m.span[0] for m in resolve(text, **context).mentions} <= set(date_starts(text))
