"""Peer conformance (Recognizers-Text, JioNLP), on the copy in tests/dates/peer_suites.

Each peer's cases run with that peer's own convention for year-less dates (peers.convention);
only durations counted from the reader's now and recurrences are out of scope."""
from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from timeline.dates import peers

DIR = Path(os.environ.get("PEER_SUITES_DIR", peers.DEFAULT_DIR))
# The share of ALL cases of each suite that must pass (a floor: raise it, never lower it).
FLOOR = {"jionlp-zh.jsonl": 0.75, "recognizers-zh.jsonl": 0.76}


@pytest.fixture(scope="module")
def outcomes():
    assert DIR.is_dir(), f"no peer suites at {DIR}"
    return peers.run(DIR)


@pytest.mark.parametrize("suite", sorted(FLOOR))
def test_share_of_all_cases(outcomes, suite):
    rows = [o for o in outcomes if o.file == suite]
    assert len(rows) > 200
    assert sum(o.passed for o in rows) / len(rows) >= FLOOR[suite]


def test_only_durations_from_now_and_recurrences_are_out_of_scope(outcomes):
    assert {name for name, _pattern, _why in peers.OUT_OF_SCOPE} == {"durations_from_now", "recurrences"}
    out = [o for o in outcomes if o.scope != "in"]
    assert len(out) < 0.1 * len(outcomes)


def test_peer_negatives_pass(outcomes):
    negatives = [o for o in outcomes if o.kind == "negative"]
    assert negatives and all(o.passed for o in negatives)


def test_report_prints_both_rates(outcomes):
    out = io.StringIO()
    peers.report(outcomes, out=out)
    text = out.getvalue()
    assert "in-scope pass rate" in text and "recognizers-zh.jsonl" in text and "all" in text
