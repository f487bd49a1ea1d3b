"""index the timeline order and search

Indexes for the queries at 100,000 events (timeline order overall and within a year, end
dates, category with year, kind) and substring search:

- PostgreSQL: the pg_trgm extension with GIN trigram indexes on title and body (any
  pattern of 3+ characters, Chinese included: the default full-text parser does not split
  Chinese words), and a GIN index over timeline_bigrams(title, body), the distinct
  lower-cased 2-character substrings, for 2-character queries, which trigrams cannot serve.
- SQLite (3.34+ with FTS5): an external-content FTS5 table with the trigram tokenizer, kept
  in step with `events` by triggers. Without FTS5 or the trigram tokenizer nothing is made
  and search falls back to LIKE (timeline.store.search checks for the table).

A later migration that rebuilds `events` on SQLite (batch "move and copy") drops these
triggers with the old table and must create them again.

Revision ID: 5c1e7a9d2b40
Revises: 891f91b2c88d
Create Date: 2026-12-01
"""
from typing import Sequence, Union

from alembic import op

revision: str = '5c1e7a9d2b40'
down_revision: Union[str, None] = '891f91b2c88d'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# COST: some 0.3 ms a row of 1,000 characters. Queries only ever reach it through the index
# (queries.page_events fences it in a materialized CTE); a planner that evaluated it row by row
# would take seconds. The characters are split once and paired with their neighbour:
# substr(t, i, 2) walks the UTF-8 text from its start on every call, which made the
# function quadratic (4 ms a row, 80% of an ingest's time on PostgreSQL).
BIGRAMS = """
CREATE OR REPLACE FUNCTION timeline_bigrams(title text, body text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$
    SELECT coalesce(array_agg(DISTINCT pair), '{}')
    FROM (SELECT c || lead(c) OVER (ORDER BY i) AS pair
          FROM regexp_split_to_table(lower(title || ' ' || body), '') WITH ORDINALITY AS chars(c, i)) AS pairs
    WHERE pair IS NOT NULL
$$
"""

SQLITE_FTS = [
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
    "INSERT INTO events_fts(events_fts) VALUES ('rebuild')",   # rows already there
]


def _sqlite_has_trigram_fts() -> bool:
    conn = op.get_bind()
    version = tuple(int(p) for p in conn.exec_driver_sql("SELECT sqlite_version()").scalar().split("."))
    fts5 = conn.exec_driver_sql("SELECT sqlite_compileoption_used('ENABLE_FTS5')").scalar()
    return version >= (3, 34) and bool(fts5)


def upgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_category_id'))
        batch_op.drop_index(batch_op.f('ix_events_start_date'))
        batch_op.drop_index(batch_op.f('ix_events_year_start'))
        batch_op.create_index('ix_events_category_year', ['category_id', 'year'], unique=False)
        batch_op.create_index('ix_events_end_date', ['end_date'], unique=False)
        batch_op.create_index('ix_events_kind', ['kind'], unique=False)
        batch_op.create_index('ix_events_order', ['start_date', 'end_date', 'document_id', 'position'], unique=False)
        batch_op.create_index('ix_events_year_order', ['year', 'start_date', 'end_date', 'document_id', 'position'],
                              unique=False)

    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.create_index('ix_events_title_trgm', 'events', ['title'], postgresql_using='gin',
                        postgresql_ops={'title': 'gin_trgm_ops'})
        op.create_index('ix_events_body_trgm', 'events', ['body'], postgresql_using='gin',
                        postgresql_ops={'body': 'gin_trgm_ops'})
        op.execute(BIGRAMS)
        op.execute("CREATE INDEX ix_events_bigrams ON events USING gin (timeline_bigrams(title, body))")
    elif dialect == "sqlite" and _sqlite_has_trigram_fts():
        for statement in SQLITE_FTS:
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.drop_index('ix_events_bigrams', table_name='events')
        op.execute("DROP FUNCTION IF EXISTS timeline_bigrams(text, text)")
        op.drop_index('ix_events_body_trgm', table_name='events')
        op.drop_index('ix_events_title_trgm', table_name='events')
        # The pg_trgm extension stays: other objects in the database may use it.
    elif dialect == "sqlite":
        for name in ("events_fts_insert", "events_fts_delete", "events_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS events_fts")

    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_year_order')
        batch_op.drop_index('ix_events_order')
        batch_op.drop_index('ix_events_kind')
        batch_op.drop_index('ix_events_end_date')
        batch_op.drop_index('ix_events_category_year')
        batch_op.create_index(batch_op.f('ix_events_year_start'), ['year', 'start_date', 'position'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_start_date'), ['start_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_category_id'), ['category_id'], unique=False)
