"""File bytes -> ParsedDocument: decode, undo layout, segment, date and build events.

Pure: no database, no web. The one entry point is `parse_document`.
"""
from __future__ import annotations

import re

from timeline.events.build import build_events
from timeline.events.model import ParsedDocument
from timeline.events.validate import validate_document
from timeline.segment import detect_layout, infer_year, segment_chronicle, segment_yearbook
from timeline.text import decode, undo_layout

_YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def parse_document(data: bytes, *, name: str, year: int | None = None, category: str | None = None,
                   default_category: str = "综述") -> ParsedDocument:
    """Parse one document. Its format (yearbook or chronicle) and encoding are detected;
    its year is `year`, else the year the text mentions most, else one in its `name`.

    Categories: a yearbook's come from its section headings; entries before the first
    heading take `category` or, without one, `default_category`. A chronicle's events all
    take `category`, else what its title line calls it ("大事记"), else `name`.
    Raises timeline.text.UnreadableDocument for empty, binary or undecodable bytes.
    """
    text = decode(data, name=name)
    layout = undo_layout(text)
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
