"""Entries -> Events: dates, moments, tags, captions, footnotes and stable keys."""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from timeline.dates import DateSpan, DateWarning, Precision, resolve
from timeline.events import vocabulary as v
from timeline.events.captions import Placed, place_captions
from timeline.events.extent import extent
from timeline.events.keys import event_key, unique_keys
from timeline.events.model import Event, EventKind, Source
from timeline.events.moments import moments_of
from timeline.events.tags import tags_for
from timeline.segment import DateContext, Entry, Segmentation, from_context, whole_year
from timeline.segment.titles import first_clause
from timeline.text import Caption

Warnings = list[tuple[int, DateWarning]]


def first_sentence(body: str) -> str:
    match = v.FIRST_SENTENCE.match(body)
    return match.group(0) if match else body


def summary_of(body: str, lead: str | None = None) -> str:
    """The first sentence on one line (`lead`, when the caller has it), shortened."""
    lead = (first_sentence(body) if lead is None else lead).replace("\n", "")
    if len(lead) > v.SUMMARY_MAX_CHARS:
        return lead[:v.SUMMARY_MAX_CHARS - 1] + "…"
    return lead


def _at_start(body: str, mention: DateSpan) -> bool:
    return not body[:mention.span[0]].strip(" ，,：:、")


def _yearbook_primary(entry: Entry, mentions: tuple[DateSpan, ...], year: int | None) -> DateSpan | None:
    """A yearbook entry's range: the date its text starts with, else the first date of its
    first sentence; an overview covers its year."""
    body = entry.body.text
    first = mentions[0] if mentions else None
    if entry.role == "xref":
        return None
    if entry.role == "overview":
        if first is not None and _at_start(body, first) and first.precision == Precision.YEAR:
            return first
        return whole_year(year) if year else None
    if first is not None and _at_start(body, first):
        return first
    lead_end = len(first_sentence(body))
    return first if first is not None and first.span[0] < lead_end else None


def _title(entry: Entry, year: int | None, default_category: str) -> str:
    if entry.role != "overview":
        # Every event has a title: an empty 【】 or a bare date line takes its first clause.
        return entry.title or first_clause(entry.body.text) or v.UNTITLED
    if entry.category == default_category and year:
        return v.OVERVIEW_TITLE_FOR_YEAR.format(year=year, word=entry.title)
    return v.OVERVIEW_TITLE.format(category=entry.category, word=entry.title)


def _caption_date(caption: Caption, year: int | None, line: int, warnings: Warnings) -> DateSpan | None:
    found = resolve(caption.text, year=year)
    warnings.extend((line, w) for w in found.warnings)
    first = found.mentions[0] if found.mentions else None
    return first if first is not None and _at_start(caption.text, first) else None


def build_events(segmentation: Segmentation, *, document: str, year: int | None,
                 line_of: Callable[[int], int], default_category: str = "综述",
                 ) -> tuple[tuple[Event, ...], tuple[tuple[int, DateWarning], ...]]:
    """Events of a segmented document and the impossible dates met, with their lines
    (`line_of` maps an original offset to its 1-based line)."""
    yearbook = segmentation.layout == "yearbook"
    entries = segmentation.entries
    warnings: Warnings = []
    mentions: list[tuple[DateSpan, ...]] = []
    primaries: list[DateSpan | None] = []
    in_year = DateContext(year=year)
    for entry in entries:
        body = entry.body.text
        if yearbook and entry.date is None and entry.context.previous is None:
            found = in_year.resolve(body)
            primary = _yearbook_primary(entry, found.mentions, year)
        else:
            # Read where the segmentation read it: after the date before the entry.
            context = entry.context if entry.context.previous or entry.context.year else in_year
            found = entry.found or context.resolve(body)
            primary = extent(body, entry.date, found.mentions) if entry.date else None
        warnings.extend((line_of(entry.body.origin(w.span[0])), w) for w in found.warnings)
        mentions.append(found.mentions)
        primaries.append(primary)

    found_captions = [[Placed(c, _caption_date(c, year, c.line, warnings)) for c in e.captions]
                      for e in entries]
    titles = [None if e.role == "overview" else e.title for e in entries]
    placed = place_captions(titles, primaries, found_captions)

    events = []
    for index, entry in enumerate(entries):
        primary = primaries[index]
        if primary is None and entry.role == "xref":
            dated = next((p.date for p in placed[index] if p.date is not None), None)
            primary = from_context(dated) if dated else None
        body = entry.body.text
        lead = first_sentence(body)
        title = _title(entry, year, default_category)
        events.append(Event(
            key=event_key(document, entry.category, title, primary.start if primary else None),
            title=title,
            category=entry.category,
            kind=EventKind(entry.role),
            body=body,
            summary=summary_of(body, lead),
            source=Source(line=entry.line, offset=entry.offset),
            primary=primary,
            tags=() if entry.role == "overview" else tags_for(title, lead),
            mentions=mentions[index],
            moments=moments_of(body, primary, mentions[index]),
            footnotes=entry.footnotes,
            captions=tuple(p.caption.text for p in placed[index]),
            position=index,
        ))
    keys = unique_keys([e.key for e in events])
    events = [e if e.key == k else replace(e, key=k) for e, k in zip(events, keys)]
    return tuple(events), tuple(sorted(warnings, key=lambda item: item[0]))
