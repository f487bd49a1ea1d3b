"""End-to-end ingest: bytes -> pipeline -> store, one transaction per document, as the CLI.

    .venv/bin/python bench/bench_ingest.py [--megabytes 5] [--postgres URL]

Loads the seed, then a synthetic corpus of about --megabytes (bench_pipeline's generator:
the seed moved to other years, entries shuffled), into a fresh SQLite file and a fresh
PostgreSQL database, and reports seconds and events per second for each. Targets: the seed
under 0.5 s, the 5 MB corpus under 30 s.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy  # noqa: E402

from bench.bench_pipeline import SEED, corpus  # noqa: E402
from timeline.pipeline import parse_document  # noqa: E402
from timeline.store import db  # noqa: E402
from timeline.store.ingest import store_document  # noqa: E402


def ingest_all(url: str, documents: list[tuple[str, bytes]]) -> tuple[float, int]:
    db.upgrade(url)
    engine = db.make_engine(url)
    sessionmaker = db.make_sessionmaker(engine)
    events = 0
    start = time.perf_counter()
    for name, data in documents:
        parsed = parse_document(data, name=name)
        with sessionmaker.begin() as session:
            store_document(session, parsed, path=name, sha256=hashlib.sha256(data).hexdigest(),
                           now=datetime.now(timezone.utc))
        events += len(parsed.events)
    elapsed = time.perf_counter() - start
    engine.dispose()
    return elapsed, events


def fresh_postgres(admin_url: str):
    """A new database on the server of `admin_url`; returns (url, drop)."""
    admin = sqlalchemy.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')

    def drop():
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.dispose()

    return admin_url.rsplit("/", 1)[0] + "/" + name, drop


def report(label: str, size: int, elapsed: float, events: int) -> None:
    print(f"{label:<34} {size / 1e6:>6.2f} MB {elapsed:>7.2f} s {events:>6} events "
          f"{events / elapsed:>8.0f} events/s", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--postgres", default=os.environ.get(
        "BENCH_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    args = parser.parse_args(argv)
    seed = [(SEED.stem, SEED.read_bytes())]
    synthetic = corpus(args.megabytes, seed=7)
    size = sum(len(d) for _, d in synthetic)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for label, documents, total in (("seed", seed, len(seed[0][1])), ("synthetic corpus", synthetic, size)):
        with tempfile.TemporaryDirectory() as tmp:
            report(f"{label}, SQLite", total, *ingest_all(f"sqlite:///{tmp}/bench.sqlite", documents))
        url, drop = fresh_postgres(args.postgres)
        try:
            report(f"{label}, PostgreSQL", total, *ingest_all(url, documents))
        finally:
            drop()


if __name__ == "__main__":
    main()
