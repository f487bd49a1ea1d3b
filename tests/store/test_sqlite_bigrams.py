"""The terms of SQLite's 2-character search index. Its triggers delete a row's terms by
computing them again, so what bigram_terms returns for a text must never change: pinned here."""
from __future__ import annotations

import pytest

from timeline.store.sqlite_bigrams import bigram_terms, query_term


def test_terms_are_the_hex_of_each_distinct_lower_cased_pair_of_title_space_body():
    # "签约" -> 签约, "约 ", " A", "a%" (lower-cased), "%%"; each once, sorted.
    assert bigram_terms("签约", "A%%") == "2061 2525 6125 e7adbee7baa6 e7baa620"


def test_null_in_null_out_like_sql():
    assert bigram_terms(None, "x") is None and bigram_terms("x", None) is None


@pytest.mark.parametrize("q, term", [
    ("签约", "e7adbee7baa6"),
    ("Li", "6c69"),          # lower-cased like the index
    ("5%", "3525"),
    ("签", None),            # not two characters: not in the index
    ("签约仪式", None),
])
def test_query_term(q, term):
    assert query_term(q) == term


def test_every_two_character_query_of_a_text_finds_its_term():
    title, body = "招商项目集中签约", "美国乐队Link Park在湖畔演出，门票售出50%。"
    terms = set(bigram_terms(title, body).split())
    text = f"{title} {body}"
    assert all(query_term(text[i:i + 2]) in terms for i in range(len(text) - 1))
