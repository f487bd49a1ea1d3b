"""index search grams as code points

PostgreSQL's 1- and 2-character search indexes (ix_events_chars, ix_events_bigrams) were GIN
indexes over text arrays: timeline_chars(title, body), the distinct lower-cased characters,
and timeline_bigrams(title, body), the distinct pairs. Keeping them was most of the server's
cost of inserting an event: every key compared as text in the database's collation (strcoll
and detoasting for each comparison of the GIN sort and tree), and the functions themselves
split the text with a regular expression, paired characters with a window function and
sorted for DISTINCT. bench_ingest.py's corpus (4,223 events) into an empty database with
all four search indexes: 11.6-14.2 s of server CPU before, 7.8-8.8 s after (load 3-5).

Now the indexes hold numbers: timeline_char_codes(title, body), the code point of each
lower-cased character of title + " " + body (int[]), and timeline_pair_codes(title, body),
each pair of neighbours as first << 21 | second (int8[]; a code point has 21 bits, so the
number is the pair). A text is split once (string_to_array with a NULL delimiter) and
repeats are kept: GIN keeps each key of a row once. A query asks for the numbers of its
lower-cased word (timeline.store.search.match), which the planner folds to constants. The
keys stand one for one for the old ones (tests/store/test_search_functions.py holds them
equal to the old functions'), so every search finds what it found.

The index names stay. The functions keep COST 10000 (a sublink keeps them from being
inlined): queries reach them only through their index. ascii() gives a character's code
point in a UTF8 database, the only encoding that holds Chinese text.

Upgrading a database of 100,000 events (bench/generate_corpus.py) rebuilds both indexes:
125 s on a shared 2-core machine (load average 5-6); the bigram index is 37 MB (was 52).
Searches cost what they did (page with count of 签约, 湖, 镇, 铱 and with ?year=).

Revision ID: d0af348e5f8e
Revises: d5e2a8f4c6b1
Create Date: 2026-12-01
"""
from typing import Sequence, Union

from alembic import op

revision: str = 'd0af348e5f8e'
down_revision: Union[str, None] = 'd5e2a8f4c6b1'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

CHAR_CODES = """
CREATE FUNCTION timeline_char_codes(title text, body text) RETURNS int[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$
    SELECT ARRAY(SELECT ascii(c) FROM unnest(string_to_array(lower(title || ' ' || body), NULL)) AS c)
$$
"""

# Each character but the last with the next: two slices walked in step (set-returning
# functions in one select list run in lockstep).
PAIR_CODES = """
CREATE FUNCTION timeline_pair_codes(title text, body text) RETURNS int8[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$
    SELECT ARRAY(SELECT (ascii(unnest(c[1:cardinality(c) - 1]))::int8 << 21) | ascii(unnest(c[2:])))
    FROM (SELECT string_to_array(lower(title || ' ' || body), NULL) AS c) AS chars
$$
"""

# As migrations 7d2e4b6a8c10 and 5c1e7a9d2b40 made them (for the downgrade).
OLD_CHARS = """
CREATE OR REPLACE FUNCTION timeline_chars(title text, body text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$
    SELECT coalesce(array_agg(DISTINCT c), '{}')
    FROM regexp_split_to_table(lower(title || ' ' || body), '') AS chars(c)
$$
"""
OLD_BIGRAMS = """
CREATE OR REPLACE FUNCTION timeline_bigrams(title text, body text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$
    SELECT coalesce(array_agg(DISTINCT pair), '{}')
    FROM (SELECT c || lead(c) OVER (ORDER BY i) AS pair
          FROM regexp_split_to_table(lower(title || ' ' || body), '') WITH ORDINALITY AS chars(c, i)) AS pairs
    WHERE pair IS NOT NULL
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _index_over(("timeline_chars", "timeline_bigrams"), (CHAR_CODES, PAIR_CODES),
                    "timeline_char_codes", "timeline_pair_codes")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _index_over(("timeline_char_codes", "timeline_pair_codes"), (OLD_CHARS, OLD_BIGRAMS),
                    "timeline_chars", "timeline_bigrams")


def _index_over(dropped: tuple[str, ...], created: tuple[str, ...], chars: str, pairs: str) -> None:
    """Drop both gram indexes and the functions `dropped`, create the functions `created`
    and the indexes over `chars` and `pairs`."""
    op.drop_index('ix_events_chars', table_name='events')
    op.drop_index('ix_events_bigrams', table_name='events')
    for function in dropped:
        op.execute(f"DROP FUNCTION {function}(text, text)")
    for statement in created:
        op.execute(statement)
    op.execute(f"CREATE INDEX ix_events_chars ON events USING gin ({chars}(title, body))")
    op.execute(f"CREATE INDEX ix_events_bigrams ON events USING gin ({pairs}(title, body))")
