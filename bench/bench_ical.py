"""Benchmark: a 10,000-event feed rendered, and the cost of a 304 (no rendering).

    .venv/bin/python bench/bench_ical.py [N]

Prints one line per figure; exits non-zero when the render misses its target (1 s).
"""
from __future__ import annotations

import hashlib
import logging
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from testkit.feed_events import BASE_URL, many  # noqa: E402
from timeline import ical  # noqa: E402
from timeline.events.model import ParsedDocument  # noqa: E402

TARGET = 1.0


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def render_figures(events) -> float:
    title = ical.calendar_title()
    body = ical.render_calendar(events, base_url=BASE_URL, **title)
    seconds = best_of(3, lambda: ical.render_calendar(events, base_url=BASE_URL, **title))
    print(f"render_calendar, {len(events)} events: {seconds:.3f} s, {len(body) / 1e6:.1f} MB "
          f"({seconds / len(events) * 1e6:.0f} µs/event)")

    def icalendar_only():
        cal = ical._calendar_shell(timed=True, **title)
        for s in sorted(events, key=ical.sort_key):
            cal.add_component(ical.build_event(s, base_url=BASE_URL))
        return cal.to_ical()

    print(f"  same feed through icalendar's Calendar.to_ical(): {best_of(1, icalendar_only):.3f} s")
    return seconds


def http_figures(events) -> None:
    from timeline.store import db
    from timeline.store.ingest import store_document
    from web import create_app

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.sqlite"
        db.upgrade(url)
        engine = db.make_engine(url)
        parsed = ParsedDocument(name="bench", year=2020, layout="chronicle",
                                events=tuple(replace(s.event, position=i) for i, s in enumerate(events)))
        t = time.perf_counter()
        with db.make_sessionmaker(engine).begin() as session:
            store_document(session, parsed, path="bench", sha256=hashlib.sha256(b"").hexdigest(),
                           now=datetime.now(timezone.utc))
        engine.dispose()
        print(f"(setup: store_document of {len(events)} events: {time.perf_counter() - t:.1f} s)")
        app = create_app({"DATABASE_URL": url, "BASE_URL": BASE_URL})
        logging.getLogger("web.feeds").setLevel(logging.ERROR)  # the 1 MB warning is expected
        client = app.test_client()
        full = client.get("/feeds/all.ics")
        assert full.status_code == 200
        etag = full.headers["ETag"]
        t_full = best_of(3, lambda: client.get("/feeds/all.ics"))
        n = 500
        per = []
        for _ in range(n):
            t = time.perf_counter()
            r = client.get("/feeds/all.ics", headers={"If-None-Match": etag})
            per.append(time.perf_counter() - t)
            assert r.status_code == 304
        print(f"GET /feeds/all.ics, 200 with body ({len(full.data) / 1e6:.1f} MB): {t_full:.3f} s "
              "(query + render)")
        print(f"GET /feeds/all.ics, 304 for If-None-Match: median {statistics.median(per) * 1e3:.2f} ms,"
              f" p95 {sorted(per)[int(n * 0.95)] * 1e3:.2f} ms over {n} requests")
        app.extensions["timeline.engine"].dispose()


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    events = many(n)
    seconds = render_figures(events)
    http_figures(events)
    if seconds > TARGET:
        print(f"render missed its target of {TARGET} s", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
