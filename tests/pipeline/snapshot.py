"""The whole parsed seed as JSON, for the snapshot test.

Regenerate (then read it line by line before committing):
    .venv/bin/python -m tests.pipeline.snapshot
"""
from __future__ import annotations

import json
from datetime import datetime, timezone

from tests.support import FIXTURES, SEED
from timeline.events.export import event_json as contract_json
from timeline.events.model import Event, ParsedDocument, StoredEvent
from timeline.pipeline import parse_document

SNAPSHOT = FIXTURES / "qingshanhu-2020.snapshot.json"
EPOCH = datetime(2020, 1, 1, tzinfo=timezone.utc)


def event_json(event: Event, document: str) -> dict:
    """The contract's Event shape (timeline.events.export) plus what only the pipeline
    knows: the primary mention itself and the order in the document."""
    stored = StoredEvent(id=event.position, event=event, document=document, sequence=0, updated_at=EPOCH)
    return {
        **contract_json(stored),
        "primary": event.primary.to_json() if event.primary else None,
        "position": event.position,
    }


def document_json(document: ParsedDocument) -> dict:
    return {
        "name": document.name,
        "year": document.year,
        "layout": document.layout,
        "warnings": [{"line": line, **w.to_json()} for line, w in document.warnings],
        "events": [event_json(e, document.name) for e in document.events],
    }


def parsed_seed() -> ParsedDocument:
    return parse_document(SEED.read_bytes(), name=SEED.stem)


def render(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    SNAPSHOT.write_text(render(document_json(parsed_seed())), encoding="utf-8")
    print(f"wrote {SNAPSHOT}")
