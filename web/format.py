"""Dates written the Chinese way, and event bodies with their date mentions highlighted.

Pure presentation helpers (no Flask request, no database): the templates call them as
filters, the tests call them directly.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher
from datetime import date

from markupsafe import Markup, escape

from timeline.dates.label import label, label_range
from timeline.dates.span import DateSpan, PartOfDay, Precision
from timeline.store.search.match import search_words  # noqa: F401  (the words the store matches, highlighted here)


def format_range(start: date, end: date, precision: Precision | str, *, part_of_day: PartOfDay | str | None = None,
                 time: str | None = None, end_time: str | None = None, with_year: bool = False) -> str:
    """"9月16日—17日", "6月下旬", "9月", "2020年" (timeline.dates.label writes them all).

    The year is written when `with_year` is true, when the range crosses a year, and always
    for whole-year precisions (上半年, 第三季度 and 2020年 mean nothing without it).
    """
    return label_range(start, end, precision, part_of_day=part_of_day, time=time, end_time=end_time,
                       with_year=with_year)


def format_span(span: DateSpan | None, *, with_year: bool = False) -> str:
    """A resolved mention or an event's primary range; "" for an undated event."""
    return "" if span is None else label(span, with_year=with_year)


def mention_title(span: DateSpan) -> str:
    """The tooltip of a highlighted mention: the range in words and in ISO dates."""
    iso = span.start.isoformat() if span.start == span.end else f"{span.start.isoformat()} 至 {span.end.isoformat()}"
    return f"{format_span(span, with_year=True)}（{iso}）"


def highlight(body: str, mentions: Iterable[DateSpan]) -> Markup:
    """`body` escaped piece by piece, each date mention wrapped in <mark> with its range.

    Spans index into `body`. A span that overlaps an earlier one or falls outside the body
    is left unmarked rather than breaking the text.
    """
    out: list[str] = []
    pos = 0
    for span in sorted(mentions, key=lambda m: (m.span[0], -m.span[1])):
        a, b = span.span
        if a < pos or b > len(body) or a >= b:
            continue
        out.append(escape(body[pos:a]))
        out.append(Markup('<mark class="date" title="{}">{}</mark>').format(mention_title(span), body[a:b]))
        pos = b
    out.append(escape(body[pos:]))
    return Markup("").join(out)


PRECISION_WORDS = {Precision.XUN: "旬", Precision.MONTH: "月", Precision.SEASON: "季节",
                   Precision.QUARTER: "季度", Precision.HALF: "半年", Precision.YEAR: "年",
                   Precision.PLAN: "五年规划期", Precision.DECADE: "年代", Precision.CENTURY: "世纪"}


def vagueness(precision: Precision | None) -> str | None:
    """"月" for an event the source dates only to a month ("原文只记到月"); None for a day."""
    return PRECISION_WORDS.get(precision) if precision else None


# ------------------------------------------------------------------ listings and search
SUMMARY_BEYOND = 10        # characters a summary must add to its title to be worth a line
SNIPPET = 60               # characters of body shown around a search match
_LEAD_PUNCTUATION = "，,、：: 　"


def summary_beyond_title(event) -> str | None:
    """The summary without its leading date, when it says more than the title; else None.

    A chronicle's summary is mostly "<date>，<title>。": repeating it costs a line per event.
    """
    summary = event.summary or ""
    primary = event.primary
    if primary is not None and primary.span[0] == 0 and summary.startswith(primary.text):
        summary = summary[len(primary.text):].lstrip(_LEAD_PUNCTUATION)
    matcher = SequenceMatcher(None, summary, event.title, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    return summary if len(summary) - shared >= SUMMARY_BEYOND else None


def _word_pattern(words: Iterable[str]) -> re.Pattern | None:
    words = sorted((w for w in words if w), key=len, reverse=True)    # longest first
    return re.compile("|".join(map(re.escape, words)), re.IGNORECASE) if words else None


def mark_words(text: str, words: Iterable[str]) -> Markup:
    """`text` escaped, each occurrence of a search word in <mark class="hit">."""
    pattern = _word_pattern(words)
    if pattern is None:
        return Markup(escape(text))
    out, pos = [], 0
    for match in pattern.finditer(text):
        out += [escape(text[pos:match.start()]), Markup('<mark class="hit">{}</mark>').format(match.group())]
        pos = match.end()
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def snippet(body: str, words: Iterable[str]) -> str | None:
    """About SNIPPET characters of `body` around the first search word, with ellipses; None
    when no word is in the body (the match was in the title)."""
    pattern = _word_pattern(words)
    match = pattern.search(body) if pattern else None
    if match is None:
        return None
    start = max(0, match.start() - SNIPPET // 3)
    end = min(len(body), start + SNIPPET)
    return ("…" if start else "") + body[start:end] + ("…" if end < len(body) else "")
