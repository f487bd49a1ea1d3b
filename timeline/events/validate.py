"""One validation of a parsed document before any database sees it.

Pure: a ParsedDocument in, the same document fitted to what the service stores out, with a
warning for each change. Both databases then accept exactly the same documents:

- a date outside the supported years (timeline.events.limits) is dropped: the event keeps
  no date, the document no year (the resolver may still read such a date; nothing past
  the ends of the calendar reaches a feed or a page);
- titles, categories, tags and the document's name longer than their columns are
  shortened (ending in "…"), never refused;
- control characters (NUL included) are removed; date spans are moved to match.

A document that needs nothing comes back as the same object, and validating twice gives
no new warning, so the store can check again whatever reaches it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import fields, replace

from timeline.dates.span import DateSpan, DateWarning
from timeline.events import limits as L
from timeline.events.model import Event, Moment, ParsedDocument
from timeline.events.vocabulary import UNTITLED

Warnings = list[tuple[int, DateWarning]]


def supported(span: DateSpan) -> bool:
    """Whether the whole of `span` falls within the supported years."""
    return L.FIRST_YEAR <= span.start.year and span.end.year <= L.LAST_YEAR


def supported_year(year: int | None) -> bool:
    return year is None or L.FIRST_YEAR <= year <= L.LAST_YEAR


def out_of_range(what: str) -> str:
    return f"{what} outside the supported years {L.FIRST_YEAR}–{L.LAST_YEAR}: ignored"


def clean_text(text: str) -> str:
    """`text` without control characters."""
    return L.CONTROL.sub("", text) if L.CONTROL.search(text) else text


def one_line(text: str, limit: int) -> str:
    """`text` as one line without control characters, at most `limit` characters."""
    text = L.LINE_BREAK.sub(" ", clean_text(text)).strip()
    return text if len(text) <= limit else text[:limit - len(L.ELLIPSIS)] + L.ELLIPSIS


def fit_path(path: str) -> str:
    """A file path as the documents table holds it (provenance only: shortening is harmless)."""
    return one_line(path, L.MAX_PATH)


def validate_document(parsed: ParsedDocument) -> ParsedDocument:
    """`parsed` fitted to the store (see the module docstring); new warnings are appended."""
    warnings: Warnings = []
    name = _field(parsed.name, L.MAX_DOCUMENT_NAME, "document name", 0, warnings)
    year = parsed.year
    if not supported_year(year):
        warnings.append((0, DateWarning(str(year), (0, 0), out_of_range(f"document year {year}"))))
        year = None
    events = tuple(_event(e, warnings) for e in parsed.events)
    if not warnings and all(new is old for new, old in zip(events, parsed.events)):
        return parsed
    # One warning per distinct problem (a long category is met again in each of its events).
    unique = {(w.text, w.message): (line, w) for line, w in reversed(warnings)}
    warnings = sorted(unique.values(), key=lambda item: item[0])
    return replace(parsed, name=name, year=year, year_from=parsed.year_from if year is not None else None,
                   events=events, warnings=parsed.warnings + tuple(warnings))


def _field(text: str, limit: int, what: str, line: int, warnings: Warnings) -> str:
    fitted = one_line(text, limit)
    if fitted != text:
        reason = (f"{what} shortened to {limit} characters" if len(fitted) == limit and len(text) > limit
                  else f"{what}: control characters or line breaks removed")
        warnings.append((line, DateWarning(text[:40], (0, 0), reason)))
    return fitted


def _event(event: Event, warnings: Warnings) -> Event:
    line = event.source.line
    changes: dict = {}
    # Most events need nothing: each part is tested at the cost of a regex search or two,
    # and only what fails is fitted (the same fitting, the same warnings).
    if not _fits(event.title, L.MAX_TITLE):
        # Every event has a title: one of control characters only becomes the untitled mark.
        title = _field(event.title, L.MAX_TITLE, "title", line, warnings) or UNTITLED
        if title != event.title:
            changes["title"] = title
    if not _fits(event.category, L.MAX_CATEGORY):
        category = _field(event.category, L.MAX_CATEGORY, "category", line, warnings)
        if category != event.category:
            changes["category"] = category
    if not all(_fits(t, L.MAX_TAG) for t in event.tags) or len(set(event.tags)) < len(event.tags):
        tags = tuple(dict.fromkeys(t for t in (one_line(t, L.MAX_TAG) for t in event.tags) if t))
        if tags != event.tags:
            changes["tags"] = tags

    body, moved = _without_controls(event.body)
    if moved is not None:
        warnings.append((line, DateWarning(event.title[:40], (0, 0), "control characters removed from the text")))
        changes["body"] = body
    if moved is not None or not all(map(supported, event.mentions)):
        mentions = tuple(_moved(m, moved) for m in event.mentions if _kept(m, line, warnings))
        if mentions != event.mentions:
            changes["mentions"] = mentions
    primary = event.primary
    if primary is not None and not supported(primary):
        if primary.span == (0, 0) or primary not in event.mentions:   # a date from context: warn here
            warnings.append((line, DateWarning(primary.text, primary.span, out_of_range(f"date {primary.start}"))))
        primary = None
    if moved is not None or not all(supported(m.date) and _clean(m.text) for m in event.moments):
        moments = tuple(Moment(_moved(m.date, moved), clean_text(m.text)) for m in event.moments
                        if supported(m.date))
        if moments != event.moments:
            changes["moments"] = moments
    if primary is not None and moved is not None:
        primary = _moved(primary, moved)
    if primary is not event.primary and primary != event.primary:
        changes["primary"] = primary
    if not _clean(event.summary):
        changes["summary"] = clean_text(event.summary)
    for name in ("footnotes", "captions"):
        texts = getattr(event, name)
        if not all(map(_clean, texts)):
            changes[name] = tuple(clean_text(t) for t in texts)
    if not changes:
        return event
    # dataclasses.replace, without its per-field bookkeeping (a document whose dates are out
    # of range changes every event)
    return Event(*[changes[name] if name in changes else getattr(event, name) for name in _EVENT_FIELDS])


_EVENT_FIELDS = tuple(f.name for f in fields(Event))


def _clean(text: str) -> bool:
    """Whether `text` holds no control character (`clean_text` gives it back as it is)."""
    return L.CONTROL.search(text) is None


def _fits(text: str, limit: int) -> bool:
    """Whether `one_line(text, limit)` is `text` itself (a field that needs no fitting): not
    empty (an empty title is fitted), short enough, one line, no control characters, and
    nothing to strip."""
    return (0 < len(text) <= limit and _NOT_ONE_LINE.search(text) is None
            and not text[0].isspace() and not text[-1].isspace())


# What `one_line` removes or replaces inside a text.
_NOT_ONE_LINE = re.compile(f"{L.CONTROL.pattern}|{L.LINE_BREAK.pattern}")


def _kept(mention: DateSpan, line: int, warnings: Warnings) -> bool:
    if supported(mention):
        return True
    warnings.append((line, DateWarning(mention.text, mention.span, out_of_range(f"date {mention.start}"))))
    return False


def _without_controls(text: str) -> tuple[str, list[int] | None]:
    """`text` without control characters, and the offsets removed (None: nothing removed)."""
    if not L.CONTROL.search(text):
        return text, None
    return L.CONTROL.sub("", text), [m.start() for m in L.CONTROL.finditer(text)]


def _moved(span: DateSpan, removed: list[int] | None) -> DateSpan:
    """`span` in the text with the characters at `removed` taken out."""
    if removed is None:
        return span
    a, b = span.span
    return replace(span, text=clean_text(span.text), span=(a - bisect_left(removed, a), b - bisect_left(removed, b)))
