"""Throughput of timeline.dates.resolve next to dateparser's search_dates, in one run.

    .venv/bin/python bench/bench_dates.py [PATH] [--runs N] [--dateparser-runs N]

Two texts: the seed yearbook (PATH, default seeds/qingshanhu-2020.txt), and date-dense
chronicle lines made here (a 大事记: nearly every line starts with a date, several per line),
where the cost follows the mentions. For each: mentions found, MB/s (UTF-8 bytes) best and
median over N runs (CPU time, each a first reading: the meanings resolve keeps from call to
call are forgotten before it), the time per mention, and dateparser.search.search_dates(text,
languages=["zh"]) on the same text. Targets: the seed at 10 MB/s or more, and at least 50x
dateparser on both texts. Then long runs of what dates are made of with no date in them
("1、1、1、……", "夏秋夏秋……"): doubling one must about double its time.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import warnings
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.dates import label, resolve  # noqa: E402
from timeline.dates.resolver import clear_cache  # noqa: E402

# Chronicle lines, as a 大事记 runs: days in order through the year, a date at the start of
# nearly every line (the month written when it changes), a clause or two of what happened,
# now and then a second date inside (次日, 同日, 至月底, 前三季度). Original wording.
_WHAT = ("区委召开常委会议，研究部署{t}工作", "全区{t}推进会在行政中心举行", "市领导到园区调研{t}情况",
         "{t}专项行动启动，持续至月底", "召开{t}新闻发布会，通报前三季度进展",
         "{t}项目签约，总投资12亿元", "举办{t}培训班，120余人参加", "{t}考核组来区检查，次日反馈意见")
_TOPICS = ("安全生产", "防汛抗旱", "招商引资", "乡村振兴", "生态环境保护", "营商环境", "民生实事")
_DETAIL = ("区委书记出席并讲话", "要求各部门压实责任、细化措施，确保各项任务按期完成",
           "会议听取了各街道的工作汇报", "副区长主持会议", "与会人员实地察看了重点项目建设现场",
           "全区共有32个部门参加", "活动持续一周", "次日上午召开专题协调会", "同日下发实施方案")
_WHEN = ("{d}日", "{d}日", "{d}日上午", "{d}日下午", "{d}—{d2}日", "{d}日（星期{w}）", "{d}日晚8时")


def chronicle_lines(n: int = 420, seed: int = 2020) -> str:
    r = random.Random(seed)
    days = sorted(r.choices(range(1, 366), k=n))             # some days hold two entries
    lines, month, last = ["2020年大事记"], None, None
    for ordinal in days:
        day = date(2020, 1, 1) + timedelta(days=ordinal - 1)
        shapes = _WHEN if day.day < 28 else _WHEN[:4]             # a range stays in its month
        when = "同日" if day == last else r.choice(shapes).format(
            d=day.day, d2=day.day + 1, w="一二三四五六日"[day.weekday()])
        last = day
        if day.month != month:
            month = day.month
            when = f"{month}月" + (when if when[0].isdigit() else f"{day.day}日")
        what = r.choice(_WHAT).format(t=r.choice(_TOPICS))
        lines.append(f"{when}　{what}，{r.choice(_DETAIL)}。")
    return "\n".join(lines)


def timed(fn, runs: int, setup=None) -> list[float]:
    """CPU seconds of each run: the machine may be shared, and another process's work is not
    this code's cost (both sides are timed the same way). `setup` runs before each, untimed."""
    out = []
    for _ in range(runs):
        if setup is not None:
            setup()
        t0 = time.process_time()
        fn()
        out.append(time.process_time() - t0)
    return out


def measure(name: str, text: str, runs: int, dateparser_runs: int) -> tuple[float, float]:
    """(MB/s of resolve, speed-up over dateparser), best runs."""
    from dateparser.search import search_dates

    mb = len(text.encode("utf-8")) / 1e6
    result = resolve(text, year=2020)
    # Each run reads the text afresh: the meanings kept from earlier calls are forgotten.
    ours = timed(lambda: resolve(text, year=2020), runs, setup=clear_cache)
    settings = {"RELATIVE_BASE": datetime(2020, 12, 31), "RETURN_AS_TIMEZONE_AWARE": False}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["zh"], settings=settings) or []
        theirs = timed(lambda: search_dates(text, languages=["zh"], settings=settings), dateparser_runs)
    n = len(result.mentions)
    ratio = min(theirs) / min(ours)
    speed = mb / min(ours)
    print(f"\n{name}: {mb * 1e3:.1f} kB, {len(text)} chars")
    print(f"  timeline.dates.resolve: {n} mentions, {len(result.warnings)} warnings; best "
          f"{speed:7.2f} MB/s, median {mb / statistics.median(ours):7.2f} MB/s ({runs} runs, "
          f"best {min(ours) * 1e3:.1f} ms, {min(ours) / max(n, 1) * 1e6:.1f} us a mention)")
    print(f"  dateparser search_dates: {len(found)} results; best {mb / min(theirs):.4f} MB/s "
          f"({dateparser_runs} runs, best {min(theirs):.2f} s)")
    print(f"  speed-up (best vs best): {ratio:.0f}x")
    distinct = len({m.text for m in result.mentions})
    print(f"  {distinct} distinct mention texts; e.g. {', '.join(label(m) for m in result.mentions[1:4])}")
    return speed, ratio


# Texts that are long runs of what dates are made of, with no date to end them: each place
# of a run must cost a bounded amount of work, or the time grows with the square of the run.
RUNS = {"list items": ("1、", "月"), "season pairs": ("夏秋", ""), "seasons": ("夏季", ""),
        "year-months": ("2020年9月", ""), "ranges": ("9月1日至", ""), "figures and spaces": ("2020 ", "")}


def scaling(units: int = 4000) -> bool:
    """CPU time of each run at `units` and twice that (best of 3): about twice (linear), not
    four times."""
    linear = True
    for name, (unit, tail) in RUNS.items():
        small, large = (min(timed(lambda n=n: resolve(unit * n + tail, year=2020), 3, setup=clear_cache))
                        for n in (units, 2 * units))
        ratio = large / max(small, 1e-9)
        linear &= ratio < 3
        print(f"  {name:<20} {len(unit) * units:>6} chars {small * 1e3:7.1f} ms, doubled x{ratio:.1f}")
    return linear


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=str(ROOT / "seeds" / "qingshanhu-2020.txt"))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--dateparser-runs", type=int, default=3)
    args = ap.parse_args()
    seed = Path(args.path).read_text("utf-8")
    seed_speed, seed_ratio = measure(f"seed {args.path}", seed, args.runs, args.dateparser_runs)
    _, lines_ratio = measure("chronicle lines (generated, date-dense)", chronicle_lines(), args.runs,
                             args.dateparser_runs)
    print("\nlong runs with no date in them (doubling the text should double the time):")
    linear = scaling()
    ok = seed_speed >= 10 and seed_ratio >= 50 and lines_ratio >= 50 and linear
    print(f"\ntargets: seed >= 10 MB/s ({seed_speed:.1f}), >= 50x dateparser on both "
          f"({seed_ratio:.0f}x, {lines_ratio:.0f}x), linear on long runs ({'yes' if linear else 'NO'}): "
          f"{'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
