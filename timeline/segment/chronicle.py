"""Chronicles (大事记, 年表, 时间线) and prose (校史, 志): entries that carry their dates.

One walk over the lines serves both layouts. Headings of any kind (Markdown "#", "一、",
"（一）", 【group】 markers, month, year and day lines, a reign-year line, the title) close
the entry before and set the section and the date in force. Between headings:

- chronicle: an entry opens where a line, item or paragraph opens with a date (read in the
  date in force), with a same-day mark "※"/"△", or, without a date of its own, as an item
  or the first paragraph under a date heading (it takes the heading's date). Lines that
  open no entry carry the one before on; "▲……" too.
- prose: each paragraph is cut at its dated sentences (timeline.segment.prose).

The date in force moves with every heading and entry, never with a date inside a body.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable, Iterator, NamedTuple

from timeline.dates import CalendarKind, DateSpan, DateWarning, Precision, Resolution
from timeline.segment import vocabulary as v
from timeline.segment.context import DateContext, from_context, opening, same_date, same_day, whole_year
from timeline.segment.detect import LineInfo, Survey, ends_sentence, runs_on
from timeline.segment.entry import Entry, Segmentation
from timeline.segment.lines import (date_heading, heading_calendar, heading_date, is_date_heading, looks_like_heading,
                                    opens_before_gap, read_line, without_markup)
from timeline.segment.prose import dated_sentences
from timeline.segment.titles import dated_title
from timeline.text import Caption, CleanText, Layout, TextLine, join_lines

Piece = tuple[str, int, bool]   # (text, original offset, ends its paragraph)


@dataclass(slots=True)
class _Block:
    """Lines that belong together: an entry (chronicle) or a paragraph (prose)."""

    start: TextLine
    at: int                              # where its text starts in the first line
    context: DateContext                 # the date in force before it
    date: DateSpan | None                # chronicle: its own date, None if undated
    section: str | None
    head: tuple[int, int] | None = None  # where its date is written (even an impossible one)
    first: CleanText | None = None       # its first line's text, cleaned (when it is the whole of it)
    found: tuple[str, Resolution] | None = None   # its first line, read in `context`
    pieces: list[Piece] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)

    def text(self) -> CleanText:
        if len(self.pieces) == 1 and self.first is not None:
            return self.first.strip()       # one line, cleaned already
        return without_markup(join_lines(self.pieces)).strip()


class _Opening(NamedTuple):
    """How a line opens an entry: its date (a warning: an undated entry), the context that
    date was read in (None: the walk's), and the line and its mentions, when it was read."""

    date: DateSpan | DateWarning | None
    context: DateContext | None = None
    found: tuple[str, Resolution] | None = None


class _Heading(NamedTuple):
    date: DateSpan | None        # the date it puts in force
    title: bool                  # the document's own title
    dates_entries: bool          # a date heading: entries under it without a date take its date
    level: int                   # a Markdown heading's level; 0 for numbered sections, 7 for others
    calendar: CalendarKind | None = None   # the calendar it puts in force (None: its date's)


@dataclass(slots=True)
class _Walk:
    """The state of the walk: what is in force at the current line."""

    context: DateContext
    heading_date: DateSpan | None = None     # the date of the date heading in force
    undated_heading: bool = False            # a date heading is in force that gives no date (no year known)
    heading_level: int = 0
    last: DateSpan | None = None             # the date of the entry before (same-day marks)
    year_from_entry: bool = False            # the year in force is the entry before's
    section: str | None = None
    title: str | None = None
    title_year: int | None = None
    written_year: int | None = None          # the first year a heading or entry wrote ("2019年", "2019年3月5日")
    headings: int = 0
    current: _Block | None = None            # the block the line being read belongs to
    pending: _Block | None = None            # the last block opened, until the next opens
    opened: int = 0                          # blocks opened so far
    loose: list[Caption] = field(default_factory=list)   # captions before the first block

    def heading(self, text: str, heading: _Heading) -> None:
        self.current = None
        self.headings += 1
        if heading.title:
            self.title = text.strip(v.TITLE_DECORATION) or text     # "·大事记·" is 大事记
        else:
            self.section = text
        if heading.date is None:
            if heading.dates_entries:        # "1月", "## 7月20日" in a document with no year
                self.heading_date, self.undated_heading, self.last = None, True, None
                self.heading_level = heading.level
            elif heading.level <= self.heading_level:
                self.heading_date = None     # a section of its own: no date in force for entries
                self.undated_heading = False
            return
        self.undated_heading = False
        in_force = opening(heading.date)
        self.context = self.context.under(in_force, heading.calendar)
        self.last, self.year_from_entry = None, False
        if heading.title:
            self.title_year = self.title_year or in_force.start.year
        if self.written_year is None and not heading.date.relative:
            self.written_year = in_force.start.year
        self.heading_date = in_force if heading.dates_entries else None
        self.heading_level = heading.level

    def open(self, line: TextLine, at: int, opening: _Opening, close: Callable[[_Block], None]) -> _Block:
        """A new block; the one before is done (`close` makes its entries)."""
        date = opening.date
        head = date.span if date is not None else None
        date = date if isinstance(date, DateSpan) else None
        block = _Block(line, at, opening.context or self.context, date, self.section, head=head,
                       found=opening.found)
        if self.pending is not None:
            close(self.pending)
        block.captions.extend(self.loose)
        self.loose.clear()
        self.current = self.pending = block
        self.opened += 1
        if date is not None:
            self.context = self.context.after(_within(date, self.heading_date))
            self.last = date
            self.year_from_entry = True
            if self.written_year is None and not date.relative:
                self.written_year = date.start.year
        return block


def _within(date: DateSpan, heading: DateSpan | None) -> DateSpan:
    """The date an entry leaves in force: under a month heading, a range that runs into the
    next month leaves the heading's month in force ("26日—3月2日" then "30日" under 二月)."""
    if (heading is None or heading.precision == Precision.DAY or date.end <= heading.end
            or not heading.start <= date.start <= heading.end):
        return date
    return replace(date, end=heading.end)


def segment_dated(layout: Layout, found: Survey, *, year: int | None, category: str | None,
                  name: str, fallback_year: int | None = None) -> Segmentation:
    """Entries of a chronicle or prose document (`found.layout`); their category is
    `category`, else what the document's title calls it, else the document's `name`.
    A block becomes entries as soon as the next one opens, so a long document never holds
    all its lines and all its entries at once."""
    walk = _Walk(DateContext(year=year or fallback_year))
    entries: list[Entry] = []
    prose = _Prose(layout.index.line) if found.layout == "prose" else None

    def close(block: _Block) -> None:
        chosen = category or _category(walk.title) or name
        entries.extend(prose.entries(block, chosen) if prose else (_entry(block, chosen),))

    lines, infos, captions = layout.lines, found.lines, layout.captions
    k = 0                                     # the next caption to place
    for i in range(len(lines)):
        _step(walk, lines, infos, i, found, close)
        while k < len(captions) and captions[k].before <= i + 1:
            (walk.pending.captions if walk.pending is not None else walk.loose).append(captions[k])
            k += 1
    if walk.pending is not None:
        walk.pending.captions.extend(captions[k:])
        close(walk.pending)
    # The document's year: given; else its title's; else the first year its headings or
    # entries write; else the one its file name gives.
    for source, candidate in (("given", year), ("title", walk.title_year),
                              ("text", walk.written_year or _first_year(entries, fallback_year is not None)),
                              ("name", fallback_year)):
        if candidate is not None:
            return Segmentation(found.layout, tuple(entries), title=walk.title, year=candidate,
                                year_from=source, headings=walk.headings)
    return Segmentation(found.layout, tuple(entries), title=walk.title, headings=walk.headings)


def _step(walk: _Walk, lines: tuple[TextLine, ...], infos: tuple[LineInfo, ...], i: int,
          found: Survey, close: Callable[[_Block], None]) -> None:
    line, info = lines[i], infos[i]
    mark = info.shape.mark
    if mark == "group":
        walk.current = None
        walk.headings += 1
        return
    heading = _heading(walk, lines, infos, i, found)
    if heading is not None:
        walk.heading(info.text, heading)
        return
    current = walk.current
    prose = found.layout == "prose"
    new_block = (current is None or mark != "text"
                 or (_ended(lines[i - 1], infos[i - 1]) if found.wrapped else not runs_on(lines[i - 1])))
    if prose:
        if new_block:
            walk.open(line, info.shape.start, _Opening(None), close)
        walk.current.pieces.extend(_pieces(line, info, continuing=not new_block))
        return
    opening = _opening(walk, info, new_block, found)
    if opening is _STATISTIC:
        walk.current = current = current or walk.pending     # carried on in the entry before
        opening = None
    if opening is not None:
        block = walk.open(line, info.shape.start, opening, close)
        block.first = info.clean if mark != "bracket" else None
        block.pieces.extend(_pieces(line, info, continuing=False))
    elif current is not None:
        current.pieces.extend(_pieces(line, info, continuing=True))


def _heading(walk: _Walk, lines, infos, i: int, found: Survey) -> _Heading | None:
    """What line i is as a heading, or None if it is none."""
    info = infos[i]
    mark = info.shape.mark
    if mark not in ("heading", "section") and (
            len(info.raw) > 2 * v.HEADING_TEXT_MAX_CHARS or v.SENTENCE_PUNCTUATION.search(info.raw)):
        return None                      # most lines: too long or a sentence
    text = info.text
    names_chronicle = any(n in text for n in v.CHRONICLE_NAMES) and not v.BREADCRUMB.search(text)
    # Before the first entry, a title; one naming a chronicle replaces one without a year
    # ("大事记" then "2019年1月大事记").
    first = not walk.opened and (walk.title is None or names_chronicle and walk.title_year is None)
    if mark == "heading":
        date = heading_date(text, walk.context)
        fresh = walk.title is None and (info.shape.level == 1 or date is None)
        title = first and (names_chronicle or fresh)
        dates_entries = date.span[0] <= 1 if date is not None else is_date_heading(text)
        return _Heading(date, title, dates_entries, info.shape.level)
    if first and looks_like_heading(text) and (names_chronicle or _year_title(info, found)):
        return _Heading(heading_date(text, walk.context), True, False, 0)
    if mark == "section" and looks_like_heading(v.BRACKETED.sub("", text)):
        return _Heading(heading_date(text, walk.context), False, False, 0)
    if mark in ("text", "item"):             # "■ 一月", "- 1月": a month heading behind a bullet
        is_heading, date = date_heading(text, walk.context)
        if is_heading:
            calendar = heading_calendar(text, walk.context) if date is not None else None
            return _Heading(date, first and names_chronicle, True, 0, calendar)
    if mark in ("text", "item") and not info.may_date and looks_like_heading(text) and _over_entries(
            lines, infos, i, found):
        return _Heading(None, False, False, 7)
    return None


def _year_title(info: LineInfo, found: Survey) -> bool:
    """A first line that is a year and a name ("2021年工作动态") over entries of finer dates:
    the document's title, not an entry of the whole year."""
    opens = info.opens
    if found.year_grain or not isinstance(opens, DateSpan) or opens.precision != Precision.YEAR:
        return False
    return len(info.text[opens.span[1]:].strip(v.TITLE_DECORATION)) >= v.TITLE_MIN_CHARS - 1


def _over_entries(lines, infos, i: int, found: Survey) -> bool:
    """An undated short line is a heading when it stands on its own (after a sentence or
    heading) over a dated line or an item."""
    if i + 1 >= len(infos):
        return False
    following = infos[i + 1]
    if not (following.may_date or following.shape.mark in ("item", "section", "same_day")):
        return False
    return i == 0 or _ended(lines[i - 1], infos[i - 1]) or not found.wrapped


def _ended(line: TextLine, info: LineInfo) -> bool:
    return line.ends_paragraph or ends_sentence(line.text) or info.shape.mark == "heading"


def _opening(walk: _Walk, info: LineInfo, new_block: bool, found: Survey) -> _Opening | None:
    """How a chronicle line that is no heading opens an entry; None if it does not."""
    mark = info.shape.mark
    if info.may_date and (new_block or mark != "text"):
        context = walk.context
        own, line = read_line(info.text, context)
        if mark == "text" and _is_statistic(walk, own, found) and not opens_before_gap(info.raw):
            return _STATISTIC
        base = walk.last or walk.heading_date
        if isinstance(own, DateSpan) and base is not None:
            own = same_date(own, base, info.text)
        if isinstance(own, DateSpan) and _rolls_over(walk, own):
            context = context.after(whole_year(walk.last.start.year + 1))
            own, line = read_line(info.text, context)
        if own is not None:                  # an impossible date: an undated entry, and a warning
            return _Opening(own, context, (info.text, line))
    if mark == "continued":
        return None
    if mark == "same_day":
        base = walk.last or walk.heading_date
        return _Opening(same_day(base, info.text) if base else None)
    heading = walk.heading_date
    if heading is None and not walk.undated_heading:
        return None
    # Under a date heading each item is an entry, and so is the first paragraph; a paragraph
    # after that carries it on ("1月2日" / "市委……" / "会议指出，……"), as a plain line after an
    # item does (a Markdown line break inside it). Under one that gives no date (the document
    # has no year) they are entries still, undated.
    if mark == "item" or walk.current is None:
        return _Opening(from_context(heading) if heading is not None else None)
    return None


# What `_opening` says of a line that opens with a statistic's year: no entry, no date in force.
_STATISTIC = _Opening(None)


def _is_statistic(walk: _Walk, own: DateSpan | DateWarning | None, found: Survey) -> bool:
    """A paragraph opening with a year written out that the structure says is no entry's date,
    in a chronicle whose entries open with days or months (not a 年表 of years):

    - a year alone ("2018年，全县有36名……"): a statistic, inside an entry, or under a heading
      once a year is in force (the title's, a year or month heading's, the entries');
    - any date of another year than the date heading in force ("2018年1—11月，全县……" under
      "2019年" / "12月").

    It carries on the entry before and its year never becomes the year in force: the next
    "9日" under "2019年" / "5月" is still in May 2019. (A year set off from its text by a wide
    gap is a gazetteer's date column, "光绪三十四年（1908年）　设巡警分局": an entry; `_opening`
    asks that.)"""
    if not isinstance(own, DateSpan) or own.relative or found.year_grain:
        return False
    if own.precision == Precision.YEAR:
        return walk.current is not None or walk.context.previous is not None or walk.context.year is not None
    heading = walk.heading_date
    return heading is not None and (own.end.year < heading.start.year or own.start.year > heading.end.year)


def _rolls_over(walk: _Walk, date: DateSpan) -> bool:
    """A chronology running into the next year: "1月2日" after "12月31日", with no year
    written or set by a heading since, is January of the next year."""
    return (walk.year_from_entry and walk.last is not None and date.relative
            and (walk.last.start - date.end).days > v.ROLL_OVER_DAYS)


def _pieces(line: TextLine, info: LineInfo, *, continuing: bool) -> list[Piece]:
    """A line's text for an entry's body: an item keeps nothing of its mark; a line that
    carries an entry on keeps "▲" out too; "【1月2日】市委……" keeps neither bracket."""
    mark = info.shape.mark
    start = info.shape.start if (not continuing or mark in ("continued", "item")) else 0
    if mark == "bracket" and not continuing:
        close = line.text.index(v.BRACKET_CLOSE, start)
        return [(line.text[start:close], line.offset + start, False),
                (line.text[close + 1:], line.offset + close + 1, line.ends_paragraph)]
    return [(line.text[start:], line.offset + start, line.ends_paragraph)]


@lru_cache(maxsize=256)
def _category(title: str | None) -> str | None:
    """The category a chronicle's title line names ("2021年大事记" -> "大事记"); asked for
    each entry, of the few titles a document has."""
    return next((name for name in v.CHRONICLE_NAMES if title and name in title), None)


def _first_year(entries: list[Entry], written: bool) -> int | None:
    """The first year a document's entries write (prose entries' dates are read after the
    walk); with no year from elsewhere (`written` False) any entry's year is the text's."""
    return next((e.date.start.year for e in entries
                 if e.date is not None and not (written and e.date.relative)), None)


def _entry(block: _Block, category: str) -> Entry:
    body = block.text()
    # An entry of one line keeps the mentions read with its date; a longer one is read whole.
    found = block.found[1] if block.found is not None and block.found[0] == body.text else None
    dates = {m.span[0]: m.span[1] for m in found.mentions} if found is not None else None
    return Entry(
        title=dated_title(body.text, block.head, dates),
        category=category,
        body=body,
        line=block.start.number,
        offset=block.start.offset + block.at,
        captions=tuple(block.captions),
        date=block.date,
        context=block.context,
        section=block.section,
        found=found,
    )


class _Prose:
    """Paragraphs cut at their dated sentences; what comes before the first is context.
    The date in force runs on from paragraph to paragraph until a heading sets another."""

    def __init__(self, line_of: Callable[[int], int]) -> None:
        self.line_of = line_of
        self.context, self.set_by = DateContext(), None

    def entries(self, block: _Block, category: str) -> Iterator[Entry]:
        if block.context is not self.set_by:
            self.context = self.set_by = block.context
        context = self.context
        paragraph = block.text()
        found = dated_sentences(paragraph.text, context)
        for k, sentence in enumerate(found):
            end = found[k + 1].start if k + 1 < len(found) else len(paragraph.text)
            body = paragraph.slice(sentence.start, end)
            body = body.slice(0, len(body.text.rstrip()))
            a, b = sentence.date.span
            date = replace(sentence.date, span=(a - sentence.start, b - sentence.start))
            offset = body.origin(0)
            yield Entry(
                title=dated_title(body.text, date.span),
                category=category,
                body=body,
                line=self.line_of(offset),
                offset=offset,
                captions=tuple(block.captions) if k == 0 else (),
                date=date,
                context=context.after(sentence.previous),
                section=block.section,
            )
        if found:
            self.context = context.after(found[-1].date)
