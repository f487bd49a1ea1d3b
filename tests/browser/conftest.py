"""Browser fixtures: a busy collection (two years of 2,000 events in 20 categories, made by
testkit.corpus, the generator of bench/generate_corpus.py) served by the real `timeline serve`; axe-core."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from tests.conftest import serve
from tests.support import require, seed_database

BIG_YEARS = (2020, 2021)
PER_CATEGORY = 100           # x 20 categories: 2,000 events a year
AXE = Path(__file__).resolve().parent / "js" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def big_url(tmp_path_factory) -> str:
    from testkit.corpus import CATEGORIES, Maker
    from timeline.store.ingest import store_document

    def load(sessionmaker):
        maker = Maker(2020)
        for year in BIG_YEARS:
            for category in CATEGORIES:
                parsed = maker.document(year, category, PER_CATEGORY)
                with sessionmaker.begin() as session:
                    store_document(session, parsed, path=f"{parsed.name}.txt", sha256="0" * 64,
                                   now=datetime(2025, 1, 1, tzinfo=timezone.utc))

    return seed_database(f"sqlite:///{tmp_path_factory.mktemp('big') / 'timeline.sqlite'}", load)


@pytest.fixture(scope="session")
def big_server(big_url):
    yield from serve(big_url, "big_server.log")


@pytest.fixture(scope="session")
def axe_source() -> str:
    require(AXE.exists(), f"{AXE} is missing (npm ci --prefix tests/browser/js)")
    return AXE.read_text()
