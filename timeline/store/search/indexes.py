"""What search indexes, on each database, and how the indexes are kept in step with `events`.

PostgreSQL (made by migrations 5c1e7a9d2b40, 7d2e4b6a8c10 and d0af348e5f8e, declared here
for the models):
- ix_events_title_trgm, ix_events_body_trgm: pg_trgm GIN indexes, any word of 3+ characters
  (Chinese too: the default full-text parser does not split Chinese words);
- ix_events_bigrams over timeline_pair_codes(title, body), each lower-cased 2-character
  substring as a number, and ix_events_chars over timeline_char_codes(title,
  body), each lower-cased character's code point: pg_trgm finds no trigram in a 1-2
  character pattern. Both functions are SQL functions of the migrations; the server keeps
  the indexes itself. Numbers, not text: a GIN index of text keys compared each one in the
  database's collation, most of the cost of inserting an event.

SQLite (with FTS5; without it nothing is made and every search is a LIKE):
- events_fts: an external-content FTS5 table with the trigram tokenizer, for 3+ characters,
  kept by triggers that copy title and body;
- events_fts_grams: a contentless FTS5 table for 1-2 characters, kept by triggers that
  call `timeline_grams()`, the Python function `gram_terms` below.

THE SQLITE WRITER RULE: no SQLite client without `timeline_grams()` registered may write to
`events`. Its triggers call the function; a client without it (the sqlite3 shell, another
program) fails with "no such function: timeline_grams" on any INSERT, UPDATE or DELETE of
`events`. Every connection the app makes registers it (`register`, called by
`timeline.store.db.make_engine`). Reading needs nothing.
"""
from __future__ import annotations

from operator import add

from sqlalchemy import Index, text

# ------------------------------------------------------------------ PostgreSQL
# Declared with column names, not columns, so that the models can list them without
# importing this package's queries. Autogenerate skips them on SQLite (info "dialect") and
# never compares the expression indexes (info "compare"): see migrations/env.py.
POSTGRES_INDEXES = (
    Index("ix_events_title_trgm", "title", postgresql_using="gin",
          postgresql_ops={"title": "gin_trgm_ops"}, info={"dialect": "postgresql"}),
    Index("ix_events_body_trgm", "body", postgresql_using="gin",
          postgresql_ops={"body": "gin_trgm_ops"}, info={"dialect": "postgresql"}),
    Index("ix_events_bigrams", text("timeline_pair_codes(title, body)"), postgresql_using="gin",
          info={"dialect": "postgresql", "compare": False}),
    Index("ix_events_chars", text("timeline_char_codes(title, body)"), postgresql_using="gin",
          info={"dialect": "postgresql", "compare": False}),
)
CHAR_CODES = "timeline_char_codes"    # int[]: the code point of each lower-cased character
PAIR_CODES = "timeline_pair_codes"    # int8[]: each lower-cased pair as first << 21 | second
PAIR_CODE_SHIFT = 21                  # a code point's bits: the number is the pair

# ------------------------------------------------------------------ SQLite
TRIGRAM_TABLE = "events_fts"          # 3+ characters
GRAMS_TABLE = "events_fts_grams"      # 1 and 2 characters
GRAMS_FUNCTION = "timeline_grams"


def gram_terms(title: str | None, body: str | None) -> str | None:
    """The events_fts_grams terms of one event, space-separated (NULL in, NULL out, like SQL).

    Every distinct lower-cased character and 2-character substring of title + " " + body,
    each written as the hex of its UTF-8 bytes so that FTS5's `ascii` tokenizer keeps it one
    token whatever its characters (punctuation, "%", spaces). UTF-8 being prefix-free, no
    pair's term equals a character's, so a 1- or 2-character query is exact.

    The table is contentless (no second copy of the text): its triggers call this for the
    old row to delete its terms. So what it returns for a text already indexed must never
    change; a change needs a migration that rebuilds the table. Migration 7d2e4b6a8c10
    holds a frozen copy, which tests/store/test_search_indexes.py compares with this one.
    """
    if title is None or body is None:
        return None
    lowered = f"{title} {body}".lower()
    # Each character's hex once, a pair's hex being its two characters' (the corpus of
    # bench_ingest.py: 1.1 s instead of 1.4-1.7 s encoding every gram).
    hexes = {c: c.encode().hex() for c in set(lowered)}
    chars = list(map(hexes.__getitem__, lowered))
    terms = set(chars)
    terms.update(map(add, chars, chars[1:]))
    return " ".join(sorted(terms))


def gram_query_term(word: str) -> str | None:
    """The events_fts_grams term of the events holding `word`, or None when `word` is not 1
    or 2 characters once lower-cased (the table holds only those)."""
    lowered = word.lower()
    return lowered.encode().hex() if 1 <= len(lowered) <= 2 else None


def register(dbapi_connection) -> None:  # noqa: ANN001 - a sqlite3.Connection
    """Make timeline_grams(title, body) callable on this SQLite connection: the writer rule."""
    dbapi_connection.create_function(GRAMS_FUNCTION, 2, gram_terms, deterministic=True)
