"""Which entry a photo caption shows: the one near it whose title the caption retells, else
the one it interrupted. A caption may date an entry that has no date of its own (an xref)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from timeline.dates import DateSpan
from timeline.events.keys import normalised_title
from timeline.events.vocabulary import CAPTION_REACH, CAPTION_TITLE_MIN_PAIRS, CAPTION_TITLE_SHARE
from timeline.text import Caption


@dataclass(frozen=True, slots=True)
class Placed:
    caption: Caption
    date: DateSpan | None      # the date the caption opens with, if any


def _pairs(text: str) -> set[str]:
    text = normalised_title(text)
    return {text[i:i + 2] for i in range(len(text) - 1)}


def title_share(title: str, caption: str) -> float:
    """The share of the title's character pairs that the caption contains (0 if too few)."""
    return _share(_pairs(title), _pairs(caption))


def _share(title_pairs: set[str], caption_pairs: set[str]) -> float:
    shared = len(title_pairs & caption_pairs)
    return shared / len(title_pairs) if shared >= CAPTION_TITLE_MIN_PAIRS else 0.0


def _overlaps(date: DateSpan | None, primary: DateSpan | None) -> bool:
    return date is None or primary is None or (date.start <= primary.end and primary.start <= date.end)


def place_captions(titles: Sequence[str | None], primaries: Sequence[DateSpan | None],
                   found: Sequence[Sequence[Placed]]) -> list[list[Placed]]:
    """`found[i]`: the captions met in entry i's text. Each goes to the entry within
    CAPTION_REACH of it whose title it retells best (and whose date it does not contradict);
    else it stays where it was met. A None title is an entry captions are never matched to
    (an overview)."""
    placed: list[list[Placed]] = [[] for _ in titles]
    title_pairs: dict[int, set[str] | None] = {}      # computed for entries near a caption only
    for home, captions in enumerate(found):
        for item in captions:
            best, target = 0.0, home
            caption_pairs = _pairs(item.caption.text)
            for index in range(max(0, home - CAPTION_REACH), min(len(titles), home + CAPTION_REACH + 1)):
                if index not in title_pairs:
                    title_pairs[index] = None if titles[index] is None else _pairs(titles[index])
                pairs = title_pairs[index]
                if pairs is None or not _overlaps(item.date, primaries[index]):
                    continue
                share = _share(pairs, caption_pairs)
                nearer = abs(index - home) < abs(target - home)
                if share >= CAPTION_TITLE_SHARE and (share > best or share == best and nearer):
                    best, target = share, index
            placed[target].append(item)
    return placed
