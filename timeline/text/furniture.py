"""Web-page furniture at the start of a line: how much of it to lift out.

The vocabulary is `timeline.text.patterns.WEB_*`; `timeline.text.layout` applies the answer.
"""
from __future__ import annotations

import re

from timeline.text import patterns as p


def _alternatives(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def _token() -> re.Pattern[str]:
    """One piece of furniture, in group `run` when text may follow it on the line (it cannot
    be the start of a sentence), in group `end` when it must end the line to count."""
    run, end = [rf"(?:{_alternatives(p.WEB_ACTIONS)})", p.WEB_STAMP], [p.WEB_BREADCRUMB]
    for labels, colon, value, text_may_follow in p.WEB_FIELDS:
        separator = r"\s*[:：]\s*" if colon else r"\s*[:：]?\s*"
        (run if text_may_follow else end).append(rf"(?:{_alternatives(labels)}){separator}(?:{value})")
    words = _alternatives(p.WEB_ACTION_WORDS)
    run.append(rf"{p.WEB_OPEN}\s*(?:{words})\s*{p.WEB_CLOSE}")      # a bracketed button
    end.append(rf"(?:{words})")
    bracketed = rf"{p.WEB_OPEN}?\s*(?:{'|'.join(run)})\s*{p.WEB_CLOSE}?"
    return re.compile(rf"{p.WEB_SEPARATORS}(?:(?P<run>{bracketed})|(?P<end>{p.WEB_OPEN}?\s*(?:{'|'.join(end)})"
                      rf"\s*{p.WEB_CLOSE}?)){p.WEB_SEPARATORS}")


_TOKEN = _token()


def furniture_prefix(line: str) -> int:
    """How many characters at the start of `line` are web furniture: len(line) for a line
    of nothing else, 0 for none."""
    if len(line) <= p.WEB_FOOTER_MAX_CHARS and p.WEB_FOOTER.search(line):
        return len(line)
    position, may_follow = 0, False
    while position < len(line):
        match = _TOKEN.match(line, position)
        if not match or match.end() == position:
            break
        position, may_follow = match.end(), match["run"] is not None
    if position == len(line) or may_follow:
        return position
    return 0
