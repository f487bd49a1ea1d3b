"""Documents of every shape the service reads, each with its expected events (see
tests/pipeline/shapes.py): the layout and year chosen, every event's range, part of the
day, time and title, and the share of entries that come out exact."""
from __future__ import annotations

import pytest

from tests.pipeline.shapes import Expected, aligned, observed, parsed, report, shapes
from timeline.pipeline import parse_document

SHAPES = shapes()
CASES = [(shape, i) for shape in SHAPES for i in range(len(shape.events))]
# The share of entries whose range, part of the day and time must come out exact.
EXACT_SHARE = 0.95


def _case(shape, i):
    want = shape.events[i]
    marks = [pytest.mark.xfail(strict=True, reason=f"pending: {want.pending}")] if want.pending else []
    return pytest.param(shape, i, marks=marks, id=f"{shape.name}:{i + 1}")


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s.name)
def test_layout_and_year(shape):
    document = parsed(shape.path)
    assert (document.layout, document.year) == (shape.layout, shape.year)


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s.name)
def test_no_event_is_made_of_anything_but_an_entry(shape):
    """Every event stands for an expected one: no furniture, heading, group marker, gloss,
    statistic or undated context became an event."""
    document = parsed(shape.path)
    matched = {id(e) for e in aligned(shape.events, document.events).values()}
    extra = [observed(e) for e in document.events if id(e) not in matched]
    assert not extra, report(shape)


@pytest.mark.parametrize("shape, index", [_case(s, i) for s, i in CASES])
def test_event(shape, index):
    want = shape.events[index]
    event = aligned(shape.events, parsed(shape.path).events).get(index)
    assert event is not None, f"no event for {want.title}\n" + report(shape)
    got = observed(event)
    assert (got.when, got.title) == (want.when, want.title)


def test_entries_come_out_exact():
    """At least EXACT_SHARE of the entries whose date forms the resolver reads (all but the
    pending ones) get the exact range, part of the day and time."""
    exact = total = 0
    for shape in SHAPES:
        pairs = aligned(shape.events, parsed(shape.path).events)
        for i, want in enumerate(shape.events):
            if want.pending:
                continue
            total += 1
            exact += i in pairs and observed(pairs[i]).when == want.when
    assert total >= 150
    assert exact / total >= EXACT_SHARE, f"{exact} of {total} exact"


def test_the_expectations_are_well_formed():
    for shape in SHAPES:
        assert shape.events, shape.name
        for want in shape.events:
            assert isinstance(want, Expected) and len(want.when) == 5 and want.title


def _has_table(shape) -> bool:
    return any(line.strip().startswith("|") for line in shape.path.read_text("utf-8").splitlines())


@pytest.mark.parametrize("shape", [s for s in SHAPES if s.path.suffix == ".md" and not _has_table(s)],
                         ids=lambda s: s.name)
def test_markdown_read_as_plain_text_gives_the_same_events(shape):
    """Markup left in the text (#, -, **, [link](url), <br>) is read as the Markdown reader
    would have it. (Not a table: its pipes are structure only the Markdown reader knows.)"""
    plain = parse_document(shape.path.read_bytes(), name=shape.name, suffix=".txt")
    assert [observed(e) for e in plain.events] == [observed(e) for e in parsed(shape.path).events]
