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


def read_html(text: str, *, name: str) -> str:
    content = HtmlLines()
    try:
        document = Document(text)
        summary = document.summary(html_partial=True)
        page = lxml.html.document_fromstring(text)
        content.write(lxml.html.fragment_fromstring(summary, create_parent="div"))
    except (Unparseable, lxml.etree.ParserError, ValueError, AssertionError):
        # readability and lxml give up on pages with no body to speak of ("<html></html>")
        pass
    if _main_text_chars(content) < MIN_MAIN_TEXT_CHARS:
        raise UnreadableDocument(name, "an HTML page with no main text (only navigation, links or "
                                 "scripts: save a page built by JavaScript after it has loaded)")
    lines = content.lines
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
        text = squeeze(line.lstrip("#"))
        shared = SequenceMatcher(None, text, page_title, autojunk=False).find_longest_match()
        if (len(text) <= TITLE_MAX_CHARS and not text.endswith(TITLE_NOT_ENDING)
                and not line.startswith("- ") and shared.size >= TITLE_MIN_SHARED_CHARS
                and not any(squeeze(c.lstrip("#")) == text for c in content_lines[:TITLE_LOOKBACK_LINES])):
            return text
        return None
    return None
