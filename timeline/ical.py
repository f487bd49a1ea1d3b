"""iCalendar rendering: stored events -> calendar bytes that real clients accept.

Feed policy (`feed_includes`): a feed carries the events whose date is a real day or range
of days: kind `event` (or a cross-reference that something else dated), primary precision
`day`. Left out by default: overviews (【概况】 stand for a whole year), undated entries, and
month, xun (上旬/中旬/下旬), quarter, half-year and year precision, and open-ended ranges
("自 9 月 1 日起": no last day). A calendar client can only show a vague date as a precise day or as a block of weeks that fills the calendar, and
either would tell the reader more than the source does. One event's own .ics
(`render_event`) still renders a vague date honestly: all-day over the whole range, with the
vagueness named in SUMMARY ("……（2020年6月下旬）").

How dates become iCalendar:
- a day or range of days: all-day, VALUE=DATE, DTEND the day after the last day
  (`exclusive_end`, the only place the project turns an inclusive end into an exclusive one);
- a clock time: the instant Python's zoneinfo gives for that wall-clock time in
  Asia/Shanghai (never floating). DTEND from the end time ("24:00" is the next midnight);
  without one, DTSTART + `DEFAULT_DURATION` (one hour), or, for a range of days, the
  midnight after its last day;
- a part of day without a clock time (上午, 下午): all-day, the part named in SUMMARY.

Times and time zones (`zone_settled`): Asia/Shanghai changed its offset 30 times between
1901 and 1991 (local mean time +08:05:43 before 1901, summer time in 1919, 1940-49 and
1986-91). Clients do not read a VTIMEZONE that carries that history alike: ical.js takes
only the first value of a comma-separated RDATE, ruby icalendar rejects such blocks,
Outlook maps the TZID to a Windows zone with no history at all, and offsets with seconds
(LMT) are read by few. So a time is written with TZID=Asia/Shanghai only from the instant
after which zoneinfo's offset never changes again (1991-09-14 17:00 UTC with today's
tzdata), and the VTIMEZONE holds that one observance, generated from zoneinfo. A time before
it is written in UTC ("…Z"), which every client places at the same instant: the instant
zoneinfo gives for the local time. Both bounds come from zoneinfo, not from a table here.

Each VEVENT is made at ingest (`vevent`, kept by the store) up to its URL, which depends on
the site's address and is appended when a feed is served (`url_tail`). `published` is the
digest of what clients see of an event, without DTSTAMP, LAST-MODIFIED and SEQUENCE: the
store re-stamps an event only when that digest changes, and raises SEQUENCE only when its
summary, dates or category change. The values and their escaping are icalendar's own
(`_TYPES`; `_LINES` writes the same lines without icalendar's objects, at a third of the
cost); a test holds every line equal to what icalendar's `to_ical()` writes.

No calendar-level UID (RFC 7986 allows one, but vdirsyncer then syncs only one event of a
feed) and no METHOD: a feed is a plain calendar, not an iTIP message (METHOD:PUBLISH would
require an ORGANIZER, RFC 5546 3.2.1, and an organizer makes clients show meetings).
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from urllib.parse import quote
from zoneinfo import ZoneInfo

from icalendar import (Calendar, Timezone, TimezoneStandard, vCategory, vDate, vDatetime,
                       vDuration, vInt, vText, vUri)
from icalendar import Event as VEvent

from timeline.dates.label import label
from timeline.dates.span import Precision
from timeline.dates.tables import PART_OF_DAY_NAMES
from timeline.events import export
from timeline.events.model import Event, EventKind, StoredEvent
from timeline.events.validate import supported

TZID = "Asia/Shanghai"
TZ = ZoneInfo(TZID)
# A name of this service, not of a host: UIDs must not change when the site moves.
UID_DOMAIN = "nianjian-timeline"
PRODID = "-//nianjian-timeline//timeline.ical//ZH"
# Bump when the same data would render to other bytes: stored VEVENTs are made again
# (timeline.store.publish) and feeds' ETags change with it.
FORMAT_VERSION = 2
FEED_TITLE = "年鉴大事"
DEFAULT_DURATION = timedelta(hours=1)
REFRESH = timedelta(hours=12)
# Far enough that zoneinfo's rule for all later years (its POSIX footer) is in force.
_ZONE_HORIZON = datetime(2200, 1, 1, tzinfo=timezone.utc)

PART_OF_DAY_LABELS = PART_OF_DAY_NAMES

# Characters a TEXT value must not carry: C0 controls other than TAB/LF (CR becomes LF), the
# Unicode line breaks some parsers split on, and lone surrogates.
_CLEAN = {c: None for c in range(0x20) if c not in (0x09, 0x0A)}
_CLEAN.update({0x0D: "\n", 0x7F: None, 0x85: "\n", 0x2028: "\n", 0x2029: "\n"})
_CLEAN.update({c: "\ufffd" for c in range(0xD800, 0xE000)})  # lone surrogates cannot be UTF-8

CALENDAR_END = b"END:VCALENDAR\r\n"


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


def calendar_title(*, year: int | None = None, categories: Iterable[str] = (),
                   tags: Iterable[str] = (), q: str | None = None, date_from: date | None = None,
                   date_to: date | None = None, kinds: Iterable[str] = ()) -> dict[str, str]:
    """NAME and description of the feed of a filtered view (keyword arguments of
    `calendar_head`). The same view gives the same values whichever URL serves it."""
    categories, tags, kinds = sorted(set(categories)), sorted(set(tags)), sorted(set(kinds))
    dates = f"{date_from or '…'}至{date_to or '…'}" if date_from or date_to else ""
    parts = [f"{year}年" if year else "", "、".join(categories), "、".join(f"#{t}" for t in tags),
             f"“{q}”" if q else "", dates, "、".join(kinds)]
    name = " · ".join([FEED_TITLE, *(p for p in parts if p)] if any(parts) else [FEED_TITLE, "全部"])
    description = (f"{name}：日期精确到日的事件，附原文出处与链接。"
                   "只记到月、旬、季、半年或年的事件与各栏目概况不在订阅中，请到网站时间线查看。")
    return {"name": name, "description": description}


def event_url(key: str, base_url: str) -> str:
    return checked_base_url(base_url) + export.event_url(key)


def checked_base_url(base_url: str) -> str:
    """`base_url` without its trailing slash; ValueError unless a plain absolute http(s) URL."""
    if not isinstance(base_url, str) or not base_url.startswith(("http://", "https://")) or any(
            c.isspace() or ord(c) < 0x20 or c in '"<>\\' for c in base_url):
        raise ValueError(f"base_url must be an absolute http(s) URL: {base_url!r}")
    return base_url.rstrip("/")


def sort_key(stored: StoredEvent) -> tuple:
    """`render_calendar`'s order: by start (day, then clock time), then key."""
    ev = stored.event
    return (ev.start is None, ev.start or date.min, ev.time or "", ev.key)


# -- one event ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Published:
    """An event as clients see it: digests of its properties (DTSTAMP, LAST-MODIFIED and
    SEQUENCE aside), and its VEVENT once those are known."""

    content: str    # every published property: a change re-stamps DTSTAMP and LAST-MODIFIED
    schedule: str   # summary, dates or category: a change raises SEQUENCE too
    # The VEVENT's lines before SEQUENCE and after LAST-MODIFIED, each ending in CRLF: two
    # byte strings, cheap to send from the parsing process to the one that stores
    # (timeline.store.prepare; a dict of lines took twice as long to unpickle there).
    _head: bytes = field(repr=False, compare=False)
    _tail: bytes = field(repr=False, compare=False)

    def vevent(self, *, sequence: int, stamp: datetime) -> bytes:
        """The VEVENT up to its URL, which `url_tail` completes (the URL depends on where
        the site is served)."""
        stamp_line = _stamp_line(_utc(stamp))
        return b"".join((self._head, b"SEQUENCE:%d\r\n" % sequence, stamp_line, b"\r\nLAST-MODIFIED",
                         stamp_line[7:], b"\r\n", self._tail))


@lru_cache(maxsize=16)
def _stamp_line(stamp: datetime) -> bytes:
    """DTSTAMP of a UTC instant (an ingest stamps a document's events alike)."""
    return _content_line("DTSTAMP", vDatetime(stamp))


def published(event: Event, document: str) -> Published | None:
    """What clients see of `event` (with its stored key); None when undated."""
    try:
        lines = _lines(event, document)
    except NotInCalendar:
        return None
    schedule = [lines[name] for name in ("SUMMARY", "DTSTART", "DTEND")] + [event.category.encode()]
    head = (b"BEGIN:VEVENT", lines["SUMMARY"], lines["DTSTART"], lines["DTEND"], lines["UID"], b"")
    tail = (*([lines["CATEGORIES"]] if "CATEGORIES" in lines else []), lines["TRANSP"], lines["DESCRIPTION"], b"")
    return Published(_digest(lines.values()), _digest(schedule), b"\r\n".join(head), b"\r\n".join(tail))


def vevent(event: Event, document: str, *, sequence: int, stamp: datetime) -> bytes:
    """The event's VEVENT up to its URL (see `Published.vevent`). Raises NotInCalendar for
    an undated event."""
    seen = published(event, document)
    if seen is None:
        raise NotInCalendar(f"event {event.key!r} has no date a calendar can show")
    return seen.vevent(sequence=sequence, stamp=stamp)


def uses_tzid(vevent_bytes: bytes) -> bool:
    """True when the VEVENT names the TZID (and so needs the VTIMEZONE)."""
    return b";TZID=" in vevent_bytes


def url_tail(base_url: str) -> Callable[[str], bytes]:
    """The end of a VEVENT made by `vevent`: its URL (the last paragraph of DESCRIPTION,
    on a line of its own, and the URL property) for the site at `base_url`."""
    base = checked_base_url(base_url)
    text_base, uri_base = vText(base).to_ical(), vUri(base).to_ical()
    # A key is ASCII without TEXT's specials once quoted; with a short base the lines need
    # no folding (the usual case, and the fast one).
    if len(b"URL:" + max(text_base, uri_base, key=len)) + len(export.event_url("")) + KEY_ROOM <= _FOLD_LIMIT:
        def tail(key: str) -> bytes:
            path = export.event_url(key).encode()
            return b"".join((b" ", text_base, path, b"\r\nURL:", uri_base, path, b"\r\nEND:VEVENT\r\n"))
        return tail

    def folded_tail(key: str) -> bytes:
        path = export.event_url(key).encode()
        return b"".join((_fold(b" " + text_base + path), b"\r\n", _fold(b"URL:" + uri_base + path),
                         b"\r\nEND:VEVENT\r\n"))
    return folded_tail


# A key's length once quoted, with room for a "-NN" suffix (timeline.events.keys).
KEY_ROOM = 24


def build_event(stored: StoredEvent, *, base_url: str) -> VEvent:
    """The icalendar VEVENT of one dated event (the reference `vevent` is tested against);
    raises NotInCalendar for an undated one."""
    event = VEvent()
    for name, value in _properties(stored.event, stored.document, event_url(stored.event.key, base_url)):
        event[name] = _TYPES[name](value)
    stamp = _utc(stored.updated_at)
    event["SEQUENCE"], event["DTSTAMP"], event["LAST-MODIFIED"] = (
        vInt(stored.sequence), vDatetime(stamp), vDatetime(stamp))
    return event


def render_event(stored: StoredEvent, *, base_url: str) -> bytes:
    """One event as a complete calendar (for /events/<key>.ics). Raises NotInCalendar."""
    body = vevent(stored.event, stored.document, sequence=stored.sequence, stamp=stored.updated_at)
    head = calendar_head(name=stored.event.title, description=stored.event.summary,
                         timed=uses_tzid(body))
    return head + body + url_tail(base_url)(stored.event.key) + CALENDAR_END


def render_calendar(events: Iterable[StoredEvent], *, name: str, description: str, base_url: str,
                    include: Callable[[Event], bool] = feed_includes) -> bytes:
    """A whole feed in memory (export, tests): the events `include` admits, ordered by
    `sort_key`; same data, same bytes. The web serves feeds from the stored VEVENTs."""
    chosen = sorted((s for s in events if include(s.event) and s.event.primary is not None
                     and supported(s.event.primary)), key=sort_key)
    tail = url_tail(base_url)
    bodies = [vevent(s.event, s.document, sequence=s.sequence, stamp=s.updated_at) for s in chosen]
    head = calendar_head(name=name, description=description, timed=any(map(uses_tzid, bodies)))
    return b"".join([head, *(b + tail(s.event.key) for b, s in zip(bodies, chosen)), CALENDAR_END])


def calendar_head(*, name: str, description: str, timed: bool) -> bytes:
    """The calendar's properties (and VTIMEZONE when `timed`): what comes before the events."""
    cal = Calendar()
    cal.add("PRODID", PRODID)
    cal.add("VERSION", "2.0")
    cal.add("CALSCALE", "GREGORIAN")
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
        cal.add_component(vtimezone())
    body = cal.to_ical()
    assert body.endswith(CALENDAR_END)
    return body[:-len(CALENDAR_END)]


# -- times -------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def zone_settled() -> datetime:
    """The UTC instant from which zoneinfo's offset for TZ never changes again.

    Found by walking back a day at a time from `_ZONE_HORIZON` (the zone's changes are
    weeks apart) and then to the second; about 40 ms, once.
    """
    final = _ZONE_HORIZON.astimezone(TZ).utcoffset()
    late = _ZONE_HORIZON
    early = late - timedelta(days=1)
    while early.astimezone(TZ).utcoffset() == final:
        late, early = early, early - timedelta(days=1)
    while late - early > timedelta(seconds=1):
        middle = early + (late - early) / 2
        if middle.astimezone(TZ).utcoffset() == final:
            late = middle
        else:
            early = middle
    return late.replace(microsecond=0)


@lru_cache(maxsize=1)
def vtimezone() -> Timezone:
    """TZ from `zone_settled` on: its one observance, generated from zoneinfo."""
    settled = zone_settled()
    before = (settled - timedelta(seconds=1)).astimezone(TZ).utcoffset()
    after = settled.astimezone(TZ)
    standard = TimezoneStandard()
    # An observance starts at the local time of the offset it replaces (RFC 5545 3.6.5).
    standard.add("DTSTART", (settled + before).replace(tzinfo=None))
    standard.add("TZOFFSETFROM", before)
    standard.add("TZOFFSETTO", after.utcoffset())
    standard.add("TZNAME", after.tzname())
    tz = Timezone()
    tz.add("TZID", TZID)
    tz.add_component(standard)
    return tz


def _dates(ev: Event) -> tuple[date, date] | tuple[datetime, datetime]:
    """DTSTART and DTEND: days, or aware datetimes (in TZ, or UTC before `zone_settled`)."""
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
    if start < zone_settled():
        return start.astimezone(timezone.utc), end.astimezone(timezone.utc)
    return start, end


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


# -- properties ------------------------------------------------------------------------------


def _properties(ev: Event, document: str, url: str | None) -> list[tuple[str, object]]:
    """The VEVENT's properties as Python values but DTSTAMP, LAST-MODIFIED and SEQUENCE;
    `_TYPES` names the icalendar type of each. DESCRIPTION ends with `url` (None: left for
    `url_tail`)."""
    if ev.primary is None:
        raise NotInCalendar(f"event {ev.key!r} has no date")
    if not supported(ev.primary):   # stored before dates were validated: no DTEND past 9999
        raise NotInCalendar(f"event {ev.key!r} has a date outside the supported years")
    start, end = _dates(ev)
    # The source is named without its line: inserting a line above would otherwise change
    # every later event of the document for its subscribers.
    description = "\n\n".join(x for x in (_clean(ev.summary), _clean(f"来源：{document}")) if x)
    description += "\n\n" + (url or "")
    categories = tuple(dict.fromkeys(_clean(c) for c in (ev.category, *ev.tags) if c.strip()))
    props: list[tuple[str, object]] = [
        ("SUMMARY", _summary(ev, timed=isinstance(start, datetime))),
        ("DTSTART", start),
        ("DTEND", end),
        ("UID", event_uid(ev.key)),
    ]
    if categories:
        props.append(("CATEGORIES", categories))
    props += [("TRANSP", "TRANSPARENT"), ("DESCRIPTION", description)]
    if url is not None:
        props.append(("URL", url))
    return props


def _lines(ev: Event, document: str) -> dict[str, bytes]:
    """Content lines by property name, DESCRIPTION without the URL that ends it."""
    # The URL continues DESCRIPTION on a physical line of its own (url_tail): unfolded, the
    # value is the same logical line as icalendar would write.
    return {name: _LINES[name](name, value) for name, value in _properties(ev, document, None)}


def _summary(ev: Event, *, timed: bool) -> str:
    title = _clean(ev.title)
    span = ev.primary
    if span.precision is not Precision.DAY or span.open is not None:
        period = label(span)
        # An overview's title often names its period already ("2020年概况"): once is enough.
        return title if period in title else f"{title}（{period}）"
    if not timed and span.part_of_day is not None:
        return f"{title}（{PART_OF_DAY_LABELS[span.part_of_day]}）"
    return title


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n").translate(_CLEAN)


def _date_value(value: date | datetime) -> vDate | vDatetime:
    # The specific types: vDDDTypes would pick the same but costs twice as much per value.
    if isinstance(value, datetime):
        return vDatetime(value)   # TZID=Asia/Shanghai, or UTC with its "Z"
    return vDate(value, params={"VALUE": "DATE"})


_TYPES = {
    "SUMMARY": vText, "DTSTART": _date_value, "DTEND": _date_value, "UID": vText,
    "CATEGORIES": lambda v: vCategory(list(v)), "TRANSP": vText, "DESCRIPTION": vText, "URL": vUri,
}


def _text(value: str) -> str:
    """A TEXT value escaped as icalendar's vText writes it (the same replacements in the
    same order, "\\N" included; tests/ical/test_parsers holds the lines equal)."""
    return (value.replace(r"\N", "\n").replace("\\", "\\\\").replace(";", r"\;").replace(",", r"\,")
            .replace("\r\n", r"\n").replace("\n", r"\n").replace("\r", r"\n"))


def _text_line(name: str, value: str) -> bytes:
    return _fold(f"{name}:{_text(value)}".encode())


def _categories_line(name: str, values: tuple[str, ...]) -> bytes:
    return _fold(f"{name}:{','.join(map(_text, values))}".encode())


def _date_line(name: str, value: date | datetime) -> bytes:
    # Keyed by the zone too: the same instant written in UTC and in TZ are equal datetimes.
    return _zoned_date_line(name, value, getattr(value, "tzinfo", None))


@lru_cache(maxsize=4096)
def _zoned_date_line(name: str, value: date | datetime, _zone) -> bytes:
    return _content_line(name, _date_value(value))


# Each content line of `_lines` written directly, as `_content_line` over the `_TYPES` value
# would (without making icalendar's value and parameter objects: they were most of the
# cost of an event's lines at ingest; the dates of a document repeat).
_LINES = {"SUMMARY": _text_line, "DTSTART": _date_line, "DTEND": _date_line, "UID": _text_line,
          "CATEGORIES": _categories_line, "TRANSP": _text_line, "DESCRIPTION": _text_line}


def _digest(parts: Iterable[bytes]) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(len(part).to_bytes(4, "big"))
        h.update(part)
    return h.hexdigest()


# -- content lines -----------------------------------------------------------------------

_FOLD_LIMIT = 74  # octets per physical line before the CRLF and continuation space


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
