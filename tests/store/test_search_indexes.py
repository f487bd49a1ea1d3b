"""The terms of SQLite's search index. Its triggers delete a row's terms by computing them
again, so the terms gram_terms gives for a text must never change: pinned here, and held
equal to the frozen copy the migration that made the index wrote it with."""
from __future__ import annotations

import importlib
import sqlite3
from datetime import datetime, timezone

import pytest
from alembic import command
from hypothesis import given, strategies as st

from testkit.events import document, event
from timeline.store import db
from timeline.store.ingest import store_document
from timeline.store.search.indexes import gram_terms, word_terms


def terms(title, body) -> set[str]:
    return set(gram_terms(title, body).split(" "))


def test_terms_are_each_distinct_lower_cased_character_and_pair_of_title_space_body():
    # "签约 a%%": 签, 约, " ", a, % and 签约, "约 ", " a", "a%", "%%"; each once. ASCII other
    # than letters and digits is "_" and its hex, so that the tokenizer keeps it in the term.
    assert terms("签约", "A%%") == {"签", "约", "_20", "a", "_25", "签约", "约_20", "_20a", "a_25", "_25_25"}
    assert terms("a_b", "") == {"a", "_5f", "b", "_20", "a_5f", "_5fb", "b_20"}


def test_null_in_null_out_like_sql():
    assert gram_terms(None, "x") is None and gram_terms("x", None) is None


@pytest.mark.parametrize("q, expected", [
    ("签约", ["签约"]),
    ("Li", ["li"]),                 # lower-cased like the index
    ("5%", ["5_25"]),
    ("签", ["签"]),
    ("L", ["l"]),
    ("签约仪", ["签约", "约仪"]),     # three characters and more: their pairs, then a LIKE
    ("哈哈哈", ["哈哈"]),            # each pair once
    ("", []),
])
def test_word_terms(q, expected):
    assert word_terms(q) == expected


def test_a_term_reads_back_one_way():
    """No pair's term is a character's, and no two characters or pairs share a term."""
    text = "签约 a_b %_5f _ 5 f Ab"
    grams = {text.lower()[i:i + n] for n in (1, 2) for i in range(len(text) - n + 1)}
    written = {gram: word_terms(gram) for gram in grams}
    assert all(len(t) == 1 for t in written.values())
    assert len({t[0] for t in written.values()}) == len(grams)


def test_every_substring_of_a_text_finds_its_terms():
    title, body = "招商项目集中签约", "美国乐队Link Park在湖畔演出，门票售出50%。"
    held = terms(title, body)
    text = f"{title} {body}"
    assert all(set(word_terms(text[i:i + n])) <= held for n in (1, 2, 3, 5) for i in range(len(text) - n + 1))


MIGRATION = "migrations.versions.3f6b2d8e9a41_one_search_index_of_characters_and_pairs"


@given(st.text(), st.text())
def test_the_migrations_frozen_copy_writes_the_same_terms(title, body):
    frozen = importlib.import_module(MIGRATION).ngram_terms
    assert set(frozen(title, body).split(" ")) == terms(title, body)


def test_the_downgrade_and_upgrade_again_rebuild_the_tables_on_sqlite(sqlite_url):
    """Down: the trigram and hex grams tables of d0af348e5f8e again, filled from the events;
    up again: the one table, filled."""
    db.upgrade(sqlite_url)
    engine = db.make_engine(sqlite_url)
    with db.make_writer(engine).begin() as session:
        store_document(session, document(event("a", "青山湖签约", "2020-01-02")), path="a.txt", sha256="a",
                       now=datetime(2021, 1, 1, tzinfo=timezone.utc))
    engine.dispose()
    path = sqlite_url.removeprefix("sqlite:///")
    frozen = importlib.import_module(MIGRATION)
    command.downgrade(db.alembic_config(sqlite_url), frozen.down_revision)
    with sqlite3.connect(path) as conn:
        assert conn.execute("""SELECT rowid FROM events_fts WHERE events_fts MATCH '"山湖签"'""").fetchall() == [(1,)]
        hexed = "签约".encode().hex()
        assert conn.execute(f"""SELECT rowid FROM events_fts_grams WHERE events_fts_grams MATCH '"{hexed}"'""") \
            .fetchall() == [(1,)]
        assert not conn.execute("SELECT name FROM sqlite_master WHERE name = 'events_fts_ngrams'").fetchall()
    db.upgrade(sqlite_url)
    with sqlite3.connect(path) as conn:
        assert conn.execute("""SELECT rowid FROM events_fts_ngrams WHERE events_fts_ngrams MATCH '"签约" "山湖"'""") \
            .fetchall() == [(1,)]
        assert not conn.execute("SELECT name FROM sqlite_master WHERE name IN ('events_fts', 'events_fts_grams')") \
            .fetchall()
