"""two-character search on SQLite

An index for 2-character searches on SQLite, which the FTS5 trigram table cannot serve:
events_fts_bigrams, a contentless FTS5 table (detail=none: it answers "which rows hold this
term", nothing more) over timeline_bigrams(title, body), kept in step with `events` by
triggers. timeline_bigrams() is a Python function that every connection of the app
registers (timeline.store.sqlite_bigrams); a connection without it cannot write to
`events` once this migration has run. PostgreSQL already has ix_events_bigrams: nothing
changes there. Without FTS5 nothing is made and 2-character search stays a LIKE.

Revision ID: 7d2e4b6a8c10
Revises: 5c1e7a9d2b40
Create Date: 2026-11-30
"""
from typing import Sequence, Union

from alembic import op

from timeline.store import sqlite_bigrams

revision: str = '7d2e4b6a8c10'
down_revision: Union[str, None] = '5c1e7a9d2b40'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TERMS = "timeline_bigrams({0}.title, {0}.body)"
CREATE = [
    "CREATE VIRTUAL TABLE events_fts_bigrams USING fts5(terms, content='', detail='none', tokenize='ascii')",
    f"""CREATE TRIGGER events_fts_bigrams_insert AFTER INSERT ON events BEGIN
        INSERT INTO events_fts_bigrams(rowid, terms) VALUES (new.id, {TERMS.format('new')});
    END""",
    # A contentless table deletes a row's terms given the same terms again.
    f"""CREATE TRIGGER events_fts_bigrams_delete AFTER DELETE ON events BEGIN
        INSERT INTO events_fts_bigrams(events_fts_bigrams, rowid, terms) VALUES ('delete', old.id, {TERMS.format('old')});
    END""",
    f"""CREATE TRIGGER events_fts_bigrams_update AFTER UPDATE OF title, body ON events BEGIN
        INSERT INTO events_fts_bigrams(events_fts_bigrams, rowid, terms) VALUES ('delete', old.id, {TERMS.format('old')});
        INSERT INTO events_fts_bigrams(rowid, terms) VALUES (new.id, {TERMS.format('new')});
    END""",
    f"INSERT INTO events_fts_bigrams(rowid, terms) SELECT id, {TERMS.format('events')} FROM events",
]
TRIGGERS = ("events_fts_bigrams_insert", "events_fts_bigrams_delete", "events_fts_bigrams_update")


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite" or not conn.exec_driver_sql("SELECT sqlite_compileoption_used('ENABLE_FTS5')").scalar():
        return
    # Alembic's own connection is not the app's: the triggers and the fill below need the function.
    sqlite_bigrams.register(conn.connection.driver_connection)
    for statement in CREATE:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS events_fts_bigrams")
