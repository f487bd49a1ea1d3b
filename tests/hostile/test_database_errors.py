"""Database errors on the command line: two lines saying what happened and what to do, the
traceback only under --verbose."""
from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import exc as sa_exc

from tests.hostile.conftest import write
from tests.hostile.documents import GOOD
from tests.support import ROOT, free_port
from timeline.store.problems import describe


def run(*args, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "web.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)


def assert_two_lines(done: subprocess.CompletedProcess, what: str) -> None:
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith(f"error: {what}: ") and lines[1].startswith("  "), done.stderr
    assert "Traceback" not in done.stderr + done.stdout


@pytest.mark.slow   # runs `timeline` in a process of its own
def test_unreachable_server(tmp_path):
    url = f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/none?connect_timeout=3"
    doc = write(tmp_path / "a-2021.txt", GOOD)
    done = run("--database-url", url, "ingest", doc)
    assert_two_lines(done, "the database server cannot be reached")
    assert "DATABASE_URL" in done.stderr
    verbose = run("--verbose", "--database-url", url, "ingest", doc)
    assert verbose.returncode == 1 and "Traceback" in verbose.stderr


@pytest.mark.slow   # runs `timeline` in a process of its own
def test_read_only_database(tmp_path):
    path = tmp_path / "timeline.sqlite"
    doc = write(tmp_path / "a-2021.txt", GOOD)
    assert run("--database-url", f"sqlite:///{path}", "ingest", doc).returncode == 0
    write(doc, GOOD.replace("三万吨", "五万吨"))
    done = run("--database-url", f"sqlite:///file:{path}?mode=ro&uri=true", "ingest", doc)
    assert_two_lines(done, "the database is read-only")


@pytest.mark.slow   # runs `timeline` in a process of its own
def test_locked_database(tmp_path):
    """Another program holds SQLite's write lock past busy_timeout (10 s)."""
    path = tmp_path / "timeline.sqlite"
    doc = write(tmp_path / "a-2021.txt", GOOD)
    assert run("--database-url", f"sqlite:///{path}", "ingest", doc).returncode == 0
    write(doc, GOOD.replace("三万吨", "五万吨"))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        done = run("--database-url", f"sqlite:///{path}", "ingest", doc)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert_two_lines(done, "the database is locked by another program")


class Orig(Exception):
    def __init__(self, message: str, sqlstate: str | None = None):
        super().__init__(message)
        self.sqlstate = sqlstate


@pytest.mark.parametrize("message, sqlstate, what", [
    ("database or disk is full", None, "the disk holding the database is full"),                 # SQLite
    ("could not extend file \"base/16384/2619\": No space left on device", "53100",
     "the disk holding the database is full"),                                                     # PostgreSQL
    ("cannot execute INSERT in a read-only transaction", "25006", "the database is read-only"),
    ("attempt to write a readonly database", None, "the database is read-only"),
    ("database is locked", None, "the database is locked by another program"),
    ('connection failed: FATAL:  database "nope" does not exist', None,
     "the database named in the URL does not exist"),
    ("something nobody planned for", None, "the database reported an error"),
])
def test_each_problem_has_its_words(message, sqlstate, what):
    assert describe(sa_exc.OperationalError("INSERT", {}, Orig(message, sqlstate))).what == what
