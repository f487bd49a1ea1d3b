"""Which entry a ▲ footnote belongs to: the one whose text carries its term and a marker."""
from __future__ import annotations

import re
from typing import Sequence

from timeline.segment import vocabulary as v


def footnote_term(text: str) -> str:
    match = v.FOOTNOTE_TERM.match(text)
    return match["term"] if match else ""


def _normalised(text: str) -> str:
    return v.TERM_NOISE.sub("", text)


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def marker_score(body: str, term: str) -> int:
    """How well a ▲ marker in `body` names `term`: the longest shared ending of the term and
    the text just before a marker ("保障服务“五承诺▲”" names "保障服务“五承诺”")."""
    term = _normalised(term)
    best = 0
    for marker in re.finditer(v.FOOTNOTE_MARK, body):
        before = _normalised(body[max(0, marker.start() - 2 * len(term) - 8):marker.start()])
        best = max(best, _common_suffix(before, term))
    return best if best >= min(len(term), 2) else 0


def footnote_owner(term: str, bodies: Sequence[str], host: int) -> int:
    """The index of the entry a footnote refers to, searching back from `host` (the entry
    it follows, which wins when nothing names the term)."""
    best, owner = 0, host
    for index in range(host, max(-1, host - v.FOOTNOTE_REACH), -1):
        score = marker_score(bodies[index], term)
        if score > best:
            best, owner = score, index
    return owner
