"""The vocabulary tables and the grammar agree: every word a table lists is read."""
from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import resolve
from timeline.dates import tables as T

CONTEXT = {"year": 2020, "month": 9, "reference": date(2020, 9, 16)}


def _one(text, **context):
    result = resolve(text, **(context or CONTEXT))
    assert not result.warnings, result.warnings
    assert [m.text for m in result.mentions] == [text]
    return result.mentions[0]


@pytest.mark.parametrize("word", [*T.RELATIVE_YEARS, *T.RELATIVE_MONTHS, *T.RELATIVE_DAYS,
                                  *T.RELATIVE_DAY_PARTS])
def test_relative_word_read(word):
    assert _one(word).relative


@pytest.mark.parametrize("word", [*T.SOLAR_FESTIVALS, *T.LUNAR_FESTIVALS, *T.NEW_YEARS_EVE,
                                  *T.SOLAR_TERM_FESTIVALS])
def test_festival_read(word):
    if word in T.SHORT_FESTIVALS:            # read only with a cue: "“五一”", "五一假期"
        assert not resolve(word, year=2020).mentions
        assert _one(f"“{word}”").start.month == T.SOLAR_FESTIVALS[word][0]
        for cue in T.SHORT_FESTIVAL_CUES:
            mention = resolve(f"{word}{cue}", year=2020).mentions[0]
            assert mention.start == date(2020, *T.SOLAR_FESTIVALS[word])
        return
    assert _one(word).start.year == 2020 or word in T.NEW_YEARS_EVE


@pytest.mark.parametrize("word", list(T.PART_OF_DAY))
def test_part_of_day_read(word):
    m = _one(f"9 月 16 日{word}")
    assert m.part_of_day == T.PART_OF_DAY[word][0]


@pytest.mark.parametrize("connector", T.RANGE_CONNECTORS)
def test_connector_read(connector):
    m = _one(f"9 月 16 日 {connector} 18 日")
    assert (m.start, m.end) == (date(2020, 9, 16), date(2020, 9, 18))


@pytest.mark.parametrize("era", list(T.ERAS))
def test_era_first_year(era):
    m = _one(f"{era}元年")
    assert m.start.year == T.ERAS[era][0]


@pytest.mark.parametrize("pair", list(T.SEASON_PAIRS))
def test_season_pair_read(pair):
    first = T.SEASON_PAIRS[pair]
    assert _one(f"{pair}季节").start == date(2020, first, 1)
    turn = _one(f"2020年{pair}{T.SEASON_TURN}")
    assert (turn.start.month, turn.end.month) == ((first + 1) % 12 + 1, (first + 2) % 12 + 1)
