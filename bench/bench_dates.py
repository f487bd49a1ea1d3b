"""Throughput of timeline.dates.resolve on the seed yearbook, next to dateparser's search.

    .venv/bin/python bench/bench_dates.py [PATH] [--runs N]

Reports mentions found, MB/s (UTF-8 bytes) best and median over N runs, and the same for
dateparser.search.search_dates(text, languages=["zh"]) on the same text. Targets: at least
2 MB/s and 50x dateparser.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.dates import resolve  # noqa: E402


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=str(ROOT / "seeds" / "qingshanhu-2020.txt"))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--dateparser-runs", type=int, default=3)
    args = ap.parse_args()
    text = Path(args.path).read_text("utf-8")
    mb = len(text.encode("utf-8")) / 1e6

    result = resolve(text, year=2020)
    ours = timed(lambda: resolve(text, year=2020), args.runs)
    print(f"text: {args.path} ({mb * 1e3:.1f} kB, {len(text)} chars)")
    print(f"timeline.dates.resolve: {len(result.mentions)} mentions, {len(result.warnings)} warnings")
    print(f"  best {mb / min(ours):8.2f} MB/s   median {mb / statistics.median(ours):8.2f} MB/s"
          f"   ({args.runs} runs, best {min(ours) * 1e3:.1f} ms)")

    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime(2020, 12, 31), "RETURN_AS_TIMEZONE_AWARE": False}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["zh"], settings=settings) or []
        theirs = timed(lambda: search_dates(text, languages=["zh"], settings=settings),
                       args.dateparser_runs)
    print(f"dateparser.search.search_dates: {len(found)} results")
    print(f"  best {mb / min(theirs):8.4f} MB/s   median {mb / statistics.median(theirs):8.4f} MB/s"
          f"   ({args.dateparser_runs} runs, best {min(theirs):.2f} s)")
    ratio = min(theirs) / min(ours)
    ok = mb / min(ours) >= 2 and ratio >= 50
    print(f"speed-up (best vs best): {ratio:.0f}x   targets >=2 MB/s and >=50x: {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
