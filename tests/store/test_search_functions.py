"""PostgreSQL's gram function, timeline_gram_codes(), which the search index ix_events_grams is
built over (migration 3f6b2d8e9a41). Its numbers must be exactly the characters and pairs
the two functions before it gave (timeline_char_codes, timeline_pair_codes, which migration
d0af348e5f8e held equal to the text functions before them), or a search would find
something else."""
from __future__ import annotations

import importlib
from datetime import datetime, timezone

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings, strategies as st

from testkit.events import document, event
from tests.support import examples
from timeline.store import db
from timeline.store.ingest import store_document
from timeline.store.queries import EventFilter, list_events

MIGRATION = importlib.import_module("migrations.versions.3f6b2d8e9a41_one_search_index_of_characters_and_pairs")
BEFORE = MIGRATION.down_revision
T0 = datetime(2021, 1, 1, tzinfo=timezone.utc)


@pytest.fixture
def functions(postgres_url):
    """A connection to a migrated database that also has the functions before it, as
    timeline_char_codes_before() and timeline_pair_codes_before()."""
    db.upgrade(postgres_url)
    engine = db.make_engine(postgres_url)
    with engine.connect() as conn:
        for old in (MIGRATION.OLD_CHAR_CODES, MIGRATION.OLD_PAIR_CODES):
            conn.exec_driver_sql(old.replace("(title text", "_before(title text"))
        conn.commit()
        yield conn
    engine.dispose()


# The numbers of the function are the old functions' numbers, as sets.
SAME = """
SELECT timeline_gram_codes(%(t)s, %(b)s) @> before AND timeline_gram_codes(%(t)s, %(b)s) <@ before
FROM (SELECT timeline_char_codes_before(%(t)s, %(b)s)::int8[] || timeline_pair_codes_before(%(t)s, %(b)s) AS before)
     AS old
"""


def differing(conn, title: str, body: str) -> list[str]:
    """The function, when its keys for (title, body) are not the old ones' characters and pairs."""
    same = conn.exec_driver_sql(SAME, {"t": title, "b": body}).scalar()
    return [] if same else ["timeline_gram_codes"]


@pytest.mark.parametrize("title, body", [
    ("", ""), ("a", ""), ("", "b"), ("湖", "湖"), ("签约", "签约仪式签约"), ("Link Park", "LINK park"),
    ("招商项目集中签约", "14个项目集中签约，总投资50亿元。"), ("a%_\\", "'\"$$"), ("𠀀𠀁", "é e\u0301"),
    ("x" * 3000, "Ω" * 2000), ("  ", "\t\n"), ("\U0010fffd\U0010fffe", "\U0010ffff"),
])
def test_the_codes_are_the_characters_and_pairs_the_functions_before_gave(functions, title, body):
    assert differing(functions, title, body) == []


TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))  # what PostgreSQL holds


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT, TEXT)
def test_the_codes_are_the_characters_and_pairs_for_any_text(functions, title, body):
    assert differing(functions, title, body) == []


def test_a_pair_is_its_two_code_points(functions):
    codes = functions.exec_driver_sql("SELECT timeline_gram_codes('签约', 'Ab')").scalar()
    assert set(codes) == {ord(c) for c in "签约 ab"} | {ord(a) << 21 | ord(b) for a, b in ("签约", "约 ", " a", "ab")}


def test_null_in_null_out(functions):
    assert functions.exec_driver_sql("SELECT timeline_gram_codes(NULL, 'a'), timeline_gram_codes('a', NULL)").one() \
        == (None, None)


DOC = document(event("lake", "青山湖科技城规划获批", "2020-03-02"), event("sign", "招商项目集中签约", "2020-06-21"),
               event("band", "Link Park演出", "2020-05-01"))
LATER = document(event("dam", "湖区水库开工", "2021-03-02"), event("deal", "签约仪式举行", "2021-06-21"),
                 name="doc-2021", year=2021)


def test_every_short_search_finds_its_holders_through_the_indexes(postgres_url):
    """Rows stored before the migration (whose index it builds) and rows after: every 1-, 2-
    and 3-character search finds exactly the events that hold it, through the index."""
    command.upgrade(db.alembic_config(postgres_url), BEFORE)
    engine = db.make_engine(postgres_url)
    store = db.make_sessionmaker(engine)
    with store.begin() as session:
        store_document(session, DOC, path="a.txt", sha256="a", now=T0)
    db.upgrade(postgres_url)
    with store.begin() as session:
        store_document(session, LATER, path="b.txt", sha256="b", now=T0)
    texts = {e.key: f"{e.title} {e.body}".lower() for d in (DOC, LATER) for e in d.events}
    words = {t[i:i + n] for t in texts.values() for n in (1, 2, 3) for i in range(len(t) - n + 1)}
    words = {w for w in words if w.split() == [w]}          # q is split at spaces
    with store() as session:
        session.connection().exec_driver_sql("SET enable_seqscan = off")
        for word in sorted(words | {w.upper() for w in words}):
            found = sorted(e.event.key for e in list_events(session, EventFilter(q=word)))
            assert found == sorted(k for k, t in texts.items() if word.lower() in t), word
    engine.dispose()


def test_the_downgrade_gives_back_the_indexes_of_each_length(postgres_url):
    db.upgrade(postgres_url)
    engine = db.make_engine(postgres_url)
    store = db.make_sessionmaker(engine)
    with store.begin() as session:
        store_document(session, DOC, path="a.txt", sha256="a", now=T0)
    command.downgrade(db.alembic_config(postgres_url), BEFORE)
    with store() as session:
        conn = session.connection()
        pairs, chars = conn.exec_driver_sql("SELECT timeline_pair_codes('签约', ''), timeline_char_codes('湖', '')").one()
        assert (set(pairs), set(chars)) == ({ord("签") << 21 | ord("约"), ord("约") << 21 | 32}, {ord("湖"), 32})
        names = set(conn.exec_driver_sql("SELECT indexname FROM pg_indexes WHERE tablename = 'events'").scalars())
        assert {"ix_events_title_trgm", "ix_events_body_trgm", "ix_events_bigrams", "ix_events_chars"} <= names
        assert "ix_events_grams" not in names
    command.upgrade(db.alembic_config(postgres_url), "head")
    engine.dispose()
