"""Markdown -> the structured normal form, through markdown-it-py's HTML.

A single line break inside a paragraph is kept as a line break ("breaks"): Chinese Markdown
is seldom hard-wrapped, and timelines often put one entry per line without blank lines.
"""
from __future__ import annotations

import lxml.html
from markdown_it import MarkdownIt

from timeline.text.normal import HtmlLines

_MARKDOWN = MarkdownIt("commonmark", {"breaks": True, "html": True}).enable(["table", "strikethrough"])


def read_markdown(text: str) -> str:
    html = _MARKDOWN.render(text)
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return "\n".join(HtmlLines().write(root))
