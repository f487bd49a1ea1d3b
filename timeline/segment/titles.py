"""Titles for text that has none of its own: the first clause, shortened sensibly."""
from __future__ import annotations

import re

from timeline.dates.tables import PART_OF_DAY
from timeline.segment import vocabulary as v

# Time words that may open an entry's text after its date: parts of the day (two
# characters or more: "晚" alone opens 晚会) and the vocabulary's words.
# "起" and the like, and a part of the day of one character ("晚"), only before a break:
# "起草……" and "晚会……" are words of their own.
_PARTS = sorted((w for w in PART_OF_DAY if len(w) > 1), key=len, reverse=True)
_WORDS = sorted([*v.LEADING_TIME_WORDS, *(w for w in PART_OF_DAY if len(w) == 1)], key=len, reverse=True)
_LEADING = re.compile(r"^(?:[\s，,、：:．.】]+|" + "|".join(map(re.escape, _PARTS))
                      + r"|(?:" + "|".join(map(re.escape, _WORDS)) + r")(?=[\s，,、：:])|"
                      + v.BRACKETED.pattern + ")")


_CLAUSE_MARKS = v.CLAUSE_BREAK + v.SENTENCE_END + "."


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
    clause = text[:end].strip().rstrip(_CLAUSE_MARKS)      # "大熟。" alone: 大熟
    if len(clause) <= v.TITLE_MAX_CHARS:
        return clause
    cut = max(clause.rfind("、", 0, v.TITLE_MAX_CHARS), clause.rfind(" ", 0, v.TITLE_MAX_CHARS))
    if cut < v.TITLE_MAX_CHARS // 2:
        cut = v.TITLE_MAX_CHARS
    return clause[:cut].rstrip("、 ") + "…"


def after_time_words(text: str, dates: dict[int, int] | None = None, at: int = 0) -> str:
    """`text` without the separators, glosses and time words that open it, nor a first
    clause of nothing but dates that only restates when ("12日 植树节当天，……"; "植树节活动……"
    keeps its name). `dates`: start -> end of each date mention; `at`: where `text` starts
    among them."""
    text, at = _without_leading(text, at)
    clause = v.CLAUSE_END.search(text) if dates else None
    if clause is None:
        return text
    position = 0
    while position < clause.start():
        step = dates.get(at + position, at + position) - (at + position)
        if not step:
            match = _LEADING.match(text[position:])
            step = match.end() if match else 0
        if not step:
            return text
        position += step
    return _without_leading(text[clause.start():], 0)[0]


def _without_leading(text: str, at: int) -> tuple[str, int]:
    while True:
        match = _LEADING.match(text)
        if not match or not match.end():
            return text, at
        text, at = text[match.end():], at + match.end()


def dated_title(body: str, span: tuple[int, int] | None, dates: dict[int, int] | None = None) -> str:
    """The title of a dated entry: its first clause after its date (at `span`, a date the
    entry has from elsewhere has none), without the time words, glosses and dates that
    follow the date. A date inside the first clause ("学校于1938年迁往……") is taken out with
    the word that ties it in."""
    if span is None or span == (0, 0):
        return first_clause(after_time_words(body, dates))
    start, end = span
    # What stands before the date in its own clause ("……后，医院于1938年5月迁往……": 医院),
    # unless a mere prefix to it ("清乾隆……"). A word or two before a date that closes its
    # clause only says when: the sentence's start then says what ("……博济诊所，设立于1921年
    # 春，……"), or, at the start, the clause after the date ("进入九十年代，……").
    whole = body[:start]
    cut = max(map(whole.rfind, _CLAUSE_MARKS))
    own = whole[cut + 1:].rstrip().rstrip(v.DATE_PREPOSITIONS)
    closes = _CLOSES_CLAUSE.match(body, end)
    if len(own) > v.TIME_LEAD_MAX_CHARS and closes:
        return first_clause(own)            # "东湖中学创办于1952年秋，初名……": 东湖中学创办
    if len(own) > v.TIME_LEAD_MAX_CHARS or not closes:
        lead = own if len(own) > 1 else ""
    elif own and cut >= 0:
        lead = whole.rstrip().rstrip(v.DATE_PREPOSITIONS)
    else:
        lead = ""
    word = next((w for w in v.RUN_ON_TIME_WORDS if body.startswith(w, end)), "")
    return first_clause(lead + after_time_words(body[end + len(word):], dates, end + len(word)))


# A date that ends its clause, time words after it aside ("1966年至1976年间，").
_CLOSES_CLAUSE = re.compile(r"(?:" + "|".join(map(re.escape, _WORDS)) + r")?\s*[，,。；;：:]")
