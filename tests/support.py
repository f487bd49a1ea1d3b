"""Test data and helpers shared by every test tier (store, web, feeds, browser)."""
from __future__ import annotations

import hashlib
import os
import socket
from datetime import datetime, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "qingshanhu-2020.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = ROOT / "test-artifacts"
IN_CI = os.environ.get("CI", "").lower() == "true"


def require(condition: bool, reason: str) -> None:
    """Skip with `reason` when `condition` fails; under CI=true, fail instead."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required under CI=true: {reason}")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ingest_path(sessionmaker, path: Path, *, name: str | None = None, now: datetime | None = None, **options):
    """Run the real pipeline and store on one file, in one transaction, as the CLI does."""
    from timeline.pipeline import parse_document
    from timeline.store.ingest import store_document

    data = path.read_bytes()
    parsed = parse_document(data, name=name or path.stem, **options)
    with sessionmaker.begin() as session:
        return store_document(session, parsed, path=str(path), sha256=hashlib.sha256(data).hexdigest(),
                              now=now or datetime.now(timezone.utc))


def seed_database(url: str, load=None) -> str:
    """Migrate the database at `url`, fill it with `load(sessionmaker)` (default: ingest the
    seed document) and return `url`."""
    from timeline.store import db

    db.upgrade(url)
    engine = db.make_engine(url)
    (load or (lambda sessionmaker: ingest_path(sessionmaker, SEED)))(db.make_sessionmaker(engine))
    engine.dispose()
    return url


def stop_process(proc, timeout: float = 30) -> int:
    """SIGTERM (a server's graceful stop), then SIGKILL after `timeout` seconds; the exit code."""
    import subprocess

    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return proc.returncode
