"""Prose (校史, 志): one event per dated sentence or clause; undated sentences are context.

A sentence is dated when a date opens it ("1897年（清光绪二十三年），……", "翌年，……",
"是年秋，……") or stands early in its first clause ("学校于1938年迁往……"). Inside a sentence,
a clause that opens with a date of another time starts another event ("……迁往某地，1899年
增设……"); one that only carries the event on ("……开幕，次日闭幕") does not.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from timeline.dates import DateSpan, Precision
from timeline.segment import vocabulary as v
from timeline.segment.context import DateContext, same_date
from timeline.segment.ending import end_of

# What may stand between a sentence's start and its date: spaces and opening quotes.
LEADING = " \u3000“\"‘'「『（("
# A date this early in a sentence's first clause dates the sentence ("学校于1938年……").
LEAD_MAX_CHARS = 12
# A clause dated within this many days after the event's date carries the event on.
CARRIES_ON_DAYS = 2


@dataclass(frozen=True, slots=True)
class DatedSentence:
    start: int                     # where the event's text starts in the paragraph
    date: DateSpan                 # its date, spans in the paragraph
    previous: DateSpan | None      # the mention before it (what relative words counted from)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch in v.SENTENCE_END:
            spans.append((start, i + 1))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _carries_on(text: str, mention: DateSpan, current: DateSpan | None) -> bool:
    """Whether a clause dated `mention` carries on the event dated `current`: the same date,
    a relative date that holds it ("当年"), a day at most CARRIES_ON_DAYS after it, or the
    day the text ends it on ("……开幕，11日闭幕",
    "……，至15日结束": timeline.segment.ending)."""
    if current is None:
        return False
    if (mention.start, mention.end) == (current.start, current.end):
        return True
    if mention.relative and mention.start <= current.start and current.end <= mention.end:
        return True                     # "……恢复招生，当年录取新生160名": the time it is in
    if current.precision == Precision.DAY and end_of(text, mention, current) is not None:
        return True
    return (mention.precision == Precision.DAY and current.precision == Precision.DAY
            and 0 <= (mention.start - current.end).days <= CARRIES_ON_DAYS)


# Precisions from the finest: a date refines another of a coarser one that holds it.
_FINENESS = (Precision.DAY, Precision.XUN, Precision.MONTH, Precision.SEASON, Precision.QUARTER,
             Precision.HALF, Precision.YEAR)


def _refines(mention: DateSpan, current: DateSpan) -> bool:
    """Whether `mention` is a finer date inside `current` ("9月" in 1958 after "1958年，")."""
    if mention.precision not in _FINENESS or current.precision not in _FINENESS:
        return False
    return (_FINENESS.index(mention.precision) < _FINENESS.index(current.precision)
            and current.start <= mention.start and mention.end <= current.end)


def _tied_in_clause(text: str, at: int) -> int:
    """Where the clause starts when the date at `at` is tied into it by a preposition soon
    after its start ("……后，学校于1938年迁往……"); -1 otherwise."""
    if not at or text[at - 1] not in v.DATE_PREPOSITIONS:
        return -1
    start = at - 1
    while start > 0 and text[start - 1] not in v.CLAUSE_BREAK and at - start <= LEAD_MAX_CHARS:
        start -= 1
    return start if start == 0 or text[start - 1] in v.CLAUSE_BREAK else -1


def dated_sentences(text: str, context: DateContext) -> list[DatedSentence]:
    mentions = context.resolve(text).mentions
    found: list[DatedSentence] = []
    k = 0                                       # the next mention to look at
    current: DateSpan | None = None
    for start, end in sentence_spans(text):
        opening = start
        while opening < end and text[opening] in LEADING:
            opening += 1
        first_clause_end = next((i for i in range(opening, end) if text[i] in v.CLAUSE_BREAK), end)
        while k < len(mentions) and mentions[k].span[0] < opening:
            k += 1
        first = True
        bare = -1               # the event this sentence opened with a clause of its date alone
        while k < len(mentions) and mentions[k].span[0] < end:
            mention = same_date(mentions[k], current, text) if current is not None else mentions[k]
            at = mention.span[0]
            before = text[at - 1] if at > 0 else ""
            if bare >= 0 and _refines(mention, current):
                # "1958年，学校于9月迁入新址": the event is in September 1958 (its year is
                # written, as the opener's is), its text after the clause of its year.
                mention = replace(mention, relative=current.relative)
                found[bare] = DatedSentence(first_clause_end + 1, mention, found[bare].previous)
                current, bare = mention, -1
                k += 1
                continue
            bare = -1
            if first and (at == opening or (at < first_clause_end and at - opening <= LEAD_MAX_CHARS
                                            and text[at - 1] not in LEADING)):
                dated = at if at == opening else opening
            elif first and at >= first_clause_end:
                # The sentence's first date, in a later clause: it dates the sentence where
                # it opens a clause or is tied into one ("……前身为某所，创办于1923年秋，……").
                dated = opening if before in v.CLAUSE_BREAK or _tied_in_clause(text, at) >= 0 else -1
            elif not first and not _carries_on(text, mention, current):
                dated = at if before in v.CLAUSE_BREAK else _tied_in_clause(text, at)
            else:
                dated = -1
            if dated >= 0:
                found.append(DatedSentence(dated, mention, mentions[k - 1] if k else context.previous))
                current = mention
                if first and at == opening and mention.span[1] == first_clause_end < end - 1:
                    bare = len(found) - 1
            first = False
            k += 1
    return found
