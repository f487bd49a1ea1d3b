"""How a search reads the indexes: one strategy per database (docs/search.md).

`q` is split into words at whitespace; an event matches when its title or body holds every
word (ASCII case ignored). Each word goes through the index its length calls for: trigrams
for 3+ characters, the 1-2 character indexes for shorter ones.
"""
from __future__ import annotations

import weakref
from collections.abc import Sequence

from sqlalchemy import (BigInteger, ColumnElement, Engine, Integer, and_, bindparam, cast, func, literal, or_,
                        select, text)
from sqlalchemy.dialects.postgresql import array
from sqlalchemy.orm import Session

from timeline.store.models import EventRow
from timeline.store.search.indexes import (CHAR_CODES, GRAMS_TABLE, PAIR_CODE_SHIFT, PAIR_CODES, TRIGRAM_TABLE,
                                          gram_query_term)


def search_words(q: str | None) -> tuple[str, ...]:
    """The words of `q`: split at any whitespace (the full-width space too), each once."""
    return tuple(dict.fromkeys(q.split())) if q else ()


def matches(session: Session, q: str | None, *, within_year: bool = False) -> ColumnElement[bool] | None:
    """The events whose title or body holds every word of `q`; None when `q` has no word.

    `within_year`: the query also keeps one year, which changes the best plan (see
    `_postgres` and `_sqlite`).
    """
    words = search_words(q)
    if not words:
        return None
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        conditions = _postgres(words, within_year=within_year)
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


def _postgres(words: Sequence[str], *, within_year: bool) -> list[ColumnElement[bool]]:
    """3+ characters: LIKE, which the pg_trgm GIN indexes serve (ILIKE only when the word has
    letters with case: it costs three times as much). 2 and 1 characters, which trigrams
    cannot serve: containment in the bigram and character indexes, all the words of one
    length in one array.

    The gram indexes are exact, no recheck needed: they hold every lower-cased character and
    2-character substring of title + " " + body. The functions' high COST keeps the planner
    on the index rather than calling them row by row; only a LIMIT could tempt it (walk the
    order, stop early), and paged searches gather every match first (queries.page_events).
    """
    long = [_like(word, "ilike" if word.lower() != word.upper() else "like") for word in words if len(word) >= 3]
    short = []
    for length, grams in ((1, CHAR_CODES), (2, PAIR_CODES)):
        wanted = [_postgres_code(word) for word in words if len(word) == length]
        if wanted:
            short.append(getattr(func, grams)(EventRow.title, EventRow.body).op("@>")(array(wanted)))
    if long and short and not within_year:
        # Fenced in a subquery: in one bitmap scan with a trigram condition, whose matches
        # PostgreSQL rechecks, the recheck would call the gram functions on every candidate
        # row (`乡村振兴 签约` at 20,000 events: 54 ms; fenced, two scans joined: 18 ms).
        # Not within a year: the year leaves few rows to recheck, where the fence made the
        # planner call the function on each of the year's trigram matches (3.6 -> 12.8 ms).
        short = [EventRow.id.in_(select(EventRow.id).where(and_(*short)))]
    return long + short


def _postgres_code(word: str) -> ColumnElement[int]:
    """The number the gram index holds for a 1- or 2-character `word`, lower-cased by the
    server as the index's text was (a constant the planner folds)."""
    lowered = func.lower(literal(word))
    if len(word) == 1:
        return func.ascii(lowered)
    first = cast(func.ascii(lowered), BigInteger).op("<<")(literal(PAIR_CODE_SHIFT, Integer))
    return first.op("|")(func.ascii(func.substr(lowered, 2)))


def _sqlite(session: Session, words: Sequence[str], *, within_year: bool) -> list[ColumnElement[bool]]:
    """3+ characters: the FTS5 trigram table; 1 and 2: the FTS5 grams table; the words of one
    table in one MATCH (FTS5 ANDs its phrases). Without the tables (SQLite without FTS5),
    a LIKE bounded only by the other filters.

    Within a year, 1-2 character words are a LIKE over the year's rows: SQLite cannot weigh
    a MATCH against the year index and would take every holder of a common character or
    pair from the FTS table (`?year=2020&q=湖`: 40 ms through FTS, 12-15 by LIKE).
    """
    tables = _fts_tables(session)
    long = [word for word in words if len(word) >= 3]
    terms = {word: gram_query_term(word) for word in words if len(word) < 3}
    indexed = {word: term for word, term in terms.items() if term and not within_year}
    conditions = []
    if long and TRIGRAM_TABLE in tables:
        conditions.append(_fts_match(TRIGRAM_TABLE, long))
    else:
        conditions += [_like(word) for word in long]
    if indexed and GRAMS_TABLE in tables:
        conditions.append(_fts_match(GRAMS_TABLE, list(indexed.values())))
    else:
        indexed = {}
    conditions += [_like(word) for word in terms if word not in indexed]
    return conditions


def _fts_match(table: str, phrases: Sequence[str]) -> ColumnElement[bool]:
    """Events holding every phrase, by quoted FTS5 phrases: with the trigram tokenizer a phrase
    matches the substring, any case; the grams table holds one term per character and pair."""
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
        found = session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'table' "
                                     "AND name IN (:trigrams, :grams)"),
                                {"trigrams": TRIGRAM_TABLE, "grams": GRAMS_TABLE})
        _FTS_TABLES[engine] = frozenset(found)
    return _FTS_TABLES[engine]
