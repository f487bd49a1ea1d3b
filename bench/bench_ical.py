"""Benchmark: calendar feeds at 100,000 events, in process and under gunicorn.

    .venv/bin/python bench/bench_ical.py [--sqlite PATH] [--subscribers 8]

Needs the corpus of bench/generate_corpus.py (bench/out/corpus.sqlite by default; made when
missing). Prints, for all.ics, a year, a category and a tag feed:
- bytes (plain and gzip) and events;
- per request, cold (nothing cached: the body is built from the stored VEVENTs) and cached
  (the body file of that ETag is there), plain and gzip: CPU seconds of the process and
  peak memory the request allocated (tracemalloc, in a second pass: it slows the first);
- a 304 for If-None-Match;
then `--subscribers` clients fetching all.ics at the same moment from gunicorn (the
production configuration, gunicorn.conf.py), with a cold cache and again with a warm one:
every status, the slowest response, and whether every body was the same.
"""
from __future__ import annotations

import argparse
import logging
import os
import re
import subprocess
import sys
import tempfile
import time
import tracemalloc
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from testkit.processes import free_port, stop_process  # noqa: E402

DEFAULT_SQLITE = ROOT / "bench" / "out" / "corpus.sqlite"
FEEDS = ["/feeds/all.ics", "/feeds/2020.ics", "/feeds/category/{slug}.ics", "/calendar.ics?tag=签约"]
BASE_URL = "https://timeline.example.org"


def ensure_corpus(path: Path) -> str:
    url = f"sqlite:///{path}"
    if not path.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate_corpus.py"), "--sqlite", str(path),
                        "--postgres", ""], check=True)
    from timeline.store import db

    db.upgrade(url)    # makes the stored VEVENTs of an older corpus
    return url


def serve(client, path: str, headers: dict) -> int:
    """One request, its body read through and dropped, as a server sends it: what is
    measured is the server's work, not a client holding 40 MB. The body's size."""
    response = client.get(path, headers=headers, buffered=False)
    assert response.status_code == 200, (path, response.status_code)
    size = sum(len(chunk) for chunk in response.response)
    response.close()
    return size


def measure(client, path: str, headers: dict) -> tuple[float, int]:
    """(CPU seconds, body bytes) of one request."""
    cpu = time.process_time()
    size = serve(client, path, headers)
    return time.process_time() - cpu, size


def peak_memory(client, path: str, headers: dict) -> float:
    """MB the request allocated at its peak (Python's allocations, tracemalloc)."""
    tracemalloc.start()
    tracemalloc.reset_peak()
    serve(client, path, headers)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def in_process(url: str) -> None:
    from web import create_app

    with tempfile.TemporaryDirectory() as cache:
        app = create_app({"DATABASE_URL": url, "BASE_URL": BASE_URL, "FEED_CACHE_DIR": cache})
        logging.getLogger("web.feeds").setLevel(logging.ERROR)   # the 1 MB warnings are expected
        client = app.test_client()
        from timeline.store.queries import EventFilter, category_names
        from web import feeds

        with app.test_request_context("/"):
            from web.db import get_session

            slug = category_names(get_session())[0][1]
        print(f"{'feed':32} {'events':>7} {'plain':>9} {'gzip':>8}   per request, CPU s / peak MB: "
              f"cold plain, cached plain, cold gzip, cached gzip   304")
        memo = app.extensions["timeline.feedcache"]

        def cold() -> None:      # no body file, no validators kept
            for entry in Path(cache).iterdir():
                entry.unlink()
            memo.validators = type(memo.validators)()

        for template in FEEDS:
            path = template.format(slug=slug)
            cpu, memory, sizes = [], [], {}
            for name, headers in (("plain", {}), ("gzip", {"Accept-Encoding": "gzip"})):
                cold()
                first, size = measure(client, path, headers)
                second, _ = measure(client, path, headers)
                cpu += [first, second]
                cold()
                memory += [peak_memory(client, path, headers), peak_memory(client, path, headers)]
                sizes[name] = size
            etag = client.get(path).headers["ETag"]
            t = time.perf_counter()
            for _ in range(200):
                assert client.get(path, headers={"If-None-Match": etag}).status_code == 304
            not_modified = (time.perf_counter() - t) / 200
            with app.test_request_context(path):
                flt = (EventFilter() if "all" in path else EventFilter(year=2020) if "2020" in path
                       else feeds.category_filter(slug) if "category" in path else EventFilter(tags=("签约",)))
                info = feeds.feed_info(flt)
            cells = "  ".join(f"{c:.2f}/{m:.0f}" for c, m in zip(cpu, memory))
            print(f"{path:32} {info.events:>7} {sizes['plain'] / 1e6:>7.2f}MB {sizes['gzip'] / 1e6:>6.2f}MB   "
                  f"{cells}   {not_modified * 1e3:.2f} ms   (feed_info: {info.bytes / 1e6:.2f} MB)")
        app.extensions["timeline.engine"].dispose()


def subscribers(url: str, count: int) -> None:
    port = free_port()
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "DATABASE_URL": url, "BIND": f"127.0.0.1:{port}", "TIMELINE_BASE_URL": BASE_URL,
               "TIMELINE_FEED_CACHE_DIR": cache, "LOG_LEVEL": "warning"}
        log = open(Path(cache) / "gunicorn.log", "wb")
        proc = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn")], cwd=ROOT, env=env,
                                stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).close()
                    break
                except OSError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        raise SystemExit("gunicorn did not start:\n" + (Path(cache) / "gunicorn.log").read_text())
                    time.sleep(0.2)
            for run in ("cold cache", "warm cache"):
                # curl, one process each (a Python client's threads would share one GIL and
                # read slower than the server sends); half ask for gzip.
                out = Path(cache) / "bodies"
                out.mkdir(exist_ok=True)
                clients = [subprocess.Popen(
                    ["curl", "-sS", "-o", str(out / str(i)), "-w", "%{http_code} %{time_total}",
                     *(["--compressed"] if i % 2 else []), f"http://127.0.0.1:{port}/feeds/all.ics"],
                    stdout=subprocess.PIPE, text=True) for i in range(count)]
                results = [c.communicate(timeout=300)[0].split() for c in clients]
                served_ms = _served_ms(Path(cache) / "gunicorn.log")[-count:]
                bodies = {(out / str(i)).read_bytes() for i in range(count)}
                statuses = sorted({r[0] for r in results})
                print(f"{count} subscribers at once on all.ics ({run}; half gzip): statuses {statuses}, "
                      f"slowest {max(float(r[1]) for r in results):.2f} s, bodies identical: {len(bodies) == 1}, "
                      f"{len(next(iter(bodies))) / 1e6:.1f} MB each; the server's times (access log): "
                      f"{', '.join(f'{ms / 1000:.2f}' for ms in sorted(served_ms))} s")
            errors = [line for line in (Path(cache) / "gunicorn.log").read_text().splitlines()
                      if "WORKER TIMEOUT" in line or "Traceback" in line or " 500 " in line]
            print(f"gunicorn log: {len(errors)} timeouts, tracebacks or 500s")
        finally:
            stop_process(proc)
            log.close()


def _served_ms(log: Path) -> list[int]:
    """The request times gunicorn logged for all.ics (gunicorn.conf.py's %(M)sms), in order."""
    return [int(m.group(1)) for m in re.finditer(r'"GET /feeds/all\.ics [^"]*" 200 \S+ (\d+)ms', log.read_text())]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sqlite", default=str(DEFAULT_SQLITE))
    parser.add_argument("--subscribers", type=int, default=8)
    args = parser.parse_args()
    url = ensure_corpus(Path(args.sqlite))
    in_process(url)
    subscribers(url, args.subscribers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
