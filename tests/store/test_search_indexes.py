"""The terms of SQLite's 1- and 2-character search index. Its triggers delete a row's terms
by computing them again, so what gram_terms returns for a text must never change: pinned
here, and held equal to the frozen copy the migration that made the index wrote it with."""
from __future__ import annotations

import importlib

import pytest
from hypothesis import given, strategies as st

from timeline.store.search.indexes import gram_query_term, gram_terms


def test_terms_are_the_hex_of_each_distinct_lower_cased_character_and_pair_of_title_space_body():
    # "签约 a%%": 签, 约, " ", a, % and 签约, "约 ", " a", "a%", "%%"; each once, sorted.
    assert gram_terms("签约", "A%%") == "20 2061 25 2525 61 6125 e7adbe e7adbee7baa6 e7baa6 e7baa620"


def test_null_in_null_out_like_sql():
    assert gram_terms(None, "x") is None and gram_terms("x", None) is None


@pytest.mark.parametrize("q, term", [
    ("签约", "e7adbee7baa6"),
    ("Li", "6c69"),          # lower-cased like the index
    ("5%", "3525"),
    ("签", "e7adbe"),
    ("L", "6c"),
    ("签约仪", None),         # three characters and more: the trigram table's
    ("", None),
])
def test_gram_query_term(q, term):
    assert gram_query_term(q) == term


def test_every_one_and_two_character_query_of_a_text_finds_its_term():
    title, body = "招商项目集中签约", "美国乐队Link Park在湖畔演出，门票售出50%。"
    terms = set(gram_terms(title, body).split())
    text = f"{title} {body}"
    assert all(gram_query_term(text[i:i + n]) in terms for n in (1, 2) for i in range(len(text) - n + 1))


MIGRATION = "migrations.versions.7d2e4b6a8c10_index_one_and_two_character_search"


@given(st.text(), st.text())
def test_the_migrations_frozen_copy_writes_the_same_terms(title, body):
    frozen = importlib.import_module(MIGRATION).gram_terms
    assert frozen(title, body) == gram_terms(title, body)
