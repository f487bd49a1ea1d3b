"""Caches that let many calendar clients poll cheaply (web.feeds uses them).

- The data version, re-read at most every FEED_VERSION_TTL seconds: a conditional request
  for a current feed is then answered 304 without touching the database. A change becomes
  visible to validators within that many seconds (0, the default, reads it every time;
  gunicorn.conf.py sets 1 s for production).
- Validators by (data version, view, base URL), per process: a feed's ETag is made from its
  events' digests (one indexed read of short strings); within a data version it is read
  once.
- Feed bodies on disk (FEED_CACHE_DIR, FEED_CACHE_BYTES in all), shared by every worker of
  the machine and sent in chunks. A body is named by its ETag, and an ETag is made of
  everything its bytes depend on, so an entry is never stale and any process may use any
  entry: a change makes new ETags, and the oldest files go when the total is over budget.
  One process builds a body while the others wanting it wait on its lock file.
"""
from __future__ import annotations

import fcntl
import os
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from flask import Flask, current_app

from timeline.store.queries import Version

EXTENSION = "timeline.feedcache"
MEMO_ENTRIES = 4096
DEFAULT_DIR = Path(tempfile.gettempdir()) / "timeline-feeds"


class VersionCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: Version | None = None
        self._read_at = 0.0

    def get(self, ttl: float) -> Version | None:
        """The version read less than `ttl` seconds ago, or None."""
        with self._lock:
            if self._version is not None and time.monotonic() - self._read_at < ttl:
                return self._version
        return None

    def put(self, version: Version) -> None:
        with self._lock:
            self._version, self._read_at = version, time.monotonic()


class Memo:
    """A small LRU of values by key (validators, sizes)."""

    def __init__(self, entries: int = MEMO_ENTRIES) -> None:
        self._lock = threading.Lock()
        self._values: OrderedDict = OrderedDict()
        self._entries = entries

    def get(self, key):
        with self._lock:
            value = self._values.get(key)
            if value is not None:
                self._values.move_to_end(key)
            return value

    def put(self, key, value) -> None:
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self._entries:
                self._values.popitem(last=False)


class BodyFiles:
    """Feed bodies as files named by ETag, at most `budget` bytes in all."""

    def __init__(self, folder: Path, budget: int) -> None:
        self.folder, self.budget = folder, budget

    def get(self, name: str, build: Callable[[BinaryIO], None]) -> tuple[BinaryIO, bool]:
        """An open file of body `name` and whether it was built now. `build(out)` writes
        the body when no process has; with caching off or the folder unusable the body
        is built into an unnamed temporary file."""
        if self.budget <= 0 or not self._usable():
            return self._build_unnamed(build), True
        path = self.folder / name
        try:
            return path.open("rb"), False
        except FileNotFoundError:
            pass
        with open(self.folder / f"{name}.lock", "wb") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)   # released when the lock file is closed
            try:
                return path.open("rb"), False     # built while this one waited
            except FileNotFoundError:
                pass
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=f".{name}.")
            try:
                with os.fdopen(fd, "wb") as out:
                    build(out)
                os.replace(tmp, path)
            except BaseException:
                os.unlink(tmp)
                raise
            body = path.open("rb")
        self._evict(keep=path)
        return body, True

    def size(self, name: str) -> int | None:
        """The size of body `name` if it is built, else None."""
        try:
            return (self.folder / name).stat().st_size if self.budget > 0 else None
        except OSError:
            return None

    def _usable(self) -> bool:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            return os.access(self.folder, os.W_OK)
        except OSError:
            return False

    @staticmethod
    def _build_unnamed(build: Callable[[BinaryIO], None]) -> BinaryIO:
        out = tempfile.TemporaryFile()
        build(out)
        out.seek(0)
        return out

    def _evict(self, keep: Path) -> None:
        """Remove the least recently written bodies (and their lock files) over budget.
        A file being sent stays readable to its sender after removal."""
        entries = []
        for entry in os.scandir(self.folder):
            if not entry.name.startswith(".") and not entry.name.endswith(".lock"):
                try:
                    stat = entry.stat()
                except FileNotFoundError:
                    continue
                entries.append((stat.st_mtime, stat.st_size, entry.path))
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= self.budget:
                break
            if path != str(keep):
                for stale in (path, path + ".lock"):
                    try:
                        os.unlink(stale)
                    except FileNotFoundError:
                        pass
                total -= size


class FeedCache:
    def __init__(self, folder: Path, budget: int) -> None:
        self.version = VersionCache()
        self.validators = Memo()
        self.sizes = Memo()
        self.bodies = BodyFiles(folder, budget)


def feed_cache() -> FeedCache:
    return current_app.extensions[EXTENSION]


def init_app(app: Flask) -> None:
    folder = app.config.get("FEED_CACHE_DIR") or DEFAULT_DIR
    app.extensions[EXTENSION] = FeedCache(Path(folder), int(app.config["FEED_CACHE_BYTES"]))
