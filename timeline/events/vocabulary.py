"""Vocabulary of event building: sentence marks, moment reach, summaries, titles. Data only."""
from __future__ import annotations

import re

# What may stand before a date that opens a sentence or paragraph (a moment's date).
SENTENCE_BREAK = frozenset("。！？!?；;\n")
# Spaces and quotes between such a break and the date.
BEFORE_DATE = frozenset(" \u3000“”\"")
# The first sentence: up to its end mark (a summary, the lead for tags and the primary date).
FIRST_SENTENCE = re.compile(r"^.*?[。！？!?](?:[”’」』）)])*|^.+$", re.S)
# A moment is a sub-day of the event: its date is inside the event's range or this many
# days next to it ("9月16—17日 …… 9月18日上午，……" is still the same visit).
MOMENT_REACH_DAYS = 1
SUMMARY_MAX_CHARS = 120
# Overview titles: "<section>概况", or "<year>年概况" for the document's own first section.
OVERVIEW_TITLE = "{category}{word}"
OVERVIEW_TITLE_FOR_YEAR = "{year}年{word}"
# The title of an entry with none ("【】", a chronicle's date line with nothing after it) and
# no text to take one from.
UNTITLED = "（无题）"
# Similarity (share of a title's character pairs found in a caption) for a caption to be
# the photo of that entry ("……股票在上海证券交易所上市交易" shows "……股票上市").
CAPTION_TITLE_SHARE = 0.7
CAPTION_TITLE_MIN_PAIRS = 4
# How many entries before and after the one a caption interrupted it may show: a photo is
# printed on the page of its entry or a nearby one (the seed's furthest is 4 entries away).
# Bounded, so placing captions is linear in the document.
CAPTION_REACH = 20
# Characters that do not count when comparing titles and captions.
TITLE_NOISE = re.compile(r"[\s\W_]+")
KEY_LENGTH = 16          # hex characters of the stable key
