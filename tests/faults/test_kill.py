"""An ingest killed with SIGKILL inside its write transaction leaves the database exactly as
it was: same rows, same keys, same data version; and the database takes writes again.

The real `timeline ingest` runs in its own process on a several-MB document. The test
watches the database from outside until the ingest is inside its transaction with part of
its rows written (SQLite: it holds the write lock and the -wal file has grown by pages it
spilled; PostgreSQL: its backend has a transaction id and the events table has grown by
uncommitted rows), stops it (SIGSTOP), checks it is still uncommitted, and kills it. No hook
in the code under test helps.
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.faults.conftest import seed_in_years
from tests.support import FIXTURES, ROOT, SEED, ingest_path, seed_database, snapshot
from timeline.store import db

APP = "timeline-kill-test"    # the ingest's application_name, to find its PostgreSQL backend
GROWN = 256 * 1024            # bytes written inside the transaction before we call it "halfway"


@pytest.fixture
def seeded(database_url) -> str:
    """`database_url` with the seed document loaded."""
    return seed_database(database_url)


class SqliteWatch:
    def __init__(self, url: str):
        self.path = Path(url.removeprefix("sqlite:///"))
        self.wal = Path(f"{self.path}-wal")
        self.start = self._wal_size()
        self.probe = sqlite3.connect(self.path, timeout=0, isolation_level=None)

    def _wal_size(self) -> int:
        return self.wal.stat().st_size if self.wal.exists() else 0

    def in_transaction(self) -> bool:
        """Someone holds the write lock: a writer between BEGIN IMMEDIATE and COMMIT."""
        try:
            self.probe.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            assert "locked" in str(exc) or "busy" in str(exc), exc
            return True
        self.probe.execute("ROLLBACK")
        return False

    def halfway(self) -> bool:
        return self._wal_size() > self.start + GROWN and self.in_transaction()

    def close(self) -> None:
        self.probe.close()


class PostgresWatch:
    def __init__(self, url: str):
        import psycopg

        self.conn = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)
        self.start = self._size()

    def _size(self) -> int:
        return self.conn.execute("SELECT pg_total_relation_size('events')").fetchone()[0]

    def in_transaction(self) -> bool:
        """The ingest's backend is inside a transaction that has written, and not committing."""
        row = self.conn.execute(
            "SELECT state, query FROM pg_stat_activity WHERE application_name = %s AND backend_xid IS NOT NULL",
            (APP,)).fetchone()
        if row is None:
            return False
        state, query = row
        return state == "idle in transaction" or (state == "active" and not query.lower().startswith("commit"))

    def halfway(self) -> bool:
        return self._size() > self.start + GROWN and self.in_transaction()

    def backend_gone(self) -> bool:
        return self.conn.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = %s",
                                 (APP,)).fetchone()[0] == 0

    def close(self) -> None:
        self.conn.close()


def ingest_command(url: str, path: Path, *options: str) -> list[str]:
    if url.startswith("postgresql"):
        url += ("&" if "?" in url else "?") + f"application_name={APP}"
    return [sys.executable, "-m", "web.cli", "--database-url", url, "ingest", str(path), *options]


def kill_halfway(command: list[str], watch, log: Path) -> None:
    """Run `command`; SIGKILL it once `watch` sees it halfway through its transaction."""
    with log.open("wb") as out:
        proc = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    try:
        while proc.poll() is None:
            if watch.halfway():
                os.kill(proc.pid, signal.SIGSTOP)
                # Stopped, it cannot commit: if it is still inside, the kill lands inside.
                inside = watch.in_transaction()
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                assert inside, "the ingest was committing when stopped: cannot tell what the kill did"
                return
            time.sleep(0.001)
        pytest.fail(f"the ingest ended (exit {proc.returncode}) before it was seen halfway; make the "
                    f"document bigger:\n{log.read_text(errors='replace')}")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def check_killed_ingest(url: str, path: Path, tmp_path: Path, *options: str) -> None:
    before = snapshot(url)
    watch = SqliteWatch(url) if url.startswith("sqlite") else PostgresWatch(url)
    log = tmp_path / "ingest.log"
    try:
        kill_halfway(ingest_command(url, path, *options), watch, log)
        assert "events (" not in log.read_text(errors="replace")   # it never reported success
        if isinstance(watch, PostgresWatch):
            while not watch.backend_gone():   # the server notices the dead client and rolls back
                time.sleep(0.01)
    finally:
        watch.close()

    assert snapshot(url) == before

    # The database takes writes again at once: no lock or half transaction left behind.
    engine = db.make_engine(url)
    try:
        report = ingest_path(db.make_writer(engine), FIXTURES / "yearbook-2019.txt")
        assert report.added > 0
    finally:
        engine.dispose()


def test_killed_ingest_of_a_new_document_writes_nothing(seeded, tmp_path):
    path = tmp_path / "yearbook-big.txt"
    path.write_bytes(seed_in_years(range(1960, 2020)))
    assert len(path.read_bytes()) > 2_500_000
    check_killed_ingest(seeded, path, tmp_path)


def test_killed_reingest_of_a_changed_document_changes_nothing(seeded, tmp_path):
    """The seed's own document again (same name), changed and grown: updates, deletions and
    insertions in one transaction, all undone."""
    path = tmp_path / SEED.name

    def changed(text: str) -> str:
        return text.replace("青山湖", "青山湖科技城").replace("杭州", "杭州市")

    path.write_bytes(seed_in_years([2020], changed) + seed_in_years(range(1961, 2020)))
    check_killed_ingest(seeded, path, tmp_path, "--year", "2020")
