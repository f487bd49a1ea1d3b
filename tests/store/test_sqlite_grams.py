"""The terms of SQLite's 1- and 2-character search index. Its triggers delete a row's terms
by computing them again, so what gram_terms returns for a text must never change: pinned here."""
from __future__ import annotations

import pytest

from timeline.store.sqlite_grams import gram_terms, query_term


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
def test_query_term(q, term):
    assert query_term(q) == term


def test_every_one_and_two_character_query_of_a_text_finds_its_term():
    title, body = "招商项目集中签约", "美国乐队Link Park在湖畔演出，门票售出50%。"
    terms = set(gram_terms(title, body).split())
    text = f"{title} {body}"
    assert all(query_term(text[i:i + n]) in terms for n in (1, 2) for i in range(len(text) - n + 1))
