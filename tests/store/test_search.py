"""Substring search (?q=) on both databases: Chinese of any length, Latin, LIKE's special
characters, several words (all of them must be there), and the search indexes kept in step
with ingest.

Each database answers through one index of every character and pair (PostgreSQL's GIN
index ix_events_grams, SQLite's FTS5 table events_fts_ngrams), exact for 1 and 2
characters, candidates checked by a LIKE for more; SQLite without FTS5 through a LIKE, and
within a year through a LIKE over the year for 1 and 2 characters. Whatever the path, the
answer is the same: every event whose title or body holds the text, ASCII case ignored.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import pytest
from sqlalchemy import text

from testkit.events import document, event
from timeline.store import db
from timeline.store.ingest import store_document
from timeline.store.queries import EventFilter, count_events, list_events, page_events

T0 = datetime(2021, 1, 1, tzinfo=timezone.utc)


def _with_body(e, body: str):
    return replace(e, body=body, summary=body.split("。")[0] + "。")


DOC = document(
    _with_body(event("sign", "招商项目集中签约", "2020-06-21", category="产业发展"), "14个项目集中签约，总投资50亿元。"),
    _with_body(event("lake", "青山湖科技城规划获批", "2020-03-02"), "青山湖科技城总体规划获省政府批复。"),
    _with_body(event("band", "乐队演出", "2020-05-01", category="文化旅游"),
               "美国乐队Link Park在湖畔音乐节演出，门票售出50%。"),
    _with_body(event("under", "a_b 测试", "2020-05-02"), "路径C:\\data\\a_b，占比5%。"),
    _with_body(event("plain", "axb 对照", "2020-05-03"), "路径C:/data/axb，占比500。"),
    _with_body(event("quote", "他说“好”", "2020-05-04"), 'He said "hi" 在会上。'),
    event("xref", "宝龙广场开业", None),
)


@pytest.fixture
def loaded(store):
    with store.begin() as session:
        store_document(session, DOC, path="doc.txt", sha256="x", now=T0)
    return store


def found(store, q: str, **filters) -> list[str]:
    with store() as session:
        flt = EventFilter(q=q, **filters)
        keys = [e.event.key for e in list_events(session, flt)]
        assert count_events(session, flt) == len(keys)
        return sorted(keys)


@pytest.mark.parametrize("q, keys", [
    ("湖", ["band", "lake"]),                    # one character: the character index
    ("签约", ["sign"]),                          # two: the bigram index on PostgreSQL
    ("科技城", ["lake"]),                         # three: trigrams
    ("青山湖科技城总体规划", ["lake"]),            # a long phrase, in the body
    ("集中签约", ["sign"]),                       # in title and body: listed once
    ("宝龙广场", ["xref"]),                       # an undated cross-reference
    ("Link Park", ["band"]),
    ("link park", ["band"]),                     # ASCII case ignored
    ("LINK", ["band"]),
    ("Li", ["band"]),                            # two Latin letters
    ("没有的词", []),
    ("签约仪式", []),                             # both halves exist, the whole does not
    ("城规划获省", []),                           # every pair in one event, the whole nowhere
])
def test_substring_of_title_or_body(loaded, q, keys):
    assert found(loaded, q) == keys


@pytest.mark.parametrize("q, keys", [
    ("%", ["band", "under"]),                    # literal percent, not "anything"
    ("50%", ["band"]),
    ("5%", ["under"]),                           # "50%" holds "0%", not "5%"
    ("_", ["under"]),                            # literal underscore, not "any character"
    ("a_b", ["under"]),
    ("\\", ["under"]),
    ("\\data\\", ["under"]),
    ('"hi"', ["quote"]),                         # quotes mean nothing to the FTS5 phrase
    ("“好”", ["quote"]),
])
def test_like_and_fts_special_characters_are_literal(loaded, q, keys):
    assert found(loaded, q) == keys


@pytest.mark.parametrize("q, keys", [
    ("科技城 批复", ["lake"]),                    # 3 characters in the title, 2 in the body
    ("批复 科技城", ["lake"]),                    # in any order
    ("集中签约 总投资", ["sign"]),                 # two of 3+ characters
    ("签约 50", ["sign"]),                        # band holds 50 but not 签约
    ("湖 乐队", ["band"]),                        # 1 and 2 characters
    ("湖　乐队", ["band"]),                       # a full-width space separates words too
    ("Li Pa", ["band"]),                          # two of 2 characters, one index
    ("link PARK", ["band"]),
    ("湖 签约", []),                              # each is somewhere, never both in one event
    ("湖 没有的词", []),
    ("  湖  湖 ", ["band", "lake"]),              # spaces around and a word twice: one word
])
def test_several_words_mean_all_of_them(loaded, q, keys):
    assert found(loaded, q) == keys


WORDS = ["湖", "签约", "科技城", "50", "a_b", "Link", "%", "批复", "没有"]


def test_two_words_find_what_both_words_find(loaded):
    alone = {word: set(found(loaded, word)) for word in WORDS}
    for i, first in enumerate(WORDS):
        for second in WORDS[i + 1:]:
            assert found(loaded, f"{first} {second}") == sorted(alone[first] & alone[second]), (first, second)
            assert found(loaded, f"{first} {second}", year=2020) == sorted(
                k for k in alone[first] & alone[second] if k != "xref"), (first, second)


def test_a_search_of_only_spaces_filters_nothing(loaded):
    with loaded() as session:
        everything = count_events(session, EventFilter())
        assert count_events(session, EventFilter(q=" \u3000 ")) == everything
        assert page_events(session, EventFilter(q="  "), limit=100).count == everything


@pytest.mark.parametrize("flt", [EventFilter(q="湖"), EventFilter(q="签约"), EventFilter(q="科技城"),
                                 EventFilter(q="a", year=2020), EventFilter(q="没有的词"), EventFilter()])
def test_pages_of_a_search_are_slices_of_the_whole_with_its_count(loaded, flt):
    """A search is counted and paged in one statement: each page must still be the right
    slice of the whole view, with the whole view's count, past its end included."""
    with loaded() as session:
        whole = [e.event.key for e in list_events(session, flt)]
        for limit in (1, 2, 100):
            for offset in range(0, len(whole) + 2):
                page = page_events(session, flt, limit=limit, offset=offset)
                assert [e.event.key for e in page.events] == whole[offset:offset + limit]
                assert page.count == len(whole)
                assert all(e.event.body for e in page.events if e.event.key != "xref")   # whole rows


def test_search_narrows_other_filters(loaded):
    assert found(loaded, "湖", categories=("文化旅游",)) == ["band"]
    assert found(loaded, "科技城", year=2021) == []
    assert found(loaded, "湖", year=2020) == ["band", "lake"]     # within a year SQLite reads the year
    assert found(loaded, "签约", year=2020) == ["sign"]
    assert found(loaded, "签约", year=2021) == []


def test_index_follows_reingest_and_removal(loaded):
    changed = document(_with_body(DOC.events[0], "14个项目集中签署协议。"), *DOC.events[1:3])
    with loaded.begin() as session:
        store_document(session, changed, path="doc.txt", sha256="y", now=T0, allow_shrink=True)
    assert found(loaded, "签约") == ["sign"]           # still in the title
    assert found(loaded, "签约，") == []               # the old body is gone from the index
    assert found(loaded, "签署协议") == ["sign"]
    assert found(loaded, "签署") == ["sign"]            # 1-2 characters: those indexes follow too
    assert found(loaded, "署") == ["sign"]
    assert found(loaded, "投资") == []                 # only in the old body
    assert found(loaded, "测试") == []                 # only in a removed event
    assert found(loaded, "测") == []
    assert found(loaded, "a_b") == []                  # removed events are gone too
    assert found(loaded, "宝龙广场") == []


def plan(store, q: str) -> str:
    """The plan of the search query, with sequential scans discouraged on PostgreSQL (a
    table this small would be scanned anyway): shows that an index can serve the query."""
    with store() as session:
        conn = session.connection()
        dialect = conn.dialect.name
        if dialect == "postgresql":
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        sent = []
        from sqlalchemy import event as sa_event

        def record(_conn, _cursor, statement, parameters, _context, _many):
            sent.append((statement, parameters))

        sa_event.listen(conn, "before_cursor_execute", record)
        page_events(session, EventFilter(q=q), limit=10)
        sa_event.remove(conn, "before_cursor_execute", record)
        statement, parameters = next(s for s in sent if "sqlite_master" not in s[0])
        prefix = "EXPLAIN " if dialect == "postgresql" else "EXPLAIN QUERY PLAN "
        return "\n".join(str(row[-1]) for row in conn.exec_driver_sql(prefix + statement, parameters))


@pytest.mark.parametrize("q", ["湖", "签约", "青山湖", "青山湖 签约", "湖 签约", "a_b"])
def test_search_is_served_by_an_index(loaded, database_url, q):
    shown = plan(loaded, q)
    if database_url.startswith("postgresql"):
        assert "ix_events_grams" in shown, shown
    else:
        assert "SCAN events_fts_ngrams VIRTUAL TABLE" in shown, shown


def test_sqlite_without_fts_falls_back_to_like(sqlite_url):
    """A SQLite built without FTS5 gets no events_fts_ngrams table; search still answers."""
    db.upgrade(sqlite_url)
    engine = db.make_engine(sqlite_url)
    with engine.begin() as conn:
        for trigger in ("events_fts_ngrams_insert", "events_fts_ngrams_delete", "events_fts_ngrams_update"):
            conn.execute(text(f"DROP TRIGGER {trigger}"))
        conn.execute(text("DROP TABLE events_fts_ngrams"))
    engine.dispose()
    engine = db.make_engine(sqlite_url)
    store = db.make_sessionmaker(engine)
    with store.begin() as session:
        store_document(session, DOC, path="doc.txt", sha256="x", now=T0)
    assert found(store, "科技城") == ["lake"]
    assert found(store, "a_b") == ["under"]
    assert found(store, "link park") == ["band"]
    assert found(store, "签约") == ["sign"]
    assert found(store, "Li") == ["band"]
    assert found(store, "湖") == ["band", "lake"]
    assert found(store, "科技城 批复") == ["lake"]
    assert found(store, "湖 乐队") == ["band"]
    engine.dispose()


def test_a_letter_that_lowercases_to_two_finds_the_same_on_both_databases(store):
    """'İ' (Turkish capital dotted I) lowers to two code points in Python and to one in
    PostgreSQL: the pairs a search asks for are the server's own."""
    doc = document(_with_body(event("city", "İstanbul友好城市签约", "2020-07-01"), "与İzmir、KİRAZ结为友好城市。"))
    with store.begin() as session:
        store_document(session, doc, path="i.txt", sha256="i", now=T0)
    for q in ("İstanbul", "İzmir", "İs", "İ", "KİRAZ", "KİR", "İRA", "友好城市", "bul友好"):
        assert found(store, q) == ["city"], q
