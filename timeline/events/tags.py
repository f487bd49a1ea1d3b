"""Tags: kinds of event from the keyword table, title first, the lead sentence second."""
from __future__ import annotations

import re

from timeline.events.tag_keywords import TAG_KEYWORDS

# Every keyword in one alternation (longest first), read in one scan of a text.
_WORDS = re.compile("|".join(map(re.escape, sorted({w for ws in TAG_KEYWORDS.values() for w in ws},
                                                   key=len, reverse=True))))
_TAGS_OF = {w: {tag for tag, words in TAG_KEYWORDS.items() if any(w2 in w for w2 in words)}
            for ws in TAG_KEYWORDS.values() for w in ws}


def _matching(text: str) -> tuple[str, ...]:
    found: set[str] = set()
    for match in _WORDS.finditer(text):
        found |= _TAGS_OF[match.group()]
    if not found:                    # most texts: no keyword, no walk over the table
        return ()
    return tuple(tag for tag in TAG_KEYWORDS if tag in found)


def tags_for(title: str, lead: str) -> tuple[str, ...]:
    """The title decides; the lead sentence only when the title names no kind of event
    (the whole body would tag a visit with every meeting it mentions)."""
    return _matching(title) or _matching(lead)
