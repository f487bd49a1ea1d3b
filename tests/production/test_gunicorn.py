"""Production serving for real: gunicorn with 3 workers, configured by gunicorn.conf.py from
the environment, serving `web:create_app()` against a fresh PostgreSQL database."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.support import ROOT, START_SECONDS, free_port, seed_database, stop_process

pytestmark = pytest.mark.postgres
GUNICORN = Path(sys.executable).parent / "gunicorn"
WORKERS = 3


def environment(database_url: str, port: int, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TIMELINE_", "FLASK_", "GUNICORN_"))}
    return {**env, "DATABASE_URL": database_url, "BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(WORKERS),
            **extra}


def fetch(url: str, timeout: float = 10, **headers: str) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={k.replace("_", "-"): v for k, v in headers.items()})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, dict(exc.headers), exc.read()


class Server:
    """A gunicorn process whose stdout and stderr go to files (an unread pipe could stall it)."""

    def __init__(self, env: dict[str, str], logs: Path):
        self.stdout_path, self.stderr_path = logs / "gunicorn.stdout", logs / "gunicorn.stderr"
        self.stdout, self.stderr = open(self.stdout_path, "wb"), open(self.stderr_path, "wb")
        self.proc = subprocess.Popen([str(GUNICORN)], cwd=ROOT, env=env, stdout=self.stdout, stderr=self.stderr)
        self.base = "http://" + env["BIND"]

    def wait_ready(self, deadline: float = START_SECONDS) -> None:
        end = time.monotonic() + deadline
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                return
            try:
                if fetch(self.base + "/healthz", timeout=1)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        pytest.fail(f"gunicorn did not answer on {self.base}:\n{self.output()}")

    def stop(self) -> int:
        code = stop_process(self.proc)       # SIGTERM: gunicorn's graceful shutdown
        self.stdout.close()
        self.stderr.close()
        return code

    def output(self) -> str:
        return self.stdout_path.read_text(errors="replace") + self.stderr_path.read_text(errors="replace")


@pytest.fixture
def seeded_postgres(postgres_url) -> str:
    return seed_database(postgres_url)


@pytest.fixture
def server(seeded_postgres, tmp_path):
    server = Server(environment(seeded_postgres, free_port()), tmp_path)
    server.wait_ready()
    yield server
    server.stop()


def test_serves_pages_api_and_feeds_from_several_workers(server):
    base = server.base
    urls = ["/2020", "/api/events?year=2020&limit=10", "/api/categories", "/feeds/2020.ics",
            "/calendar.ics?tag=签约", "/readyz"] * 8
    # Concurrent requests: a busy worker cannot take the next one, so others must.
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda path: (path, *fetch(base + urllib.parse.quote(path, safe="/?=&"))), urls))
    for path, status, headers, body in answers:
        assert status == 200, (path, status, body[:300])
    by_path = {path: (headers, body) for path, _, headers, body in answers}
    assert by_path["/2020"][0]["Content-Type"].startswith("text/html")
    api = json.loads(by_path["/api/events?year=2020&limit=10"][1])
    assert len(api["events"]) == 10 and api["count"] > 10 and api["next"]
    assert by_path["/feeds/2020.ics"][1].startswith(b"BEGIN:VCALENDAR")
    assert json.loads(by_path["/readyz"][1])["database"] == "ok"

    # 304 for a feed the client has.
    etag = by_path["/feeds/2020.ics"][0]["ETag"]
    assert fetch(base + "/feeds/2020.ics", If_None_Match=etag)[0] == 304

    # Several workers answer. Which pids served the burst above is chance (an idle worker
    # may take it all): ask /readyz (it names its worker) until two have answered, within a
    # bounded number of concurrent rounds.
    pids: set[str] = set()
    with ThreadPoolExecutor(max_workers=WORKERS * 2) as pool:
        for _ in range(20):
            rounds = pool.map(lambda _: fetch(base + "/readyz")[1]["X-Worker-Pid"], range(WORKERS * 4))
            pids.update(rounds)
            if len(pids) >= 2:
                break
    assert len(pids) >= 2, pids

    assert server.stop() == 0                # a clean, graceful stop
    stdout = server.stdout_path.read_text(errors="replace")
    stderr = server.stderr_path.read_text(errors="replace")
    # Logs go to stdout: gunicorn's own lines and one access line per request, with the pid.
    assert len(re.findall(r"Booting worker with pid: \d+", stdout)) == WORKERS, stdout
    served_by = set(re.findall(r'"GET [^"]+ HTTP/1\.1" 200 .* pid=<(\d+)>', stdout))
    assert pids <= served_by, stdout         # access lines carry the serving worker's pid
    assert '"GET /feeds/2020.ics HTTP/1.1" 304' in stdout
    assert "Booting worker" not in stderr and "GET /" not in stderr, stderr
    assert "Debug mode" not in stdout + stderr and "Traceback" not in stdout + stderr


def printed_config(**extra: str) -> dict[str, str]:
    env = environment("postgresql+psycopg://user@db.example/timeline", 8123, **extra)
    result = subprocess.run([str(GUNICORN), "--print-config"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    return dict(re.findall(r"^(\w+)\s+= (.*)$", result.stdout, re.M))


def test_configuration_comes_from_the_environment(tmp_path):
    settings = printed_config(WEB_CONCURRENCY="5")
    assert settings["wsgi_app"] == "web:create_app()"
    assert settings["workers"] == "5"
    assert settings["bind"] == "['127.0.0.1:8123']"
    assert settings["accesslog"] == settings["errorlog"] == "-"
    assert settings["reload"] == "False"
    assert settings["worker_class"] == "sync"    # an idle worker takes each request
    threaded = printed_config(GUNICORN_WORKER_CLASS="gthread", GUNICORN_THREADS="2")
    assert (threaded["worker_class"], threaded["threads"]) == ("gthread", "2")


def test_debug_mode_is_refused(seeded_postgres, tmp_path):
    server = Server(environment(seeded_postgres, free_port(), FLASK_DEBUG="1"), tmp_path)
    try:
        server.proc.wait(timeout=60)
    finally:
        code = server.stop()
    assert code != 0
    assert "refusing to serve with Flask debug mode on" in server.output()
