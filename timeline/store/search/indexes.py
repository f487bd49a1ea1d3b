"""What search indexes, on each database, and how the indexes are kept in step with `events`.

One index per database serves every word length (migration 3f6b2d8e9a41; docs/search.md):
it holds each lower-cased character and each pair of neighbouring characters of
title + " " + body. A word of 1 or 2 characters is one key, found exactly; a longer word is
the events holding all of its pairs, checked with a LIKE.

PostgreSQL (declared here for the models):
- ix_events_grams, a GIN index over timeline_gram_codes(title, body): each character's code
  point and each pair as first << 21 | second (int8[]; a code point has 21 bits, and a
  pair's first character is never NUL, so no pair's number is a character's). A PL/pgSQL
  function of the migration, whose plan the server keeps per connection; the server keeps
  the index itself.

SQLite (with FTS5; without it nothing is made and every search is a LIKE):
- events_fts_ngrams: a contentless FTS5 table (`detail=none`) of `gram_terms`, kept by
  triggers that call `timeline_ngrams()`, the Python function `gram_terms` below.

THE SQLITE WRITER RULE: no SQLite client without `timeline_ngrams()` registered may write to
`events`. Its triggers call the function; a client without it (the sqlite3 shell, another
program) fails with "no such function: timeline_ngrams" on any INSERT, UPDATE or DELETE of
`events`. Every connection the app makes registers it (`register`, called by
`timeline.store.db.make_engine`). Reading needs nothing.
"""
from __future__ import annotations

from contextlib import contextmanager
from operator import add

from sqlalchemy import Index, text

# ------------------------------------------------------------------ PostgreSQL
# Declared with an expression, not columns, so that the models can list it without importing
# this package's queries. Autogenerate skips it on SQLite (info "dialect") and never
# compares the expression index (info "compare"): see migrations/env.py.
GRAM_CODES = "timeline_gram_codes"    # int8[]: each lower-cased character and pair as a number
POSTGRES_INDEXES = (
    Index("ix_events_grams", text(f"{GRAM_CODES}(title, body)"), postgresql_using="gin",
          info={"dialect": "postgresql", "compare": False}),
)
PAIR_CODE_SHIFT = 21                  # a code point's bits: the number is the pair

# ------------------------------------------------------------------ SQLite
GRAMS_TABLE = "events_fts_ngrams"
GRAMS_FUNCTION = "timeline_ngrams"

# How a character is written in a term. FTS5's `ascii` tokenizer (with `tokenchars '_'`)
# keeps every non-ASCII character, ASCII letters and digits and "_" in a token and splits at
# any other ASCII character: those are written "_" and two hex digits ("%" -> "_25", "_" ->
# "_5f"), the others as they are. The code is prefix-free ("_" always opens three
# characters), so a term reads back one way, and no pair's term is a character's (1 or 3
# characters against 2, 4 or 6).
_ASCII = {chr(i): chr(i) if chr(i).isalnum() else f"_{i:02x}" for i in range(128)}


class _Written(dict):
    """Each character's term, kept once worked out: the characters of Chinese text are a few
    thousand; past 65,536 (text made to fill memory) the others are worked out each time."""

    def __missing__(self, c: str) -> str:
        term = _ASCII.get(c, c)
        if len(self) < 65_536:
            self[c] = term
        return term


_WRITTEN = _Written()


def _written(c: str) -> str:
    return _WRITTEN[c]


def gram_terms(title: str | None, body: str | None) -> str | None:
    """The events_fts_ngrams terms of one event, space-separated (NULL in, NULL out, like SQL).

    Every distinct lower-cased character and 2-character substring of title + " " + body,
    written as `_written` says (签约 -> "签约", "A%" -> "a_25"), in no particular order.

    The table is contentless (no second copy of the text): its triggers call this for the
    old row to delete its terms. So the set of terms it gives for a text already indexed
    must never change; a change needs a migration that rebuilds the table. Migration
    3f6b2d8e9a41 holds a frozen copy, which tests/store/test_search_indexes.py compares with
    this one.
    """
    if title is None or body is None:
        return None
    lowered = f"{title} {body}".lower()
    chars = list(map(_WRITTEN.__getitem__, lowered))
    terms = set(chars)
    terms.update(map(add, chars, chars[1:]))
    return " ".join(terms)


def word_terms(word: str) -> list[str]:
    """The events_fts_ngrams terms every event holding `word` holds: the character of a
    1-character word, the pairs of a longer one (each once; none for an empty word). For 1
    and 2 characters the events holding the terms are exactly the word's holders; for more
    they are candidates to check."""
    chars = [_written(c) for c in word.lower()]
    if len(chars) == 1:
        return chars
    return list(dict.fromkeys(map(add, chars, chars[1:])))


# Terms worked out before their rows are written (timeline.store.prepare, in the processes
# that parse), by (title, body): the triggers' function answers from here when it can. Only
# gram_terms' own answers are put here, under the text they are of, so an answer from here
# is the one gram_terms would give (about 0.1 ms an event less for the process that writes).
_KNOWN: dict[tuple[str, str], str] = {}


@contextmanager
def known_terms(terms: dict[tuple[str, str], str]):
    """Within the block, timeline_ngrams(title, body) answers with terms[(title, body)]:
    `terms` must be gram_terms' answers (timeline.store.prepare.prepare makes them)."""
    _KNOWN.update(terms)
    try:
        yield
    finally:
        for key in terms:
            _KNOWN.pop(key, None)


def _trigger_terms(title: str | None, body: str | None) -> str | None:
    terms = _KNOWN.get((title, body))
    return gram_terms(title, body) if terms is None else terms


def register(dbapi_connection) -> None:  # noqa: ANN001 - a sqlite3.Connection
    """Make timeline_ngrams(title, body) callable on this SQLite connection: the writer rule."""
    dbapi_connection.create_function(GRAMS_FUNCTION, 2, _trigger_terms, deterministic=True)
