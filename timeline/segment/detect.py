"""Which layout a document has (vocabulary.LAYOUTS), from one survey of its lines.

The survey reads every line once: its mark, and whether a date may open it (the resolver's
grammar matches at its start). Only a bounded sample is resolved (whether dates open with
years, whether paragraphs hold dated sentences); the segmenters read the dates that open
entries in their true context.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import islice
from typing import Iterable

from timeline.dates import DateSpan, DateWarning, Precision, date_starts, may_open
from timeline.segment import vocabulary as v
from timeline.segment.lines import (SURVEY_CONTEXT, Shape, bracket_title, clean_piece, is_date_heading, line_shape,
                                    opening_date, opens_before_gap)
from timeline.text import CleanText, Layout, TextLine
from timeline.text.layout import display_width


_ITEM_MARKS = ("item", "same_day", "section")
_MARKUP = ("*", "_", "[", "<")


class LineInfo:
    """A line as the survey saw it: its mark, and whether a date may open its text (the
    resolver's grammar matches there). Its cleaned text, and the date it opens with, are
    made when first asked for: most lines never are."""

    __slots__ = ("shape", "raw", "offset", "may_date", "_clean", "_opens")

    def __init__(self, shape: Shape, raw: str, offset: int) -> None:
        self.shape, self.raw, self.offset = shape, raw, offset
        self.may_date, self._clean, self._opens = False, None, False

    @property
    def clean(self) -> CleanText:
        """The line's own text (after its mark) without layout spaces and markup, with the
        offsets of its characters in the original."""
        if self._clean is None:
            self._clean = clean_piece(self.raw, self.offset)
        return self._clean

    @property
    def text(self) -> str:
        clean = self._clean                     # (asked several times a line: no second property call)
        return (clean if clean is not None else self.clean).text

    @property
    def opens(self) -> DateSpan | DateWarning | None:
        """The date its text opens with, read in a stand-in context (what kind of date it is;
        which day is for the segmenter to read in the true context)."""
        if self._opens is False:
            self._opens = opening_date(self.text, SURVEY_CONTEXT) if self.may_date else None
        return self._opens


@dataclass(frozen=True, slots=True)
class Survey:
    layout: str
    lines: tuple[LineInfo, ...]
    wrapped: bool                # fixed-width text (PDF): a line is not a paragraph
    year_grain: bool             # dated lines open with years: a year is an entry's date
    entry_titles: int = 0        # 【title】 lines with an entry's text after them
    dated: tuple[int, ...] = ()  # the lines that may open an entry with a date


def survey(layout: Layout, *, structured: bool = False) -> Survey:
    lines = layout.lines
    infos = tuple(_info(line) for line in lines)
    wrapped = not structured and is_wrapped(lines)
    titled = entry_titles = 0
    dated: list[int] = []             # lines that may open an entry with a date (date headings too)
    for i, (line, info) in enumerate(zip(lines, infos)):
        title = bracket_title(line.text)
        if title is not None and not info.may_date:
            if title in v.NOTE_TITLES:
                continue                  # a note's bracket ("【注】"): no entry's title
            # a 【title】, unless it is a group marker over items ("【中国】" then "- ……")
            titled += i + 1 == len(infos) or infos[i + 1].shape.mark not in _ITEM_MARKS
            entry_titles += _has_entry_text(lines, infos, i)
        elif info.may_date and _starts_entry(lines, infos, i, wrapped):
            dated.append(i)
    kind = _layout(titled, dated, infos)
    return Survey(kind, infos, wrapped, kind == "chronicle" and year_grain(infos[i] for i in dated),
                  entry_titles, tuple(dated))


def _has_entry_text(lines: tuple[TextLine, ...], infos: tuple[LineInfo, ...], i: int) -> bool:
    """Whether the 【title】 of line i has an entry's text: after it on its line, or on the
    next line when that is plain undated text ("【概况】　2019年，全区……"; not "【打印本页】")."""
    after = lines[i].text.partition(v.TITLE_CLOSE)[2].strip()
    if after:
        return len(after) >= v.ENTRY_TEXT_MIN_CHARS
    following = infos[i + 1] if i + 1 < len(infos) else None
    return (following is not None and following.shape.mark == "text" and not following.may_date
            and not lines[i + 1].text.startswith(v.TITLE_OPEN) and len(following.raw) >= v.ENTRY_TEXT_MIN_CHARS)


def _layout(titled: int, dated: list[int], infos: tuple[LineInfo, ...]) -> str:
    if titled >= 2 and len(dated) <= 2 * titled:
        return "yearbook"
    if len(dated) >= 2 and not _reads_as_prose(infos, dated):
        return "chronicle"
    return "yearbook" if titled and not dated else "prose"


def year_grain(lines: Iterable[LineInfo]) -> bool:
    """Whether a chronicle's entries open with years ("1985年 ……", a 年表): read on a sample
    of the lines that may open with a date. Date headings are no entries: a year heading
    ("2019年") over its months says nothing of the grain, and month headings ("5月") say the
    entries are finer than years (a year opening a line under them is a statistic)."""
    read: list[DateSpan] = []
    months = 0                      # date headings finer than a year
    for info in islice((i for i in lines if i.may_date), v.YEAR_GRAIN_SAMPLE):
        span = info.opens
        if not isinstance(span, DateSpan):
            continue
        if is_date_heading(info.text):
            months += span.precision != Precision.YEAR
        else:
            read.append(span)
    years = sum(span.precision == Precision.YEAR and not span.relative for span in read)
    return bool(read) and years > months and years >= v.YEAR_GRAIN_SHARE * len(read)


def _info(line: TextLine) -> LineInfo:
    shape = line_shape(line.text)
    info = LineInfo(shape, line.text[shape.start:], line.offset + shape.start)
    # The grammar reads dates across layout spaces, so most lines are ruled out before they
    # are cleaned; markup first ("**1月2日**") is cleaned away before the test, and so is a
    # wide gap after the head ("春　大旱": clean_piece makes it a comma).
    if shape.mark != "group" and (may_open(info.raw) or info.raw.startswith(_MARKUP) or opens_before_gap(info.raw)):
        info.may_date = may_open(info.text)
    return info


def ends_sentence(text: str) -> bool:
    """Whether a line ends a sentence: at a full stop, "！", "？", "；", "…", or an ASCII "." not
    after a Latin letter or digit (a web page typed with ASCII punctuation: "……警示教育片.",
    "……增长9.1%."; not "增长1.", "Ltd.")."""
    text = text.rstrip("”’」』）)》\"'")
    if text.endswith("."):
        return len(text) > 1 and not (text[-2].isascii() and text[-2].isalnum())
    return text.endswith(_SENTENCE_ENDS)


_SENTENCE_ENDS = tuple(v.SENTENCE_END + "…")


def runs_on(line: TextLine) -> bool:
    """A line that stops inside a sentence, at a comma ("……运动会开幕，" then "次日闭幕。"):
    the next line carries it on, in any text (a short PDF page is not seen as wrapped)."""
    return not line.ends_paragraph and line.text.endswith(v.RUN_ON_ENDS)


def _starts_entry(lines: tuple[TextLine, ...], infos: tuple[LineInfo, ...], i: int, wrapped: bool) -> bool:
    """Whether a dated line can open an entry where it stands: always, unless the line
    before ran on into it: at a comma, or anywhere short of a sentence's end in wrapped text
    ("……大会于\\n16日闭幕。")."""
    if i == 0 or infos[i].shape.mark != "text":
        return True
    before = lines[i - 1]
    if not wrapped:
        return not runs_on(before)
    return before.ends_paragraph or ends_sentence(before.text) or infos[i - 1].shape.mark != "text"


def is_wrapped(lines: tuple[TextLine, ...]) -> bool:
    """Fixed-width text: many lines are as wide as the commonest width (the column)."""
    widths = Counter(round(display_width(line.text)) for line in lines
                     if len(line.text) >= v.WRAP_MIN_LINE_CHARS)
    total = sum(widths.values())
    if total < 8:
        return False
    best = max(widths[w - 1] + widths[w] + widths[w + 1] for w in widths)
    return best >= v.WRAP_SHARE * total


def _reads_as_prose(infos: tuple[LineInfo, ...], dated: list[int]) -> bool:
    """Prose holds dated sentences inside its paragraphs; a chronicle's entries and headings
    open with their dates, and its entries rarely hold another date that opens a sentence.
    The dated sentences inside paragraphs are counted on the plain lines that hold more than
    one sentence (a bounded sample of them; items and numbered lines are a chronicle's), and
    weighed against the whole structure of the same stretch of the document: every line that
    opens with a date, single sentences included, and date headings ("2019年", "1月") twice,
    for prose has none. So a few statistics in a chronicle's bodies ("2018年，全县有……。
    2019年1—4月，……") do not make it prose."""
    from timeline.segment.prose import dated_sentences

    sample = list(islice((i for i, info in enumerate(infos) if info.shape.mark == "text"
                          and _INNER_SENTENCE_END.search(info.text, 0, len(info.text) - 1)),
                         v.PROSE_SAMPLE_PARAGRAPHS))
    if not sample:
        return False
    inner = sum(1 for i in sample if _may_date_inside(infos[i].text)
                for found in dated_sentences(infos[i].text, SURVEY_CONTEXT) if found.start > 0)
    # the dated line starts of the stretch sampled: the whole document unless it was cut short
    stretch = dated[:bisect_right(dated, sample[-1])] if len(sample) == v.PROSE_SAMPLE_PARAGRAPHS else dated
    headings = sum(1 for i in stretch if is_date_heading(infos[i].text))
    return inner >= 2 and inner >= v.PROSE_INNER_DATES_PER_PARAGRAPH * (len(stretch) + headings)


# A sentence end before a line's last character: the line holds more than one sentence.
_INNER_SENTENCE_END = re.compile(f"[{re.escape(v.SENTENCE_END)}]")


def _may_date_inside(text: str) -> bool:
    """Whether `text` may hold a dated sentence that starts after its start: not when the
    only place a date may stand (timeline.dates.date_starts) is its very start (a date at
    the start dates the first sentence from there; one date makes one dated sentence)."""
    from timeline.segment.prose import LEADING

    starts = date_starts(text)
    return len(starts) > 1 or (len(starts) == 1 and (starts[0] > 0 or text[:1] in LEADING))
