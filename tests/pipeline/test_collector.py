"""parse_document pauses the cyclic garbage collector while it parses, and always resumes it."""
from __future__ import annotations

import gc

import pytest

from timeline import pipeline
from timeline.pipeline import COLLECTOR_PAUSED, parse_document


def test_the_collector_runs_again_after_a_parse():
    assert gc.isenabled()
    parsed = parse_document("2019年大事记\n1月\n2日 市委召开全会。\n".encode(), name="dashiji")
    assert parsed.events
    assert gc.isenabled()


def test_the_collector_runs_again_after_a_failure(monkeypatch):
    def broken(*args, **kwargs):
        assert not gc.isenabled()               # paused while the document is parsed
        raise RuntimeError("broken")

    monkeypatch.setattr(pipeline, "segment_document", broken)
    with pytest.raises(RuntimeError):
        parse_document("1月\n2日 开会。\n".encode(), name="x")
    assert gc.isenabled()


def test_nested_pauses_resume_at_the_last_end():
    with COLLECTOR_PAUSED:
        with COLLECTOR_PAUSED:
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_paused_before_stays_paused():
    gc.disable()
    try:
        with COLLECTOR_PAUSED:
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
