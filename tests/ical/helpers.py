"""Shared checks for iCalendar output: parse with three independent parsers, read lines."""
from __future__ import annotations

import re

from datetime import date, datetime

import icalendar
import ics
import vobject

from timeline import ical

from testkit.feed_events import BASE_URL


def feed(events, name: str = "全部事件") -> bytes:
    return ical.render_calendar(events, name=name, description="青山湖科技城大事", base_url=BASE_URL)


def physical_lines(body: bytes) -> list[bytes]:
    assert body.endswith(b"\r\n")
    return body[:-2].split(b"\r\n")


def unfolded(body: bytes) -> list[str]:
    """Logical content lines (RFC 5545 unfolding: a CRLF followed by one space or tab)."""
    return re.sub(rb"\r\n[ \t]", b"", body).decode("utf-8").split("\r\n")[:-1]


def as_date(value) -> date:
    return value if not isinstance(value, datetime) else value.date()


def parse_all(body: bytes) -> dict[str, list[tuple[str, str, object, object]]]:
    """(uid, summary, start, end) of every event as icalendar, vobject and ics read them."""
    text = body.decode("utf-8")
    cal = icalendar.Calendar.from_ical(body)
    out = {"icalendar": [(str(e["UID"]), str(e["SUMMARY"]), e.DTSTART, e.DTEND)
                         for e in cal.events]}
    vcal = vobject.readOne(text)
    out["vobject"] = [(e.uid.value, e.summary.value, e.dtstart.value, e.dtend.value)
                      for e in getattr(vcal, "vevent_list", [])]
    out["ics"] = [(e.uid, e.name, e.begin.datetime, e.end.datetime)
                  for e in ics.Calendar(text).events]
    return out


def parsed_event(body: bytes, uid: str) -> icalendar.Event:
    (event,) = [e for e in icalendar.Calendar.from_ical(body).events if str(e["UID"]) == uid]
    return event
