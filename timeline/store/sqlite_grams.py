"""One- and two-character search on SQLite: the terms of the events_fts_grams index.

FTS5's trigram tokenizer cannot match fewer than 3 characters, yet "湖", "签约", "开工" are
common Chinese searches; without an index each one reads every row (100-140 ms at 100,000
events). So SQLite gets what PostgreSQL has in ix_events_chars and ix_events_bigrams: every
distinct lower-cased character and 2-character substring of title + " " + body, each
written as the hex of its UTF-8 bytes so that FTS5's `ascii` tokenizer keeps it one token
whatever its characters (punctuation, "%", spaces). UTF-8 being prefix-free, no pair's term
equals a character's. A 1- or 2-character query is then exact against the index.

The index is contentless (no second copy of the text): its triggers call timeline_grams()
for the old row to delete its terms. That function must therefore never change what it
returns for a text already indexed; a change needs a migration that rebuilds the table.
"""
from __future__ import annotations

FUNCTION = "timeline_grams"


def gram_terms(title: str | None, body: str | None) -> str | None:
    """The index terms of one event, space-separated (NULL in, NULL out, like SQL)."""
    if title is None or body is None:
        return None
    text = f"{title} {body}".lower()
    grams = set(text) | {text[i:i + 2] for i in range(len(text) - 1)}
    return " ".join(sorted(gram.encode().hex() for gram in grams))


def query_term(q: str) -> str | None:
    """The FTS5 term for the events holding `q`, or None when `q` is not 1 or 2 characters
    once lower-cased (the index holds only those)."""
    lowered = q.lower()
    return lowered.encode().hex() if 1 <= len(lowered) <= 2 else None


def register(dbapi_connection) -> None:  # noqa: ANN001 - a sqlite3.Connection
    """Make timeline_grams(title, body) callable on this connection (triggers need it)."""
    dbapi_connection.create_function(FUNCTION, 2, gram_terms, deterministic=True)
