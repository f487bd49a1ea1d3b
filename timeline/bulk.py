"""Bulk loading: reading and parsing many files over the cores, in order, with progress.

The command line stores each parsed document in its own transaction as it comes; this
module holds what comes before (reading files safely, parsing them in worker processes a
few files ahead of the store) and the progress bar. It never touches the database.
"""
from __future__ import annotations

import hashlib
import os
import stat
import sys
import time
import traceback
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from timeline.events.model import ParsedDocument
from timeline.pipeline import parse_document
from timeline.text.read import MAX_DOCUMENT_BYTES, UnreadableDocument, check_size

# Show the bar only for an ingest that lasts longer than this (seconds).
PROGRESS_DELAY = 1.0
# Files parsed ahead of the one being stored, per worker: enough to keep workers busy while
# the store writes, few enough that parsed documents do not pile up in memory.
AHEAD_PER_WORKER = 2


class NotAFile(UnreadableDocument):
    """A path that is not a regular file (a FIFO, a socket, a device, a directory)."""


@dataclass(frozen=True)
class Options:
    """What `timeline ingest` passes to the pipeline for every file."""

    named: frozenset[Path] = frozenset()    # paths the user gave (a pipe among them is read)
    name: str | None = None
    year: int | None = None
    category: str | None = None
    default_category: str = "综述"
    # Run on each parsed document in the worker that parsed it, its result in Parsed.prepared:
    # what the store would otherwise work out per event in the one process that writes
    # (timeline.store.prepare). A module-level function, to reach the worker processes.
    prepare: Callable[[ParsedDocument], Any] | None = None


@dataclass(frozen=True)
class Parsed:
    path: Path
    size: int
    sha256: str
    document: ParsedDocument
    prepared: Any = None        # Options.prepare's result (None without it)


@dataclass(frozen=True)
class Failed:
    path: Path
    size: int
    reason: str                # one line
    details: str = ""          # a traceback, for an unexpected error (shown under --verbose)


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a regular file"


def read_document(path: Path, *, stream: bool = False) -> bytes:
    """The bytes of `path`. Raises DocumentTooLarge before reading a file over the limit,
    and NotAFile for anything but a regular file, unless `stream` (a pipe the user named:
    it is read up to the limit). The file is opened without blocking, so a FIFO nobody
    writes to never hangs the run."""
    fd = os.open(path, os.O_RDONLY | (0 if stream else getattr(os, "O_NONBLOCK", 0)))
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) and not (stream and stat.S_ISFIFO(info.st_mode)):
        os.close(fd)
        raise NotAFile(path.stem, f"skipped: {_kind(info.st_mode)}, not a regular file")
    with os.fdopen(fd, "rb") as f:
        check_size(info.st_size, name=path.stem)
        data = f.read(MAX_DOCUMENT_BYTES + 1)   # a pipe or a growing file has no true size
    check_size(len(data), name=path.stem)
    return data


def file_size(path: Path) -> int:
    try:
        info = path.stat()
    except OSError:
        return 0
    return info.st_size if stat.S_ISREG(info.st_mode) else 0


def parse_file(path: Path, options: Options) -> Parsed | Failed:
    """Read and parse one file; never raises: a file that cannot be loaded is a Failed with
    a one-line reason, so one bad file never stops the others."""
    size = file_size(path)
    try:
        data = read_document(path, stream=path in options.named)
        parsed = parse_document(data, name=options.name or path.stem, year=options.year,
                                category=options.category, default_category=options.default_category,
                                suffix=path.suffix, file_name=path.name)
        prepared = options.prepare(parsed) if options.prepare is not None else None
    except UnreadableDocument as exc:
        return Failed(path, size, exc.reason)
    except OSError as exc:
        return Failed(path, size, exc.strerror or str(exc))
    except Exception as exc:  # noqa: BLE001 - a bug met on one file must not stop the others
        return Failed(path, size, f"could not be parsed ({type(exc).__name__}: {exc}); this is a bug, "
                      "please report it with the file", traceback.format_exc())
    return Parsed(path, len(data), hashlib.sha256(data).hexdigest(), parsed, prepared)


def parse_all(paths: list[Path], options: Options, workers: int) -> Iterator[Parsed | Failed]:
    """Each file parsed, in the order given: in `workers` processes (a few files ahead of
    the caller), or here when there is one worker or one file."""
    if workers <= 1 or len(paths) <= 1:
        for path in paths:
            yield parse_file(path, options)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[tuple[Path, Future | None]] = deque()
        queue = iter(paths)
        for path in queue:
            pending.append((path, _submit(pool, path, options)))
            if len(pending) >= workers * AHEAD_PER_WORKER:
                break
        while pending:
            path, future = pending[0]
            try:
                if future is None:
                    raise BrokenProcessPool("the pool broke before this file was sent")
                result = future.result()
            except BrokenProcessPool:
                # A worker died (the out-of-memory killer?) and took the pool with it: the
                # files it held are parsed again one by one, each in a process of its own,
                # so only the one that kills its process fails; then a new pool goes on.
                for later, done in pending:
                    finished = done is not None and done.done() and done.exception() is None
                    yield done.result() if finished else _isolated(later, options)
                yield from parse_all(list(queue), options, workers)
                return
            pending.popleft()
            next_path = next(queue, None)
            if next_path is not None:
                pending.append((next_path, _submit(pool, next_path, options)))
            yield result


def _submit(pool: ProcessPoolExecutor, path: Path, options: Options) -> Future | None:
    try:
        return pool.submit(parse_file, path, options)
    except BrokenProcessPool:
        return None


def _isolated(path: Path, options: Options) -> Parsed | Failed:
    """`path` parsed in a process of its own; Failed when that process dies."""
    with ProcessPoolExecutor(max_workers=1) as pool:
        try:
            return pool.submit(parse_file, path, options).result()
        except BrokenProcessPool:
            return Failed(path, file_size(path), "its parsing process died (out of memory?); nothing of it "
                          "was written")


def default_workers(files: int) -> int:
    """Worker processes for `files` files: one per core the process may use, at most one a file."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, files))


class Progress:
    """files, bytes, events, rate and time left on standard error, while an ingest lasts
    longer than PROGRESS_DELAY; nothing when `enabled` is false or stderr is no terminal."""

    def __init__(self, total_files: int, total_bytes: int, *, enabled: bool):
        self.total_files, self.files, self.events = total_files, 0, 0
        self.bar = None
        if enabled and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total_bytes, unit="B", unit_scale=True, unit_divisor=1000, delay=PROGRESS_DELAY,
                            file=sys.stderr, dynamic_ncols=True, leave=False, desc="ingest",
                            bar_format="{desc} {percentage:3.0f}%|{bar}| {n_fmt}B/{total_fmt}B "
                                       "[{elapsed}<{remaining}, {rate_fmt}]{postfix}")
            self.bar.set_postfix_str(self._postfix(), refresh=False)
        self.started = time.monotonic()

    @property
    def shown(self) -> bool:
        return self.bar is not None

    def _postfix(self) -> str:
        return f"files {self.files}/{self.total_files}, events {self.events:,}"

    def advance(self, size: int, events: int) -> None:
        self.files += 1
        self.events += events
        if self.bar is not None:
            self.bar.set_postfix_str(self._postfix(), refresh=False)
            self.bar.update(size)

    def write(self, echo) -> None:
        """Run `echo` (which prints) without tearing the bar."""
        if self.bar is None:
            echo()
            return
        with self.bar.external_write_mode():
            echo()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
