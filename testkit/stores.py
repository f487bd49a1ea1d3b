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


_MIGRATED: list[Path] = []   # a SQLite file at the newest schema, made once per test process


def migrate(url: str) -> str:
    """Bring the database at `url` to the newest schema and return `url`. A new SQLite file is
    a copy of one migrated once per run: a migration takes 0.3-0.5 s, a copy under 1 ms, and
    the store suites need a fresh database for each test. Migrating itself is tested on
    every database by tests/test_architecture.py and the store fixtures on PostgreSQL."""
    import atexit
    import shutil
    import tempfile

    from timeline.store import db

    path = Path(url.split("///", 1)[1]) if url.startswith("sqlite:///") else None
    if path is None or path.exists():
        db.upgrade(url)
        return url
    if not _MIGRATED:
        folder = Path(tempfile.mkdtemp(prefix="timeline-migrated-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        db.upgrade(f"sqlite:///{folder / 'timeline.sqlite'}")
        _MIGRATED.append(folder / "timeline.sqlite")
    shutil.copyfile(_MIGRATED[0], path)
    return url


def seed_database(url: str, load=None) -> str:
    """Migrate the database at `url`, fill it with `load(sessionmaker)` (default: ingest the
    seed document) and return `url`."""
    from timeline.store import db

    migrate(url)
    engine = db.make_engine(url)
    (load or (lambda sessionmaker: ingest_path(sessionmaker, SEED)))(db.make_sessionmaker(engine))
    engine.dispose()
    return url
