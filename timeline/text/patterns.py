"""Vocabulary of page layout: what captions, page furniture and signatures look like.

Data only; `timeline.text.layout` applies it. Every shape here is general to PDF/OCR
extractions of Chinese yearbooks, not to one document.
"""
from __future__ import annotations

import re

# Spaces PDF extraction leaves around and between characters.
SPACES = " \t\u3000\u00a0\u2002\u2003\u2009\u200b"

# The photo credit that ends a caption: （陈顶新 /摄） （青山湖科技城管委会提供） （张三 供图）.
CREDIT = r"[（(][^（）()\n]{1,40}?(?:/\s*摄|摄影?|供图|提供|图片来源[^）)]*)\s*[）)]"
# A figure number: 图123, 图 5, 图5-2.
FIGURE = r"图\s*\d{1,4}(?:\s*[-－—]\s*\d{1,3})?"

# A line that is nothing but a figure number ("图125 ").
FIGURE_LINE = re.compile(rf"^\s*{FIGURE}\s*$")
# A one-line caption: text, its credit, then maybe a figure number.
CREDIT_LINE = re.compile(rf"^(?P<text>.*?{CREDIT})\s*(?P<figure>{FIGURE})?\s*$")
# A caption led by its figure number: "图 3　南苕溪绿道（王五 摄）".
FIGURE_FIRST_LINE = re.compile(rf"^\s*(?P<figure>{FIGURE})[\s:：.．、]+(?P<text>\S.*)$")
# A line ending in a credit (the last line of a caption block).
ENDS_WITH_CREDIT = re.compile(rf"{CREDIT}\s*(?:{FIGURE})?\s*$")
# Captions set apart by indentation start with full-width spaces.
INDENT = re.compile(r"^[\u3000]{1,4}")
# The most lines a caption block may span before it stops being plausible.
MAX_CAPTION_LINES = 5

# Page numbers on their own line: "12", "·12·", "— 12 —", "第 12 页", "- 12 -".
PAGE_NUMBER_LINE = re.compile(
    r"^[\s·•\-—–－_|]*(?:第\s*)?\d{1,4}(?:\s*页)?[\s·•\-—–－_|]*$"
)
# A page number at either edge of a running head, set off by spaces or decorations:
# "青山湖年鉴 2020 · 37 ·", "38 ·大事记·".
EDGE_PAGE_NUMBER = re.compile(
    r"^[\s·•\-—–－_|]*\d{1,4}[\s·•\-—–－_|]+|[\s·•\-—–－_|]+\d{1,4}[\s·•\-—–－_|]*$"
)
DECORATION = re.compile(r"[\s·•\-—–－_|]+")
# A running head is short; repeated this often without a page number, or at least twice
# with one, a short line is page furniture rather than text.
RUNNING_HEAD_MAX_CHARS = 30
RUNNING_HEAD_REPEATS = 3
RUNNING_HEAD_REPEATS_WITH_NUMBER = 2
# Lines that are structure, never running heads (entry titles, footnotes, chronicle marks).
STRUCTURAL_START = re.compile(r"^\s*[【▲△]")
STRUCTURAL = re.compile(r"[【】▲△]")
# Sentence punctuation and quotes belong to text; a running head is a bare name.
NOT_IN_RUNNING_HEADS = re.compile(r"[，。；：、！？“”‘’《》]")

# The author signature: "（周艳清）", "（周艳清 王明）".
SIGNATURE_LINE = re.compile(
    r"^\s*[（(]\s*[\u4e00-\u9fff·]{2,5}(?:[\s、，,]+[\u4e00-\u9fff·]{2,5}){0,3}\s*[）)]\s*$"
)

# Paragraph ends: a sentence end, maybe followed by closing quotes or brackets.
SENTENCE_END = re.compile(r"[。！？!?…][”’」』》）)]*$")
# The end of a piece of text a signature may follow: a sentence or a bracketed remark.
TEXT_END = re.compile(r"(?:[。！？!?…]|[）)])[”’」』》）)]*$")
# A line this much shorter than the document's usual line ends its paragraph
# (when it also ends a sentence): the rest of the printed line was left blank.
SHORT_LINE_RATIO = 0.8
