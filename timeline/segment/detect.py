"""Which layout a document has (vocabulary.LAYOUTS), from one survey of its lines.

The survey reads every line once: its mark, and whether a date opens it (resolved in a
stand-in context: whether a date is there does not depend on which year it is). The
segmenters reuse it, so no line's head is read twice.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from timeline.dates import DateSpan, DateWarning, Precision, may_open
from timeline.segment import vocabulary as v
from timeline.segment.lines import HEAD_CHARS, SURVEY_CONTEXT, Shape, clean_piece, line_shape, opening_date
from timeline.text import Layout, TextLine
from timeline.text.layout import display_width


_ITEM_MARKS = ("item", "same_day", "section")
_MARKUP = ("*", "_", "[", "<")


class LineInfo:
    """A line as the survey saw it: its mark, and the date its text opens with (read in a
    stand-in context). Its cleaned text is made when first asked for: most lines never are."""

    __slots__ = ("shape", "raw", "opens", "_text")

    def __init__(self, shape: Shape, raw: str, opens: DateSpan | DateWarning | None) -> None:
        self.shape, self.raw, self.opens, self._text = shape, raw, opens, None

    @property
    def text(self) -> str:
        """The line's own text (after its mark) without layout spaces and markup."""
        if self._text is None:
            self._text = clean_piece(self.raw, 0).text
        return self._text

    @property
    def year_only(self) -> bool:
        """Opens with a year and nothing finer, written out ("2018年，全市……")."""
        return (isinstance(self.opens, DateSpan) and self.opens.precision == Precision.YEAR
                and not self.opens.relative)


@dataclass(frozen=True, slots=True)
class Survey:
    layout: str
    lines: tuple[LineInfo, ...]
    wrapped: bool                # fixed-width text (PDF): a line is not a paragraph
    year_grain: bool             # dated lines open with years: a year is an entry's date


def survey(layout: Layout, *, structured: bool = False) -> Survey:
    lines = layout.lines
    infos = tuple(_info(line) for line in lines)
    wrapped = not structured and is_wrapped(lines)
    titled = dated = year_dated = 0
    for i, (line, info) in enumerate(zip(lines, infos)):
        if line.text.startswith(v.TITLE_OPEN) and v.TITLE_CLOSE in line.text:
            # a 【title】, unless it is a group marker over items ("【中国】" then "- ……")
            titled += i + 1 == len(infos) or infos[i + 1].shape.mark not in _ITEM_MARKS
        elif info.opens is not None and _starts_entry(lines, infos, i, wrapped):
            dated += 1
            year_dated += info.year_only
    year_grain = dated > 0 and year_dated >= v.YEAR_GRAIN_SHARE * dated
    if titled >= 2 and dated <= 2 * titled:
        kind = "yearbook"
    elif dated >= 2 and not _reads_as_prose(infos):
        kind = "chronicle"
    elif titled and not dated:
        kind = "yearbook"
    else:
        kind = "prose"
    return Survey(kind, infos, wrapped, year_grain)


def _info(line: TextLine) -> LineInfo:
    shape = line_shape(line.text)
    info = LineInfo(shape, line.text[shape.start:], None)
    # The grammar reads dates across layout spaces, so most lines are ruled out before they
    # are cleaned; markup first ("**1月2日**") is cleaned away before the test.
    if shape.mark != "group" and (may_open(info.raw) or info.raw.startswith(_MARKUP)):
        head = clean_piece(info.raw[:2 * HEAD_CHARS], 0).text     # layout spaces may double it
        info.opens = opening_date(head, SURVEY_CONTEXT)
    return info


def ends_sentence(text: str) -> bool:
    return text.rstrip("”’」』）)》\"'").endswith(tuple(v.SENTENCE_END + "…"))


def _starts_entry(lines: tuple[TextLine, ...], infos: tuple[LineInfo, ...], i: int, wrapped: bool) -> bool:
    """Whether a dated line can open an entry where it stands: always, unless the text is
    wrapped and the line before ran on into it ("……大会于\\n16日闭幕。")."""
    if not wrapped or i == 0 or infos[i].shape.mark != "text":
        return True
    before = lines[i - 1]
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


def _reads_as_prose(infos: tuple[LineInfo, ...]) -> bool:
    """Prose holds dated sentences inside its paragraphs; a chronicle's entries open with
    their dates and rarely hold another one that opens a sentence. Items and numbered lines
    are a chronicle's, so only plain lines that hold more than one sentence are read (a
    bounded sample of them)."""
    from timeline.segment.prose import dated_sentences

    sample = [info for info in infos if info.shape.mark == "text"
              and any(mark in info.text[:-1] for mark in v.SENTENCE_END)][:v.PROSE_SAMPLE_PARAGRAPHS]
    inner = sum(1 for info in sample for found in dated_sentences(info.text, SURVEY_CONTEXT)
                if found.start > 0)
    opening = sum(1 for info in sample if info.opens is not None)
    return inner >= 2 and inner >= v.PROSE_INNER_DATES_PER_PARAGRAPH * opening
