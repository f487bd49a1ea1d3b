"""The date grammar's regexes compiled once per machine, not once per process.

The grammar is a few very large regexes (the master alone is over 300,000 characters), and
the stdlib compiles a pattern in Python: about 3 s for the master and 4 s more for the
rules' own regexes, in every process that reads a date (each CLI command, each test worker,
each parsing process that is not forked). Python keeps bytecode in .pyc files for the same
reason; this keeps what `re` compiles a pattern to: the program for its C matcher.

`regex(pattern)` is `re.compile(pattern)`. The first time a pattern is seen on this Python,
it is compiled as usual and its program is written to the cache folder, in a file named by
the hash of the pattern; later processes read the program and hand it to the C matcher,
which is all `re.compile` does at its end. The pattern object is the same in every way.
`kept(key, make)` keeps any plain data the same way: the grammar's composed patterns, whose
making parses every family's pattern too (about a second).

Safe by construction: a key is the text of everything the result depends on (for a regex,
the pattern itself; hashed with sha-256) and the folder is one per
Python version and matcher version (`_sre.MAGIC`), so a program is only ever reused for the
same pattern on the same matcher. It uses the stdlib's private `re._parser`/`re._compiler`
and `_sre.compile`; on a Python where they differ, or with any file it cannot read or write,
it simply compiles as `re.compile` does. Files are written whole (a temporary file renamed)
and read with marshal (plain data, no code). TIMELINE_REGEX_CACHE names another folder, or
"off" to compile every time.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - an interpreter without the stdlib's sre
    _sre = None

ENVIRONMENT = "TIMELINE_REGEX_CACHE"
T = TypeVar("T")


def folder() -> Path | None:
    """Where programs are kept on this interpreter, or None when the cache is off."""
    chosen = os.environ.get(ENVIRONMENT)
    if chosen == "off" or _sre is None:
        return None
    if chosen:
        base = Path(chosen)
    else:
        from platformdirs import user_cache_dir

        base = Path(user_cache_dir("yearbook-timeline")) / "regex"
    version = "{}-{}.{}.{}-{}-{}".format(sys.implementation.name, *sys.version_info[:3], _sre.MAGIC,
                                          PROGRAMS)
    return base / version


# The way programs are made here (`_program`): a change to it gives a new folder.
PROGRAMS = "p2"


def regex(pattern: str) -> re.Pattern:
    """`re.compile(pattern)`, from this machine's cache of compiled programs when it can."""
    if _sre is None:
        return re.compile(pattern)
    try:
        return _sre.compile(pattern, *kept(pattern, lambda: _program(pattern)))
    except (AttributeError, TypeError, RuntimeError):    # a stdlib whose private API differs
        return re.compile(pattern)


def kept(key: str | None, make: Callable[[], T]) -> T:
    """`make()`, kept in the cache folder under `key` (the text of everything the result
    depends on; None: not kept) and read back by later processes. Plain data only: what
    marshal writes (numbers, strings, lists, tuples, dicts)."""
    where = folder()
    if where is None or key is None:
        return make()
    path = where / (hashlib.sha256(key.encode()).hexdigest() + ".marshal")
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass                                    # not there yet, or unreadable: make it
    value = make()
    try:
        data = marshal.dumps(value)
    except ValueError:                          # not plain data: used, not kept
        return value
    _write(path, data)
    return value


def _program(pattern: str) -> tuple:
    """What `re._compiler.compile` hands to `_sre.compile` after the pattern: flags, code,
    group count and the two maps between group names and numbers."""
    parsed = _parser.parse(pattern, 0)
    code = _search_hint(parsed, list(map(int, _compiler._code(parsed, 0))))   # (opcodes: an int subclass)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    return int(parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _search_hint(parsed, code: list[int]) -> list[int]:
    """`code` with the characters a match can start with named in its INFO block, when the
    pattern starts with a lookahead of one character class (the grammar's master does:
    `(?=[...])`). sre's search tries a match at every place unless that block names them;
    the stdlib names them for a pattern that starts by taking a character of a class in, not
    for one that looks ahead for it. With them, the C search skips to such a character
    itself. Only a hint: a match cannot start anywhere else."""
    from re import _constants as C

    op, arg = parsed.data[0] if parsed.data else (None, None)
    if op is not C.ASSERT or arg[0] != 1 or len(arg[1].data) != 1 or arg[1].data[0][0] is not C.IN:
        return code
    # An INFO block with no hint yet, for a pattern whose matches are never empty.
    if code[0] != C.INFO or code[2] != 0 or code[3] == 0 or parsed.state.flags & re.IGNORECASE:
        return code
    charset, _ = _compiler._optimize_charset(arg[1].data[0][1])
    info = [C.INFO, 0, C.SRE_INFO_CHARSET, code[3], code[4]]
    _compiler._compile_charset(charset, 0, info)
    info[1] = len(info) - 1                     # the block's length after this field
    return [*map(int, info), *code[1 + code[1]:]]


def _write(path: Path, data: bytes) -> None:
    """`data` into `path` whole or not at all; a folder that cannot be written is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        return
    _prune(path.parent)


# Every change to the grammar leaves its old programs behind (about 10 MB for the master):
# past this size the oldest files go. One still in use is then made and written again.
MAX_FOLDER_BYTES = 200_000_000


def _prune(where: Path, limit: int = MAX_FOLDER_BYTES) -> None:
    try:
        files = [(entry.stat(), entry) for entry in where.glob("*.marshal")]
        total = sum(stat.st_size for stat, _ in files)
        for stat, entry in sorted(files, key=lambda f: f[0].st_mtime):
            if total <= limit:
                break
            entry.unlink(missing_ok=True)
            total -= stat.st_size
    except OSError:
        pass
