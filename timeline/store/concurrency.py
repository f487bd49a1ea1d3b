"""Writers that may run at the same time (two `timeline ingest` on one PostgreSQL database).

SQLite lets one writer in at a time (db.make_writer takes the write lock when a transaction
begins), so there nothing here waits. PostgreSQL runs writers side by side, and two that
both find no row for the same new document, category or data version would both insert it
and one would fail on the unique constraint. So: one writer per document at a time (an
advisory lock held to the end of the transaction), and shared rows inserted with ON
CONFLICT DO NOTHING, then read back.
"""
from __future__ import annotations

import hashlib

from sqlalchemy import Table, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

# Advisory lock keys of this service start from this text, so they meet no other program's.
LOCK_NAMESPACE = "yearbook-timeline:"


def lock_key(name: str) -> int:
    """A signed 64-bit advisory lock key for `name`."""
    digest = hashlib.blake2b((LOCK_NAMESPACE + name).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def lock(session: Session, name: str) -> None:
    """Wait until no other transaction holds the lock `name`, then hold it until this
    transaction ends (PostgreSQL; a no-op on SQLite, whose writers already queue)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(lock_key(name))))


def insert_if_absent(session: Session, table: Table, values: dict) -> bool:
    """INSERT `values` unless a row conflicts on a unique key; True when inserted."""
    dialect = session.get_bind().dialect.name
    insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}[dialect]
    result = session.execute(insert(table).values(**values).on_conflict_do_nothing())
    return result.rowcount == 1
