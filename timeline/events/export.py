"""The Event JSON shape of docs/interfaces.md, shared by `timeline export` and the JSON API."""
from __future__ import annotations

from urllib.parse import quote

from timeline.events.model import StoredEvent


def event_url(key: str) -> str:
    """The path of an event's page: the one place an event's URL is made (the web's links,
    the JSON API, exports and the feeds' URL properties all come here)."""
    return f"/events/{quote(key, safe='')}"


def event_json(stored: StoredEvent) -> dict:
    event = stored.event
    primary = event.primary
    return {
        "id": stored.id,
        "key": event.key,
        "title": event.title,
        "category": event.category,
        "tags": list(event.tags),
        "kind": event.kind.value,
        "start": primary.start.isoformat() if primary else None,
        "end": primary.end.isoformat() if primary else None,  # inclusive last day
        "precision": primary.precision.value if primary else None,
        "open": primary.open.value if primary and primary.open else None,  # "start" | "end"
        "time": event.time,
        "end_time": event.end_time,
        "part_of_day": event.part_of_day.value if event.part_of_day else None,
        "mentions": [m.to_json() for m in event.mentions],
        "moments": [m.to_json() for m in event.moments],
        "summary": event.summary,
        "body": event.body,
        "footnotes": list(event.footnotes),
        "captions": list(event.captions),
        "document": stored.document,
        "source": {"line": event.source.line, "offset": event.source.offset},
        "url": event_url(event.key),
        "ics": event_url(event.key) + ".ics",
    }


# The CSV of a view: one event a line, the columns a spreadsheet needs (the JSON has all).
CSV_COLUMNS = ("key", "title", "category", "tags", "kind", "start", "end", "precision", "time", "summary",
               "document", "line", "url")


# What a spreadsheet reads as a formula when a cell starts with it (OWASP, CSV injection):
# such a cell gets a leading apostrophe, which spreadsheets show as text and do not run.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_row(stored: StoredEvent) -> list[str]:
    data = event_json(stored)
    data["tags"] = "；".join(data["tags"])
    data["line"] = data["source"]["line"]
    return [csv_cell(data[c]) for c in CSV_COLUMNS]
