"""A saved web page -> its main text in the structured normal form.

readability-lxml finds the main content (the block with the most text, without navigation,
sidebars and footers); it leaves out the page's own title when the title stands above that
block, and a 大事记 page's year and month are often only there ("2019年1月大事记"), so the
title is taken back: the nearest line above the content that is not web furniture, short,
and shares words with the <title>. docs/readers.md has the comparison that chose it.
"""
from __future__ import annotations

import logging
from difflib import SequenceMatcher

import lxml.etree
import lxml.html
from readability import Document
from readability.readability import Unparseable

from timeline.text.furniture import furniture_prefix
from timeline.text.normal import HtmlLines, heading, squeeze
from timeline.text.read import UnreadableDocument

# readability logs every candidate it scores, and a page it cannot parse as an ERROR; the
# user gets one line from us instead.
logging.getLogger("readability.readability").setLevel(logging.CRITICAL)

# Main text: lines mostly outside links, not furniture, at least this long in all.
MAX_LINKED_SHARE = 0.5
MIN_MAIN_TEXT_CHARS = 10
# The title is looked for this many lines above the content, and is at most this long.
TITLE_LOOKBACK_LINES = 8
TITLE_MAX_CHARS = 60
TITLE_MIN_SHARED_CHARS = 2
TITLE_NOT_ENDING = tuple("。；;！!？?，,：:")
# readability drops a list, table or div holding less text than this; its default, 25, is
# a long sentence in Chinese, and timelines of short items ("- 15时，发布暴雨蓝色预警。") lost
# most of their entries.
MIN_BLOCK_TEXT_CHARS = 10


def read_html(text: str, *, name: str) -> str:
    content = HtmlLines()
    try:
        document = Document(text, min_text_length=MIN_BLOCK_TEXT_CHARS)
        summary = document.summary(html_partial=True)
        page = lxml.html.document_fromstring(text)
        content.write(lxml.html.fragment_fromstring(summary, create_parent="div"))
    except (Unparseable, lxml.etree.ParserError, ValueError, AssertionError):
        # readability and lxml give up on pages with no body to speak of ("<html></html>")
        pass
    if _main_text_chars(content) < MIN_MAIN_TEXT_CHARS:
        raise UnreadableDocument(name, "an HTML page with no main text (only navigation, links or "
                                 "scripts: save a page built by JavaScript after it has loaded)")
    # Lines that are mostly links are navigation, whatever block readability kept them in.
    lines = [line for line, linked in zip(content.lines, content.linked) if linked < MAX_LINKED_SHARE]
    first = next((i for i, line in enumerate(lines) if furniture_prefix(line) < len(line)), None)
    if first is not None and not lines[first].startswith("#") and _is_title(lines[first], document.title(), lines[first + 1:]):
        lines[first] = heading(1, squeeze(lines[first]))  # a title kept inside the content
    else:
        title = _title(HtmlLines().write(page), lines, document.title())
        if title:
            lines = [heading(1, title), *lines]
    return "\n".join(lines)


def _main_text_chars(content: HtmlLines) -> int:
    return sum(len(line) for line, linked in zip(content.lines, content.linked)
               if linked < MAX_LINKED_SHARE and furniture_prefix(line) < len(line))


def _title(page_lines: list[str], content_lines: list[str], page_title: str) -> str | None:
    """The page's own title standing above the content, when the content does not open
    with it."""
    try:
        start = page_lines.index(content_lines[0])
    except ValueError:
        return None
    for line in reversed(page_lines[max(0, start - TITLE_LOOKBACK_LINES):start]):
        if furniture_prefix(line) == len(line):
            continue
        return squeeze(line.lstrip("#")) if _is_title(line, page_title, content_lines) else None
    return None


def _is_title(line: str, page_title: str, content_lines: list[str]) -> bool:
    """A short plain line sharing words with the page's <title>, not repeated in the content."""
    if line.startswith("- "):
        return False
    text = squeeze(line.lstrip("#"))
    shared = SequenceMatcher(None, text, page_title, autojunk=False).find_longest_match()
    return (len(text) <= TITLE_MAX_CHARS and not text.endswith(TITLE_NOT_ENDING)
            and shared.size >= TITLE_MIN_SHARED_CHARS
            and not any(squeeze(c.lstrip("#")) == text for c in content_lines[:TITLE_LOOKBACK_LINES]))
