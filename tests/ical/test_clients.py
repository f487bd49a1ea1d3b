"""Real calendar clients subscribe to the feed of a document with tricky cases, served by the
real app: Mozilla's ical.js (Thunderbird's parser, on Debian's Node), vdirsyncer (syncing
the feed into a folder), and khal and calcurse (Debian) reading what vdirsyncer wrote.

The document (fixtures/tricky-chronicle.txt, written for these tests) has clock times, a
range to 24:00, a range across midnight, a lunar date, timed events in 1919, 1946, 1949
and 1988 (summer time in Asia/Shanghai), `, ; \\` and 4-byte characters. Every client must
find every event, and place each at the instant Python's zoneinfo gives for its local time.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.request
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import icalendar
import pytest

from tests.conftest import serve
from tests.support import ROOT, ingest_path, require, seed_database
from timeline import ical
from timeline.events.model import Event
from timeline.pipeline import parse_document

pytestmark = pytest.mark.slow   # a server and other calendar programs in processes of their own

FIXTURE = Path(__file__).parent / "fixtures" / "tricky-chronicle.txt"
NODE_DIR = Path(__file__).parent / "node"
FEED = "/feeds/all.ics"


@dataclass(frozen=True)
class Expected:
    uid: str
    summary: str
    text: str                  # the event's summary paragraph, as the pipeline cleaned it
    start: date | datetime     # a day (all-day) or an aware instant
    end: date | datetime


def expected_events() -> dict[str, Expected]:
    """What the document means, from zoneinfo and the iCalendar rules, not from the renderer."""
    parsed = parse_document(FIXTURE.read_bytes(), name="tricky")
    out = {}
    for event in parsed.events:
        if ical.feed_includes(event):
            uid = ical.event_uid(event.key)
            out[uid] = Expected(uid, event.title, event.summary, *_meant(event))
    return out


def _meant(event: Event) -> tuple:
    span = event.primary
    if not span.time:
        return span.start, span.end + timedelta(days=1)

    def at(day: date, clock: str) -> datetime:
        h, m = map(int, clock.split(":"))
        return datetime.combine(day + timedelta(days=h // 24), time(h % 24, m), tzinfo=ical.TZ)

    start = at(span.start, span.time)
    end = at(span.end, span.end_time) if span.end_time else start + ical.DEFAULT_DURATION
    return start, end


def instant(value: datetime) -> float:
    return value.timestamp()    # zoneinfo's fold=0 reading for a local time


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The real app serving a database that holds the tricky document."""
    folder = tmp_path_factory.mktemp("clients")
    url = seed_database(f"sqlite:///{folder / 'timeline.sqlite'}",
                        lambda sessionmaker: ingest_path(sessionmaker, FIXTURE, name="tricky"))
    yield from serve(url, "clients_server.log")


def test_the_document_has_every_tricky_case():
    events = expected_events()
    years = {e.start.year for e in events.values() if isinstance(e.start, datetime)}
    assert {1919, 1946, 1949, 1988, 2020} <= years
    texts = " ".join(e.summary for e in events.values())
    assert all(c in FIXTURE.read_text(encoding="utf-8") for c in ",;\\𠀀🐉")
    assert any(isinstance(e.end, datetime) and e.end.time() == time(0) for e in events.values())   # 24:00
    assert any(isinstance(e.end, datetime) and e.end.date() > e.start.date() and e.end.hour == 2
               for e in events.values())                                                           # midnight
    assert "农历" in FIXTURE.read_text(encoding="utf-8") and texts


# -- ical.js -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def icaljs():
    node = shutil.which("node")
    require(node is not None, "node is missing (apt-get install nodejs npm)")
    require((NODE_DIR / "node_modules" / "ical.js").is_dir(),
            f"ical.js is not installed in {NODE_DIR} (make install-test runs npm ci there)")
    return lambda url: json.loads(subprocess.run(
        [node, str(NODE_DIR / "read_feed.mjs"), url], check=True, capture_output=True, text=True,
        timeout=60).stdout)


def test_icaljs_reads_every_event_at_its_instant(served, icaljs):
    read = icaljs(served + FEED)
    assert read["calendarUid"] is None and read["method"] is None
    assert read["encoding"] == "gzip"        # Node's fetch asks for it
    expected = expected_events()
    got = {e["uid"]: e for e in read["events"]}
    assert set(got) == set(expected)
    for uid, want in expected.items():
        event = got[uid]
        assert event["summary"] == want.summary, uid
        if isinstance(want.start, datetime):
            assert not event["allDay"]
            assert (event["start"], event["end"]) == (instant(want.start), instant(want.end)), want.summary
        else:
            assert event["allDay"]
            assert (event["start"], event["end"]) == (want.start.isoformat(), want.end.isoformat())


def test_icaljs_keeps_escaped_and_astral_text(served, icaljs):
    expected = expected_events()
    events = icaljs(served + FEED)["events"]
    for event in events:
        want = expected[event["uid"]]
        assert event["description"].startswith(want.text + "\n\n来源：tricky\n\n"), want.summary
        assert event["description"].endswith("/events/" + event["uid"].split("@")[0])
    text = " ".join(e["summary"] + e["description"] for e in events)
    for piece in ("“科创、人才；发展\\未来”", "AI,5G;芯片\\封装", "𠀀𡃁研究院", "🐉龙宝"):
        assert piece in text, piece


# -- vdirsyncer, then khal and calcurse on what it wrote -------------------------------------


@pytest.fixture(scope="module")
def synced(served, tmp_path_factory):
    """The folder vdirsyncer syncs the feed into: one .ics file per event."""
    vdirsyncer = shutil.which("vdirsyncer") or str(Path(ROOT / ".venv" / "bin" / "vdirsyncer"))
    require(Path(vdirsyncer).exists(), "vdirsyncer is missing (pip install '.[test]')")
    folder = tmp_path_factory.mktemp("vdirsyncer")
    (folder / "calendar").mkdir()
    config = folder / "config"
    config.write_text(f"""[general]
status_path = "{folder / 'status'}"

[pair feed]
a = "feed_remote"
b = "feed_local"
collections = null
conflict_resolution = "a wins"

[storage feed_remote]
type = "http"
url = "{served}{FEED}"

[storage feed_local]
type = "filesystem"
path = "{folder / 'calendar'}"
fileext = ".ics"
""")
    for command in (["discover"], ["sync"]):
        run = subprocess.run([vdirsyncer, "-c", str(config), *command], capture_output=True, text=True,
                             timeout=120, input="y\n")
        assert run.returncode == 0, run.stdout + run.stderr
    return folder / "calendar"


def test_vdirsyncer_syncs_every_event_at_its_instant(synced):
    expected = expected_events()
    files = sorted(synced.glob("*.ics"))
    assert len(files) == len(expected)       # one calendar UID made it sync one event of 35
    seen = {}
    for path in files:
        (event,) = icalendar.Calendar.from_ical(path.read_bytes()).events
        # vdirsyncer's http storage replaces every UID with a hash of the event (its
        # ignore_uids, fixed on): the URL names the event instead.
        seen[ical.event_uid(str(event["URL"]).rsplit("/", 1)[1])] = event
    assert set(seen) == set(expected)
    for uid, want in expected.items():
        start, end = seen[uid].DTSTART, seen[uid].DTEND
        if isinstance(want.start, datetime):
            assert (instant(start), instant(end)) == (instant(want.start), instant(want.end)), want.summary
        else:
            assert (start, end) == (want.start, want.end)


def test_khal_lists_every_event_at_its_instant(synced, tmp_path):
    khal = shutil.which("khal")
    require(khal is not None, "khal is missing (apt-get install khal)")
    config = tmp_path / "khal.conf"
    config.write_text(f"""[calendars]
[[feed]]
path = {synced}
[locale]
local_timezone = UTC
default_timezone = UTC
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
[sqlite]
path = {tmp_path / 'khal.db'}
""")
    run = subprocess.run([khal, "-c", str(config), "list", "--format", "{start}|{end}|{title}", "--day-format", "",
                          "1900-01-01", "2030-12-31"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    listed = sorted(line for line in run.stdout.splitlines() if line.strip())
    want = []
    for e in expected_events().values():
        if isinstance(e.start, datetime):
            utc = [x.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M") for x in (e.start, e.end)]
            want.append(f"{utc[0]}|{utc[1]}|{e.summary}")
        else:
            want.append(f"{e.start}|{e.end - timedelta(days=1)}|{e.summary}")   # khal shows the last day
    assert listed == sorted(want)


def test_calcurse_imports_every_event_at_its_instant(served, tmp_path):
    calcurse = shutil.which("calcurse")
    require(calcurse is not None, "calcurse is missing (apt-get install calcurse)")
    with urllib.request.urlopen(served + FEED, timeout=30) as response:
        (tmp_path / "feed.ics").write_bytes(response.read())
    (tmp_path / "data").mkdir()
    (tmp_path / "conf").mkdir()
    calendar = [calcurse, "-D", str(tmp_path / "data"), "-C", str(tmp_path / "conf")]
    utc = {**os.environ, "TZ": "UTC"}     # calcurse shows times in the local zone: here UTC
    run = subprocess.run([*calendar, "-i", str(tmp_path / "feed.ics")], capture_output=True, text=True,
                         timeout=60, env=utc)
    assert run.returncode == 0 and "0 skipped" in run.stdout, run.stdout + run.stderr
    run = subprocess.run([*calendar, "-Q", "--input-datefmt", "4", "--from", "1901-01-01", "--to", "2030-12-31",
                          "--format-apt", "%(start:%Y-%m-%d %H:%M)|%(end:%Y-%m-%d %H:%M)|%m\n",
                          "--format-event", "all day|%m\n"], capture_output=True, text=True, timeout=60, env=utc)
    assert run.returncode == 0, run.stderr
    shown = {line.strip() for line in run.stdout.splitlines()}
    for e in expected_events().values():
        if isinstance(e.start, datetime):
            start, end = (x.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M") for x in (e.start, e.end))
            assert f"{start}|{end}|{e.summary}" in shown, e.summary
        else:
            assert f"all day|{e.summary}" in shown, e.summary
