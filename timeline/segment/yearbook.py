"""Yearbook (年鉴) segmentation: section headings, 【entries】, 【概况】, ▲ footnotes, 参见."""
from __future__ import annotations

from dataclasses import dataclass, field

from timeline.segment import vocabulary as v
from timeline.segment.entry import Entry, Segmentation
from timeline.segment.footnotes import footnote_owner, footnote_term
from timeline.segment.titles import first_clause
from timeline.text import Caption, CleanText, Layout, TextLine, clean_line, join_lines

Piece = tuple[str, int, bool]   # (text, original offset, ends its paragraph)


@dataclass(slots=True)
class _Block:
    kind: str                   # "entry" | "footnote"
    category: str
    start: TextLine
    title: str | None = None    # None: untitled text before the first entry
    pieces: list[Piece] = field(default_factory=list)
    host: int = 0               # footnotes: index (among entries) of the entry they follow
    captions: list[Caption] = field(default_factory=list)

    def text(self) -> CleanText:
        return join_lines(self.pieces).strip()


def heading_name(text: str) -> str | None:
    """The section name if `text` looks like a heading line, else None."""
    if len(text) > v.HEADING_MAX_RAW_CHARS:
        return None                    # cheap test first: most lines are long text
    name = v.HEADING_PREFIX.sub("", clean_line(text, 0).text)
    if not v.HEADING_MIN_CHARS <= len(name) <= v.HEADING_MAX_CHARS:
        return None
    if v.HEADING_FORBIDDEN.search(name) or " " in name:
        return None
    return name


def _is_heading(lines: tuple[TextLine, ...], i: int) -> bool:
    """A short standalone line after the end of a text and before an entry title."""
    if heading_name(lines[i].text) is None:
        return False
    if i > 0 and not _ends_text(lines[i - 1].text):
        return False
    following = lines[i + 1].text if i + 1 < len(lines) else ""
    if following.startswith(v.TITLE_OPEN):
        return True
    # a heading over a sub-heading: "社会事业" / "教育" / 【概况】
    return (heading_name(following) is not None and i + 2 < len(lines)
            and lines[i + 2].text.startswith(v.TITLE_OPEN))


def _ends_text(text: str) -> bool:
    return text.endswith(("。", "！", "？", "”", "）", ")", "】", "…")) or heading_name(text) is not None


def _title(lines: tuple[TextLine, ...], i: int) -> tuple[str, Piece | None, int] | None:
    """An entry title opening at lines[i], possibly broken over lines: (title, the body text
    after it on its last line, lines consumed); None if no 】 closes it in time."""
    pieces: list[Piece] = []
    for j in range(i, min(i + v.MAX_TITLE_LINES, len(lines))):
        line = lines[j]
        start = 1 if j == i else 0
        close = line.text.find(v.TITLE_CLOSE, start)
        if close < 0:
            pieces.append((line.text[start:], line.offset + start, False))
            continue
        pieces.append((line.text[start:close], line.offset + start, False))
        rest = line.text[close + 1:]
        rest_piece = (rest, line.offset + close + 1, line.ends_paragraph) if rest.strip() else None
        return join_lines(pieces).text, rest_piece, j + 1 - i
    return None


def segment_yearbook(layout: Layout, *, default_category: str) -> Segmentation:
    lines = layout.lines
    blocks: list[_Block] = []
    owner_of_line: list[int] = []       # block index of every line (-1: heading)
    category = default_category
    entries_so_far = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        if _is_heading(lines, i):
            category = heading_name(line.text) or category
            owner_of_line.append(-1)
            i += 1
            continue
        title = _title(lines, i) if line.text.startswith(v.TITLE_OPEN) else None
        if title is not None:
            name, rest, consumed = title
            blocks.append(_Block("entry", category, line, title=name,
                                 pieces=[rest] if rest else []))
            entries_so_far += 1
            owner_of_line.extend([len(blocks) - 1] * consumed)
            i += consumed
            continue
        if v.FOOTNOTE_START.match(line.text):
            blocks.append(_Block("footnote", category, line, host=max(entries_so_far - 1, 0)))
        elif not blocks or owner_of_line[-1] == -1 and blocks[-1].kind == "footnote":
            blocks.append(_Block("entry", category, line))     # text before any entry
            entries_so_far += 1
        blocks[-1].pieces.append((line.text, line.offset, line.ends_paragraph))
        owner_of_line.append(len(blocks) - 1)
        i += 1
    _place_captions(layout.captions, blocks, owner_of_line)
    return Segmentation("yearbook", _entries(blocks, default_category))


def _place_captions(captions: tuple[Caption, ...], blocks: list[_Block],
                    owner_of_line: list[int]) -> None:
    """A caption belongs to the text it interrupted (the block of the last line before it
    that belongs to one). Captions and lines are both in order: one pass over each."""
    owner, k = 0, 0
    for caption in captions:
        while k < min(caption.before, len(owner_of_line)):
            owner = owner_of_line[k] if owner_of_line[k] >= 0 else owner
            k += 1
        if blocks:
            blocks[owner].captions.append(caption)


def _entries(blocks: list[_Block], default_category: str) -> tuple[Entry, ...]:
    entry_blocks = [b for b in blocks if b.kind == "entry"]
    bodies = [b.text() for b in entry_blocks]
    footnotes: list[list[str]] = [[] for _ in entry_blocks]
    extra_captions: list[list[Caption]] = [[] for _ in entry_blocks]
    texts = [b.text for b in bodies]
    for block in blocks:
        if block.kind != "footnote" or not entry_blocks:
            continue
        text = block.text().text
        owner = footnote_owner(footnote_term(text), texts, block.host)
        footnotes[owner].append(text.removeprefix(v.FOOTNOTE_MARK).strip())
        extra_captions[block.host].extend(block.captions)
    entries = []
    for index, (block, body) in enumerate(zip(entry_blocks, bodies)):
        title = block.title if block.title is not None else first_clause(body.text)
        entries.append(Entry(
            title=title,
            category=block.category or default_category,
            body=body,
            line=block.start.number,
            offset=block.start.offset,
            role=_role(block.title, body.text),
            footnotes=tuple(footnotes[index]),
            captions=tuple(block.captions + extra_captions[index]),
        ))
    return tuple(entries)


def is_overview(title: str | None) -> bool:
    """【概况】 and its synonyms: an overview of the whole year of its section."""
    return title is not None and title.strip() in v.OVERVIEW_TITLES


def _role(title: str | None, body: str) -> str:
    if is_overview(title):
        return "overview"
    if v.XREF_BODY.match(body.replace("\n", "")):
        return "xref"
    return "event"
