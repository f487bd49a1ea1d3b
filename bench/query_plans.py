"""The query plans of the store's queries over the 100,000-event corpus, on both databases.

    .venv/bin/python bench/query_plans.py [--sqlite PATH] [--postgres URL] [--only NAME]

Runs each view through the real query functions of timeline.store.queries, records the SQL
they send (with its parameters), and prints for each statement its plan: EXPLAIN ANALYZE on
PostgreSQL (with the measured time), EXPLAIN QUERY PLAN on SQLite, plus the wall time of the
whole query function (best of 3). Load the corpus first with bench/generate_corpus.py.
"""
from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from sqlalchemy import event  # noqa: E402

from generate_corpus import PG_DATABASE, SQLITE_PATH, postgres_url  # noqa: E402
from timeline.store import db, queries  # noqa: E402
from timeline.store.queries import EventFilter  # noqa: E402

YEAR, CATEGORY, TAG = 2020, "产业发展", "签约"

# (name, what the request is, the call)
VIEWS = [
    ("year page", "GET /2020: list_timeline(year)",
     lambda s: queries.list_timeline(s, EventFilter(year=YEAR))),
    ("year list", "GET /: list_years", queries.list_years),
    ("categories of a year", "GET /2020: list_categories(year)",
     lambda s: queries.list_categories(s, EventFilter(year=YEAR))),
    ("api first page", "GET /api/events (100 of 100,000)",
     lambda s: queries.page_events(s, EventFilter(), limit=100)),
    ("api deep page", "GET /api/events?offset=50000",
     lambda s: queries.page_events(s, EventFilter(), limit=100, offset=50_000)),
    ("api count", "count of GET /api/events", lambda s: queries.count_events(s, EventFilter())),
    ("api year+category", "GET /api/events?year=2020&category=产业发展",
     lambda s: queries.page_events(s, EventFilter(year=YEAR, categories=(CATEGORY,)), limit=100)),
    ("api tag", "GET /api/events?tag=签约",
     lambda s: queries.page_events(s, EventFilter(tags=(TAG,)), limit=100)),
    ("api kind", "GET /api/events?kind=overview",
     lambda s: queries.page_events(s, EventFilter(kinds=("overview",)), limit=100)),
    ("api date range", "GET /api/events?from=2020-09-01&to=2020-09-30",
     lambda s: queries.page_events(s, EventFilter(date_from=date(2020, 9, 1), date_to=date(2020, 9, 30)), limit=100)),
    ("search 1 char + year", "GET /api/events?year=2020&q=湖",
     lambda s: queries.page_events(s, EventFilter(year=YEAR, q="湖"), limit=100)),
    ("search 1 char", "GET /api/events?q=铱",
     lambda s: queries.page_events(s, EventFilter(q="铱"), limit=100)),
    ("search 2 chars", "GET /api/events?q=签约",
     lambda s: queries.page_events(s, EventFilter(q="签约"), limit=100)),
    ("search 4 chars", "GET /api/events?q=乡村振兴",
     lambda s: queries.page_events(s, EventFilter(q="乡村振兴"), limit=100)),
    ("search 2 words", "GET /api/events?q=乡村振兴 签约",
     lambda s: queries.page_events(s, EventFilter(q="乡村振兴 签约"), limit=100)),
    ("search 2 words + year", "GET /api/events?year=2020&q=乡村振兴 签约",
     lambda s: queries.page_events(s, EventFilter(year=YEAR, q="乡村振兴 签约"), limit=100)),
    ("search rare", "GET /api/events?q=光伏电站开工",
     lambda s: queries.page_events(s, EventFilter(q="光伏电站开工"), limit=100)),
    ("category feed", "GET /feeds/category/<slug>.ics: list_events(category), 5,000 events",
     lambda s: queries.list_events(s, EventFilter(categories=(CATEGORY,)))),
    ("year feed", "GET /feeds/2020.ics: list_events(year), 2,000 events",
     lambda s: queries.list_events(s, EventFilter(year=YEAR))),
    ("feed validators", "the 304 path: data_version", queries.data_version),
]


def capture(engine, fn, session):
    """Run fn(session); return the (statement, parameters) it sent."""
    sent = []

    def record(conn, cursor, statement, parameters, context, executemany):  # noqa: ARG001
        sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        fn(session)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return sent


def explain(conn, dialect: str, statement: str, parameters) -> str:
    if dialect == "postgresql":
        rows = conn.exec_driver_sql("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) " + statement, parameters)
        return "\n".join(r[0] for r in rows)
    rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
    depth = {0: 0}
    lines = []
    for node, parent, _notused, detail in rows:
        depth[node] = depth.get(parent, 0) + 1
        lines.append("  " * (depth[node] - 1) + detail)
    return "\n".join(lines)


def best_of(fn, session, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn(session)
        times.append(time.perf_counter() - t)
    return min(times)


def report(url: str, only: str | None) -> None:
    engine = db.make_engine(url)
    dialect = engine.dialect.name
    sessions = db.make_sessionmaker(engine)
    print(f"\n######## {dialect}: {url.split('@')[-1]}\n")
    for name, what, fn in VIEWS:
        if only and only not in name:
            continue
        with sessions() as session:
            fn(session)                      # warm the caches (and the FTS table look-up)
            seconds = best_of(fn, session)
            sent = capture(engine, fn, session)
            print(f"=== {name}: {what} — {seconds * 1000:.1f} ms (best of 3, whole function)")
            conn = session.connection()
            for statement, parameters in sent:
                if statement.lstrip().upper().startswith(("SELECT 1", "BEGIN")):
                    continue
                print("--- " + " ".join(statement.split())[:300])
                print(explain(conn, dialect, statement, parameters))
            print()
    engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sqlite", default=str(SQLITE_PATH), help="SQLite file ('' to skip)")
    parser.add_argument("--postgres", default=None, help=f"URL (default: {PG_DATABASE} on the test server; '' to skip)")
    parser.add_argument("--only", help="only the views whose name holds this")
    args = parser.parse_args()
    if args.sqlite:
        report(f"sqlite:///{args.sqlite}", args.only)
    if args.postgres != "":
        report(args.postgres or postgres_url(create=False), args.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
