"""File bytes -> ParsedDocument: read (any format), undo layout, segment, date and build events.

Pure: no database, no web. The one entry point is `parse_document`.
"""
from __future__ import annotations

import gc
import re
import threading

from timeline.events.build import build_events
from timeline.events.limits import FIRST_YEAR, LAST_YEAR
from timeline.events.model import ParsedDocument
from timeline.events.validate import validate_document
from timeline.dates import DateWarning
from timeline.segment import DateContext, segment_document
from timeline.segment.lines import SURVEY_CONTEXT
from timeline.text import read_source, undo_layout


def parse_document(data: bytes, *, name: str, year: int | None = None, category: str | None = None,
                   default_category: str = "综述", suffix: str | None = None,
                   file_name: str | None = None) -> ParsedDocument:
    """Parse one document. Its format, encoding and layout (yearbook, chronicle or prose) are
    detected; its year is `year`, else the one its title sets, else (a yearbook) the year its
    entries are dated in most or (a chronicle) the year it starts in, else one its file's name
    gives ("2019年大事记.html", "dashiji-2016.txt"; `file_name`, else `name`).
    `ParsedDocument.year_from` says which.

    Categories: a yearbook's come from its section headings; entries before the first
    heading take `category` or, without one, `default_category`. A chronicle's events all
    take `category`, else what its title line calls it ("大事记"), else `name`.
    The file format comes from the bytes; `suffix` (the file's, e.g. ".md") tells Markdown
    from plain text. Raises timeline.text.UnreadableDocument for a document that cannot be
    read (empty, binary, undecodable, a scanned or damaged PDF, ...).
    """
    source = read_source(data, name=name, suffix=suffix)
    structured, source_format = source.structured, source.format
    with COLLECTOR_PAUSED:
        layout = undo_layout(source.text, structured=structured)
        del source                              # the text lives on in the layout
        segmentation = segment_document(layout, structured=structured, year=year,
                                        fallback_year=year_in_name(file_name or name), category=category,
                                        default_category=default_category, name=name)
        line_of = layout.index.line
        del layout                              # its lines are in the entries now: freed before events are built
        year, year_from = segmentation.year, segmentation.year_from
        events, warnings = build_events(segmentation, document=name, year=year, line_of=line_of,
                                        default_category=category or default_category)
        kind, title = segmentation.layout, segmentation.title
        del segmentation                        # its entries are events now: freed before those are fitted
        if year is None:
            warnings = without_a_year(warnings, kind)
        # Fitted to what the store holds (dates in the supported years, lengths, no control
        # characters), with a warning for each change.
        return validate_document(ParsedDocument(name=name, year=year, layout=kind, events=events,
                                                warnings=warnings, title=title,
                                                format=source_format, year_from=year_from))


class _CollectorPause:
    """Python's cyclic garbage collector paused while a document is parsed (a context
    manager; nested and concurrent uses keep it paused until the last one ends).

    Layout, segmentation and events make millions of small objects a long document keeps
    alive (lines, entries, dates) and no reference cycles: the collector found nothing to
    free in them, but each full collection walked every object alive, more often and over
    more objects the longer the document, so its share grew with the size (a fifth of the
    time of a 5 MB chronicle). Reference counting frees everything as before. The readers
    (read_source: HTML, PDF and Word libraries build trees with cycles) run outside it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._resume = False

    def __enter__(self) -> None:
        with self._lock:
            if self._depth == 0:
                self._resume = gc.isenabled()
                gc.disable()
            self._depth += 1

    def __exit__(self, *exc_info) -> None:
        with self._lock:
            self._depth -= 1
            if self._depth == 0 and self._resume:
                gc.enable()


COLLECTOR_PAUSED = _CollectorPause()


def without_a_year(warnings: tuple[tuple[int, DateWarning], ...], layout: str) -> tuple[tuple[int, DateWarning], ...]:
    """The warnings of a document in which no year was found: one, on line 0 (the document's
    own), instead of one for each date that wanted it ("5日": no month; "同日": no day), which
    are left out; those that no year would mend ("2月30日") are kept. A yearbook warns only
    when some date wanted a year (most 【entries】 need none)."""
    kept = tuple((line, w) for line, w in warnings if not _wants_context(w))
    if len(kept) == len(warnings) and layout == "yearbook":
        return warnings
    return ((0, DateWarning("", (0, 0), NO_YEAR)), *kept)


NO_YEAR = ("no year found (none given, none in the title, headings, entries or file name): "
           "the dates that need one are not read; give it with --year")


def _wants_context(warning: DateWarning) -> bool:
    """A warning the context would mend: its text reads as a date where a year and a day
    are in force."""
    found = SURVEY_CONTEXT.resolve(warning.text)
    return bool(found.mentions) and not found.warnings


def year_in_name(name: str) -> int | None:
    """The year a document's file name gives: a date in it ("2019年大事记.html"), else a
    standalone number of four digits within the supported years ("dashiji-2016.txt",
    "county_2021_events.md"; not "20190131" nor "v2016")."""
    mentions = DateContext().resolve(name).mentions
    written = next((m.start.year for m in mentions if not m.relative), None)
    if written is not None:
        return written
    return next((int(m.group()) for m in _YEAR_IN_NAME.finditer(name)
                 if FIRST_YEAR <= int(m.group()) <= LAST_YEAR), None)


_YEAR_IN_NAME = re.compile(r"(?<![0-9A-Za-z])[0-9]{4}(?![0-9A-Za-z])")
