"""Helpers of the hostile-input suite: the real command line and the real app, on either
database (the `database_url` fixture runs each test on SQLite and on PostgreSQL)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner


class Timeline:
    """`timeline --database-url URL ...` run in process, as a user runs it."""

    def __init__(self, url: str):
        self.url = url
        self.apps = []

    def __call__(self, *args: str, **kwargs):
        from web.cli import cli

        return CliRunner().invoke(cli, ["--database-url", self.url, *map(str, args)],
                                  catch_exceptions=False, **kwargs)

    def app(self):
        from web import create_app

        app = create_app({"TESTING": True, "DATABASE_URL": self.url})
        self.apps.append(app)
        return app

    def close(self) -> None:
        for app in self.apps:
            app.extensions["timeline.engine"].dispose()


@pytest.fixture
def timeline(database_url):
    runner = Timeline(database_url)
    yield runner
    runner.close()


def write(path, text: str):
    path.write_bytes(text.encode())
    return path
