"""Fault fixtures: a private PostgreSQL cluster this suite may stop and start, database
snapshots, and large documents built from the seed."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.support import SEED, free_port, require

PG_BIN = Path(os.environ.get("TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))


class PrivateCluster:
    """A PostgreSQL cluster in a temporary directory, on its own port: ours to stop and
    start (the machine's server on 5432 is never touched). initdb and pg_ctl refuse to run
    as root, so as root they run as the `postgres` OS user."""

    def __init__(self, directory: Path, port: int):
        self.directory, self.port = directory, port
        self.data, self.log = directory / "data", directory / "server.log"
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"

    def run(self, *args: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        done = subprocess.run(prefix + [str(PG_BIN / args[0]), *args[1:]], capture_output=True, text=True,
                              timeout=120)
        if done.returncode:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(args)} failed:\n{done.stdout}{done.stderr}{log}")

    def init(self) -> None:
        self.run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                 "--locale=C", "--no-sync")

    def start(self) -> None:
        # fsync off: stopping the server is a process crash, not a machine crash, so the OS
        # keeps what was written. synchronous_commit stays on: off, an immediate stop loses
        # the last commits still in the server's WAL buffers.
        options = (f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c full_page_writes=off")
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start")

    def stop(self, mode: str = "immediate") -> None:
        """`immediate`: the server dies at once, as in a crash (no goodbye to clients)."""
        self.run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()


@pytest.fixture
def private_postgres():
    """A started private cluster; stopped and deleted afterwards, whatever the test did."""
    require((PG_BIN / "initdb").exists(), f"no PostgreSQL binaries in {PG_BIN}")
    directory = Path(tempfile.mkdtemp(prefix="timeline-pg-"))
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
    cluster = PrivateCluster(directory, free_port())
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        if cluster.running():
            cluster.stop()
        shutil.rmtree(directory, ignore_errors=True)


def seed_in_years(years, transform=lambda text: text) -> bytes:
    """The seed once per year of `years` (its dates moved there), as one document."""
    seed = transform(SEED.read_text(encoding="utf-8"))
    return "".join(re.sub(r"2020(\s*年)", lambda m: f"{year}{m[1]}", seed) for year in years).encode()
