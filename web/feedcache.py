"""Per-process caches that let many calendar clients poll cheaply (web.feeds uses them).

- The data version, re-read at most every FEED_VERSION_TTL seconds: a conditional request
  for a current feed is then answered 304 without touching the database. A change becomes
  visible to validators within that many seconds (0, the default, reads it every time;
  gunicorn.conf.py sets 1 s for production).
- Rendered feed bodies by ETag, up to FEED_CACHE_BYTES per process (0 turns it off). The
  ETag is derived from the data version and the view, so an entry can never be stale: a
  change makes new ETags and old entries age out of the LRU.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict

from flask import Flask, current_app

from timeline.store.queries import Version

EXTENSION = "timeline.feedcache"


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


class BodyCache:
    """A byte-bounded LRU of rendered bodies."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._bodies: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0

    def get(self, key: str) -> bytes | None:
        with self._lock:
            body = self._bodies.get(key)
            if body is not None:
                self._bodies.move_to_end(key)
            return body

    def put(self, key: str, body: bytes, limit: int) -> None:
        if len(body) > limit // 4:     # one huge feed must not push out every other
            return
        with self._lock:
            if key in self._bodies:
                return
            self._bodies[key] = body
            self._size += len(body)
            while self._size > limit:
                _, old = self._bodies.popitem(last=False)
                self._size -= len(old)


class FeedCache:
    def __init__(self) -> None:
        self.version = VersionCache()
        self.bodies = BodyCache()


def feed_cache() -> FeedCache:
    return current_app.extensions[EXTENSION]


def init_app(app: Flask) -> None:
    app.extensions[EXTENSION] = FeedCache()
