"""What the pipeline made of a document, in a few lines a person reads (`timeline inspect`):
its format and layout, title, years, counts, the first events with their dates, warnings."""
from __future__ import annotations

from collections import Counter

from timeline.dates import DateSpan
from timeline.events.model import Event, ParsedDocument
from timeline.segment.vocabulary import LAYOUT_MEANINGS, YEAR_SOURCES


def when(span: DateSpan | None) -> str:
    """A date as inspect shows it: "2019-01-04..2019-01-08 day", "2021-07-17 day 20:00 evening"."""
    if span is None:
        return "undated"
    days = span.start.isoformat() if span.start == span.end else f"{span.start}..{span.end}"
    time = span.time and span.time + (f"-{span.end_time}" if span.end_time else "")
    part = span.part_of_day.value if span.part_of_day else None
    return " ".join(filter(None, (days, span.precision.value, time, part)))


def _counts(counter: Counter) -> str:
    return ", ".join(f"{key} {n}" for key, n in counter.items()) or "none"


def summary_lines(parsed: ParsedDocument, *, first: int = 10) -> list[str]:
    events = parsed.events
    dated = [e for e in events if e.primary is not None]
    years = Counter(sorted(e.primary.start.year for e in dated))
    lines = [
        f"{parsed.name}: {parsed.format}, layout {parsed.layout} ({LAYOUT_MEANINGS.get(parsed.layout, '?')})",
        f"  title: {parsed.title or '(none)'}",
        f"  year: {_year(parsed)}; events by year: {_counts(years)}",
        f"  events: {len(events)} ({len(dated)} dated: "
        f"{_counts(Counter(e.primary.precision.value for e in dated))}; {len(events) - len(dated)} undated)",
        f"  kinds: {_counts(Counter(e.kind.value for e in events))}; "
        f"categories: {_counts(Counter(e.category for e in events))}",
    ]
    if events and first:
        lines.append(f"  first {min(first, len(events))} events:")
        lines.extend(_event_line(e) for e in events[:first])
    lines.append(f"  warnings: {len(parsed.warnings)}")
    lines.extend(f"    line {line}: {w.text!r}: {w.message}" for line, w in parsed.warnings)
    return lines


def _year(parsed: ParsedDocument) -> str:
    if parsed.year is None:
        return "(none)"
    source = YEAR_SOURCES.get(parsed.year_from or "")
    return f"{parsed.year} ({source})" if source else str(parsed.year)


def _event_line(event: Event) -> str:
    return f"    line {event.source.line:<5} {when(event.primary):<34} {event.title}"
