"""What each line of a chronicle or prose document is: its mark and whether a date opens it.

A line's mark (Markdown heading, section number, list item, same-day mark, group marker)
comes from the structure vocabulary; whether a date opens its text comes from the date
resolver itself (a mention or warning whose span starts where the text starts), so that a
line opens with a date in exactly the forms `timeline.dates` reads.
"""
from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from timeline.dates import (CalendarKind, DateSpan, DateWarning, Precision, Resolution, calendar_in_force,
                            may_open)
from timeline.segment import vocabulary as v
from timeline.segment.context import DateContext
from timeline.text import CleanText, clean_line
from timeline.text.clean import OFFSETS

# The text read to see whether a date opens a line: dates at the start of a line are
# short, so only its head is resolved (the whole line when a date runs to the head's end).
HEAD_CHARS = 24
# The context lines are surveyed in, before the true one is known: any year and day will
# do to see whether a date opens a line ("同日", "14时" need a day to count from).
_ANY_DAY = date(2000, 1, 1)
SURVEY_CONTEXT = DateContext(previous=DateSpan("", (0, 0), _ANY_DAY, _ANY_DAY, Precision.DAY),
                             year=_ANY_DAY.year)

Mark = str   # "heading" | "section" | "group" | "bracket" | "item" | "same_day" | "continued" | "text"


@dataclass(frozen=True, slots=True)
class Shape:
    mark: Mark
    start: int          # where the line's own text starts, after its mark
    level: int = 0      # a Markdown heading's level


def line_shape(text: str) -> Shape:
    """The mark a line opens with, if any."""
    if text.startswith("#"):
        match = v.MARKDOWN_HEADING.match(text)
        if match and match.end() < len(text):
            return Shape("heading", match.end(), len(match["level"]))
    if text.startswith("【"):
        if v.GROUP_MARKER.match(text):
            # "【1月】" is a month heading written in brackets: its text is the date it holds.
            return Shape("text", 1) if is_date_heading(text[1:]) else Shape("group", 1)
        if v.BRACKET_HEAD.match(text):
            return Shape("bracket", 1)
    match = _MARKS.match(text)
    if match and match.end() < len(text):
        return Shape(match.lastgroup, match.end())
    return Shape("text", 0)


# The marks a line may open with, tried in this order in one match.
_MARKS = re.compile("|".join(f"(?P<{mark}>{pattern.pattern.removeprefix('^')})" for mark, pattern in (
    ("same_day", v.SAME_DAY_MARK), ("continued", v.CONTINUATION_MARK),
    ("section", v.SECTION_NUMBER), ("item", v.LIST_ITEM))))


def bracket_title(text: str) -> str | None:
    """The title of a line that opens with one ("【概况】……" -> 概况), else None."""
    if not text.startswith(v.TITLE_OPEN) or v.TITLE_CLOSE not in text:
        return None
    return text[1:].partition(v.TITLE_CLOSE)[0].strip()


def without_markup(text: CleanText) -> CleanText:
    """`text` without inline Markdown and web markup: a link keeps its text, emphasis
    marks and <br> go. Origins are kept for every character left."""
    if "[" not in text.text and "*" not in text.text and "_" not in text.text and "<" not in text.text:
        return text
    drop: list[tuple[int, int]] = []
    for match in v.LINK.finditer(text.text):
        drop.append((match.start(), match.start("text")))
        drop.append((match.end("text"), match.end()))
    drop.extend(m.span() for m in v.EMPHASIS.finditer(text.text))
    if not drop:
        return text
    keep = bytearray(b"\x01") * len(text.text)
    for start, end in drop:
        keep[start:end] = bytes(end - start)
    chars = "".join(c for c, k in zip(text.text, keep) if k)
    origins = array(OFFSETS, (o for o, k in zip(text.origins, keep) if k))
    return CleanText(chars, origins)


def clean_piece(text: str, offset: int) -> CleanText:
    """A line's text as entries hold it: layout spaces and markup dropped. A wide gap after
    a date that opens the line is its separator, and becomes "，" where dropping it would
    run the date into the text: "春　大旱" is 春 and 大旱 ("春大旱" opens with no date),
    "是年冬　设立育婴堂" is 是年冬 ("是年冬设立……" opens with 是年); "5日　区委……" stays."""
    clean = without_markup(clean_line(text, offset))
    gap = _HEAD_GAP.match(text)
    if gap is None:
        return clean
    head = gap["head"]
    at = len(head)
    if not clean.text.startswith(head) or not _gap_ends_date(head, clean.text[at:at + 1]):
        return clean
    origins = array(OFFSETS, clean.origins)
    origins.insert(at, offset + at)                 # the gap's first space
    return CleanText(f"{head}，{clean.text[at:]}", origins)


# A short head without punctuation, then a wide gap: an ideographic space, a tab, or two
# spaces or more (one space is PDF spacing inside words: "2020 年 9 月"). The head may hold
# a bracketed gloss, as gazetteers write a reign year: "民国十六年（1927年）春　……".
_WORD = f"[^\\s{re.escape(v.CLAUSE_BREAK + v.SENTENCE_END)}（(【]"
_HEAD_GAP = re.compile(f"(?P<head>{_WORD}{{1,6}}|{_WORD}{{1,8}}[（(][^（()）\\s]{{1,12}}[）)]{_WORD}{{0,4}})"
                       r"(?:[\u3000\t][ \u3000\t]*| {2,})(?=\S)")


def opens_before_gap(text: str) -> bool:
    """Whether `text` opens with a short head and a wide gap (which clean_piece reads)."""
    return _HEAD_GAP.match(text) is not None


@lru_cache(maxsize=4096)
def _gap_ends_date(head: str, following: str) -> bool:
    """Whether `head` is a whole date that runs into `following` once the gap between them
    is dropped (it opens a line whole before a comma, and not before that character)."""
    closed = opening_date(head + "，", SURVEY_CONTEXT)
    if not (isinstance(closed, DateSpan) and closed.span[1] == len(head)):
        return False
    run_on = opening_date(head + following, SURVEY_CONTEXT)
    return not (isinstance(run_on, DateSpan) and run_on.span[1] == len(head))


def opening_date(text: str, context: DateContext) -> DateSpan | DateWarning | None:
    """The date `text` opens with, read in `context`: the first mention or warning, when it
    starts at the start of the text."""
    if not may_open(text):
        return None
    head = text[:HEAD_CHARS]
    found = _first(context, head)
    if found is not None and found.span[1] >= len(head) - 2 and len(text) > len(head):
        found = _first(context, text)      # the date may run on past the head
    return found


def read_line(text: str, context: DateContext) -> tuple[DateSpan | DateWarning | None, Resolution]:
    """The date `text` opens with (as `opening_date`) and every mention of it, read in
    `context`: an entry's first line, whose mentions its body keeps."""
    found = context.resolve(text)
    return _at_start(found), found


def _first(context: DateContext, text: str) -> DateSpan | DateWarning | None:
    return _at_start(context.resolve(text))


def _at_start(found: Resolution) -> DateSpan | DateWarning | None:
    """The first mention, else the first warning, when it starts at 0 (a mention before a
    warning at the same place)."""
    mentions, warnings = found.mentions, found.warnings
    if mentions and mentions[0].span[0] == 0:
        return mentions[0]
    if warnings and warnings[0].span[0] == 0:
        return warnings[0]
    return None


def date_heading(text: str, context: DateContext = SURVEY_CONTEXT) -> tuple[bool, DateSpan | None]:
    """Whether `text` is a heading line that is a date ("2019年", "三月", "清康熙十三年（1674年）",
    "2020年1月25日 初一", "2019年1月大事记": a short line that is its date and at most a
    gloss), and that date read in `context` (None where the context gives none: "1月" in a
    document with no year)."""
    if not is_date_heading(text):
        return False, None
    found = context.resolve(text)
    return True, found.mentions[0] if found.mentions and not found.warnings else None


@lru_cache(maxsize=4096)
def is_date_heading(text: str) -> bool:
    """The shape of a date heading, read in a stand-in context (whether a line is one does
    not depend on the year): a chronicle repeats its month headings, read once each."""
    if len(text) > v.HEADING_TEXT_MAX_CHARS or v.SENTENCE_PUNCTUATION.search(text):
        return False
    found = SURVEY_CONTEXT.resolve(text)
    return bool(found.mentions) and not found.warnings and _is_all_date(text, found.mentions)


def _is_all_date(text: str, mentions: tuple[DateSpan, ...]) -> bool:
    first = mentions[0]
    rest = list(text)
    for mention in mentions:
        rest[mention.span[0]:mention.span[1]] = [""] * (mention.span[1] - mention.span[0])
    left = v.BRACKETED.sub("", "".join(rest))
    for name in v.CHRONICLE_NAMES:
        left = left.replace(name, "")
    left = left.strip(v.TITLE_DECORATION)
    glossed = not first.relative and len(left) <= v.HEADING_GLOSS_MAX_CHARS
    return first.span[0] <= 1 and (not left or glossed)


def heading_date(text: str, context: DateContext) -> DateSpan | None:
    """The date a heading puts in force, read in `context`: the date it opens with ("### 1月26日
    （腊月十六）"), else the first one it writes out in full ("（一）第一阶段：……（2019年12月27日
    至2020年1月19日）", "汾江2021年大事记"): one context completes is only a passing mention."""
    mentions = context.resolve(text).mentions
    if mentions and mentions[0].span[0] <= 1:
        return mentions[0]
    return next((m for m in mentions if not m.relative), None)


def heading_calendar(text: str, context: DateContext) -> CalendarKind:
    """The calendar a heading puts in force: lunar when any of its dates is a Qing reign
    year, the gloss included ("1674年（康熙十三年）" as well as "清康熙十三年（1674年）")."""
    # A gloss joins the date it follows, so the one in brackets is read on its own as well.
    texts = [text, *(gloss.group()[1:-1] for gloss in v.BRACKETED.finditer(text))]
    kinds = {calendar_in_force(m) for part in texts for m in context.resolve(part).mentions}
    return CalendarKind.LUNAR if CalendarKind.LUNAR in kinds else CalendarKind.GREGORIAN


def looks_like_heading(text: str) -> bool:
    """A short line that is no sentence: a section title ("城市建设", "第一阶段：……")."""
    return (0 < len(text) <= v.HEADING_TEXT_MAX_CHARS
            and not v.SENTENCE_PUNCTUATION.search(text) and not text.endswith("。"))
