"""Titles for text that has none of its own: the first clause, shortened sensibly."""
from __future__ import annotations

from timeline.segment import vocabulary as v


def first_clause(text: str) -> str:
    """The first clause of `text` (joined to the next while too short to say anything),
    cut at TITLE_MAX_CHARS on a natural break ("、", space) where there is one."""
    text = text.strip()
    end = 0
    while end < len(text):
        match = v.CLAUSE_END.search(text, end)
        end = match.start() if match else len(text)
        if end >= v.TITLE_MIN_CHARS:
            break
        end += 1
    clause = text[:end].strip()
    if len(clause) <= v.TITLE_MAX_CHARS:
        return clause
    cut = max(clause.rfind("、", 0, v.TITLE_MAX_CHARS), clause.rfind(" ", 0, v.TITLE_MAX_CHARS))
    if cut < v.TITLE_MAX_CHARS // 2:
        cut = v.TITLE_MAX_CHARS
    return clause[:cut].rstrip("、 ") + "…"
