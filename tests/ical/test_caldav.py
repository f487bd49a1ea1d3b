"""A real CalDAV server (Radicale) takes our feed, and time-range queries see what we meant."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from datetime import datetime, timezone

import caldav
import pytest

from tests.support import START_SECONDS, free_port
from timeline import ical

from testkit import feed_events as data
from .helpers import feed


@pytest.fixture(scope="module")
def radicale(tmp_path_factory):
    """Radicale on a free port over an empty folder, no authentication; stopped by its pid."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--config", "",   # no /etc or ~/.config files
         "--server-hosts", f"127.0.0.1:{port}", "--auth-type", "none", "--web-type", "none",
         "--storage-filesystem-folder", str(tmp_path_factory.mktemp("radicale")),
         "--logging-level", "warning"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail("radicale did not start: " + proc.communicate()[0].decode(errors="replace"))
            time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    proc.terminate()
    try:
        proc.communicate(timeout=10)   # waits, drains and closes the pipe
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()


@pytest.fixture(scope="module")
def calendar(radicale):
    """A calendar holding the feed of data.ALL, uploaded whole (Radicale splits it by UID)."""
    with caldav.DAVClient(url=radicale, username="tester", password="-", require_tls=False,
                          enable_rfc6764=False) as client:
        url = f"{client.principal().url}feed/"
        response = client.put(url, feed(data.ALL), {"Content-Type": "text/calendar; charset=utf-8"})
        assert response.status in (200, 201)
        yield client.calendar(url=url)


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def summaries(cal, start: datetime, end: datetime) -> set[str]:
    return {str(e.icalendar_component["SUMMARY"]) for e in cal.search(start=start, end=end, event=True)}


def test_the_server_took_every_feed_event(calendar):
    stored = {str(e.icalendar_component["UID"]) for e in calendar.events()}
    assert stored == {ical.event_uid(s.event.key) for s in data.DAY_EVENTS}


@pytest.mark.parametrize("day, found", [(15, False), (16, True), (17, True), (18, False)])
def test_a_range_covers_its_last_day_and_not_the_next(calendar, day, found):
    assert (data.VISIT.event.title in summaries(calendar, utc(2020, 9, day), utc(2020, 9, day + 1))) is found


def test_a_timed_event_is_at_its_shanghai_time(calendar):
    # 09:30-11:00 in Shanghai is 01:30-03:00 UTC
    assert data.TIMED.event.title in summaries(calendar, utc(2020, 5, 20, 1), utc(2020, 5, 20, 2))
    assert data.TIMED.event.title not in summaries(calendar, utc(2020, 5, 20, 3), utc(2020, 5, 20, 9))


def test_one_event_ics_is_accepted_by_the_server(calendar):
    event = calendar.add_event(ical.render_event(data.XUN, base_url=data.BASE_URL).decode())
    try:
        assert "完成验收（2020年6月下旬）" in summaries(calendar, utc(2020, 6, 30), utc(2020, 7, 1))
        assert "完成验收（2020年6月下旬）" not in summaries(calendar, utc(2020, 7, 1), utc(2020, 7, 2))
    finally:
        event.delete()
