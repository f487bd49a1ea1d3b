"""A province's worth of events: 100,000 over 50 years and 20 categories, in SQLite and PostgreSQL.

    .venv/bin/python bench/generate_corpus.py [--events N] [--sqlite PATH] [--postgres URL] [--force]

The events are testkit.corpus's (generated ParsedDocuments, no text pipeline). One
document per year and category (1,000 documents of 100 events), each stored by
timeline.store.ingest.store_document in its own transaction, as `timeline ingest` does.
Prints the load time per database. A database that already holds the corpus is kept unless
--force.

Defaults: bench/out/corpus.sqlite and the database `timeline_bench` on the test server
(TEST_PG_ADMIN_URL, else postgresql+psycopg://postgres@127.0.0.1:5432/test).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from testkit.corpus import documents  # noqa: E402

OUT = ROOT / "bench" / "out"
SQLITE_PATH = OUT / "corpus.sqlite"
PG_ADMIN_URL = os.environ.get("TEST_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
PG_DATABASE = "timeline_bench"

def postgres_url(admin_url: str = PG_ADMIN_URL, name: str = PG_DATABASE, *, create: bool = True) -> str:
    """The benchmark database on the test server, created when missing."""
    import sqlalchemy

    admin = sqlalchemy.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.exec_driver_sql("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).first()
        if not exists and create:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return admin_url.rsplit("/", 1)[0] + "/" + name


def stored_events(url: str) -> int:
    from sqlalchemy import func, inspect, select

    from timeline.store import db
    from timeline.store.models import EventRow

    engine = db.make_engine(url)
    try:
        if not inspect(engine).has_table("events"):
            return 0
        with engine.connect() as conn:
            return conn.scalar(select(func.count(EventRow.id)))
    finally:
        engine.dispose()


def load(url: str, total: int = 100_000, *, force: bool = False) -> float | None:
    """Load the corpus into `url` (migrated first); the seconds it took, None when already there."""
    from timeline.store import db
    from timeline.store.ingest import store_document

    if not force and stored_events(url) == total:
        return None
    if url.startswith("sqlite"):
        Path(url.split("///", 1)[1]).unlink(missing_ok=True)
    else:
        engine = db.make_engine(url)
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        engine.dispose()
    db.upgrade(url)
    engine = db.make_engine(url)
    sessions = db.make_sessionmaker(engine)
    now = datetime(2025, 1, 1, tzinfo=timezone.utc)
    started = time.perf_counter()
    for n, parsed in enumerate(documents(total), 1):
        with sessions.begin() as session:
            store_document(session, parsed, path=f"{parsed.name}.txt", sha256="0" * 64, now=now)
        if n % 100 == 0:
            print(f"  {n} documents, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    elapsed = time.perf_counter() - started
    if not url.startswith("sqlite"):
        # Fresh statistics for the planner, as autovacuum would give a live server.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    # SQLite gets no ANALYZE: `timeline ingest` runs none, so users' databases have no
    # statistics, and the benchmark measures what they get. (Here the planner does as well
    # or better without them; a sampled ANALYZE once made the first API page 10 -> 107 ms.)
    engine.dispose()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--sqlite", default=str(SQLITE_PATH), help="SQLite file ('' to skip)")
    parser.add_argument("--postgres", default=None, help=f"database URL (default: {PG_DATABASE} on the test "
                                                         "server; '' to skip)")
    parser.add_argument("--force", action="store_true", help="load again even when the corpus is there")
    args = parser.parse_args()
    urls = []
    if args.sqlite:
        OUT.mkdir(parents=True, exist_ok=True)
        urls.append(f"sqlite:///{args.sqlite}")
    if args.postgres != "":
        urls.append(args.postgres or postgres_url())
    for url in urls:
        seconds = load(url, args.events, force=args.force)
        where = url.split("@")[-1]
        if seconds is None:
            print(f"{where}: {args.events} events already loaded")
        else:
            print(f"{where}: loaded {args.events} events in {seconds:.1f} s ({args.events / seconds:.0f} events/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
