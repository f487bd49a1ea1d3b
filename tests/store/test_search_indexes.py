"""The terms of SQLite's search index. Its triggers delete a row's terms by computing them
again, so the terms gram_terms gives for a text must never change: pinned here, and held
equal to the frozen copy the migration that made the index wrote it with."""
from __future__ import annotations

import importlib

import pytest
from hypothesis import given, strategies as st

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
