"""Databases for tests and benchmarks: migrated, and filled through the real pipeline and store."""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "qingshanhu-2020.txt"


def ingest_path(sessionmaker, path: Path, *, name: str | None = None, now: datetime | None = None, **options):
    """Run the real pipeline and store on one file, in one transaction, as the CLI does."""
    from timeline.pipeline import parse_document
    from timeline.store.ingest import store_document

    data = path.read_bytes()
    parsed = parse_document(data, name=name or path.stem, **options)
    with sessionmaker.begin() as session:
        return store_document(session, parsed, path=str(path), sha256=hashlib.sha256(data).hexdigest(),
                              now=now or datetime.now(timezone.utc))


_TEMPLATES: dict[str, Path] = {}   # SQLite files made once per test process, copied from then on


def _sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL that does not exist yet (a database to make), else None."""
    path = Path(url.split("///", 1)[1]) if url.startswith("sqlite:///") else None
    return path if path is not None and not path.exists() else None


def _copy_template(name: str, path: Path, make) -> None:
    """Write to `path` a copy of the SQLite file `name`, which make(url) fills the first time."""
    if name not in _TEMPLATES:
        import atexit
        import shutil
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix=f"timeline-{name}-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        make(f"sqlite:///{folder / 'timeline.sqlite'}")
        _TEMPLATES[name] = folder / "timeline.sqlite"
    import shutil

    shutil.copyfile(_TEMPLATES[name], path)


def migrate(url: str) -> str:
    """Bring the database at `url` to the newest schema and return `url`. A new SQLite file is
    a copy of one migrated once per run: a migration takes 0.3-0.5 s, a copy under 1 ms, and
    the store suites need a fresh database for each test. Migrating itself is tested on
    every database by tests/test_architecture.py and the store fixtures on PostgreSQL."""
    from timeline.store import db

    path = _sqlite_file(url)
    if path is None:
        db.upgrade(url)
    else:
        _copy_template("migrated", path, db.upgrade)
    return url


def seed_database(url: str, load=None) -> str:
    """Migrate the database at `url`, fill it with `load(sessionmaker)` (default: ingest the
    seed document) and return `url`. A new SQLite file with the seed document is a copy of
    one filled once per run (ingesting the seed takes 0.2-0.3 s; the hostile-request suite
    wants a fresh one for each of its tests); other databases are filled each time."""
    from timeline.store import db

    def fill(url: str) -> str:
        migrate(url)
        engine = db.make_engine(url)
        (load or (lambda sessionmaker: ingest_path(sessionmaker, SEED)))(db.make_sessionmaker(engine))
        engine.dispose()
        return url

    path = _sqlite_file(url)
    if load is None and path is not None:
        _copy_template("seeded", path, fill)
        return url
    return fill(url)


def snapshot(url: str) -> dict[str, list[tuple]]:
    """Every row of every table (alembic_version too), in key order: two snapshots are
    equal exactly when the databases hold the same data."""
    from sqlalchemy import MetaData, select

    from timeline.store import db

    engine = db.make_engine(url)
    try:
        metadata = MetaData()
        metadata.reflect(engine)
        with engine.connect() as conn:
            # A full-text table is read through its shadow tables (its index, compared here
            # too); a contentless one cannot be scanned itself.
            virtual = set(conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'").scalars()
            ) if engine.dialect.name == "sqlite" else set()
            # Sorted here: PostgreSQL cannot order by a JSON column.
            return {name: sorted((tuple(row) for row in conn.execute(select(table))), key=repr)
                    for name, table in metadata.tables.items() if name not in virtual}
    finally:
        engine.dispose()
