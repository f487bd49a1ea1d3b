"""Benchmark: a year page with 2,000 events, on the server and in a throttled browser.

    .venv/bin/python bench/bench_web.py [N]

Builds N hand-made events (4 categories, days, ranges, xun and month dates, tags, mentions)
into a temporary SQLite file through the store's ingest, then
- times GET /2020 through the Flask test client (query, paging, chart, template);
- serves it with `timeline serve` and loads /2020 in headless Chromium on the throttled
  mobile profile (CDP Network.emulateNetworkConditions: 150 ms RTT, 1.6 Mbps down, 750 kbps
  up; Emulation.setCPUThrottlingRate 4) at 390x844: bytes transferred for the first view
  (document, CSS, JS; compressed as sent), DOM nodes, DOMContentLoaded and load.
Exits non-zero when the server render misses 300 ms or the first view misses 200 KB or
1.5 s to DOMContentLoaded.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from testkit.events import entry, span  # noqa: E402
from timeline.dates.span import Precision  # noqa: E402
from timeline.events.model import EventKind, ParsedDocument  # noqa: E402

TARGET = 0.300
FIRST_VIEW_BYTES = 200_000
DCL_TARGET = 1.5
# Chromium DevTools' "Slow 4G"-like mobile profile the issue names.
NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
CPU_SLOWDOWN = 4
CATEGORIES = ("综述", "规划建设", "科技研发", "产业发展")
TAGS = ("视察调研", "签约", "开工", "启用/开业/通车", "会议", "揭牌/成立", "荣誉")


def events(n: int):
    first = date(2020, 1, 1)
    for i in range(n):
        start = first + timedelta(days=(i * 7919) % 366)
        if i % 10 == 0:      # a range of days
            end, precision = start + timedelta(days=1 + i % 4), Precision.DAY
        elif i % 23 == 0:    # a month
            start, precision = start.replace(day=1), Precision.MONTH
            end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        else:
            end, precision = start, Precision.DAY
        text = f"{start.year}年{start.month}月{start.day}日"
        body = (f"{text}，青山湖科技城第{i}号项目举行活动，相关单位负责人出席并讲话。"
                "项目总投资10亿元，建成后将进一步提升园区产业能级。" * 3)
        yield entry(f"bench-{i:05d}", f"第{i}号项目活动", body, span(text, start.isoformat(), end.isoformat(), precision),
                    category=CATEGORIES[i % 4], tags=(TAGS[i % 7],), position=i)
    for c, category in enumerate(CATEGORIES):
        yield entry(f"bench-overview-{c}", "概况", f"2020年，{category}工作稳步推进。",
                    span("2020年", "2020-01-01", "2020-12-31", Precision.YEAR), category=category,
                    kind=EventKind.OVERVIEW, position=n + c)


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def main(n: int = 2000) -> int:
    from timeline.store import db
    from timeline.store.ingest import store_document
    from web import create_app

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.sqlite"
        db.upgrade(url)
        engine = db.make_engine(url)
        parsed = ParsedDocument(name="bench-2020", year=2020, layout="yearbook", events=tuple(events(n)))
        with db.make_sessionmaker(engine).begin() as session:
            store_document(session, parsed, path="bench.txt", sha256="0" * 64, now=datetime.now(timezone.utc))
        engine.dispose()
        client = create_app({"TESTING": True, "DATABASE_URL": url}).test_client()

        def get(path: str) -> bytes:
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            return response.data

        page = get("/2020")
        figures = {}
        for label, path in (("year page /2020", "/2020"),
                            ("filtered /2020?category=产业发展&q=项目", "/2020?category=产业发展&q=项目"),
                            ("event page", "/events/bench-01000"),
                            ("API /api/events?year=2020", "/api/events?year=2020")):
            get(path)
            times = timed(lambda: get(path), 7)
            figures[label] = min(times)
            print(f"{label}: best {min(times) * 1000:.0f} ms, median {statistics.median(times) * 1000:.0f} ms")
        print(f"  ({n} events, first page of the year {len(page) / 1e3:.0f} KB uncompressed)")
        browser = throttled_first_view(url)
    # Best of 7, as timeit does: on a shared machine the median measures the neighbours too.
    ok = figures["year page /2020"] < TARGET
    print(f"target {TARGET * 1000:.0f} ms for the year page (best of 7): {'met' if ok else 'MISSED'}")
    if browser is None:
        return 0 if ok else 1
    browser_ok = browser["bytes"] <= FIRST_VIEW_BYTES and browser["dcl"] < DCL_TARGET
    print(f"targets {FIRST_VIEW_BYTES / 1e3:.0f} KB and {DCL_TARGET} s DOMContentLoaded (median of 5): "
          f"{'met' if browser_ok else 'MISSED'}")
    return 0 if ok and browser_ok else 1


def throttled_first_view(url: str, runs: int = 5) -> dict | None:
    """Bytes, DOM nodes and timings of /2020 on the throttled mobile profile (median of runs)."""
    import os

    from testkit.processes import free_port, stop_process

    if not os.path.exists("/usr/bin/chromium"):
        print("browser figures: /usr/bin/chromium is missing, skipped")
        return None
    import subprocess
    import urllib.request

    from playwright.sync_api import sync_playwright

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "web.cli", "--database-url", url, "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        results = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"])
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN",
                                              is_mobile=True, has_touch=True, device_scale_factor=3)
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
                cdp.send("Network.emulateNetworkConditions", NETWORK)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
                sizes: dict[str, float] = {}
                cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
                page.goto(base + "/2020", wait_until="load")
                timing = page.evaluate("""() => { const t = performance.getEntriesByType('navigation')[0];
                    return {dcl: t.domContentLoadedEventEnd / 1000, load: t.loadEventEnd / 1000,
                            nodes: document.getElementsByTagName('*').length,
                            events: document.querySelectorAll('.results .ev').length}; }""")
                results.append({**timing, "bytes": sum(sizes.values()), "requests": len(sizes)})
                context.close()
            browser.close()
    finally:
        stop_process(server, timeout=10)
    median = {k: statistics.median(r[k] for r in results) for k in results[0]}
    print(f"throttled mobile first view of /2020 ({median['events']:.0f} events on it, {median['requests']:.0f} "
          f"requests): {median['bytes'] / 1e3:.0f} KB transferred, {median['nodes']:.0f} DOM elements, "
          f"DOMContentLoaded {median['dcl']:.2f} s, load {median['load']:.2f} s (median of {runs})")
    return median


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))
