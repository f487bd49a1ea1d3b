"""What storing an event needs that depends on the event alone, worked out beside the parse.

`timeline ingest` parses files in worker processes while one process writes them, one
transaction per file (timeline.bulk). The writer's work per event was mostly work on the
event alone: its content digest (timeline.store.rows), what clients see of it
(timeline.ical.published: the VEVENT's lines and their digests) and, on SQLite, its search
terms (the trigger's timeline_ngrams). `prepare` does that in the worker
(bulk.Options.prepare), so the serial writer does less (bench/bench_ingest.py;
docs/scale.md). The column values themselves cost the writer less to make again than to
unpickle.

A prepared value is used only for the very Event object it was made from, under the
document name and year it was made for: the store's validation, a key taken over from a
stored event or a hand-made document give other objects, and those the store works out
itself. So what is stored never depends on whether the document was prepared.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from timeline import ical
from timeline.events.model import Event, ParsedDocument
from timeline.store.rows import content_hash, event_columns
from timeline.store.search.indexes import gram_terms

# Search terms are prepared for documents of up to this many characters of titles and
# bodies: they take about three times the text's memory, and a 20 MB document's would
# double its peak in both processes.
TERMS_UP_TO = 2_000_000


@dataclass(frozen=True)
class PreparedEvent:
    event: Event                       # the object these were made from
    digest: str                        # content_hash of event_columns(event, year)
    published: ical.Published | None   # ical.published(event, document)


@dataclass(frozen=True)
class Prepared:
    document: str                      # the name and year the values were made for
    year: int | None
    events: tuple[PreparedEvent, ...]
    # SQLite's search terms (search.indexes.gram_terms) by (title, body); empty for PostgreSQL.
    terms: dict[tuple[str, str], str] = field(default_factory=dict)

    def of(self, document: str, year: int | None) -> dict[int, PreparedEvent]:
        """The prepared events by id() of their Event, when made for `document` and `year`
        (else none): the caller checks `.event is` the event it stores."""
        if document != self.document or year != self.year:
            return {}
        return {id(p.event): p for p in self.events}


def prepare(parsed: ParsedDocument, *, search_terms: bool = False) -> Prepared:
    """The per-event values of `parsed` (and its search terms when `search_terms`)."""
    events = []
    for event in parsed.events:
        columns = event_columns(event, parsed.year)
        events.append(PreparedEvent(event, content_hash(columns, event.category, event.tags),
                                    ical.published(event, parsed.name)))
    terms = {}
    if search_terms and sum(len(e.title) + len(e.body) for e in parsed.events) <= TERMS_UP_TO:
        terms = {(e.title, e.body): gram_terms(e.title, e.body) for e in parsed.events}
    return Prepared(parsed.name, parsed.year, tuple(events), terms)


def for_database(url: str):
    """`prepare` as Options.prepare for the database at `url` (a module-level function with
    its arguments, so it reaches the worker processes)."""
    return partial(prepare, search_terms=url.startswith("sqlite"))
