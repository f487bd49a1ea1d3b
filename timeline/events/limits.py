"""What the service stores: the supported date range and the longest text each field holds.

Data only. The schema's column lengths (timeline.store.models) are these numbers, and
`timeline.events.validate` fits every parsed document to them before either database sees
it, so SQLite and PostgreSQL accept exactly the same documents.
"""
from __future__ import annotations

import re

# Years an event's date may fall in. Gazetteers reach back through the Qing and Ming
# (清康熙十三年 is 1674) and plans look a few decades ahead; a date outside (0001-01-01,
# 9999-12-31: typos, OCR noise or placeholders) is a warning and the event keeps no date,
# so nothing downstream computes past the ends of the calendar (a feed's DTEND is the day
# after the last day).
FIRST_YEAR = 1000
LAST_YEAR = 2200

# Characters, as the columns are declared.
MAX_TITLE = 500
MAX_CATEGORY = 100
MAX_DOCUMENT_NAME = 200
MAX_PATH = 1000
MAX_TAG = 32
MAX_CATEGORY_SLUG = 120

# Shortened text ends with this mark, so a reader sees it was cut.
ELLIPSIS = "…"

# Characters no stored text keeps: C0 controls but TAB and LF (CR is a line end), DEL, the
# C1 controls, and lone surrogates (not encodable as UTF-8). PostgreSQL refuses NUL in text;
# SQLite would take any of them, and feeds and pages would then carry them.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# In one-line fields (titles, categories, names, tags) a line end or tab becomes a space.
LINE_BREAK = re.compile("[\t\n\r\x85\u2028\u2029]+")
