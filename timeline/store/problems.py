"""Database errors a user can act on, in words: what happened and what to do.

Data: each row matches the driver's message (lower-cased) or SQLSTATE against a few
markers. The command line prints the first match in two lines instead of a traceback.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    what: str
    advice: str


# (markers, what happened, what to do); the first row with a marker in the message wins.
PROBLEMS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("database or disk is full", "no space left on device", "53100", "could not extend file", "disk full"),
     "the disk holding the database is full",
     "free space on that disk (or move the database), then run the command again"),
    (("readonly database", "read-only", "read only", "25006"),
     "the database is read-only",
     "make the database file and its folder writable (SQLite) or use a role that may write "
     "(PostgreSQL), then run the command again"),
    (("unable to open database file",),
     "the database file cannot be opened",
     "check that its folder exists and is writable, or pass another --database-url"),
    (("database is locked", "database table is locked", "55p03", "lock timeout"),
     "the database is locked by another program",
     "wait for the other writer (another ingest?) to finish, then run the command again"),
    (("password authentication failed", "no password supplied", "28p01", "28000"),
     "the database refused the login",
     "check the user and password in DATABASE_URL / --database-url"),
    (('fatal: database "', "3d000"),
     "the database named in the URL does not exist",
     "create it (createdb NAME) or fix DATABASE_URL / --database-url"),
    (("connection refused", "could not connect", "could not translate host name", "name or service not known",
      "timeout expired", "timed out", "no route to host", "server closed the connection",
      "connection is lost", "terminating connection", "the database system is starting up",
      "the database system is shutting down", "57p01", "57p03", "08001", "08006"),
     "the database server cannot be reached",
     "check that it is running and that DATABASE_URL / --database-url names the right host and port"),
)

UNKNOWN = Problem("the database reported an error", "run the command again with --verbose for the details")


def message_of(error: BaseException) -> str:
    """The driver's message of a (SQLAlchemy-wrapped) database error, on one line."""
    orig = getattr(error, "orig", None) or error
    return " ".join(str(orig).split())[:300]


def describe(error: BaseException) -> Problem:
    """What `error` means for the user, from PROBLEMS (UNKNOWN when no row matches)."""
    orig = getattr(error, "orig", None) or error
    text = " ".join([message_of(error), str(getattr(orig, "sqlstate", "") or "")]).lower()
    for markers, what, advice in PROBLEMS:
        if any(marker in text for marker in markers):
            return Problem(what, advice)
    return UNKNOWN
