"""The document-shape fixtures and their expected events.

Each document `NAME.txt` (or `.md`, `.html`) under tests/fixtures with a `NAME.expected` beside it
(tests/fixtures/shapes holds one or more per shape; the older fixtures have theirs):

    # layout: chronicle
    # year: 2019
    START | END | PRECISION | PART_OF_DAY | TIME | TITLE [| pending: WHAT]

one line per event in document order; "-" for none; TIME is "HH:MM" or "HH:MM-HH:MM". A
`pending:` field names what the event waits for (a date family not read yet): its test is
a strict xfail with that reason.

    .venv/bin/python -m tests.pipeline.shapes [NAME...]
    .venv/bin/python -m tests.pipeline.shapes --summary

prints what the pipeline makes of the documents, beside what they expect; or the share of
exact entries per document and per shape.
"""
from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tests.support import FIXTURES
from timeline.events.model import Event, ParsedDocument
from timeline.pipeline import parse_document

SHAPES = FIXTURES / "shapes"


@dataclass(frozen=True)
class Expected:
    start: str
    end: str
    precision: str
    part_of_day: str
    time: str
    title: str
    pending: str | None = None

    @property
    def when(self) -> tuple[str, ...]:
        return self.start, self.end, self.precision, self.part_of_day, self.time


@dataclass(frozen=True)
class Shape:
    path: Path
    layout: str
    year: int | None
    events: tuple[Expected, ...]

    @property
    def name(self) -> str:
        return self.path.stem


def observed(event: Event) -> Expected:
    """An event as the expectations write it."""
    p = event.primary
    if p is None:
        return Expected("-", "-", "-", "-", "-", event.title)
    time = "-" if p.time is None else p.time + (f"-{p.end_time}" if p.end_time else "")
    return Expected(p.start.isoformat(), p.end.isoformat(), p.precision.value,
                    p.part_of_day.value if p.part_of_day else "-", time, event.title)


def _read(path: Path) -> Shape:
    header: dict[str, str] = {}
    events = []
    for line in path.with_suffix(".expected").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            header[key.strip()] = value.strip()
        elif line.strip():
            fields = [f.strip() for f in line.split(" | ")]
            pending = fields[6].removeprefix("pending:").strip() if len(fields) > 6 else None
            events.append(Expected(*fields[:6], pending=pending))
    year = header.get("year")
    return Shape(path, header["layout"], int(year) if year else None, tuple(events))


@cache
def shapes() -> tuple[Shape, ...]:
    documents = (p for p in sorted(FIXTURES.rglob("*")) if p.suffix in (".txt", ".md", ".html"))
    return tuple(_read(p) for p in documents if p.with_suffix(".expected").exists())


@cache
def parsed(path: Path) -> ParsedDocument:
    """The document as the pipeline reads it, from its text alone: the year in a fixture's
    name ("webpage-2019-01") is not the file name's fallback (documents are not named so)."""
    return parse_document(path.read_bytes(), name=path.stem, suffix=path.suffix, file_name="document" + path.suffix)


def aligned(expected: tuple[Expected, ...], events: tuple[Event, ...]) -> dict[int, Event]:
    """Expected index -> the event that stands for it: matched by title in order; where the
    titles differ, position by position within a stretch of equal length, else each to the
    most alike title in the stretch."""
    got = [observed(e).title for e in events]
    want = [e.title for e in expected]
    pairs: dict[int, Event] = {}
    matcher = difflib.SequenceMatcher(None, want, got, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            pairs.update({i1 + k: events[j1 + k] for k in range(i2 - i1)})
        elif tag == "replace":
            free = list(range(j1, j2))
            for i in range(i1, i2):
                score, j = max(((difflib.SequenceMatcher(None, want[i], got[j]).ratio(), j) for j in free),
                               default=(0.0, -1))
                if score >= 0.6:
                    pairs[i] = events[j]
                    free.remove(j)
    return pairs


def report(shape: Shape) -> str:
    document = parsed(shape.path)
    pairs = aligned(shape.events, document.events)
    used = {id(e) for e in pairs.values()}
    lines = [f"== {shape.name}: layout {document.layout} (expects {shape.layout}), year {document.year} "
             f"(expects {shape.year}), {len(document.events)} events (expects {len(shape.events)})"]
    for i, want in enumerate(shape.events):
        event = pairs.get(i)
        got = observed(event) if event else None
        mark = "ok" if got == Expected(*want.when, want.title) else ("~ " if got and got.when == want.when else "XX")
        lines.append(f"{mark} {' | '.join(want.when)} | {want.title}" + (f"   [pending: {want.pending}]" if want.pending else ""))
        if mark != "ok":
            lines.append("   got " + (" | ".join((*got.when, got.title)) if got else "nothing"))
    for event in document.events:
        if id(event) not in used:
            lines.append("++ extra: " + " | ".join((*observed(event).when, event.title)))
    return "\n".join(lines)


def exact_counts(shape: Shape) -> tuple[int, int, int]:
    """(entries whose range, part of day and time are exact; whose title is too; entries)."""
    pairs = aligned(shape.events, parsed(shape.path).events)
    got = {i: observed(e) for i, e in pairs.items()}
    when = sum(1 for i, want in enumerate(shape.events) if i in got and got[i].when == want.when)
    titled = sum(1 for i, want in enumerate(shape.events) if i in got and got[i] == Expected(*want.when, want.title))
    return when, titled, len(shape.events)


def summary() -> str:
    """Per document and per shape (the name's first word), the share of exact entries."""
    lines, totals = [], {}
    for shape in shapes():
        when, titled, total = exact_counts(shape)
        lines.append(f"{shape.name:<34} {when:>3}/{total:<3} dates exact, {titled:>3}/{total:<3} with the title")
        kind = shape.name.split("-")[0]
        sums = totals.setdefault(kind, [0, 0, 0])
        for k, value in enumerate((when, titled, total)):
            sums[k] += value
    lines.append("")
    for kind, (when, titled, total) in sorted(totals.items()):
        lines.append(f"{kind:<12} {when:>3}/{total:<3} ({when / total:6.1%}) dates exact, "
                     f"{titled:>3}/{total:<3} ({titled / total:6.1%}) with the title")
    return "\n".join(lines)


if __name__ == "__main__":
    if sys.argv[1:] == ["--summary"]:
        print(summary())
    names = set(sys.argv[1:])
    for shape in shapes():
        if not names or shape.name in names:
            print(report(shape))
