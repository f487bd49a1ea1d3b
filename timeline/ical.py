"""iCalendar rendering: stored events -> calendar bytes that real clients accept.

Feed policy (`feed_includes`): a feed carries the events whose date is a real day or range
of days: kind `event` (or a cross-reference that something else dated), primary precision
`day`. Left out by default: overviews (【概况】 stand for a whole year), undated entries, and
month, xun (上旬/中旬/下旬), quarter, half-year and year precision, and open-ended ranges
("自 9 月 1 日起": no last day). A calendar client can
only show a vague date as a precise day or as a block of weeks that fills the calendar, and
either would tell the reader more than the source does. One event's own .ics
(`render_event`) still renders a vague date honestly: all-day over the whole range, with the
vagueness named in SUMMARY ("……（2020年6月下旬）").

How dates become iCalendar:
- a day or range of days: all-day, VALUE=DATE, DTEND the day after the last day
  (`exclusive_end`, the only place the project turns an inclusive end into an exclusive one);
- a clock time: DTSTART;TZID=Asia/Shanghai with a VTIMEZONE (never floating). DTEND from
  the end time; without one, DTSTART + `DEFAULT_DURATION` (one hour: long enough to show as
  a block, short enough not to claim the afternoon), or, for a range of days, the midnight
  after its last day;
- a part of day without a clock time (上午, 下午): all-day, the part named in SUMMARY.

UID is derived from the event key alone (the same in every feed and after re-ingest);
DTSTAMP and LAST-MODIFIED come from the store's `updated_at`, never from "now", so the same
data always gives the same bytes.

Everything is built with the icalendar package: `build_event` makes the icalendar component
and `render_event` serialises it with icalendar. Feeds of thousands of events use
`_serialise`, a writer of the same content lines from the same property list and the same
icalendar value types (icalendar does the escaping and the value formats), which makes the
lines of recurring values (days, stamps, category lists) once and folds bytes without
icalendar's per-character loop: about three times faster. A test (with generated text)
holds its output byte-for-byte equal to icalendar's own `Calendar.to_ical()`.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from urllib.parse import quote
from zoneinfo import ZoneInfo

from icalendar import (Calendar, Event as VEvent, Timezone, vCategory, vDate, vDatetime,
                       vDuration, vInt, vText, vUri)

from timeline.dates.label import label
from timeline.dates.span import Precision
from timeline.dates.tables import PART_OF_DAY_NAMES
from timeline.events.model import Event, EventKind, StoredEvent
from timeline.events import export
from timeline.events.validate import supported

TZID = "Asia/Shanghai"
TZ = ZoneInfo(TZID)
# A name of this service, not of a host: UIDs must not change when the site moves.
UID_DOMAIN = "nianjian-timeline"
PRODID = "-//nianjian-timeline//timeline.ical//ZH"
# Bump when the same data would render to other bytes, so HTTP validators change with it.
FORMAT_VERSION = 1
FEED_TITLE = "年鉴大事"
DEFAULT_DURATION = timedelta(hours=1)
REFRESH = timedelta(hours=12)
# The VTIMEZONE covers the Republic's wartime and the PRC's 1986-91 summer time.
_TZ_FIRST, _TZ_LAST = date(1920, 1, 1), date(2038, 1, 1)

PART_OF_DAY_LABELS = PART_OF_DAY_NAMES

# Characters a TEXT value must not carry: C0 controls other than TAB/LF (CR becomes LF), the
# Unicode line breaks some parsers split on, and lone surrogates.
_CLEAN = {c: None for c in range(0x20) if c not in (0x09, 0x0A)}
_CLEAN.update({0x0D: "\n", 0x7F: None, 0x85: "\n", 0x2028: "\n", 0x2029: "\n"})
_CLEAN.update({c: "\ufffd" for c in range(0xD800, 0xE000)})  # lone surrogates cannot be UTF-8


class NotInCalendar(ValueError):
    """The event has no date a calendar can show (an undated cross-reference)."""


def exclusive_end(last_day: date) -> date:
    """DTEND is the non-inclusive end: the day after the event's last (inclusive) day.

    The only place the project converts between the two conventions (API and JSON keep the
    inclusive last day; iCalendar wants the first day after the event).
    """
    return last_day + timedelta(days=1)


def feed_includes(event: Event) -> bool:
    """The default feed policy: only events dated to the day (see the module docstring)."""
    return (event.kind is not EventKind.OVERVIEW and event.primary is not None
            and event.primary.precision is Precision.DAY and event.primary.open is None)


def event_uid(key: str) -> str:
    """The event's UID: from its key alone, ASCII, no characters TEXT would escape."""
    return f"{quote(key, safe='')}@{UID_DOMAIN}"


def feed_uid(name: str) -> str:
    """A stable UID for a feed (VCALENDAR UID, RFC 7986) from a canonical name of its view."""
    if not re.fullmatch(r"[A-Za-z0-9._-]{1,64}", name):
        name = hashlib.sha256(name.encode()).hexdigest()[:24]
    return f"feed-{name}@{UID_DOMAIN}"


def calendar_title(*, year: int | None = None, categories: Iterable[str] = (),
                   tags: Iterable[str] = (), q: str | None = None, date_from: date | None = None,
                   date_to: date | None = None, kinds: Iterable[str] = ()) -> dict[str, str]:
    """NAME, description and UID of the feed of a filtered view (keyword arguments of
    `render_calendar`). The same view gives the same values whichever URL serves it."""
    categories, tags, kinds = sorted(set(categories)), sorted(set(tags)), sorted(set(kinds))
    dates = f"{date_from or '…'}至{date_to or '…'}" if date_from or date_to else ""
    parts = [f"{year}年" if year else "", "、".join(categories), "、".join(f"#{t}" for t in tags),
             f"“{q}”" if q else "", dates, "、".join(kinds)]
    name = " · ".join([FEED_TITLE, *(p for p in parts if p)] if any(parts) else [FEED_TITLE, "全部"])
    canonical = "&".join(f"{k}={v}" for k, v in (
        ("year", year or ""), ("category", ",".join(categories)), ("tag", ",".join(tags)),
        ("q", q or ""), ("from", date_from or ""), ("to", date_to or ""), ("kind", ",".join(kinds)))
        if v)
    description = (f"{name}：日期精确到日的事件，附原文出处与链接。"
                   "只记到月、旬、季、半年或年的事件与各栏目概况不在订阅中，请到网站时间线查看。")
    return {"name": name, "description": description, "calendar_uid": feed_uid(canonical or "all")}


def event_url(key: str, base_url: str) -> str:
    return _url(key, checked_base_url(base_url))


def _url(key: str, checked_base: str) -> str:
    return checked_base + export.event_url(key)


def sort_key(stored: StoredEvent) -> tuple:
    """Feed order: by start (day, then clock time), then key; undated last."""
    ev = stored.event
    return (ev.start is None, ev.start or date.min, ev.time or "", ev.key)


def build_event(stored: StoredEvent, *, base_url: str) -> VEvent:
    """The icalendar VEVENT of one dated event; raises NotInCalendar for an undated one."""
    event = VEvent()
    for name, value in _properties(stored, checked_base_url(base_url)):
        event[name] = _TYPES[name](value)
    return event


def render_event(stored: StoredEvent, *, base_url: str) -> bytes:
    """One event as a complete calendar (for /events/<key>.ics). Raises NotInCalendar."""
    vevent = build_event(stored, base_url=base_url)
    cal = _calendar_shell(name=stored.event.title, description=stored.event.summary,
                          calendar_uid=feed_uid(f"event-{stored.event.key}"),
                          timed=isinstance(vevent["DTSTART"].dt, datetime))
    cal.add_component(vevent)
    return cal.to_ical()


def render_calendar(events: Iterable[StoredEvent], *, name: str, description: str,
                    calendar_uid: str, base_url: str,
                    include: Callable[[Event], bool] = feed_includes) -> bytes:
    """A feed: the events `include` admits, ordered by `sort_key`; same data, same bytes."""
    chosen = sorted((s for s in events if include(s.event) and s.event.primary is not None
                     and supported(s.event.primary)), key=sort_key)
    base = checked_base_url(base_url)
    timed = any(isinstance(_dates(s.event)[0], datetime) for s in chosen)
    shell = _calendar_shell(name=name, description=description, calendar_uid=calendar_uid,
                            timed=timed).to_ical()
    end = b"END:VCALENDAR\r\n"
    assert shell.endswith(end)
    # One event's values at a time: they die young, so the collector has little to walk.
    return b"".join([shell[:-len(end)], *(_serialise(_properties(s, base)) for s in chosen), end])


# -- building ----------------------------------------------------------------------------


def _properties(stored: StoredEvent, base: str) -> list[tuple[str, object]]:
    """The VEVENT's properties as Python values, in icalendar's canonical order; `_TYPES`
    names the icalendar type of each. Both writers use this list, so they cannot drift.
    """
    ev = stored.event
    if ev.primary is None:
        raise NotInCalendar(f"event {ev.key!r} has no date")
    if not supported(ev.primary):   # stored before dates were validated: no DTEND past 9999
        raise NotInCalendar(f"event {ev.key!r} has a date outside the supported years")
    start, end = _dates(ev)
    stamp = _utc(stored.updated_at)
    url = _url(ev.key, base)
    where = f"来源：{stored.document}，第 {ev.source.line} 行"
    description = "\n\n".join(x for x in (_clean(ev.summary), _clean(where), url) if x)
    categories = tuple(dict.fromkeys(_clean(c) for c in (ev.category, *ev.tags) if c.strip()))
    props: list[tuple[str, object]] = [
        ("SUMMARY", _summary(ev, timed=isinstance(start, datetime))),
        ("DTSTART", start),
        ("DTEND", end),
        ("DTSTAMP", stamp),
        ("UID", event_uid(ev.key)),
        ("SEQUENCE", stored.sequence),
    ]
    if categories:
        props.append(("CATEGORIES", categories))
    props += [
        ("DESCRIPTION", description),
        ("LAST-MODIFIED", stamp),
        ("TRANSP", "TRANSPARENT"),
        ("URL", url),
    ]
    return props


def _dates(ev: Event) -> tuple[date, date] | tuple[datetime, datetime]:
    span = ev.primary
    start_time = _clock(span.time) if span.precision is Precision.DAY else None
    if start_time is None:
        return span.start, exclusive_end(span.end)
    start = _at(span.start, start_time)
    end_time = _clock(span.end_time)
    end = _at(span.end, end_time) if end_time is not None else None
    if end is None or end <= start:
        # No usable end time: an hour on a one-day event, else up to the end of the last day.
        end = (start + DEFAULT_DURATION if span.end <= span.start
               else _at(exclusive_end(span.end), (0, 0)))
    return start, end


def _date_value(value: date | datetime) -> vDate | vDatetime:
    # The specific types: vDDDTypes would pick the same but costs twice as much per value.
    if isinstance(value, datetime):
        return vDatetime(value)   # adds TZID=Asia/Shanghai itself
    return vDate(value, params={"VALUE": "DATE"})


def _summary(ev: Event, *, timed: bool) -> str:
    title = _clean(ev.title)
    span = ev.primary
    if span.precision is not Precision.DAY or span.open is not None:
        return f"{title}（{label(span)}）"
    if not timed and span.part_of_day is not None:
        return f"{title}（{PART_OF_DAY_LABELS[span.part_of_day]}）"
    return title


def _clock(text: str | None) -> tuple[int, int] | None:
    """"HH:MM" -> (h, m); None when absent or malformed (the event stays all-day)."""
    if not text:
        return None
    try:
        h, m = (int(x) for x in text.split(":"))
    except ValueError:
        return None
    return (h, m) if 0 <= h <= 24 and 0 <= m < 60 and (h, m) <= (24, 0) else None


def _at(day: date, hm: tuple[int, int]) -> datetime:
    h, m = hm
    if h == 24:  # "24:00" is the midnight that ends the day
        day, h = day + timedelta(days=1), 0
    return datetime.combine(day, time(h, m), tzinfo=TZ)


def _utc(moment: datetime) -> datetime:
    # A naive updated_at is UTC by the store's contract; say so rather than guess local time.
    return (moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None
            else moment.astimezone(timezone.utc)).replace(microsecond=0)


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n").translate(_CLEAN)


def checked_base_url(base_url: str) -> str:
    """`base_url` without its trailing slash; ValueError unless a plain absolute http(s) URL."""
    if not base_url.startswith(("http://", "https://")) or any(
            c.isspace() or ord(c) < 0x20 or c in '"<>\\' for c in base_url):
        raise ValueError(f"base_url must be an absolute http(s) URL: {base_url!r}")
    return base_url.rstrip("/")


def _calendar_shell(*, name: str, description: str, calendar_uid: str, timed: bool) -> Calendar:
    cal = Calendar()
    cal.add("PRODID", PRODID)
    cal.add("VERSION", "2.0")
    cal.add("CALSCALE", "GREGORIAN")
    cal.add("METHOD", "PUBLISH")
    cal.add("UID", calendar_uid)
    # vText, said explicitly: icalendar escapes a plain str only for properties it knows as
    # TEXT, and a line break in NAME or X-WR-* (from ?q= or ?tag=) would fail to serialise.
    for prop in ("NAME", "X-WR-CALNAME"):
        cal.add(prop, vText(_clean(name)))
    for prop in ("DESCRIPTION", "X-WR-CALDESC"):
        cal.add(prop, vText(_clean(description)))
    cal.add("X-WR-TIMEZONE", TZID)
    # icalendar 7 leaves VALUE=DURATION out unless given; RFC 7986 requires it here.
    cal["REFRESH-INTERVAL"] = vDuration(REFRESH, params={"VALUE": "DURATION"})
    cal.add("X-PUBLISHED-TTL", vDuration(REFRESH).to_ical().decode())
    if timed:
        cal.add_component(_vtimezone())
    return cal


@lru_cache(maxsize=1)
def _vtimezone() -> Timezone:
    tz = Timezone.from_tzid(TZID, first_date=_TZ_FIRST, last_date=_TZ_LAST)
    # icalendar notes the covered range in a COMMENT, which strict parsers reject there.
    tz.pop("COMMENT", None)
    return tz


# -- the feed writer -----------------------------------------------------------------------

_FOLD_LIMIT = 74  # octets per physical line before the CRLF and continuation space


_TYPES = {
    "SUMMARY": vText, "DTSTART": _date_value, "DTEND": _date_value, "DTSTAMP": vDatetime,
    "UID": vText, "SEQUENCE": vInt, "CATEGORIES": lambda v: vCategory(list(v)),
    "DESCRIPTION": vText, "LAST-MODIFIED": vDatetime, "TRANSP": vText, "URL": vUri,
}
# Values that recur across a feed's events (days, the ingest time, category lists): their
# lines are made once. The rest is written per event.
_RECURRING = frozenset({"DTSTART", "DTEND", "DTSTAMP", "LAST-MODIFIED", "CATEGORIES", "TRANSP"})


def _serialise(props: list[tuple[str, object]]) -> bytes:
    """VEVENT bytes as icalendar's Component.to_ical() writes them, only faster."""
    lines = [b"BEGIN:VEVENT"]
    for name, value in props:
        lines.append(_recurring_line(name, value) if name in _RECURRING
                     else _content_line(name, _TYPES[name](value)))
    lines.append(b"END:VEVENT\r\n")
    return b"\r\n".join(lines)


@lru_cache(maxsize=8192)
def _recurring_line(name: str, value: object) -> bytes:
    return _content_line(name, _TYPES[name](value))


def _content_line(name: str, value) -> bytes:
    """One folded content line, as icalendar's Contentline.from_parts() + to_ical()."""
    params = value.params.to_ical() if value.params else b""
    head = f"{name};".encode() + params if params else name.encode()
    return _fold(head + b":" + value.to_ical())


def _fold(line: bytes) -> bytes:
    """Fold a content line at 75 octets without splitting a UTF-8 character.

    Like icalendar's own folding, a backslash or caret never ends a physical line, so an
    escape ("\\n", "^n") is never cut in two (icalendar issue #1501).
    """
    if len(line) <= _FOLD_LIMIT:
        return line
    parts, start = [], 0
    while len(line) - start > _FOLD_LIMIT:
        cut = start + _FOLD_LIMIT
        while line[cut] & 0xC0 == 0x80:  # a continuation byte: back to the character's start
            cut -= 1
        if line[cut - 1] in b"\\^" and cut - 1 > start:
            cut -= 1
        parts.append(line[start:cut])
        start = cut
    parts.append(line[start:])
    return b"\r\n ".join(parts)
