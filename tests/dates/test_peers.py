"""Peer conformance (Recognizers-Text, JioNLP), on the copy in tests/dates/peer_suites."""
from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from timeline.dates import peers

DIR = Path(os.environ.get("PEER_SUITES_DIR", peers.DEFAULT_DIR))


@pytest.fixture(scope="module")
def outcomes():
    assert DIR.is_dir(), f"no peer suites at {DIR}"
    return peers.run(DIR)


def test_in_scope_pass_rate(outcomes):
    assert len(outcomes) > 500
    assert peers.in_scope_rate(outcomes) >= 0.90


def test_every_out_of_scope_case_has_a_stated_reason(outcomes):
    reasons = {name for name, _pattern, why in peers.OUT_OF_SCOPE if why}
    assert {o.scope for o in outcomes} - {"in"} <= reasons


def test_peer_negatives_pass(outcomes):
    negatives = [o for o in outcomes if o.kind == "negative"]
    assert negatives and all(o.passed for o in negatives)


def test_report_prints_rates(outcomes):
    out = io.StringIO()
    peers.report(outcomes, out=out)
    text = out.getvalue()
    assert "in-scope pass rate" in text and "recognizers-zh.jsonl" in text and "weeks" in text
