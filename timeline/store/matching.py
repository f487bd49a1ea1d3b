"""Which stored event a re-ingested entry is: matched by content, never by position alone.

An entry keeps its stored event (and so its key, the iCalendar UID) when one of these holds,
tried in this order:
1. its key is the stored key, and neither side has another entry with that key before the
   "-2", "-3" suffix of repeats (the key is document, category, normalised title and start
   date: the same entry, unless repeats make the suffix a matter of position);
2. its title, dates and text are those of a stored event exactly (a category renamed, a
   repeat whose twin was removed): among equals any pairing publishes the same thing;
3. its content is close to one stored event's and to no other's (`_similar`): at least two
   of title, dates and text agree, or the text is nearly the same. Both sides must prefer
   each other, by a clear margin over their next best; otherwise the entry is new and the
   stored event is removed, so a UID never passes from one entry to another.
A new entry takes its computed key, unless that key belongs to a stored event of the
document (kept or removed now), or was published before for another entry: then the next
free suffix.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from timeline.events.keys import normalised_title
from timeline.dates.span import DateSpan

# Similarity is Dice's coefficient over character pairs; these say when a part agrees.
TITLE_AGREES = 0.6
TEXT_AGREES = 0.5
TEXT_SAME = 0.9          # text this close identifies an entry on its own
MARGIN = 0.2             # the best candidate must beat the next by this much (of 3)
TEXT_CHARS = 2000        # text compared (bodies are rarely longer; keeps scoring linear)
# Pairs of characters held by more stored events than this do not propose candidates
# (they only add to the score): matching stays linear when a whole document changed.
COMMON_PAIR = 16


@dataclass(frozen=True)
class Entry:
    """What matching compares of an event, new or stored."""

    key: str
    title: str
    dates: tuple | None      # (start, end, time, end_time), None when undated
    text: str

    @classmethod
    def of(cls, key: str, title: str, primary: DateSpan | None, text: str) -> Entry:
        dates = (primary.start, primary.end, primary.time, primary.end_time) if primary else None
        return cls(key, normalised_title(title), dates, text)


def match(new: Sequence[Entry], old: Sequence[Entry]) -> dict[int, int]:
    """Indexes of `new` -> indexes of `old` for the entries that keep a stored event."""
    matches: dict[int, int] = {}
    free = set(range(len(old)))

    def pair(i: int, j: int) -> None:
        matches[i] = j
        free.discard(j)

    # 1. the same key, where no repeat makes the suffix positional
    new_bases = _count(base_key(e.key) for e in new)
    old_bases = _count(base_key(e.key) for e in old)
    old_by_key = {e.key: j for j, e in enumerate(old)}
    for i, e in enumerate(new):
        j = old_by_key.get(e.key)
        if j is not None and new_bases[base_key(e.key)] == 1 == old_bases[base_key(e.key)]:
            pair(i, j)
    # 2. identical content, in document order among equals
    same: dict[tuple, list[int]] = defaultdict(list)
    for j in sorted(free):
        same[_identity(old[j])].append(j)
    for i, e in enumerate(new):
        if i not in matches and same.get(_identity(e)):
            pair(i, same[_identity(e)].pop(0))
    # 3. close content, unambiguous on both sides
    rest = [i for i in range(len(new)) if i not in matches]
    if not rest or not free:
        return matches
    scores = _scores([new[i] for i in rest], [old[j] for j in sorted(free)])
    free_list = sorted(free)
    best_new: dict[int, list[tuple[float, int]]] = defaultdict(list)
    best_old: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (a, b), score in scores.items():
        best_new[a].append((score, b))
        best_old[b].append((score, a))
    for a, found in best_new.items():
        score, b = _clear_winner(found)
        if b is not None and _clear_winner(best_old[b])[1] == a:
            pair(rest[a], free_list[b])
    return matches


def fresh_key(computed: str, in_use: Callable[[str], bool], published: Callable[[str], bool]) -> str:
    """The key of a new entry: `computed` unless `in_use` (a stored event of the document
    has it, kept or removed now); else the first "-N" form (N >= 2) neither in use nor
    `published` before. (`computed` itself may have been published: the entry is then
    restored, being the same document, category, title and start.)"""
    if not in_use(computed):
        return computed
    base, n = base_key(computed), 2
    while in_use(f"{base}-{n}") or published(f"{base}-{n}"):
        n += 1
    return f"{base}-{n}"


def base_key(key: str) -> str:
    """The key without the suffix of a repeat ("…-2")."""
    return key.split("-", 1)[0]


def _count(values) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for v in values:
        counts[v] += 1
    return counts


def _identity(e: Entry) -> tuple:
    return (e.title, e.dates, e.text)


def _pairs(text: str) -> frozenset[str]:
    text = text[:TEXT_CHARS]
    return frozenset(text[k:k + 2] for k in range(len(text) - 1)) if len(text) > 1 else frozenset(text)


def _dice(a: frozenset, b: frozenset) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def _similar(new: Entry, old: Entry, new_pairs, old_pairs) -> float | None:
    """A score (0-3) when `new` may be `old` (see the module docstring), else None."""
    title = _dice(new_pairs[0], old_pairs[0])
    text = _dice(new_pairs[1], old_pairs[1])
    dates = 1.0 if new.dates is not None and new.dates == old.dates else 0.0
    agree = (title >= TITLE_AGREES) + (text >= TEXT_AGREES) + (dates == 1.0)
    if agree >= 2 or text >= TEXT_SAME:
        return title + text + dates
    return None


def _scores(new: Sequence[Entry], old: Sequence[Entry]) -> dict[tuple[int, int], float]:
    """Scores of the pairs that may match. Candidates share a date or a character pair
    that few stored events hold, so a whole changed document is not compared pair by pair."""
    new_pairs = [(_pairs(e.title), _pairs(e.text)) for e in new]
    old_pairs = [(_pairs(e.title), _pairs(e.text)) for e in old]
    holders: dict[str, list[int]] = defaultdict(list)
    by_date: dict[tuple, list[int]] = defaultdict(list)
    for j, (title, text) in enumerate(old_pairs):
        for p in title | text:
            holders[p].append(j)
        by_date[old[j].dates].append(j)
    scores = {}
    for i, e in enumerate(new):
        candidates = set(by_date.get(e.dates, ()))
        for p in new_pairs[i][0] | new_pairs[i][1]:
            if len(holders.get(p, ())) <= COMMON_PAIR:
                candidates.update(holders.get(p, ()))
        for j in candidates:
            score = _similar(e, old[j], new_pairs[i], old_pairs[j])
            if score is not None:
                scores[i, j] = score
    return scores


def _clear_winner(found: list[tuple[float, int]]) -> tuple[float, int | None]:
    """The best (score, index) when it beats the runner-up by MARGIN, else (score, None)."""
    ranked = sorted(found, reverse=True)
    if len(ranked) > 1 and ranked[1][0] > ranked[0][0] - MARGIN:
        return ranked[0][0], None
    return ranked[0]
