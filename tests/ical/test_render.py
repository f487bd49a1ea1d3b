"""iCalendar rendering rules (timeline.ical), from small stored events built in data.py."""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import icalendar
import pytest

from timeline import ical
from timeline.dates.span import PartOfDay, Precision
from timeline.events.model import EventKind

from testkit import feed_events as data
from testkit.events import stored
from testkit.feed_events import BASE_URL
from .helpers import feed, parsed_event, physical_lines, unfolded


def test_exclusive_end_is_the_day_after_the_last_day():
    assert ical.exclusive_end(date(2020, 9, 17)) == date(2020, 9, 18)
    assert ical.exclusive_end(date(2020, 12, 31)) == date(2021, 1, 1)
    assert ical.exclusive_end(date(2020, 2, 28)) == date(2020, 2, 29)


def test_a_range_of_days_is_all_day_with_dtend_after_the_last_day():
    body = feed([data.VISIT])
    assert "DTSTART;VALUE=DATE:20200916" in unfolded(body)
    assert "DTEND;VALUE=DATE:20200918" in unfolded(body)


def test_a_single_day_ends_the_next_day():
    event = parsed_event(feed([data.DATED_XREF]), ical.event_uid(data.DATED_XREF.event.key))
    assert (event.DTSTART, event.DTEND) == (date(2020, 12, 18), date(2020, 12, 19))


@pytest.mark.parametrize("vague", data.VAGUE_EVENTS, ids=lambda s: s.event.key)
def test_vague_overview_and_undated_events_stay_out_of_feeds(vague):
    assert not ical.feed_includes(vague.event)
    assert b"BEGIN:VEVENT" not in feed([vague])


@pytest.mark.parametrize("precise", data.DAY_EVENTS, ids=lambda s: s.event.key)
def test_events_dated_to_the_day_are_in_feeds(precise):
    assert ical.feed_includes(precise.event)
    assert f"UID:{ical.event_uid(precise.event.key)}" in unfolded(feed([precise]))


def test_a_feed_holds_exactly_the_day_events():
    cal = icalendar.Calendar.from_ical(feed(data.ALL))
    assert sorted(str(e["UID"]) for e in cal.events) == sorted(
        ical.event_uid(s.event.key) for s in data.DAY_EVENTS)


def test_a_feed_can_choose_another_policy():
    body = ical.render_calendar(data.ALL, name="x", description="", base_url=BASE_URL,
                                include=lambda ev: True)
    # Undated events never get in: there is nothing to put on a calendar.
    assert body.count(b"BEGIN:VEVENT") == len(data.ALL) - 1


def test_part_of_day_without_clock_time_is_all_day_named_in_summary():
    event = parsed_event(feed([data.MORNING]), ical.event_uid(data.MORNING.event.key))
    assert str(event["SUMMARY"]) == "袁家军主持召开座谈会（上午）"
    assert event.DTSTART == date(2020, 9, 17) and event.DTEND == date(2020, 9, 18)


def test_part_of_day_with_clock_time_is_timed_without_qualifier():
    s = stored("k", "会议", date(2020, 9, 16), time="15:00", part=PartOfDay.AFTERNOON)
    event = parsed_event(feed([s]), ical.event_uid("k"))
    assert str(event["SUMMARY"]) == "会议"
    assert event.DTSTART == datetime(2020, 9, 16, 15, tzinfo=ical.TZ)


def test_timed_event_uses_tzid_and_a_vtimezone_from_zoneinfo():
    body = feed([data.TIMED])
    lines = unfolded(body)
    assert "DTSTART;TZID=Asia/Shanghai:20200520T093000" in lines
    assert "DTEND;TZID=Asia/Shanghai:20200520T110000" in lines
    cal = icalendar.Calendar.from_ical(body)
    (tz,) = cal.timezones
    assert str(tz["TZID"]) == "Asia/Shanghai"
    assert "COMMENT" not in tz and not any("COMMENT" in sub for sub in tz.walk())
    assert cal.get_missing_tzids() == set()
    # One observance, from the last change of offset zoneinfo knows: every time written
    # with the TZID is after it, so no client needs the zone's history.
    (observance,) = tz.subcomponents
    settled = ical.zone_settled()
    assert settled == datetime(1991, 9, 14, 17, tzinfo=timezone.utc)   # today's tzdata
    assert observance.DTSTART == datetime(1991, 9, 15, 2)
    assert observance.TZOFFSETFROM == timedelta(hours=9)
    assert observance.TZOFFSETTO == timedelta(hours=8)
    for probe in (settled, settled + timedelta(days=365 * 80)):
        assert probe.astimezone(ical.TZ).utcoffset() == timedelta(hours=8)
    assert (settled - timedelta(seconds=1)).astimezone(ical.TZ).utcoffset() == timedelta(hours=9)


@pytest.mark.parametrize("day, clock, end_clock", [
    (date(1900, 6, 1), "09:00", None),       # local mean time, +08:05:43
    (date(1919, 5, 4), "13:00", None),       # summer time 1919
    (date(1946, 7, 1), "10:00", "12:00"),
    (date(1949, 5, 10), "08:00", None),      # the 1949 summer time
    (date(1949, 10, 1), "15:00", None),
    (date(1988, 6, 1), "20:00", "24:00"),
    (date(1991, 9, 15), "01:30", None),      # the last hour that happened twice
])
def test_historical_times_are_written_in_utc_at_zoneinfos_instant(day, clock, end_clock):
    s = stored("k", "会", day, time=clock, end_time=end_clock)
    body = feed([s])
    event = parsed_event(body, ical.event_uid("k"))
    local = datetime.combine(day, datetime.strptime(clock, "%H:%M").time(), tzinfo=ical.TZ)
    assert event.DTSTART.timestamp() == local.timestamp()   # the instant zoneinfo gives (fold=0)
    assert event.DTSTART.tzinfo == timezone.utc or event.DTSTART.utcoffset() == timedelta(0)
    lines = unfolded(body)
    own = lines[lines.index("BEGIN:VEVENT"):]
    for name in ("DTSTART", "DTEND"):
        line = next(x for x in own if x.startswith(name))
        assert line.endswith("Z") and "TZID" not in line


def test_a_vtimezone_only_where_a_time_names_it():
    assert b"VTIMEZONE" not in ical.render_event(data.VISIT, base_url=BASE_URL)
    assert b"VTIMEZONE" in ical.render_event(data.TIMED, base_url=BASE_URL)
    assert b"VTIMEZONE" not in feed([data.VISIT, data.MORNING])
    assert b"VTIMEZONE" not in feed([stored("k", "会", date(1988, 6, 1), time="20:00")])   # in UTC
    assert b"VTIMEZONE" in feed([data.VISIT, data.TIMED])


def test_no_floating_times():
    body = feed(data.many(200) + list(data.ALL))
    for line in unfolded(body):
        name = line.split(":", 1)[0]
        if name.split(";")[0] in ("DTSTART", "DTEND") and "BEGIN" not in line:
            if line.startswith(("DTSTART:", "DTEND:")):
                # Only observances inside VTIMEZONE may be local (RFC 5545 requires it).
                assert "T" in line and not line.endswith("Z")
                continue
            assert "VALUE=DATE" in name or "TZID=Asia/Shanghai" in name, line
    events = icalendar.Calendar.from_ical(body).events
    for event in events:
        for prop in ("DTSTART", "DTEND"):
            value = event[prop].dt
            assert not isinstance(value, datetime) or value.tzinfo is not None


def test_timed_event_without_end_lasts_the_default_duration():
    event = parsed_event(feed([data.TIMED_NO_END]), ical.event_uid(data.TIMED_NO_END.event.key))
    assert event.DTEND - event.DTSTART == ical.DEFAULT_DURATION == timedelta(hours=1)


@pytest.mark.parametrize("span, expected", [
    # (start, end, time, end_time) -> (DTSTART, DTEND) local
    ((date(2020, 9, 16), None, "09:00", "08:00"),
     (datetime(2020, 9, 16, 9), datetime(2020, 9, 16, 10))),         # end before start
    ((date(2020, 9, 16), None, "22:00", "24:00"),
     (datetime(2020, 9, 16, 22), datetime(2020, 9, 17, 0))),         # 24:00 ends the day
    ((date(2020, 9, 16), date(2020, 9, 17), "09:00", None),
     (datetime(2020, 9, 16, 9), datetime(2020, 9, 18, 0))),          # to the end of the range
    ((date(2020, 9, 16), date(2020, 9, 17), "09:00", "12:00"),
     (datetime(2020, 9, 16, 9), datetime(2020, 9, 17, 12))),
])
def test_timed_edges(span, expected):
    start, end, t, end_t = span
    event = parsed_event(feed([stored("k", "会", start, end, time=t, end_time=end_t)]),
                         ical.event_uid("k"))
    assert (event.DTSTART, event.DTEND) == tuple(x.replace(tzinfo=ical.TZ) for x in expected)


@pytest.mark.parametrize("bad", ["9:7:1", "25:00", "ab:cd", "12:60", ""])
def test_a_malformed_clock_time_leaves_the_event_all_day(bad):
    event = parsed_event(feed([stored("k", "会", date(2020, 9, 16), time=bad)]), ical.event_uid("k"))
    assert event.DTSTART == date(2020, 9, 16)


def test_calendar_properties():
    body = feed([data.TIMED], name="青山湖 · 招商引资")
    lines = unfolded(body)
    for line in ["VERSION:2.0", f"PRODID:{ical.PRODID}", "CALSCALE:GREGORIAN",
                 "NAME:青山湖 · 招商引资", "X-WR-CALNAME:青山湖 · 招商引资",
                 "DESCRIPTION:青山湖科技城大事", "X-WR-CALDESC:青山湖科技城大事",
                 "REFRESH-INTERVAL;VALUE=DURATION:PT12H", "X-PUBLISHED-TTL:PT12H",
                 "X-WR-TIMEZONE:Asia/Shanghai"]:
        assert line in lines
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    cal = icalendar.Calendar.from_ical(body)
    assert cal.refresh_interval == timedelta(hours=12)
    # No calendar UID (vdirsyncer then syncs one event of a feed) and no METHOD (an iTIP
    # PUBLISH needs an ORGANIZER): a plain calendar.
    assert "UID" not in cal and "METHOD" not in cal


def test_event_properties():
    s = replace(data.VISIT, sequence=3)
    event = parsed_event(feed([s]), ical.event_uid(s.event.key))
    url = f"{BASE_URL}/events/{s.event.key}"
    assert str(event["UID"]) == f"{s.event.key}@{ical.UID_DOMAIN}"
    assert event.DTSTAMP == event.LAST_MODIFIED == data.UPDATED
    assert event["SEQUENCE"] == 3
    assert [str(c) for c in event.categories] == ["重要会议与活动", "视察调研"]
    assert str(event["URL"]) == url
    description = str(event["DESCRIPTION"])
    assert description.startswith(s.event.summary)
    assert "来源：qingshanhu-2020" in description and "348" not in description
    assert description.endswith(url)
    assert str(event["TRANSP"]) == "TRANSPARENT"


def test_stamp_is_the_last_change_never_now():
    naive = replace(data.VISIT, updated_at=datetime(2021, 3, 4, 5, 6, 7, 890))
    shanghai = replace(data.VISIT, updated_at=datetime(2021, 3, 4, 13, 6, 7, tzinfo=ical.TZ))
    for s in (naive, shanghai):
        event = parsed_event(feed([s]), ical.event_uid(s.event.key))
        assert event.DTSTAMP == datetime(2021, 3, 4, 5, 6, 7, tzinfo=timezone.utc)


def test_uid_is_the_same_in_every_feed_and_ascii_for_any_key():
    a = parsed_event(feed([data.VISIT], name="全部"), ical.event_uid(data.VISIT.event.key))
    b = parsed_event(feed([data.VISIT, data.TIMED], name="2020"), ical.event_uid(data.VISIT.event.key))
    assert a["UID"] == b["UID"]
    uid = ical.event_uid("青山湖/2020;a,b 袁家军")
    assert uid.isascii() and not set(uid) & set(";,\\ /")


def test_uids_are_unique_in_a_feed():
    uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(feed(data.many(1000))).events]
    assert len(uids) == len(set(uids)) == 1000


def test_same_data_same_bytes_in_any_input_order():
    events = data.many(300) + list(data.ALL)
    first = feed(events)
    shuffled = events[:]
    random.Random(7).shuffle(shuffled)
    assert feed(shuffled) == first == feed(list(events))


def test_order_is_by_start_then_time_then_key():
    cal = icalendar.Calendar.from_ical(feed(data.many(60)))
    keys = [(e.DTSTART if isinstance(e.DTSTART, datetime) else e.DTSTART, str(e["UID"]))
            for e in cal.events]
    starts = [(k[0].date() if isinstance(k[0], datetime) else k[0]) for k in keys]
    assert starts == sorted(starts)


def test_crlf_everywhere():
    body = feed(list(data.ALL) + [stored("h", data.HOSTILE, date(2020, 1, 1), summary=data.HOSTILE)])
    assert body.count(b"\n") == body.count(b"\r\n") == body.count(b"\r")
    assert body.endswith(b"END:VCALENDAR\r\n")


def test_folding_keeps_utf8_characters_whole_and_lines_short():
    long = stored("long", data.LONG_TEXT, date(2020, 9, 16), summary="é" + data.LONG_TEXT * 3,
                  tags=tuple(f"标签{i}" for i in range(40)))
    body = feed([long, data.VISIT])
    for line in physical_lines(body):
        assert len(line) <= 75
        line.decode("utf-8")  # a split character would not decode on its own
    event = parsed_event(body, "long@" + ical.UID_DOMAIN)
    assert str(event["SUMMARY"]) == data.LONG_TEXT


def test_single_event_render():
    body = ical.render_event(data.TIMED, base_url=BASE_URL)
    cal = icalendar.Calendar.from_ical(body)
    assert [str(e["UID"]) for e in cal.events] == [ical.event_uid(data.TIMED.event.key)]
    assert len(cal.timezones) == 1
    assert "UID" not in cal


@pytest.mark.parametrize("s, summary, start, end", [
    (data.XUN, "完成验收（2020年6月下旬）", date(2020, 6, 21), date(2020, 7, 1)),
    (data.MONTH, "开展复工复产（2020年6月）", date(2020, 6, 1), date(2020, 7, 1)),
    (data.OVERVIEW, "概况（2020年）", date(2020, 1, 1), date(2021, 1, 1)),
    (stored("o", "2020年概况", date(2020, 1, 1), date(2020, 12, 31), precision=Precision.YEAR,
            kind=EventKind.OVERVIEW), "2020年概况", date(2020, 1, 1), date(2021, 1, 1)),
    (stored("h", "半年", date(2020, 7, 1), date(2020, 12, 31), precision=Precision.HALF),
     "半年（2020年下半年）", date(2020, 7, 1), date(2021, 1, 1)),
    (stored("q", "季", date(2020, 4, 1), date(2020, 6, 30), precision=Precision.QUARTER),
     "季（2020年第二季度）", date(2020, 4, 1), date(2020, 7, 1)),
])
def test_one_vague_event_names_its_vagueness_and_spans_its_whole_range(s, summary, start, end):
    (event,) = icalendar.Calendar.from_ical(ical.render_event(s, base_url=BASE_URL)).events
    assert (str(event["SUMMARY"]), event.DTSTART, event.DTEND) == (summary, start, end)


def test_an_undated_event_has_no_calendar():
    with pytest.raises(ical.NotInCalendar):
        ical.render_event(data.XREF, base_url=BASE_URL)


@pytest.mark.parametrize("base", ["timeline.example.org", "https://a b", "https://x\r\nX-EVIL:1",
                                  'https://x/"<script>', "javascript:alert(1)"])
def test_base_url_must_be_a_plain_http_url(base):
    with pytest.raises(ValueError):
        ical.render_event(data.VISIT, base_url=base)


def test_trailing_slash_of_base_url_does_not_double():
    assert ical.event_url("k", BASE_URL + "/") == f"{BASE_URL}/events/k"
