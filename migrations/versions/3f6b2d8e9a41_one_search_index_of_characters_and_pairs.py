"""one search index of characters and pairs

Each database had three search indexes, one per word length, and keeping them was most of
the cost of storing an event: bench_ingest.py's 5 MB corpus (4,223 events) spent about 5 of
the bare insert's 5.6 s in them, on both databases. Now each has one index of every
lower-cased character and pair of neighbouring characters of title + " " + body, which
serves every word: a word of 1 or 2 characters is one key (exact), a longer word the
events holding all of its pairs, then a LIKE over those (timeline.store.search.match).

- PostgreSQL: ix_events_grams, a GIN index over timeline_gram_codes(title, body), the code
  point of each character and each pair as first << 21 | second (int8[]; a pair's first
  character is never NUL, so its number is 2^21 or more and never a character's). A
  PL/pgSQL function: the server keeps its plan for the connection, where the SQL functions
  before it were planned again for every inserted row. Dropped: ix_events_title_trgm,
  ix_events_body_trgm (pg_trgm), ix_events_bigrams, ix_events_chars and their functions.
  The pg_trgm extension stays (other objects may use it).
- SQLite (with FTS5): events_fts_ngrams, a contentless FTS5 table (detail=none: which
  rows hold a term, nothing more; not columnsize=0, which would make the table refuse a
  plain SELECT, as tests/faults' snapshots of every table make) whose terms timeline_ngrams(title,
  body) gives: the characters and pairs as they are, an ASCII character other than a
  letter or digit written "_" and two hex digits (the `ascii` tokenizer with tokenchars
  '_' keeps each term one token). Half the bytes of events_fts_grams' hex terms. Dropped:
  events_fts (trigram), events_fts_grams and their triggers. timeline_ngrams() is a Python
  function every connection of the app registers (timeline.store.search.indexes); a
  connection without it cannot write to `events`.

The downgrade makes the three indexes of each database again, as d0af348e5f8e left them.

Revision ID: 3f6b2d8e9a41
Revises: d0af348e5f8e
Create Date: 2026-12-01
"""
from operator import add
from typing import Sequence, Union

from alembic import op

revision: str = '3f6b2d8e9a41'
down_revision: Union[str, None] = 'd0af348e5f8e'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# ------------------------------------------------------------------ PostgreSQL
# COST: queries reach it only through its index, never row by row (as the functions before).
GRAM_CODES = """
CREATE FUNCTION timeline_gram_codes(title text, body text) RETURNS int8[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$
DECLARE
    chars int8[] := ARRAY(SELECT ascii(c) FROM unnest(string_to_array(lower(title || ' ' || body), NULL)) AS c);
BEGIN
    -- Each character but the last with the next: two slices walked in step.
    RETURN chars || ARRAY(SELECT (unnest(chars[1:cardinality(chars) - 1]) << 21) | unnest(chars[2:]));
END
$$
"""

# As migration d0af348e5f8e made them (for the downgrade).
OLD_CHAR_CODES = """
CREATE FUNCTION timeline_char_codes(title text, body text) RETURNS int[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$
    SELECT ARRAY(SELECT ascii(c) FROM unnest(string_to_array(lower(title || ' ' || body), NULL)) AS c)
$$
"""
OLD_PAIR_CODES = """
CREATE FUNCTION timeline_pair_codes(title text, body text) RETURNS int8[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$
    SELECT ARRAY(SELECT (ascii(unnest(c[1:cardinality(c) - 1]))::int8 << 21) | ascii(unnest(c[2:])))
    FROM (SELECT string_to_array(lower(title || ' ' || body), NULL) AS c) AS chars
$$
"""
OLD_POSTGRES_INDEXES = (
    "CREATE INDEX ix_events_title_trgm ON events USING gin (title gin_trgm_ops)",
    "CREATE INDEX ix_events_body_trgm ON events USING gin (body gin_trgm_ops)",
    "CREATE INDEX ix_events_bigrams ON events USING gin (timeline_pair_codes(title, body))",
    "CREATE INDEX ix_events_chars ON events USING gin (timeline_char_codes(title, body))",
)


# ------------------------------------------------------------------ SQLite
# A frozen copy of timeline.store.search.indexes.gram_terms as this migration writes the
# index (a migration imports nothing from the app, whose code moves on). The two must give
# the same terms for as long as the table stands: tests/store/test_search_indexes.py checks it.
_ASCII = {chr(i): chr(i) if chr(i).isalnum() else f"_{i:02x}" for i in range(128)}


def ngram_terms(title, body):
    if title is None or body is None:
        return None
    lowered = f"{title} {body}".lower()
    written = {c: _ASCII.get(c, c) for c in set(lowered)}
    chars = list(map(written.__getitem__, lowered))
    terms = set(map(add, chars, chars[1:]))
    terms.update(written.values())
    return " ".join(terms)


def _table_sql(table: str, function: str, definition: str) -> list[str]:
    """A contentless FTS5 table over function(title, body), its triggers and its fill."""
    terms = function + "({0}.title, {0}.body)"
    return [
        f"CREATE VIRTUAL TABLE {table} USING fts5({definition})",
        f"""CREATE TRIGGER {table}_insert AFTER INSERT ON events BEGIN
            INSERT INTO {table}(rowid, terms) VALUES (new.id, {terms.format('new')});
        END""",
        # A contentless table deletes a row's terms given the same terms again.
        f"""CREATE TRIGGER {table}_delete AFTER DELETE ON events BEGIN
            INSERT INTO {table}({table}, rowid, terms) VALUES ('delete', old.id, {terms.format('old')});
        END""",
        f"""CREATE TRIGGER {table}_update AFTER UPDATE OF title, body ON events BEGIN
            INSERT INTO {table}({table}, rowid, terms) VALUES ('delete', old.id, {terms.format('old')});
            INSERT INTO {table}(rowid, terms) VALUES (new.id, {terms.format('new')});
        END""",
        f"INSERT INTO {table}(rowid, terms) SELECT id, {terms.format('events')} FROM events",
    ]


NGRAMS = _table_sql("events_fts_ngrams", "timeline_ngrams",
                    "terms, content='', detail='none', tokenize=\"ascii tokenchars '_'\"")


# As migrations 7d2e4b6a8c10 (frozen function included) and 5c1e7a9d2b40 made them (for the downgrade).
def old_gram_terms(title, body):
    if title is None or body is None:
        return None
    text = f"{title} {body}".lower()
    grams = set(text) | {text[i:i + 2] for i in range(len(text) - 1)}
    return " ".join(sorted(gram.encode().hex() for gram in grams))


OLD_GRAMS = _table_sql("events_fts_grams", "timeline_grams", "terms, content='', detail='none', tokenize='ascii'")
OLD_TRIGRAMS = [
    "CREATE VIRTUAL TABLE events_fts USING fts5(title, body, content='events', content_rowid='id', "
    "tokenize='trigram')",
    """CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
        INSERT INTO events_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    """CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    END""",
    """CREATE TRIGGER events_fts_update AFTER UPDATE OF title, body ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO events_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    "INSERT INTO events_fts(events_fts) VALUES ('rebuild')",
]


def _drop_table(table: str) -> None:
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS {table}_{trigger}")
    op.execute(f"DROP TABLE IF EXISTS {table}")


def _sqlite_fts5(conn) -> bool:
    return bool(conn.exec_driver_sql("SELECT sqlite_compileoption_used('ENABLE_FTS5')").scalar())


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        for name in ("ix_events_title_trgm", "ix_events_body_trgm", "ix_events_bigrams", "ix_events_chars"):
            op.execute(f"DROP INDEX IF EXISTS {name}")
        op.execute("DROP FUNCTION IF EXISTS timeline_char_codes(text, text)")
        op.execute("DROP FUNCTION IF EXISTS timeline_pair_codes(text, text)")
        op.execute(GRAM_CODES)
        op.execute("CREATE INDEX ix_events_grams ON events USING gin (timeline_gram_codes(title, body))")
    elif conn.dialect.name == "sqlite":
        _drop_table("events_fts")
        _drop_table("events_fts_grams")
        if _sqlite_fts5(conn):
            # Alembic's own connection is not the app's: the triggers and the fill need the function.
            conn.connection.driver_connection.create_function("timeline_ngrams", 2, ngram_terms, deterministic=True)
            for statement in NGRAMS:
                op.execute(statement)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_events_grams")
        op.execute("DROP FUNCTION IF EXISTS timeline_gram_codes(text, text)")
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(OLD_CHAR_CODES)
        op.execute(OLD_PAIR_CODES)
        for statement in OLD_POSTGRES_INDEXES:
            op.execute(statement)
    elif conn.dialect.name == "sqlite":
        _drop_table("events_fts_ngrams")
        if _sqlite_fts5(conn):
            version = tuple(int(p) for p in conn.exec_driver_sql("SELECT sqlite_version()").scalar().split("."))
            if version >= (3, 34):       # the trigram tokenizer
                for statement in OLD_TRIGRAMS:
                    op.execute(statement)
            conn.connection.driver_connection.create_function("timeline_grams", 2, old_gram_terms,
                                                              deterministic=True)
            for statement in OLD_GRAMS:
                op.execute(statement)
