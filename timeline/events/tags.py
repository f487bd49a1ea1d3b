"""Tags: kinds of event from the keyword table, title first, the lead sentence second."""
from __future__ import annotations

from timeline.events.tag_keywords import TAG_KEYWORDS


def _matching(text: str) -> tuple[str, ...]:
    return tuple(tag for tag, words in TAG_KEYWORDS.items() if any(w in text for w in words))


def tags_for(title: str, lead: str) -> tuple[str, ...]:
    """The title decides; the lead sentence only when the title names no kind of event
    (the whole body would tag a visit with every meeting it mentions)."""
    return _matching(title) or _matching(lead)
