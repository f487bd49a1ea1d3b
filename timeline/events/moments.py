"""Moments: dated sub-parts of an event ("9月16日下午，袁家军考察……")."""
from __future__ import annotations

from datetime import timedelta

from timeline.dates import DateSpan, Precision
from timeline.events.model import Moment
from timeline.events.vocabulary import BEFORE_DATE, MOMENT_REACH_DAYS, SENTENCE_BREAK
from timeline.segment.titles import first_clause


def opens_sentence(text: str, start: int) -> bool:
    """Whether text[start:] begins a sentence or paragraph (quotes and spaces aside)."""
    i = start - 1
    while i >= 0 and text[i] in BEFORE_DATE:
        i -= 1
    return i < 0 or text[i] in SENTENCE_BREAK


def moments_of(body: str, primary: DateSpan | None, mentions: tuple[DateSpan, ...]) -> tuple[Moment, ...]:
    """Every mention after the primary one that opens a sentence and falls on a day inside
    the primary range or next to it, with the clause it introduces."""
    if primary is None:
        return ()
    reach = timedelta(days=MOMENT_REACH_DAYS)
    moments = []
    for mention in mentions:
        if mention.span[0] <= primary.span[0] or mention.precision != Precision.DAY:
            continue
        inside = primary.start - reach <= mention.start and mention.end <= primary.end + reach
        if inside and opens_sentence(body, mention.span[0]):
            moments.append(Moment(date=mention, text=first_clause(body[mention.span[1]:].lstrip("，,：: "))))
    return tuple(moments)
