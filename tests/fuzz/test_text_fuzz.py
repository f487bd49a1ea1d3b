"""The resolver and the pipeline on mutated seed text and random bytes: no exception (but
the documented UnreadableDocument), every span inside its text, every event titled.

tests/dates/test_properties.py covers the resolver on random text built from date pieces;
these start from the real seed, where context (years, months, relative words) carries
across sentences and lines.
"""
from __future__ import annotations

import codecs
from datetime import date

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from tests.fuzz.mutations import PIECES, SEED_TEXT, mutate, mutated_seed
from tests.support import examples
from timeline.dates import resolve
from timeline.pipeline import parse_document
from timeline.segment.vocabulary import LAYOUTS
from timeline.text import UnreadableDocument

FUZZ = settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_spans(text: str, mentions) -> None:
    last_end = 0
    for m in mentions:
        a, b = m.span
        assert 0 <= a < b <= len(text), (m.span, len(text))
        assert text[a:b] == m.text
        assert a >= last_end
        last_end = b
        assert m.start <= m.end
        m.to_json()   # every field serialises


@FUZZ
@given(mutated_seed(max_lines=12), st.one_of(st.none(), st.integers(1, 9999)))
@example("2020 年 9 月 16 —17 日\n\n—18 日，次日上午，是年 2 月 30 日", 2020)
def test_resolver_on_mutated_seed(text, year):
    result = resolve(text, year=year)
    check_spans(text, result.mentions)
    for w in result.warnings:
        assert 0 <= w.span[0] <= w.span[1] <= len(text) and text[w.span[0]:w.span[1]] == w.text


@FUZZ
@given(mutated_seed(max_lines=6), st.dates(date(1, 1, 1), date(9999, 12, 31)))
def test_resolver_on_mutated_seed_with_a_reference_day(text, reference):
    """Relative words and year-less dates resolve against any day, first and last included."""
    check_spans(text, resolve(text, reference=reference).mentions)


def check_document(data: bytes, name: str = "fuzz-2020") -> None:
    try:
        parsed = parse_document(data, name=name)
    except UnreadableDocument as exc:
        assert str(exc).startswith(f"{name}: ")
        event("unreadable")
        return
    event(f"{parsed.layout}, {'no' if not parsed.events else 'some'} events")
    assert parsed.layout in LAYOUTS
    keys = [e.key for e in parsed.events]
    assert len(set(keys)) == len(keys), "two events share a key"
    for ev in parsed.events:
        assert ev.title.strip(), ev
        assert ev.key and ev.category
        check_spans(ev.body, ev.mentions)
        if ev.primary is not None:
            assert ev.primary.start <= ev.primary.end
    for line, warning in parsed.warnings:
        # line 0 is the document as a whole (its name or year: timeline.events.validate)
        assert (line >= 1 or (line == 0 and warning.span == (0, 0))) and warning.message


ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "big5"])


@st.composite
def mutated_bytes(draw) -> bytes:
    text = draw(mutated_seed(max_lines=150, max_mutations=40))
    data = text.encode(draw(ENCODINGS), errors="replace")
    # Byte-level damage too: what a truncated download or a wrong transcode leaves.
    for _ in range(draw(st.integers(0, 6))):
        i = draw(st.integers(0, max(len(data) - 1, 0)))
        data = data[:i] + draw(st.binary(max_size=3)) + data[i + draw(st.integers(0, 3)):]
    return data


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_bytes())
def test_pipeline_on_mutated_seed_bytes(data):
    check_document(data)


@settings(max_examples=examples(100), deadline=None)
@given(st.one_of(
    st.binary(max_size=2000),
    st.lists(st.sampled_from(PIECES + ["【标题】", "规划建设\n", "1月\n", "15日 ", "大事记\n"]), max_size=80)
    .map(lambda parts: "".join(parts).encode()),
    st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
))
def test_pipeline_on_random_bytes(data):
    check_document(data)


@settings(max_examples=examples(8), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_pipeline_on_the_whole_mutated_seed(data):
    """The whole document (headings, overviews, captions, footnotes), lightly damaged."""
    text = data.draw(mutate(SEED_TEXT, max_mutations=60))
    check_document(text.encode(data.draw(st.sampled_from(["utf-8", "gb18030", "utf-16"])), errors="replace"),
                   name="qingshanhu-2020")


@pytest.mark.parametrize("data", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE,
                                  codecs.BOM_UTF16_LE + b"\x00\xd8", b"\r\n" * 50, b"\xff" * 100])
def test_degenerate_documents_are_unreadable_not_errors(data):
    with pytest.raises(UnreadableDocument, match="^fuzz-2020: "):
        parse_document(data, name="fuzz-2020")


@pytest.mark.parametrize("text", [
    "上旬\n1月\n上旬，",                        # found by the fuzzer: a bare date line, then nothing
    "1月\n15日\n2月\n3日，开会。\n",
    "【】\n2020年1月1日，开会。\n",
    "规划建设\n\n【 】\n",
])
def test_entries_without_a_title_get_one(text):
    parsed = parse_document(text.encode(), name="fuzz-2020")
    assert parsed.events and all(e.title.strip() for e in parsed.events)
