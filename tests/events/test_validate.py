"""The one validation before storage: far dates dropped, long fields shortened, control
characters removed with date spans moved to match; idempotent."""
from __future__ import annotations

from dataclasses import replace

from hypothesis import given, strategies as st

from testkit.events import day, document, event
from timeline.events import limits
from timeline.events.model import Moment
from timeline.events.validate import validate_document


def test_a_clean_document_comes_back_unchanged():
    doc = document(event("a", "万马创新园启用", "2020-05-18"))
    assert validate_document(doc) is doc


def test_dates_outside_the_supported_years_are_dropped_with_a_warning():
    far = day("9999-12-31")
    ok = replace(day("2020-05-18"), span=(11, 21))
    moment = Moment(far, "占位")
    doc = replace(document(replace(event("a", "占位", "2020-05-18"), primary=far, mentions=(far, ok),
                                   moments=(moment,))), year=9999)
    checked = validate_document(doc)
    [ev] = checked.events
    assert (ev.primary, ev.mentions, ev.moments, checked.year) == (None, (ok,), (), None)
    messages = [w.message for _, w in checked.warnings]
    assert "date 9999-12-31 outside the supported years 1000–2200: ignored" in messages
    assert "document year 9999 outside the supported years 1000–2200: ignored" in messages
    edges = document(event("b", "x", f"{limits.FIRST_YEAR}-01-01"), event("c", "y", f"{limits.LAST_YEAR}-12-31"))
    assert validate_document(edges) is edges        # the bounds are inside


def test_long_fields_are_shortened_not_refused():
    doc = replace(document(event("a", "题" * 900, "2020-05-18", category="类" * 300, tags=("标" * 40, "标" * 40))),
                  name="名" * 300)
    checked = validate_document(doc)
    [ev] = checked.events
    assert (len(ev.title), len(ev.category), len(checked.name)) == (500, 100, 200)
    assert ev.tags == ("标" * 31 + "…",)            # shortened, then the same tag once
    assert ev.title.endswith(limits.ELLIPSIS)


controls = st.sampled_from(["\x00", "\x01", "\x07", "\x1b", "\x7f", "\x85", "\r", "\ud800"])
pieces = st.lists(st.one_of(st.sampled_from(["会议", "召开", "，", "\n", " "]), controls), max_size=12)


@given(before=pieces, inside=pieces, after=pieces)
def test_control_characters_go_and_spans_follow(before, inside, after):
    head, mid, tail = "".join(before), "2020年5月18日" + "".join(inside), "".join(after)
    body = head + mid + tail
    span = replace(day("2020-05-18"), text=mid, span=(len(head), len(head) + len(mid)))
    doc = document(replace(event("a", "标题" + "".join(inside), "2020-05-18"), body=body, primary=span,
                           mentions=(span,), moments=(Moment(span, "x\x00"),)))
    checked = validate_document(doc)
    [ev] = checked.events
    for text in (ev.body, ev.title, ev.moments[0].text):
        assert not limits.CONTROL.search(text)
    for mention in (*ev.mentions, ev.primary, ev.moments[0].date):
        assert ev.body[mention.span[0]:mention.span[1]] == mention.text
    assert validate_document(checked) is checked        # idempotent: the store may check again
