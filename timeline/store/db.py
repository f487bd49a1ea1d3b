"""Engines, sessions and bringing a database's schema up to date through Alembic."""
from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

try:
    import fcntl
except ImportError:   # Windows: SQLite migrations there are not serialised
    fcntl = None

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, func, make_url, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from timeline.store import publish
from timeline.store.concurrency import lock_key
from timeline.store.search import indexes as search_indexes

# The Alembic scripts, found as the data of the `migrations` package: the store imports no
# migration code (and migration versions import nothing from timeline: setup.cfg's contracts).
MIGRATIONS_DIR = Path(str(resources.files("migrations")))


# A PostgreSQL server that does not answer is an error after this many seconds, not a hang.
CONNECT_TIMEOUT = 10


# Per-connection settings for short web queries. JIT compiling took 9.5 ms of a 90 ms search
# (the bigram function's high cost estimate triggers it), and parallel workers only compete
# with the other requests for the same cores.
SERVER_SETTINGS = "-c jit=off -c max_parallel_workers_per_gather=0"


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets foreign keys, WAL and real transactions, servers
    get pre-ping and a connect timeout."""
    if url.startswith("sqlite"):
        engine = create_engine(url)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # noqa: ANN001 - DB-API objects
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=10000")
            # With WAL, NORMAL syncs at checkpoints, not at every commit (13 ms each, a tenth
            # of a bulk load): a killed process still loses nothing and a crash of the
            # machine corrupts nothing; a power cut may undo the last commits.
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()
            search_indexes.register(dbapi_conn)   # the SQLite writer rule (search/indexes.py)
            # pysqlite only BEGINs before INSERT/UPDATE/DELETE, so the SELECTs of one session
            # could each see a different commit. SQLAlchemy's recipe for pysqlite: the driver
            # emits no BEGIN of its own, and we emit one when SQLAlchemy begins a transaction.
            dbapi_conn.isolation_level = None

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):  # noqa: ANN001
            # A writer takes the write lock up front: a deferred transaction that read first
            # could not wait for another writer (SQLITE_BUSY at once, busy_timeout or not).
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITER) else "BEGIN")

        return engine
    # pre-ping: a pooled connection that died with a database restart is replaced, not used.
    connect_args = {} if "connect_timeout" in url else {"connect_timeout": CONNECT_TIMEOUT}
    if url.startswith("postgresql"):
        connect_args["options"] = SERVER_SETTINGS
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5, connect_args=connect_args)


# Execution option that marks an engine's transactions as writes (see `make_writer`).
WRITER = "timeline_writer"


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def make_writer(engine: Engine) -> sessionmaker[Session]:
    """Sessions for one writer transaction each (ingest): on SQLite they take the write lock
    when they begin, so two writers queue on busy_timeout instead of failing."""
    return make_sessionmaker(engine.execution_options(**{WRITER: True}))


def make_reader(engine: Engine) -> sessionmaker[Session]:
    """Read-only sessions that see one snapshot each, whatever commits meanwhile: so a page
    that runs several queries never mixes two versions of a document. SQLite's BEGIN (see
    `make_engine`) gives that; PostgreSQL needs REPEATABLE READ (READ COMMITTED, its
    default, takes a new snapshot per statement)."""
    if engine.dialect.name == "postgresql":
        engine = engine.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
    return make_sessionmaker(engine)


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str) -> None:
    """Apply every migration not yet applied to the database at `url`, then make the
    stored VEVENTs that are missing or stale (timeline.store.publish.refresh). One process
    does this at a time (two first ingests on an empty database would both create the
    tables); the next finds the schema current and does nothing."""
    with _one_migrator(url):
        command.upgrade(alembic_config(url), "head")
        engine = make_engine(url)
        try:
            with make_sessionmaker(engine)() as session:
                stale = publish.needs_refresh(session)
            if stale:
                with make_writer(engine).begin() as session:
                    publish.refresh(session, datetime.now(timezone.utc))
        finally:
            engine.dispose()


@contextmanager
def _one_migrator(url: str):
    """PostgreSQL: an advisory lock; SQLite: a flock() on the file (_sqlite_file_lock)."""
    if not url.startswith("postgresql"):
        with _sqlite_file_lock(url):
            yield
        return
    engine = create_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT",
                           connect_args={} if "connect_timeout" in url else {"connect_timeout": CONNECT_TIMEOUT})
    try:
        with engine.connect() as conn:
            key = lock_key("migrations")
            conn.execute(select(func.pg_advisory_lock(key)))
            try:
                yield
            finally:
                conn.execute(select(func.pg_advisory_unlock(key)))
    finally:
        engine.dispose()


@contextmanager
def _sqlite_file_lock(url: str):
    """Hold an exclusive flock() on the SQLite file while migrating, so a second process
    waits and then finds the schema current. SQLite's own locks are fcntl() byte ranges,
    which flock() does not touch; an absent file is created empty (SQLite's new database)."""
    parsed = make_url(url)
    database = parsed.database if url.startswith("sqlite") and not parsed.query.get("uri") else None
    if not database or database == ":memory:" or fcntl is None:
        yield
        return
    fd = os.open(database, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)        # releases the lock

