"""The progress bar of a long ingest: on a terminal only, after a second, never with --quiet."""
from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios

import pytest

from tests.hostile.documents import many_events
from tests.support import ROOT

pytestmark = pytest.mark.slow   # runs `timeline ingest` in a process, on a terminal


def ingest(args, tmp_path, *, terminal: bool) -> str:
    """Run `timeline ingest` with standard error on a pseudo-terminal or a pipe; its stderr."""
    url = f"sqlite:///{tmp_path / 'timeline.sqlite'}"
    command = [sys.executable, "-m", "web.cli", "--database-url", url, "ingest", *map(str, args)]
    if not terminal:
        return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300).stderr
    main, child = pty.openpty()
    # A terminal has a size (a new pseudo-terminal has 0 columns, where a bar has no room).
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 160, 0, 0))
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=child, cwd=ROOT)
    os.close(child)
    out = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:       # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=300)
    os.close(main)
    assert proc.returncode == 0, out
    return out.decode(errors="replace")


def corpus(tmp_path, files: int = 24):
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(files):
        (folder / f"doc-{i:02d}-2021.txt").write_text(many_events(150), encoding="utf-8")
    return folder


def test_a_long_ingest_shows_files_bytes_events_rate_and_time_left(tmp_path):
    shown = ingest([corpus(tmp_path)], tmp_path, terminal=True)
    assert "ingest" in shown and "B/s" in shown and "files " in shown and "events " in shown, shown[-2000:]
    assert "<" in shown                                  # elapsed<remaining
    assert "[1/24]" not in shown                         # the bar replaces the per-file lines


def test_quiet_and_pipes_show_no_bar(tmp_path):
    folder = corpus(tmp_path)
    quiet = ingest(["--quiet", folder], tmp_path, terminal=True)
    assert "B/s" not in quiet and "[1/24]" not in quiet
    piped = ingest([folder], tmp_path, terminal=False)
    assert "B/s" not in piped and "[1/24]" in piped      # a log gets one line per file instead


def test_a_dead_parsing_process_fails_one_file_and_the_rest_load(tmp_path, monkeypatch):
    """A worker killed mid-parse (the out-of-memory killer) breaks the pool: that file
    alone fails, the others it held are parsed again and everything else loads."""
    import signal

    from timeline import bulk
    from timeline.bulk import Failed, Options, Parsed, parse_all

    folder = corpus(tmp_path, files=6)
    paths = sorted(folder.iterdir())
    real = bulk.parse_document

    def dies_on_the_third(data, *, name, **kwargs):
        if name == paths[2].stem and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(data, name=name, **kwargs)

    parent = os.getpid()
    monkeypatch.setattr(bulk, "parse_document", dies_on_the_third)
    results = list(parse_all(paths, Options(), workers=2))
    assert [r.path for r in results] == paths
    failed = [r for r in results if isinstance(r, Failed)]
    assert [r.path for r in failed] == [paths[2]] and "parsing process died" in failed[0].reason
    assert all(isinstance(r, Parsed) for r in results if r not in failed)
