"""How a search reads the indexes: one strategy per database (docs/search.md).

`q` is split into words at whitespace; an event matches when its title or body holds every
word (ASCII case ignored). Each database has one index of every lower-cased character and
pair of neighbouring characters (timeline.store.search.indexes): a word of 1 or 2
characters is one key of it, exact; a longer word is the events holding all its pairs, then
a LIKE over those candidates.
"""
from __future__ import annotations

import weakref
from collections.abc import Sequence

from sqlalchemy import (BigInteger, ColumnElement, Engine, Integer, and_, bindparam, cast, func, literal, or_,
                        select, text)
from sqlalchemy.dialects.postgresql import array
from sqlalchemy.orm import Session

from timeline.store.models import EventRow
from timeline.store.search.indexes import GRAM_CODES, GRAMS_TABLE, PAIR_CODE_SHIFT, word_terms


def search_words(q: str | None) -> tuple[str, ...]:
    """The words of `q`: split at any whitespace (the full-width space too), each once."""
    return tuple(dict.fromkeys(q.split())) if q else ()


def matches(session: Session, q: str | None, *, within_year: bool = False) -> ColumnElement[bool] | None:
    """The events whose title or body holds every word of `q`; None when `q` has no word.

    `within_year`: the query also keeps one year, which changes the best plan on SQLite
    (see `_sqlite`).
    """
    words = search_words(q)
    if not words:
        return None
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        conditions = _postgres(words)
    elif dialect == "sqlite":
        conditions = _sqlite(session, words, within_year=within_year)
    else:
        conditions = [_like(word) for word in words]
    return and_(*conditions)


def _like(word: str, operator: str = "like") -> ColumnElement[bool]:
    """Title or body holds `word` literally (LIKE's % _ \\ escaped), without an index of ours."""
    pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return or_(getattr(EventRow.title, operator)(pattern, escape="\\"),
               getattr(EventRow.body, operator)(pattern, escape="\\"))


def _postgres(words: Sequence[str]) -> list[ColumnElement[bool]]:
    """All the words' keys in one containment, `timeline_gram_codes(title, body) @> ARRAY[…]`,
    which ix_events_grams serves in one scan; then a LIKE for each word of 3+ characters
    over the rows found (ILIKE only when the word has letters with case: it costs more).

    The index is exact for its keys, no recheck needed: it holds every lower-cased
    character and pair of title + " " + body. The function's high COST keeps the planner on
    the index rather than calling it row by row; only a LIMIT could tempt it (walk the
    order, stop early), and paged searches gather every match first (queries.page_events).
    """
    codes = list(dict.fromkeys(code for word in words for code in _postgres_codes(word)))
    conditions = [getattr(func, GRAM_CODES)(EventRow.title, EventRow.body).op("@>")(array(codes))]
    return conditions + [_like(word, "ilike" if word.lower() != word.upper() else "like")
                         for word in words if len(word) >= 3]


def _postgres_codes(word: str) -> list[ColumnElement[int]]:
    """The numbers the index holds for `word`: its character's, or each of its pairs',
    lower-cased by the server as the index's text was (constants the planner folds)."""
    lowered = func.lower(literal(word))

    def char(i: int) -> ColumnElement[int]:
        return func.ascii(func.substr(lowered, i, 1)) if i > 1 else func.ascii(lowered)

    if len(word) == 1:
        return [cast(char(1), BigInteger)]
    pairs = dict.fromkeys(word.lower()[i:i + 2] for i in range(len(word) - 1))   # each pair once
    starts = [word.lower().index(pair) + 1 for pair in pairs]
    return [cast(char(i), BigInteger).op("<<")(literal(PAIR_CODE_SHIFT, Integer)).op("|")(char(i + 1))
            for i in starts]


def _sqlite(session: Session, words: Sequence[str], *, within_year: bool) -> list[ColumnElement[bool]]:
    """The words' terms in one MATCH of the FTS5 grams table (FTS5 ANDs its phrases), then
    a LIKE for each word of 3+ characters over the rows found. Without the table (SQLite
    without FTS5), a LIKE bounded only by the other filters.

    Within a year, 1-2 character words are a LIKE over the year's rows: SQLite cannot weigh
    a MATCH against the year index and would take every holder of a common character or
    pair from the FTS table (`?year=2020&q=湖`: 40 ms through FTS, 12-15 by LIKE).
    """
    long = [word for word in words if len(word) >= 3]
    indexed = long if within_year else list(words)
    terms = list(dict.fromkeys(term for word in indexed for term in word_terms(word)))
    conditions = []
    if terms and GRAMS_TABLE in _fts_tables(session):
        conditions.append(_fts_match(GRAMS_TABLE, terms))
        unchecked = [word for word in words if word not in indexed or len(word) >= 3]
    else:
        unchecked = list(words)
    return conditions + [_like(word) for word in unchecked]


def _fts_match(table: str, phrases: Sequence[str]) -> ColumnElement[bool]:
    """Events holding every phrase, by quoted FTS5 phrases: the grams table holds one term
    per character and pair."""
    query = " ".join('"' + phrase.replace('"', '""') + '"' for phrase in phrases)
    return EventRow.id.in_(select(text("rowid")).select_from(text(table))
                           .where(text(f"{table} MATCH :phrases").bindparams(bindparam("phrases", query, unique=True))))


_FTS_TABLES: weakref.WeakKeyDictionary[Engine, frozenset[str]] = weakref.WeakKeyDictionary()


def _fts_tables(session: Session) -> frozenset[str]:
    """The search tables the migrations made on this SQLite database (none without FTS5);
    asked once per engine."""
    bind = session.get_bind()
    engine = getattr(bind, "engine", bind)
    if engine not in _FTS_TABLES:
        found = session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'table' AND name = :grams"),
                                {"grams": GRAMS_TABLE})
        _FTS_TABLES[engine] = frozenset(found)
    return _FTS_TABLES[engine]
