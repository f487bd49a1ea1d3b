"""Web fixtures beyond the shared ones: an app over a small hand-made document."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from testkit.handmade import handmade_document
from tests.support import seed_database
from timeline.store.ingest import store_document


@pytest.fixture(scope="session")
def handmade_url(tmp_path_factory) -> str:
    def load(sessionmaker):
        with sessionmaker.begin() as session:
            store_document(session, handmade_document(), path="handmade.txt", sha256="0" * 64,
                           now=datetime(2021, 1, 1, tzinfo=timezone.utc))

    return seed_database(f"sqlite:///{tmp_path_factory.mktemp('handmade') / 'timeline.sqlite'}", load)


@pytest.fixture(scope="session")
def handmade_app(handmade_url):
    from web import create_app

    return create_app({"TESTING": True, "DATABASE_URL": handmade_url})


@pytest.fixture
def hclient(handmade_app):
    return handmade_app.test_client()
