"""Substring search of events (`?q=`), on PostgreSQL and on SQLite: docs/search.md.

Two modules, so that the schema can declare the indexes without importing the queries:

- `indexes`: what is indexed and how each database keeps it in step with `events`: the
  PostgreSQL GIN indexes the models declare, SQLite's FTS5 tables and `timeline_grams()`,
  the function that writes SQLite's 1-2 character index (the one write path of search
  that runs in Python), and the rule that follows from it for SQLite clients.
- `match`: how a search reads them: the words of `q`, each through the best index its
  length and the database allow; several words mean all of them.
"""
