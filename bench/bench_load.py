"""Load test: gunicorn (gunicorn.conf.py, as in production) over the 100,000-event corpus,
driven by wrk on loopback, on PostgreSQL and on SQLite.

    .venv/bin/python bench/bench_load.py [--duration 10] [--connections 16] [--database postgres|sqlite]...
                                         [--only TEXT] [--workers N]

Per endpoint: requests/s, p50 and p99 latency (wrk --latency), errors, the response size and
the 1-minute load average before the run (the machine may be shared: read figures with it).
Then the 304 path's share of the floor (/healthz, no database) and the p99 of the filtered
queries against their target. Results also go to bench/out/bench_load-<database>.json.

wrk is a closed loop: each connection sends its next request when the last is answered, so
at saturation latency is mostly queueing (≈ connections / throughput). A second pass with
--connections 2 (one per core) shows the service time.

Needs `wrk` (apt-get install wrk) and the corpus (bench/generate_corpus.py; loaded here
when missing). Exits non-zero when a target is missed.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import generate_corpus  # noqa: E402
from testkit.processes import free_port, stop_process  # noqa: E402

GUNICORN = Path(sys.executable).parent / "gunicorn"
OUT = ROOT / "bench" / "out"
FILTERED_P99 = 0.100          # seconds: the filtered queries' target
NOT_MODIFIED_SHARE = 0.5      # the 304 path against the floor's throughput

# (label, path, kind): kind "floor", "filtered" (held to the p99 target), "304", or "".
ENDPOINTS = [
    ("floor /healthz", "/healthz", "floor"),
    ("ready /readyz (SELECT 1)", "/readyz", ""),
    ("year page /2020", "/2020", ""),
    ("api year+category", "/api/events?year=2020&category=产业发展", "filtered"),
    ("api tag+year", "/api/events?year=2020&tag=签约", "filtered"),
    ("api first page (100 of 100k)", "/api/events", "filtered"),
    ("api q 2 chars 签约", "/api/events?q=签约", "filtered"),
    ("api q 4 chars 乡村振兴", "/api/events?q=乡村振兴", "filtered"),
    ("api q 4 chars + year", "/api/events?year=2020&q=乡村振兴", "filtered"),
    ("api q 2 chars + year", "/api/events?year=2020&q=签约", "filtered"),
    ("api q rare 光伏电站开工", "/api/events?q=光伏电站开工", "filtered"),
    ("api q 1 char 湖 (29k matches)", "/api/events?q=湖", "filtered"),
    ("api tag 签约 all years", "/api/events?tag=签约", "filtered"),
    ("ics year+category", "/calendar.ics?year=2020&category=产业发展", ""),
    ("ics per year /feeds/2020.ics", "/feeds/2020.ics", ""),
    ("ics per category /feeds/category/…", "/feeds/category/{slug}.ics", ""),
    ("ics ?category= (same view)", "/calendar.ics?category=产业发展", ""),
    ("304 /feeds/2020.ics If-None-Match", "/feeds/2020.ics", "304"),
    ("304 /feeds/category/… If-None-Match", "/feeds/category/{slug}.ics", "304"),
]


def loadavg() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def seconds(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]


def wrk(url: str, *, duration: int, connections: int, threads: int, header: str | None) -> dict:
    command = ["wrk", f"-t{min(threads, connections)}", f"-c{connections}", f"-d{duration}s", "--timeout", "30s",
               "--latency", url]
    if header:
        command[1:1] = ["-H", header]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.M))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50": seconds(latency["50"]), "p99": seconds(latency["99"]), "errors": errors,
            "requests": int(re.search(r"(\d+) requests in", out).group(1))}


def fetch(url: str, **headers: str) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={k.replace("_", "-"): v for k, v in headers.items()})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, dict(exc.headers), exc.read()


class Gunicorn:
    def __init__(self, database_url: str, name: str, workers: int | None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TIMELINE_", "FLASK_"))}
        env.update(DATABASE_URL=database_url, BIND=f"127.0.0.1:{self.port}")
        if workers:
            env["WEB_CONCURRENCY"] = str(workers)
        OUT.mkdir(parents=True, exist_ok=True)
        self.log = open(OUT / f"gunicorn-{name}.log", "wb")     # a file: an unread pipe would stall it
        self.proc = subprocess.Popen([str(GUNICORN)], cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while fetch_ok(self.base + "/readyz") is False:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise SystemExit(f"gunicorn did not start: see {self.log.name}")
            time.sleep(0.2)

    def wait_idle(self, timeout: float = 120) -> None:
        """Until the workers stop burning CPU: a request wrk gave up on is still served, and
        its backlog would be measured with the next endpoint."""
        deadline = time.monotonic() + timeout
        before = self._cpu()
        while time.monotonic() < deadline:
            time.sleep(0.5)
            now = self._cpu()
            if now - before < 0.02:
                return
            before = now

    def _cpu(self) -> float:
        ticks = 0
        children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text().split()
        for pid in children:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except FileNotFoundError:
                continue
            ticks += int(fields[11]) + int(fields[12])      # utime + stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        stop_process(self.proc)
        self.log.close()


def fetch_ok(url: str) -> bool:
    try:
        return fetch(url)[0] == 200
    except OSError:
        return False


def category_slug(base: str) -> str:
    categories = json.loads(fetch(base + "/api/categories")[2])
    return next(c["slug"] for c in categories if c["name"] == "产业发展")


def run(database: str, url: str, args) -> list[dict]:
    server = Gunicorn(url, database, args.workers)
    results = []
    try:
        slug = category_slug(server.base)
        for label, path, kind in ENDPOINTS:
            if args.only and args.only not in label:
                continue
            path = path.format(slug=slug)
            target = server.base + quote(path, safe="/?=&")
            status, headers, body = fetch(target)
            assert status == 200, (label, status, body[:200])
            header = None
            if kind == "304":
                header = f"If-None-Match: {headers['ETag']}"
                assert fetch(target, If_None_Match=headers["ETag"])[0] == 304, label
            for connections in args.connections:
                server.wait_idle()
                before = loadavg()
                figures = wrk(target, duration=args.duration, connections=connections, threads=args.threads,
                              header=header)
                results.append({"database": database, "endpoint": label, "path": path, "kind": kind,
                                "bytes": 0 if kind == "304" else len(body), "load_before": before,
                                "load_after": loadavg(), "connections": connections, **figures})
                print(row(results[-1]), flush=True)
    finally:
        server.stop()
    return results


def row(r: dict) -> str:
    return (f"{r['database']:<8} {r['endpoint']:<38} {r['connections']:>3} {r['rps']:>8.1f} {r['p50'] * 1000:>8.1f}"
            f" {r['p99'] * 1000:>8.1f} {r['errors']:>6} {r['bytes'] / 1000:>9.1f} {r['load_before']:>5.2f}")


HEADER = (f"{'db':<8} {'endpoint':<38} {'c':>3} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6} {'kB':>9} "
          f"{'load':>5}")


def verdicts(results: list[dict]) -> list[tuple[bool, str]]:
    out = []
    for database in dict.fromkeys(r["database"] for r in results):
        mine = [r for r in results if r["database"] == database]
        floors = {r["connections"]: r for r in mine if r["kind"] == "floor"}
        for r in mine:
            if r["kind"] == "304" and (floor := floors.get(r["connections"])):
                share = r["rps"] / floor["rps"]
                out.append((share >= NOT_MODIFIED_SHARE,
                            f"{database}: {r['endpoint']} (c={r['connections']}): {share:.2f} of the floor's throughput "
                            f"(target ≥ {NOT_MODIFIED_SHARE})"))
            if r["kind"] == "filtered":
                out.append((r["p99"] < FILTERED_P99, f"{database}: {r['endpoint']}: p99 {r['p99'] * 1000:.1f} ms "
                            f"at {r['connections']} connections (target < {FILTERED_P99 * 1000:.0f} ms)"))
            if r["errors"]:
                out.append((False, f"{database}: {r['endpoint']}: {r['errors']} errors"))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per endpoint")
    parser.add_argument("--connections", type=int, action="append",
                        help="wrk connections; repeat for several passes (default 16)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: gunicorn.conf.py's)")
    parser.add_argument("--database", action="append", choices=["postgres", "sqlite"])
    parser.add_argument("--only", help="only the endpoints whose label holds this")
    args = parser.parse_args()
    args.connections = args.connections or [16]
    if shutil.which("wrk") is None:
        print("bench_load: skipped, wrk is not installed (apt-get install wrk)")
        return 0
    databases = args.database or ["postgres", "sqlite"]
    urls = {"sqlite": f"sqlite:///{generate_corpus.SQLITE_PATH}"}
    if "postgres" in databases:
        urls["postgres"] = generate_corpus.postgres_url()
    for database in databases:
        if database == "sqlite":
            generate_corpus.OUT.mkdir(parents=True, exist_ok=True)
        loaded = generate_corpus.load(urls[database])
        if loaded is not None:
            print(f"{database}: loaded the corpus in {loaded:.1f} s")
    print(f"gunicorn.conf.py workers, wrk -t{args.threads} -c{args.connections} -d{args.duration}s; "
          f"{os.cpu_count()} cores; load = 1-minute load average before each run")
    print(HEADER)
    results = []
    for database in databases:
        results += run(database, urls[database], args)
    OUT.mkdir(parents=True, exist_ok=True)
    for database in databases:
        name = OUT / f"bench_load-{database}.json"
        name.write_text(json.dumps([r for r in results if r["database"] == database], ensure_ascii=False, indent=1))
    ok = True
    for passed, text in verdicts(results):
        print(("ok     " if passed else "MISSED ") + text)
        ok &= passed
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
