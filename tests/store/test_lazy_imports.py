"""pypinyin (55 MB of dictionaries) is loaded only to name a new category, never to start
the app or the command line."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.support import ROOT


@pytest.mark.slow   # a fresh interpreter
def test_starting_loads_no_pinyin(sqlite_url):
    code = ("import sys; from web import create_app; import web.cli, timeline.cli, timeline.store.ingest; "
            f"app = create_app({{'DATABASE_URL': {sqlite_url!r}}}); "
            "print('pypinyin' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.stdout.strip() == "False", done.stderr


def test_a_new_category_still_gets_its_pinyin_slug():
    from timeline.store.ingest import slugify

    assert slugify("规划建设") == "gui-hua-jian-she"
    assert len(slugify("规划" * 80)) <= 112
