"""An event's extent from the words of its entry: the part of the day or clock time written
after its date ("23日 区图书馆于晚上在……举办", "- 下午，……" under a day heading), and a
later day its text ends it on ("……开幕，次日闭幕", "……至25日结束")."""
from __future__ import annotations

import re

from timeline.dates import DateSpan, Precision
from timeline.dates.span import span_with
from timeline.dates.tables import PART_OF_DAY
from timeline.segment.ending import EXTENDS, end_of
from timeline.segment.vocabulary import BRACKETED

_CLAUSE_END = re.compile(r"[，。；！？,;!?\n]|(?<![0-9A-Za-z.])\.")
_SEPARATORS = " \u3000，,、：:．."
# Parts of the day of two characters or more ("晚" alone opens 晚会, 晚报) anywhere in the
# first clause; any of them, "晚" too, when it is the whole clause ("1月24日（除夕）晚，……").
_PART_WORDS = re.compile("|".join(map(re.escape, sorted((w for w in PART_OF_DAY if len(w) > 1),
                                                         key=len, reverse=True))))
_PART_CLAUSE = re.compile("(?:" + "|".join(map(re.escape, sorted(PART_OF_DAY, key=len, reverse=True)))
                          + r")(?=[\s，,。；;]|$)")


def extent(body: str, primary: DateSpan, mentions: tuple[DateSpan, ...]) -> DateSpan:
    return extended(body, with_time_of_day(body, primary, mentions), mentions)


def _first_clause(body: str, primary: DateSpan) -> tuple[int, int]:
    """Where the first clause after the date starts and ends (separators and a gloss in
    brackets after the date skipped: "1月24日（除夕）晚，……")."""
    start = primary.span[1]
    gloss = BRACKETED.match(body, start)
    start = gloss.end() if gloss else start
    while start < len(body) and body[start] in _SEPARATORS:
        start += 1
    match = _CLAUSE_END.search(body, start)
    end = match.start() if match else len(body)
    if end == start and match:                 # a clause of time words alone: "下午，"
        following = _CLAUSE_END.search(body, end + 1)
        end = following.start() if following else len(body)
    return start, end


def with_time_of_day(body: str, primary: DateSpan, mentions: tuple[DateSpan, ...]) -> DateSpan:
    """A day without a time takes the clock time or part of the day its first clause gives."""
    if primary.precision != Precision.DAY or primary.start != primary.end:
        return primary
    if primary.time is not None or primary.part_of_day is not None:
        return primary
    start, end = _first_clause(body, primary)
    for mention in mentions:
        if start <= mention.span[0] < end and mention.time is not None and (
                mention.start, mention.end) == (primary.start, primary.end):
            return span_with(primary, time=mention.time, end_time=mention.end_time,
                           part_of_day=mention.part_of_day)
        if mention.span[0] >= end:
            break
    clause = body[start:end]
    word = _PART_CLAUSE.match(clause) or _PART_WORDS.search(clause)
    if word is None or any(start <= m.span[0] < start + word.start() for m in mentions):
        return primary
    return span_with(primary, part_of_day=PART_OF_DAY[word.group()][0])


def extended(body: str, primary: DateSpan, mentions: tuple[DateSpan, ...]) -> DateSpan:
    """A day, 旬 or month runs on to the later day the text ends it on (timeline.segment.ending):
    "11月中旬起……，至2022年2月底结束"."""
    if primary.precision not in EXTENDS:
        return primary
    for mention in mentions:
        if mention.span[0] < primary.span[1]:
            continue
        last = end_of(body, mention, primary)
        if last is not None:
            return span_with(primary, end=last)
    return primary
