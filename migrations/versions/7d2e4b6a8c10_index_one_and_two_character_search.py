"""index one- and two-character search

Searches of 1 and 2 characters ("湖", "签约": common in Chinese) that the trigram indexes
cannot serve read every row without an index (100-400 ms at 100,000 events).

- PostgreSQL already has ix_events_bigrams for 2 characters; this adds ix_events_chars, a
  GIN index over timeline_chars(title, body), the distinct lower-cased characters, for 1.
- SQLite (with FTS5): events_fts_grams, a contentless FTS5 table (detail=none: it answers
  "which rows hold this term", nothing more) over timeline_grams(title, body), the hex
  terms of each distinct lower-cased character and pair, kept in step with `events` by
  triggers. timeline_grams() is a Python function that every connection of the app
  registers (timeline.store.search.indexes); a connection without it cannot write to
  `events` once this migration has run. Without FTS5 nothing is made: those searches stay
  a LIKE.

Revision ID: 7d2e4b6a8c10
Revises: 5c1e7a9d2b40
Create Date: 2026-11-30
"""
from typing import Sequence, Union

from alembic import op

revision: str = '7d2e4b6a8c10'
down_revision: Union[str, None] = '5c1e7a9d2b40'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# COST as timeline_bigrams(): reached only through the index, never row by row.
CHARS = """
CREATE OR REPLACE FUNCTION timeline_chars(title text, body text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$
    SELECT coalesce(array_agg(DISTINCT c), '{}')
    FROM regexp_split_to_table(lower(title || ' ' || body), '') AS chars(c)
$$
"""


# A frozen copy of timeline.store.search.indexes.gram_terms as this migration wrote the
# index (a migration imports nothing from the app, whose code moves on). The two must
# agree for as long as the table stands: tests/store/test_search_indexes.py checks it.
def gram_terms(title, body):
    if title is None or body is None:
        return None
    text = f"{title} {body}".lower()
    grams = set(text) | {text[i:i + 2] for i in range(len(text) - 1)}
    return " ".join(sorted(gram.encode().hex() for gram in grams))


TERMS = "timeline_grams({0}.title, {0}.body)"
SQLITE_FTS = [
    "CREATE VIRTUAL TABLE events_fts_grams USING fts5(terms, content='', detail='none', tokenize='ascii')",
    f"""CREATE TRIGGER events_fts_grams_insert AFTER INSERT ON events BEGIN
        INSERT INTO events_fts_grams(rowid, terms) VALUES (new.id, {TERMS.format('new')});
    END""",
    # A contentless table deletes a row's terms given the same terms again.
    f"""CREATE TRIGGER events_fts_grams_delete AFTER DELETE ON events BEGIN
        INSERT INTO events_fts_grams(events_fts_grams, rowid, terms) VALUES ('delete', old.id, {TERMS.format('old')});
    END""",
    f"""CREATE TRIGGER events_fts_grams_update AFTER UPDATE OF title, body ON events BEGIN
        INSERT INTO events_fts_grams(events_fts_grams, rowid, terms) VALUES ('delete', old.id, {TERMS.format('old')});
        INSERT INTO events_fts_grams(rowid, terms) VALUES (new.id, {TERMS.format('new')});
    END""",
    f"INSERT INTO events_fts_grams(rowid, terms) SELECT id, {TERMS.format('events')} FROM events",
]
SQLITE_TRIGGERS = ("events_fts_grams_insert", "events_fts_grams_delete", "events_fts_grams_update")


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        op.execute(CHARS)
        op.execute("CREATE INDEX ix_events_chars ON events USING gin (timeline_chars(title, body))")
    elif conn.dialect.name == "sqlite" and conn.exec_driver_sql("SELECT sqlite_compileoption_used('ENABLE_FTS5')").scalar():
        # Alembic's own connection is not the app's: the triggers and the fill need the function.
        conn.connection.driver_connection.create_function("timeline_grams", 2, gram_terms, deterministic=True)
        for statement in SQLITE_FTS:
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.drop_index('ix_events_chars', table_name='events')
        op.execute("DROP FUNCTION IF EXISTS timeline_chars(text, text)")
    elif dialect == "sqlite":
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS events_fts_grams")
