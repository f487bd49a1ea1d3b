"""Fixtures: real SQLite files, a fresh PostgreSQL database per run, the Flask app and CLI."""
from __future__ import annotations

import contextlib
import os
import subprocess
import uuid

import pytest
from hypothesis import settings

from tests.support import ARTIFACTS, migrate, require, seed_database, stop_process

# No import of the application at the top: under xdist the controller loads this file and runs
# no test, and importing timeline (its date grammar compiles for seconds) would hold back the
# start of every worker. Fixtures import what they use.

pytest_plugins = ["pytester"]    # tests/test_ci.py runs pytest on a file of its own

# `make test-fast` runs the property tests on a quarter of their examples
# (--hypothesis-profile=fast); `make test` and CI run them all. A test that sets its own
# count gives it as tests.support.examples(n), which the profile scales the same way.
settings.register_profile("fast", max_examples=25)

# The marks of the slower suites (setup.cfg names them; `make test-fast` leaves them out),
# derived from what a test uses and where it lives, so that they stay true as tests change.
MARK_BY_FIXTURE = {
    "postgres_server": "postgres",     # the shared server, through database_url or postgres_url
    "private_postgres": "postgres",    # a cluster of the test's own
    "browser": "browser",
    "live_server": "slow",             # `timeline serve` in a process of its own
    "radicale": "slow",
}
MARK_BY_FOLDER = {"production": "production", "faults": "faults", "browser": "browser"}


# A test outside these marks (the ones `make test-fast` leaves out) may not start a process:
# that is what keeps the fast loop fast as tests are added. Mark it `slow`.
UNHURRIED = ("postgres", "browser", "production", "faults", "slow")


@contextlib.contextmanager
def _no_process(item):
    if any(item.get_closest_marker(name) for name in UNHURRIED):
        yield
        return
    start = subprocess.Popen._execute_child

    def refuse(self, args, *rest, **kwargs):
        pytest.fail(f"{item.nodeid} starts a process ({args!r:.80}): mark it slow (tests/conftest.py)",
                    pytrace=False)

    subprocess.Popen._execute_child = refuse
    try:
        yield
    finally:
        subprocess.Popen._execute_child = start


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    with _no_process(item):     # fixtures too: a server a fixture starts is a process
        yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    with _no_process(item):
        yield


def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        names = set(item.fixturenames)
        folder = item.path.relative_to(config.rootpath / "tests").parts[0]
        marks = {mark for fixture, mark in MARK_BY_FIXTURE.items() if fixture in names}
        marks |= {MARK_BY_FOLDER[folder]} if folder in MARK_BY_FOLDER else set()
        for mark in sorted(marks - {m.name for m in item.iter_markers()}):
            item.add_marker(mark)


@pytest.fixture(scope="session", autouse=True)
def templates_compiled_once():
    """Every app a test makes has a Jinja environment of its own, which would parse and compile
    each template again (about 50 ms an app, and the suites make a hundred apps): in tests they
    share one bytecode cache. Jinja keys it by template and checks the source's checksum, so
    an edited template is compiled afresh; rendering is unchanged."""
    from flask import Flask
    from jinja2 import BytecodeCache

    class InMemory(BytecodeCache):
        def __init__(self):
            self.code: dict[str, bytes] = {}

        def load_bytecode(self, bucket) -> None:
            if bucket.key in self.code:
                bucket.bytecode_from_string(self.code[bucket.key])

        def dump_bytecode(self, bucket) -> None:
            self.code[bucket.key] = bucket.bytecode_to_string()

    options = Flask.jinja_options
    Flask.jinja_options = {**options, "bytecode_cache": InMemory()}
    yield
    Flask.jinja_options = options


PG_ADMIN_URL = os.environ.get("TEST_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_admin():
    import sqlalchemy

    return sqlalchemy.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The URL of a fresh PostgreSQL database for this run, dropped at the end."""
    import sqlalchemy

    admin = _pg_admin()
    try:
        with admin.connect():
            pass
    except sqlalchemy.exc.OperationalError as exc:
        admin.dispose()
        require(False, f"PostgreSQL not reachable at {PG_ADMIN_URL}: {exc.orig}")
    name = f"timeline_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    yield url
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'timeline.sqlite'}"


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """An empty schema in the run's PostgreSQL database (tables dropped after each test)."""
    from timeline.store import db

    yield postgres_server
    engine = db.make_engine(postgres_server)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request) -> str:
    """Each store test runs on both databases."""
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture
def store(database_url):
    """A sessionmaker on a migrated, empty database."""
    from timeline.store import db

    migrate(database_url)
    engine = db.make_engine(database_url)
    yield db.make_sessionmaker(engine)
    engine.dispose()


@pytest.fixture(scope="session")
def seeded_url(tmp_path_factory) -> str:
    """A SQLite file with the seed document loaded: shared, read-only for the tests."""
    return seed_database(f"sqlite:///{tmp_path_factory.mktemp('seeded') / 'timeline.sqlite'}")


@pytest.fixture(scope="session")
def app(seeded_url):
    from web import create_app

    return create_app({"TESTING": True, "DATABASE_URL": seeded_url})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(sqlite_url):
    """Invoke the `timeline` CLI against an empty SQLite file: runner.invoke([...])."""
    from click.testing import CliRunner

    from web.cli import cli

    class Runner:
        url = sqlite_url

        def invoke(self, args, **kwargs):
            return CliRunner().invoke(cli, args, env={"DATABASE_URL": sqlite_url}, **kwargs)

    return Runner()


def serve(url: str, log_name: str = "live_server.log"):
    """The real `timeline serve` in its own process on a free port over `url`: yields its
    base URL, stops it after."""
    import subprocess
    import sys
    import time
    import urllib.request

    from tests.support import START_SECONDS, free_port

    port = free_port()
    # The server's output goes to a file: a pipe nobody reads would fill and stall the server.
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / log_name, "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "web.cli", "--database-url", url, "serve", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            urllib.request.urlopen(base + "/api/categories", timeout=1).close()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                proc.wait()
                log.close()
                output = (ARTIFACTS / log_name).read_text(errors="replace")
                pytest.fail(f"server did not start on {base}:\n{output}")
            time.sleep(0.1)
    yield base
    stop_process(proc, timeout=10)
    log.close()


@pytest.fixture(scope="session")
def live_server(seeded_url):
    """The real `timeline serve` in its own process on a free port, over the seeded database."""
    yield from serve(seeded_url)


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright (its own browser download is not used)."""
    chromium = "/usr/bin/chromium"
    require(os.path.exists(chromium), f"{chromium} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()
