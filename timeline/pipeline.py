"""File bytes -> ParsedDocument: read (any format), undo layout, segment, date and build events.

Pure: no database, no web. The one entry point is `parse_document`.
"""
from __future__ import annotations

import re

from timeline.events.build import build_events
from timeline.events.model import ParsedDocument
from timeline.events.validate import validate_document
from timeline.segment import detect_layout, infer_year, segment_chronicle, segment_yearbook
from timeline.text import read_source, undo_layout

_YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def parse_document(data: bytes, *, name: str, year: int | None = None, category: str | None = None,
                   default_category: str = "综述", suffix: str | None = None) -> ParsedDocument:
    """Parse one document. Its format (yearbook or chronicle) and encoding are detected;
    its year is `year`, else the year the text mentions most, else one in its `name`.

    Categories: a yearbook's come from its section headings; entries before the first
    heading take `category` or, without one, `default_category`. A chronicle's events all
    take `category`, else what its title line calls it ("大事记"), else `name`.
    The file format comes from the bytes; `suffix` (the file's, e.g. ".md") tells Markdown
    from plain text. Raises timeline.text.UnreadableDocument for a document that cannot be
    read (empty, binary, undecodable, a scanned or damaged PDF, ...).
    """
    source = read_source(data, name=name, suffix=suffix)
    text = source.text
    layout = undo_layout(text, structured=source.structured)
    kind = detect_layout(layout)
    if year is None:
        year = infer_year(text) or _year_in_name(name)
    if kind == "chronicle":
        segmentation = segment_chronicle(layout, category=category, name=name)
    else:
        segmentation = segment_yearbook(layout, default_category=category or default_category)
    events, warnings = build_events(segmentation, document=name, year=year, line_of=layout.index.line,
                                    default_category=category or default_category)
    # Fitted to what the store holds (dates in the supported years, lengths, no control
    # characters), with a warning for each change.
    return validate_document(ParsedDocument(name=name, year=year, layout=kind, events=events, warnings=warnings))


def _year_in_name(name: str) -> int | None:
    match = _YEAR_IN_NAME.search(name)
    return int(match[1]) if match else None
