"""The instance folder and the database used when none is named.

`instance/` beside the package is the checkout's own state, kept out of git: the default
SQLite database and the web app's optional config.py. The command line (timeline.cli) and
the web app (web.create_app) both take the default from here, in the store below them both,
so that `timeline` never imports `web`.
"""
from __future__ import annotations

import os
from pathlib import Path

INSTANCE_PATH = Path(__file__).resolve().parents[2] / "instance"


def default_database_url() -> str:
    """DATABASE_URL, else the embedded default: a SQLite file in the instance folder."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{INSTANCE_PATH / 'timeline.sqlite'}"
