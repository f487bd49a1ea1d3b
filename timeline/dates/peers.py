"""Conformance report against other parsers' test suites (Recognizers-Text, JioNLP).

    python -m timeline.dates.peers [DIR] [--failures]   (default: tests/dates/peer_suites)

Reads every *.jsonl in DIR (format: DIR/README.md), runs `resolve` with each case's
reference date, and prints pass rates per file, per source spec and per kind. Cases that
belong to a job this resolver does not do are counted apart, under an explicit reason
(OUT_OF_SCOPE); they are measured, not hidden. This is the one module of timeline.dates
that reads files, and only when run as a report.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from .resolver import resolve
from .span import DateSpan, Open

# The copy kept with the tests (origin and licences in its README.md).
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "tests" / "dates" / "peer_suites"

# (name, pattern on the case text, why a yearbook resolver leaves it out). First match wins.
# Everything else is in scope and counted.
OUT_OF_SCOPE: tuple[tuple[str, str, str], ...] = (
    ("durations_from_now", r"未来|过去|最近|近[0-9一二三两几仨]+|还剩|今后|[0-9一二三四五六七八九十两几半]+\s*个?\s*多?\s*"
                           r"(?:小时|钟头|分钟|分半钟?|秒|刻钟)(?:前|后|内|以内|之内|以来)?|工作日"
                           r"|[0-9一二三四五六七八九十两几半仨]+\s*个?\s*[多半]?\s*(?:年|个?月|天|日|周|星期)\s*[多半]?"
                           r"\s*(?:以内|之内|内|以来|来)|分半以内",
     "durations counted from the reader's 'now' (未来48小时, 过去三天, 近两年): a document's "
     "dates do not move with the reader's clock"),
    ("recurrences", r"每|隔周|周[一二三四五六日天]到周[一二三四五六日天]的|工作日",
     "recurring sets (每周三, 每年春节): an event list has one date per event"),
)


def convention(case: dict) -> str:
    """The peer's own convention for a year-less date: Recognizers-Text resolves towards the
    future of the reference; JioNLP does where a case sets `ret_future`."""
    if case.get("source", "").endswith(".json") or "jionlp_option_ret_future" in case.get("flags", []):
        return "future"
    return "document"


@dataclass(frozen=True)
class Outcome:
    file: str
    source: str
    kind: str
    scope: str            # "in" or an OUT_OF_SCOPE name
    passed: bool
    text: str
    detail: str = ""


def _date(value: str) -> date:
    return datetime.fromisoformat(value).date()


def _time(value: str) -> str | None:
    return value[11:16] if "T" in value else None


def _matches(exp: dict, got: DateSpan, reference: date | None) -> bool:
    if exp.get("start") is None:        # span only: finding it is enough
        return True
    if got.open is not None:
        return _open_matches(exp, got, reference)
    if (got.start, got.end) != (_date(exp["start"]), _date(exp["end"])):
        # a clock range ending at midnight of the next day ends on the same day for us
        if not (got.start == _date(exp["start"]) and exp["end"].endswith("T00:00")):
            return False
    if got.time is not None and _time(exp["start"]) not in (None, got.time):
        return False
    return True


def _open_matches(exp: dict, got: DateSpan, reference: date | None) -> bool:
    """An open range keeps its known bound and names the open side; a peer fills the open
    side with its 'now'. They agree when the known bound is the peer's bound on that side."""
    if got.open is Open.END:                   # "自……起": from the bound's first day on
        return got.start == _date(exp["start"])
    end = _date(exp["end"])                    # "……前": up to the bound's last day
    if exp["end"].endswith("T00:00"):          # an exclusive midnight: the day before
        end -= timedelta(days=1)
    return got.end == end


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def judge(case: dict) -> tuple[bool, str]:
    ref = datetime.fromisoformat(case["reference"]).date() if case.get("reference") else None
    result = resolve(case["text"], reference=ref, prefer=convention(case))
    found = result.mentions
    expected = case["expected"]
    if not expected:
        return not found, f"found {[m.text for m in found]}"
    for exp in expected:
        here = [m for m in found if _overlaps(m.span, tuple(exp["offset"]))]
        if exp.get("start") is None and any(_overlaps(w.span, tuple(exp["offset"]))
                                            for w in result.warnings):
            continue     # span only, no reference: found, rightly left unresolved (no year)
        if not any(_matches(exp, m, ref) for m in here):
            got = [(m.text, m.start.isoformat(), m.end.isoformat(), m.time) for m in here]
            return False, f"want {exp['span']} {exp.get('start')}..{exp.get('end')}, got {got}"
    return True, ""


def scope_of(case: dict) -> str:
    for name, pattern, _why in OUT_OF_SCOPE:
        if re.search(pattern, case["text"]):
            return name
    return "in"


def run(directory: Path) -> list[Outcome]:
    outcomes = []
    for path in sorted(directory.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            kinds = sorted({e.get("kind") or "span" for e in case["expected"]}) or ["negative"]
            passed, detail = judge(case)
            outcomes.append(Outcome(path.name, case.get("source", "?"), "+".join(kinds),
                                    scope_of(case), passed, case["text"], detail))
    return outcomes


def in_scope_rate(outcomes: list[Outcome]) -> float:
    scoped = [o for o in outcomes if o.scope == "in"]
    return sum(o.passed for o in scoped) / len(scoped) if scoped else 1.0


def _rate(rows: list[Outcome]) -> str:
    n = len(rows)
    ok = sum(r.passed for r in rows)
    return f"{ok:4d}/{n:<4d} {100 * ok / n:5.1f}%" if n else "   -"


def report(outcomes: list[Outcome], out=sys.stdout, failures: bool = False) -> None:
    def section(title, key):
        print(f"\n{title}", file=out)
        for k in sorted({key(o) for o in outcomes}):
            rows = [o for o in outcomes if key(o) == k]
            scoped = [o for o in rows if o.scope == "in"]
            print(f"  {k:<48} in scope {_rate(scoped)}   all {_rate(rows)}", file=out)

    print(f"in-scope pass rate: {100 * in_scope_rate(outcomes):.1f}% "
          f"({sum(o.scope == 'in' for o in outcomes)} of {len(outcomes)} cases in scope)", file=out)
    section("per file", lambda o: o.file)
    section("per source / kind", lambda o: f"{o.file.split('-')[0]}:{o.source}:{o.kind}")
    print("\nout of scope (not counted above), with reasons:", file=out)
    counts = Counter(o.scope for o in outcomes if o.scope != "in")
    reasons = {name: why for name, _p, why in OUT_OF_SCOPE}
    for name, n in counts.most_common():
        passed = sum(o.passed for o in outcomes if o.scope == name)
        print(f"  {name:<20} {n:4d} cases ({passed} pass anyway): {reasons[name]}", file=out)
    if failures:
        print("\nin-scope failures:", file=out)
        for o in outcomes:
            if o.scope == "in" and not o.passed:
                print(f"  {o.file}:{o.source} {o.text!r}: {o.detail}", file=out)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    show = "--failures" in args
    args = [a for a in args if a != "--failures"]
    directory = Path(args[0]) if args else DEFAULT_DIR
    if not directory.is_dir():
        print(f"no peer suites at {directory}", file=sys.stderr)
        return 2
    report(run(directory), failures=show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
