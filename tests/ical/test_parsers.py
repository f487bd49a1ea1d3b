"""Every feed read back by three independent parsers; hostile text never escapes its value;
each event's lines are those icalendar itself would write."""
from __future__ import annotations

from datetime import date, datetime, timezone

import icalendar
import pytest
from hypothesis import given, settings, strategies as st

from tests.support import examples
from timeline import ical

from testkit import feed_events as data
from testkit.events import stored
from testkit.feed_events import BASE_URL
from .helpers import as_date, feed, parse_all, parsed_event, physical_lines, unfolded

HOSTILE_EVENT = stored("hostile", data.HOSTILE, date(2020, 3, 1), summary=data.HOSTILE,
                       category="教育;X-EVIL:2", tags=("a,b", "c\\d", "e\r\nX-EVIL:3"),
                       document="doc\r\nX-EVIL:4")

FEEDS = {
    "seed-like": list(data.ALL),
    "many": data.many(300),
    "hostile": [HOSTILE_EVENT, data.VISIT],
    "empty": [],
}

# Three parsers over 300 events take seconds (ics most of them): `slow`, for `make test` only.
THREE_PARSER_FEEDS = [pytest.param(name, marks=pytest.mark.slow) if name == "many" else name for name in FEEDS]


@pytest.mark.parametrize("name", THREE_PARSER_FEEDS)
def test_three_parsers_agree_on_every_feed(name):
    body = feed(FEEDS[name])
    expected = sorted((ical.event_uid(s.event.key), s.event.start, ical.exclusive_end(s.event.end))
                      for s in FEEDS[name] if ical.feed_includes(s.event)
                      and not s.event.time)
    timed = sum(1 for s in FEEDS[name] if ical.feed_includes(s.event) and s.event.time)
    for parser, events in parse_all(body).items():
        assert len(events) == len(expected) + timed, parser
        all_day = sorted((uid, as_date(start), as_date(end)) for uid, _, start, end in events
                         if (uid, as_date(start), as_date(end)) in set(expected))
        assert all_day == expected, parser
        summaries = {uid: summary for uid, summary, _, _ in events}
        for s in FEEDS[name]:
            if ical.feed_includes(s.event) and not s.event.part_of_day:
                assert summaries[ical.event_uid(s.event.key)] == ical._clean(s.event.title), parser


def test_timed_events_mean_the_same_instant_to_every_parser():
    body = feed([data.TIMED])
    starts = {parser: events[0][2] for parser, events in parse_all(body).items()}
    assert len({s.timestamp() for s in starts.values()}) == 1
    assert starts["icalendar"].utcoffset().total_seconds() == 8 * 3600


def test_hostile_text_cannot_inject_properties_or_components():
    body = feed([HOSTILE_EVENT])
    lines = unfolded(body)
    assert not any(line.startswith("X-EVIL") for line in lines)
    assert lines.count("BEGIN:VEVENT") == 1 and lines.count("END:VCALENDAR") == 1
    event = parsed_event(body, ical.event_uid("hostile"))
    summary = str(event["SUMMARY"])
    assert summary == ical._clean(data.HOSTILE)
    assert "\x00" not in summary and "\x1b" not in summary and "\r" not in summary
    assert '"e"<script>alert(1)</script>' in summary   # kept as text: a calendar is not HTML
    assert [str(c) for c in event.categories] == ["教育;X-EVIL:2", "a,b", "c\\d", "e\nX-EVIL:3"]
    assert "doc\nX-EVIL:4" in str(event["DESCRIPTION"])


@pytest.mark.parametrize("parser", ["vobject", "ics"])
def test_hostile_text_reads_back_the_same_elsewhere(parser):
    (event,) = parse_all(feed([HOSTILE_EVENT]))[parser]
    assert event[1] == ical._clean(data.HOSTILE)


def _reference(events) -> list[list[str]]:
    """Each event's content lines as icalendar alone writes them (Calendar.to_ical() over
    build_event), unfolded and sorted: what every VEVENT of a feed must say."""
    chosen = sorted((s for s in events if ical.feed_includes(s.event)), key=ical.sort_key)
    cal = icalendar.Calendar()
    for s in chosen:
        cal.add_component(ical.build_event(s, base_url=BASE_URL))
    return _events_lines(cal.to_ical())


def _events_lines(body: bytes) -> list[list[str]]:
    events, current = [], None
    for line in unfolded(body):
        if line == "BEGIN:VEVENT":
            current = []
        elif line == "END:VEVENT":
            events.append(sorted(current))
            current = None
        elif current is not None:
            current.append(line)
    return events


@pytest.mark.parametrize("name", FEEDS)
def test_every_event_says_what_icalendar_would(name):
    assert _events_lines(feed(FEEDS[name])) == _reference(FEEDS[name])


texts = st.text(alphabet=st.sampled_from(list("ab\\^;,:\"\n\r 袁家军é😀𠀀\t")) | st.characters(),
                min_size=0, max_size=300)


@settings(max_examples=examples(200), deadline=None, database=None)
@given(title=texts, summary=texts, tag=texts.filter(str.strip))
def test_every_event_says_what_icalendar_would_for_any_text(title, summary, tag):
    events = [stored("k", title, date(2020, 9, 16), summary=summary, tags=(tag,))]
    body = feed(events)
    assert _events_lines(body) == _reference(events)
    for line in physical_lines(body):
        assert len(line) <= 75
        line.decode("utf-8")
    event = parsed_event(body, ical.event_uid("k"))
    assert str(event["SUMMARY"]) == ical._clean(title)


@pytest.mark.parametrize("text", ["a\\Nb", "a\\nb", "x;y,z", "\r\n", "a\rb", "\\", "签约；仪式，", ""])
def test_text_lines_are_escaped_as_icalendar_escapes_them(text):
    assert ical._text_line("SUMMARY", text) == ical._content_line("SUMMARY", icalendar.vText(text))
    assert (ical._categories_line("CATEGORIES", (text, "b,c"))
            == ical._content_line("CATEGORIES", icalendar.vCategory([text, "b,c"])))


def test_one_instant_written_in_utc_and_in_the_zone_keeps_both_lines():
    local = datetime(1991, 9, 15, 9, 0, tzinfo=ical.TZ)
    utc = local.astimezone(timezone.utc)
    assert local == utc
    assert ical._date_line("DTEND", utc) == b"DTEND:19910915T010000Z"
    assert ical._date_line("DTEND", local) == b"DTEND;TZID=Asia/Shanghai:19910915T090000"
    assert ical._date_line("DTEND", utc) == b"DTEND:19910915T010000Z"
