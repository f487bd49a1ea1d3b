"""End-to-end ingest as `timeline ingest` runs it, beside a bare executemany of the same rows.

    .venv/bin/python bench/bench_ingest.py [--megabytes 5] [--postgres URL] [--jobs N]
                                           [--repeat N] [--only sqlite|postgres] [--no-seed]

Loads the seed, then a synthetic corpus of about --megabytes (bench_pipeline's generator:
the seed moved to other years, entries shuffled), into a fresh SQLite file and a fresh
PostgreSQL database, and reports for each:

- end to end: files parsed in worker processes (timeline.bulk.parse_all, as the CLI does,
  with the per-event values prepared there: timeline.store.prepare) while the store writes
  one transaction per document (store_document), MB/s and events/s;
- where the CPU went: the parsing processes, the store (this process, all of it while the
  load lasts: receiving the parsed documents, Python, and SQLite's own work, its FTS5
  indexes included) and, for PostgreSQL on this machine, the server
  process of the store's connection (its index upkeep);
- bare: the same rows (the store's own column values and tags) written with one DB-API
  executemany per table and document into another fresh database with the same schema,
  indexes and triggers: the floor a store of this schema can reach. The ratio is
  end-to-end time over bare time;
- bare without the search indexes: what the search indexes cost;
- the CPU of the whole load (parse, store, server) over the cores: the shortest wall time an
  idle machine could give it, a figure the other processes of a shared machine disturb
  less than the wall time.

With --repeat N each database gets N runs and the medians are printed after them (the
machine may be shared: give the load average with any figure).

Targets: the seed under 0.5 s; the 5 MB corpus at 1 MB/s or more end to end.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
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
from timeline.bulk import Options, Parsed, default_workers, parse_all  # noqa: E402
from timeline.store import db, prepare  # noqa: E402
from timeline.store.ingest import store_document  # noqa: E402
from timeline.store.rows import content_hash, event_columns  # noqa: E402


def write_files(folder: Path, documents: list[tuple[str, bytes]]) -> list[Path]:
    paths = []
    for name, data in documents:
        path = folder / f"{name}.txt"
        path.write_bytes(data)
        paths.append(path)
    return paths


def server_cpu(conn) -> float | None:
    """CPU seconds so far of the PostgreSQL server process behind `conn` (a SQLAlchemy
    connection), when the server runs on this machine; None otherwise."""
    if conn.dialect.name != "postgresql":
        return None
    pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def end_to_end(url: str, paths: list[Path], jobs: int) -> dict:
    """Parse in `jobs` processes and store, as `timeline ingest`; seconds, counts and CPU."""
    db.upgrade(url)
    engine = db.make_engine(url)
    sessionmaker = db.make_writer(engine)
    events = server = 0.0
    parsed_docs = []
    parse_cpu = children_cpu()
    start, store_cpu = time.perf_counter(), time.process_time()
    for result in parse_all(paths, Options(prepare=prepare.for_database(url)), jobs):
        assert isinstance(result, Parsed), result
        with sessionmaker.begin() as session:
            before = server_cpu(session.connection())
            store_document(session, result.document, path=str(result.path), sha256=result.sha256,
                           now=datetime.now(timezone.utc), prepared=result.prepared)
            after = server_cpu(session.connection())
        server = server + after - before if before is not None and after is not None else None
        events += len(result.document.events)
        parsed_docs.append(result.document)
    elapsed, store_cpu = time.perf_counter() - start, time.process_time() - store_cpu
    # Worker processes are counted once they have exited (parse_all's pool closes at its
    # end); with one job the parse ran here, inside the store's figure's complement.
    parse_cpu = children_cpu() - parse_cpu
    engine.dispose()
    return {"seconds": elapsed, "events": int(events), "store_cpu": store_cpu, "parse_cpu": parse_cpu,
            "server_cpu": server, "documents": parsed_docs}


def without_search_indexes(engine) -> None:
    """Drop the search indexes (SQLite: the FTS triggers; PostgreSQL: the GIN index)."""
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            names = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").scalars().all()
            for name in names:
                conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
        else:
            conn.exec_driver_sql("DROP INDEX IF EXISTS ix_events_grams")


def bare(url: str, documents, *, search: bool = True) -> float:
    """The same rows with one executemany per table and document: seconds (`search` false:
    into a schema without the search indexes)."""
    db.upgrade(url)
    engine = db.make_engine(url)
    if not search:
        without_search_indexes(engine)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    with engine.begin() as conn:
        names = {n for d in documents for n in (e.category for e in d.events)}
        conn.execute(sqlalchemy.text("INSERT INTO categories (name, slug) VALUES (:n, :s)"),
                     [{"n": n, "s": f"c{i}"} for i, n in enumerate(sorted(names))])
        category_ids = dict(conn.execute(sqlalchemy.text("SELECT name, id FROM categories")).all())
    json_columns = ("primary", "mentions", "moments", "footnotes", "captions")
    start = time.perf_counter()
    for number, document in enumerate(documents):
        rows = []
        for event in document.events:
            columns = event_columns(event, document.year)
            row = {**columns, "key": event.key, "category_id": category_ids[event.category], "sequence": 0,
                   "content_hash": content_hash(columns, event.category, event.tags), "updated_at": now}
            rows.append({k: json.dumps(v, ensure_ascii=False) if k in json_columns and v is not None else v
                         for k, v in row.items()})
        with engine.begin() as conn:
            raw = conn.connection.driver_connection
            cursor = raw.cursor()
            mark = "?" if engine.dialect.name == "sqlite" else "%s"
            cursor.execute(f"INSERT INTO documents (name, year, layout, path, sha256, ingested_at) "
                           f"VALUES ({', '.join([mark] * 6)})", (f"d{number}", document.year, document.layout,
                                                                  "x", "x", now))
            cursor.execute("SELECT max(id) FROM documents")
            document_id = cursor.fetchone()[0]
            names = list(rows[0]) if rows else []
            columns = ", ".join(f'"{n}"' for n in names + ["document_id"])
            cursor.executemany(f"INSERT INTO events ({columns}) VALUES ({', '.join([mark] * (len(names) + 1))})",
                               [[r[n] for n in names] + [document_id] for r in rows])
            cursor.execute(f"SELECT key, id FROM events WHERE document_id = {mark}", (document_id,))
            ids = dict(cursor.fetchall())
            cursor.executemany(f"INSERT INTO event_tags (event_id, tag, position) VALUES ({mark}, {mark}, {mark})",
                               [(ids[e.key], t, i) for e in document.events for i, t in enumerate(e.tags)])
    elapsed = time.perf_counter() - start
    engine.dispose()
    return elapsed


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


def run(kind: str, folder: Path, paths: list[Path], jobs: int, admin_url: str) -> dict:
    """One end-to-end load and its two bare floors into fresh databases of `kind`."""
    if kind == "SQLite":
        tag = uuid.uuid4().hex[:6]
        urls, drops = [f"sqlite:///{folder}/{tag}-{n}.sqlite" for n in "abc"], []
    else:
        made = [fresh_postgres(admin_url) for _ in range(3)]
        urls, drops = [u for u, _ in made], [d for _, d in made]
    try:
        result = end_to_end(urls[0], paths, jobs)
        result["bare"] = bare(urls[1], result["documents"])
        result["unindexed"] = bare(urls[2], result["documents"], search=False)
    finally:
        for drop in drops:
            drop()
    result["load"] = os.getloadavg()[0]
    return result


def report(label: str, kind: str, size: int, files: int, jobs: int, runs: list[dict]) -> None:
    events = runs[0]["events"]
    print(f"{label}, {kind}: {size / 1e6:.2f} MB, {events} events, {files} files, {jobs} parsing processes")
    for n, r in enumerate(runs, 1):
        server = f", server {r['server_cpu']:.2f} s" if r["server_cpu"] is not None else ""
        print(f"  run {n}: end to end {r['seconds']:6.2f} s {size / 1e6 / r['seconds']:5.2f} MB/s; "
              f"bare {r['bare']:6.2f} s ({r['seconds'] / r['bare']:.1f}x); bare unindexed {r['unindexed']:5.2f} s; "
              f"CPU: parse {r['parse_cpu']:.2f} s, store {r['store_cpu']:.2f} s{server}; load {r['load']:.1f}")
    median = {k: statistics.median(r[k] for r in runs) for k in ("seconds", "bare", "unindexed")}
    what = "median of " + str(len(runs)) + " runs" if len(runs) > 1 else "one run"
    print(f"  {what}: end to end {median['seconds']:7.2f} s  {size / 1e6 / median['seconds']:6.2f} MB/s  "
          f"{events / median['seconds']:7.0f} events/s")
    print(f"    bare insert {median['bare']:7.2f} s  {events / median['bare']:7.0f} events/s  "
          f"end to end / bare = {median['seconds'] / median['bare']:.1f}x")
    print(f"    bare insert without the search indexes {median['unindexed']:7.2f} s  "
          f"{events / median['unindexed']:7.0f} events/s")
    # On a shared machine the wall time says as much about the other processes as about the
    # ingest; the CPU it took does not, and bounds the wall time an idle machine could give.
    cpu = statistics.median(r["parse_cpu"] + r["store_cpu"] + (r["server_cpu"] or 0) for r in runs)
    cores = os.cpu_count() or 1
    print(f"    CPU of parse + store{' + server' if runs[0]['server_cpu'] is not None else ''} {cpu:6.2f} s: "
          f"on {cores} idle cores at least {cpu / cores:5.2f} s, at most {size / 1e6 / (cpu / cores):5.2f} MB/s "
          f"(the store's share, one process: {statistics.median(r['store_cpu'] for r in runs):5.2f} s)", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--jobs", type=int, default=None, help="parsing processes (default: one per core)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per database (medians are printed)")
    parser.add_argument("--only", choices=["sqlite", "postgres"], help="one database only")
    parser.add_argument("--no-seed", action="store_true", help="the synthetic corpus only")
    parser.add_argument("--postgres", default=os.environ.get(
        "BENCH_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    args = parser.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    sets = [] if args.no_seed else [("seed", [(SEED.stem, SEED.read_bytes())])]
    sets.append(("synthetic corpus", corpus(args.megabytes, seed=7)))
    kinds = [k for k in ("SQLite", "PostgreSQL") if args.only is None or k.lower().startswith(args.only)]
    with tempfile.TemporaryDirectory() as tmp:
        for label, documents in sets:
            folder = Path(tmp) / label.replace(" ", "-")
            folder.mkdir()
            paths = write_files(folder, documents)
            size = sum(len(d) for _, d in documents)
            jobs = args.jobs or default_workers(len(paths))
            for kind in kinds:
                runs = [run(kind, folder, paths, jobs, args.postgres) for _ in range(args.repeat)]
                report(label, kind, size, len(paths), jobs, runs)


if __name__ == "__main__":
    main()
