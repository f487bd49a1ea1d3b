"""The negative corpus: numbers that are not dates give no mention and no warning."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.dates import resolve

CORPUS = [line for line in (Path(__file__).parent / "negative_corpus.txt").read_text("utf-8").splitlines()
          if line.strip() and not line.startswith("#")]


def test_corpus_is_not_empty():
    assert len(CORPUS) >= 30


@pytest.mark.parametrize("text", CORPUS)
def test_not_a_date(text: str):
    result = resolve(text, year=2020, month=9, reference=date(2020, 6, 15))
    assert result.mentions == () and result.warnings == (), (result.mentions, result.warnings)


@pytest.mark.parametrize(("text", "mention"), [
    ("3 月份完成", "3 月份"),               # a month, though "3 个月" is a duration
    ("至 2025 年，建成", "2025 年"),
    ("2020 年中国工业计算机大会", "2020 年"),  # 年中 needs a break after it
])
def test_near_misses_that_are_dates(text: str, mention: str):
    found = resolve(text, year=2020).mentions
    assert [m.text for m in found] == [mention]
