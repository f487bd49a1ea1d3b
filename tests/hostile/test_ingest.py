"""Ingest under hostile conditions, on both databases: a bad file or a FIFO among good
files, a re-ingest that would lose the events, two ingests of the same new document at the
same time. Nothing is lost and every refusal is one line."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from tests.hostile.conftest import write
from tests.hostile.documents import GOOD, many_events
from tests.support import ROOT
from timeline.store import db
from timeline.store.models import Category, Document, EventRow

pytestmark = pytest.mark.slow   # each test runs `timeline` in processes of its own


def run(url: str, *args, timeout: float = 120) -> subprocess.CompletedProcess:
    """`timeline` in its own process (a hang fails the test instead of stalling the run)."""
    return subprocess.run([sys.executable, "-m", "web.cli", "--database-url", url, *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT)


def counts(url: str) -> dict[str, int]:
    """Events per document."""
    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:
            return dict(conn.execute(select(Document.name, func.count(EventRow.id))
                                     .join(EventRow, isouter=True).group_by(Document.name)).all())
    finally:
        engine.dispose()


def test_bad_files_in_the_middle_stop_nothing(database_url, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    write(folder / "a-2021.txt", GOOD)
    (folder / "b-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40)
    os.mkfifo(folder / "c-fifo.txt")                     # nobody writes to it: reading would hang
    (folder / "d-folder.txt").mkdir()                    # a subfolder: passed over in silence
    (folder / "e-empty.txt").write_bytes(b"")
    write(folder / "f-2021.txt", many_events(30))
    done = run(database_url, "ingest", folder)
    assert done.returncode == 1, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3, done.stderr
    reasons = "\n".join(errors)
    assert "c-fifo.txt: skipped: a FIFO, not a regular file" in reasons
    assert "d-folder" not in done.stderr + done.stdout
    assert "b-binary.txt: " in reasons and "e-empty.txt: " in reasons
    assert "Traceback" not in done.stderr + done.stdout
    assert counts(database_url) == {"a-2021": 3, "f-2021": 30}


def test_a_re_ingest_that_loses_the_events_keeps_them(database_url, tmp_path):
    doc = write(tmp_path / "chronicle-2021.txt", many_events(10))
    assert run(database_url, "ingest", doc).returncode == 0
    for text, left in (("· 12 ·\n· 13 ·\n", 0), (many_events(4), 4)):
        write(doc, text)
        done = run(database_url, "ingest", doc)
        assert done.returncode == 1
        assert (f"error: {doc}: now yields {left} events where 10 are stored; kept the stored ones "
                "(use --replace to replace them)") in done.stderr
        assert counts(database_url) == {"chronicle-2021": 10}
    write(doc, many_events(6))                       # losing fewer than half is a revision
    assert run(database_url, "ingest", doc).returncode == 0
    assert counts(database_url) == {"chronicle-2021": 6}
    write(doc, "· 12 ·\n· 13 ·\n")         # page numbers only: no event
    replaced = run(database_url, "ingest", "--replace", doc)
    assert replaced.returncode == 0, replaced.stderr
    assert "0 events (0 added, 0 updated, 6 removed" in replaced.stdout
    assert counts(database_url) == {"chronicle-2021": 0}


def test_two_ingests_of_the_same_new_document_at_once(database_url, tmp_path):
    """On an empty database (both migrate it first), then a new document and a new category
    in both at once: both succeed, and the data is that of one ingest."""
    first = write(tmp_path / "same-2021.txt", GOOD)
    rounds = [((first, first), {"same-2021": 3}),
              ((write(tmp_path / "one-2021.txt", many_events(20)), write(tmp_path / "two-2021.txt", many_events(20))),
               {"same-2021": 3, "one-2021": 20, "two-2021": 20})]
    for (a, b), expected in rounds:
        procs = [subprocess.Popen([sys.executable, "-m", "web.cli", "--database-url", database_url, "ingest",
                                   "--category", "新类别", str(path)], cwd=ROOT, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for path in (a, b)]
        outputs = [proc.communicate(timeout=120) for proc in procs]
        assert [proc.returncode for proc in procs] == [0, 0], outputs
        assert not any("Traceback" in out + err for out, err in outputs), outputs
        assert counts(database_url) == expected
    engine = db.make_engine(database_url)
    with engine.connect() as conn:
        names = conn.scalars(select(Category.name)).all()
        assert len(names) == len(set(names))
    engine.dispose()
