"""What kind of document a text is, and which year it is about."""
from __future__ import annotations

from collections import Counter

from timeline.segment import vocabulary as v
from timeline.segment.chronicle import DATE_STARTS, month_number
from timeline.text import Layout


def detect_layout(layout: Layout) -> str:
    """"chronicle" when month headings and dated lines outweigh 【entry】 titles."""
    titles = months = dated = 0
    for line in layout.lines:
        if line.text.startswith(v.TITLE_OPEN):
            titles += 1
        elif month_number(line.text):
            months += 1
        elif v.SAME_DAY_MARK.match(line.text) or any(p.match(line.text) for p in DATE_STARTS):
            dated += 1
    if months and dated >= 2 and months + dated > 2 * titles:
        return "chronicle"
    return "yearbook"


def infer_year(text: str) -> int | None:
    """The year the text mentions most ("2020 年"), the earliest of equals; None if none."""
    counts = Counter(int(m[1]) for m in v.YEAR_MENTION.finditer(text))
    if not counts:
        return None
    return max(counts, key=lambda year: (counts[year], -year))
