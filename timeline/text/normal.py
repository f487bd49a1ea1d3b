"""The structured normal form shared by Markdown, HTML and Word documents.

One paragraph per line: a heading is `"#" * level + " " + text`; a list item is `"- " +
text`, or its own written numbering ("（1）……", "3. ……") when it has one, or "1. " for a number
the list generates; a table row is its cells joined by a full-width space; inline markup is
gone (a link keeps its text) and a line break starts a new line. `HtmlLines` writes this form
from an HTML element tree (a page's main content, or Markdown rendered to HTML).
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from timeline.text.patterns import SPACES

# A row's first cell (a date column, most often) is set off from the rest by a full-width
# space, as a chronicle sets a date off from its text; the other cells are joined by "、",
# since layout spaces between Chinese characters are dropped later: "活动　地点" would read
# as one word ("迎新春书法义写活动文化馆一楼"). "、" ends an entry's title but, unlike a comma,
# does not make a header row ("日期　活动、地点") read as a sentence. A cell that ends in
# punctuation needs none.
CELL_SEPARATOR = "\u3000"
CELL_JOIN = "、"
_ENDS_CLAUSE = tuple("，。；：、,.;:!?！？")

# Numbering written into an item's own text: （1） (1) 1. 1、 一、 （一） ①.
WRITTEN_NUMBER = re.compile(
    r"^\s*(?:[（(]\s*[0-9０-９一二三四五六七八九十百]+\s*[)）]|[0-9０-９]{1,3}\s*[.．、)）]"
    r"|[一二三四五六七八九十百]+\s*、|[\u2460-\u2473\u2776-\u277f])"
)

# White space that collapses to one space; the full-width space is text (it joins table cells).
_WHITESPACE = re.compile(r"[^\S\u3000]+")

HEADINGS = {f"h{n}": n for n in range(1, 7)}
# Elements that hold no document text.
SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "title", "iframe", "svg",
                     "button", "select", "option", "textarea", "input", "form", "nav", "object",
                     "embed", "canvas", "map", "video", "audio"})
# Elements that end the line before them and after them.
BLOCKS = frozenset({"address", "article", "aside", "blockquote", "body", "center", "dd", "details",
                    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
                    "header", "hgroup", "hr", "html", "li", "main", "menu", "ol", "p", "pre", "section",
                    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption",
                    *HEADINGS})
# A table row with any of these inside a cell is page layout, not a row of data.
LAYOUT_IN_CELL = frozenset({"p", "div", "br", "table", "ul", "ol", "li", "section", *HEADINGS})


def squeeze(text: str) -> str:
    """Runs of white space as one space; none at either end (nor layout spaces)."""
    return _WHITESPACE.sub(" ", text).strip(SPACES + " ")


def heading(level: int, text: str) -> str:
    return f"{'#' * max(1, min(level, 6))} {text}"


def item(text: str, number: int | None = None) -> str:
    """A list item: its written numbering kept, else the generated number or a dash."""
    if WRITTEN_NUMBER.match(text):
        return text
    return f"{number}. {text}" if number is not None else f"- {text}"


def row(cells: Iterable[str]) -> str:
    first, *rest = [cell for cell in map(squeeze, cells) if cell] or [""]
    text = first
    for i, cell in enumerate(rest):
        text += CELL_SEPARATOR if i == 0 else ("" if text.endswith(_ENDS_CLAUSE) else CELL_JOIN)
        text += cell
    return text


def _tag(element) -> str | None:
    """The lower-case local name of an element; None for comments and processing instructions."""
    tag = element.tag
    if not isinstance(tag, str):
        return None
    return tag.rsplit("}", 1)[-1].lower()


class HtmlLines:
    """Walks an lxml HTML tree and writes its text in the normal form."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.linked: list[float] = []      # for each line, the share of its text inside links
        self._inline: list[str] = []
        self._in_links: list[str] = []
        self._link_depth = 0
        self._mark: Callable[[str], str] | None = None   # a heading's or an item's, for its first line

    def write(self, element) -> list[str]:
        self._element(element)
        self._end_line()
        return self.lines

    def _text(self, text: str | None) -> None:
        if text:
            self._inline.append(text)
            if self._link_depth:
                self._in_links.append(text)

    def _end_line(self) -> None:
        line = squeeze("".join(self._inline))
        if line:
            self.lines.append(self._mark(line) if self._mark else line)
            self.linked.append(len(squeeze("".join(self._in_links))) / len(line))
            self._mark = None
        self._inline, self._in_links = [], []

    def _element(self, element) -> None:
        tag = _tag(element)
        if tag is None or tag in SKIPPED:
            return
        if tag == "br":
            self._end_line()
        elif tag == "a":
            self._link_depth += 1
            self._children(element)
            self._link_depth -= 1
        elif tag in HEADINGS:
            self._end_line()
            self._mark = lambda text, level=HEADINGS[tag]: heading(level, text)
            self._children(element)
            self._end_line()
            self._mark = None
        elif tag in ("ul", "ol", "menu", "dir"):
            self._list(element, ordered=tag == "ol")
        elif tag == "tr" and not _is_layout_row(element):
            self._end_line()
            self._text(row(_inline_text(cell) for cell in element if _tag(cell) in ("td", "th")))
            self._end_line()
        elif tag in BLOCKS:
            self._end_line()
            self._children(element)
            self._end_line()
        else:
            self._children(element)

    def _children(self, element) -> None:
        self._text(element.text)
        for child in element:
            self._element(child)
            self._text(child.tail)

    def _list(self, element, *, ordered: bool) -> None:
        self._end_line()
        self._text(element.text)
        number = _start(element) if ordered else None
        for child in element:
            if _tag(child) == "li":
                self._end_line()
                self._mark = lambda text, n=number: item(text, n)
                self._children(child)
                self._end_line()
                self._mark = None
                if number is not None:
                    number += 1
            else:
                self._element(child)
            self._text(child.tail)
        self._end_line()


def _start(element) -> int:
    try:
        return int(element.get("start", "1"))
    except ValueError:
        return 1


def _is_layout_row(tr) -> bool:
    return any(_tag(node) in LAYOUT_IN_CELL for cell in tr for node in cell.iterdescendants())


def _inline_text(element) -> str:
    """An element's text on one line (a table cell): line breaks and blocks become spaces."""
    parts: list[str] = []

    def walk(node) -> None:
        tag = _tag(node)
        if tag in SKIPPED:
            return
        if tag == "br" or tag in BLOCKS:
            parts.append(" ")
        if tag is not None:
            parts.append(node.text or "")
            for child in node:
                walk(child)
                parts.append(child.tail or "")

    walk(element)
    return squeeze("".join(parts))
