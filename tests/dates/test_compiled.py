"""The cache of compiled regexes: a pattern from it is the pattern re.compile makes, whatever
state the cache folder is in, and the grammar is the same text in every process (else no
process would ever find another's program)."""
from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys

import pytest

from timeline.dates import compiled

PATTERNS = (
    r"(?P<y>[0-9]{4})年(?:(?P<m>1[0-2]|[1-9])月)?",
    r"(?=[初上中下])(?:上旬|中旬|下旬|初)(?!\d)",
    r"(?<![0-9])(?P<d>[0-9]{1,2})(?:日|号)(?:[—–-](?P<d2>[0-9]{1,2})日)?",
)
TEXTS = ("2020年9月16—17日上午", "是年 6月下旬", "1999年", "12号-3日", "初一", "")


def same_pattern(got: re.Pattern, want: re.Pattern) -> None:
    assert (got.pattern, got.flags, got.groups, got.groupindex) == \
        (want.pattern, want.flags, want.groups, want.groupindex)
    for text in TEXTS:
        for start in range(len(text) + 1):
            a, b = got.match(text, start), want.match(text, start)
            assert (a and (a.regs, a.groupdict())) == (b and (b.regs, b.groupdict())), (text, start)
        assert [m.regs for m in got.finditer(text)] == [m.regs for m in want.finditer(text)]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(compiled.ENVIRONMENT, str(tmp_path / "cache"))
    return tmp_path / "cache"


def files(folder) -> list:
    return sorted(p for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize("pattern", PATTERNS)
def test_a_pattern_compiled_then_read_back_is_the_one_re_compile_makes(cache, pattern):
    first = compiled.regex(pattern)
    written = files(cache)
    assert [p.name for p in written] == [hashlib.sha256(pattern.encode()).hexdigest() + ".marshal"]
    again = compiled.regex(pattern)                  # now from the file
    assert files(cache) == written
    same_pattern(first, re.compile(pattern))
    same_pattern(again, re.compile(pattern))


def test_a_damaged_file_is_compiled_again_and_replaced(cache):
    pattern = PATTERNS[0]
    compiled.regex(pattern)
    [path] = files(cache)
    good = path.read_bytes()
    for damage in (b"", b"not marshal data", good[: len(good) // 2]):
        path.write_bytes(damage)
        same_pattern(compiled.regex(pattern), re.compile(pattern))
        assert path.read_bytes() == good


def test_off_and_unwritable_folders_still_compile(tmp_path, monkeypatch):
    monkeypatch.setenv(compiled.ENVIRONMENT, "off")
    same_pattern(compiled.regex(PATTERNS[1]), re.compile(PATTERNS[1]))
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the folder would be")
    monkeypatch.setenv(compiled.ENVIRONMENT, str(blocker))
    same_pattern(compiled.regex(PATTERNS[1]), re.compile(PATTERNS[1]))
    assert not any(tmp_path.rglob("*.marshal"))


def test_kept_data_is_made_once_per_key(cache):
    made = []

    def make(value):
        made.append(value)
        return {"pattern": value, "fields": [(1, "y"), (2, "m")]}

    first = compiled.kept("key one", lambda: make("a"))
    assert compiled.kept("key one", lambda: make("b")) == first     # read back, not made again
    assert compiled.kept("key two", lambda: make("c"))["pattern"] == "c"
    assert compiled.kept(None, lambda: make("d"))["pattern"] == "d"   # no key: never kept
    assert made == ["a", "c", "d"] and len(files(cache)) == 2


def test_the_oldest_files_go_past_the_size_limit(cache):
    paths = []
    for age, pattern in enumerate(PATTERNS):
        compiled.regex(pattern)
        paths.append(compiled.folder() / (hashlib.sha256(pattern.encode()).hexdigest() + ".marshal"))
        os.utime(paths[-1], (age, age))                 # written in this order
    compiled._prune(compiled.folder(), limit=paths[-1].stat().st_size)
    assert files(cache) == [paths[-1]]


def test_programs_are_kept_apart_by_interpreter_version(cache):
    folder = compiled.folder()
    assert folder.parent == cache
    assert f"{sys.version_info[0]}.{sys.version_info[1]}.{sys.version_info[2]}" in folder.name


# Composing and compiling the whole grammar without the cache takes seconds: `slow`.
@pytest.mark.slow
def test_the_grammar_from_the_cache_is_the_grammar_composed_afresh(cache, monkeypatch):
    from timeline.dates.families import _POINT_LEAD, FAMILIES
    from timeline.dates.grammar import compile_rules

    made = [compile_rules(FAMILIES, shared=_POINT_LEAD) for _ in range(2)]     # cold, then warm
    monkeypatch.setenv(compiled.ENVIRONMENT, "off")
    made.append(compile_rules(FAMILIES, shared=_POINT_LEAD))
    assert len(files(cache)) == 2                    # the composed patterns and the master's program
    for master, rules in made[:2]:
        assert master.pattern == made[2][0].pattern and master.groupindex == made[2][0].groupindex
        assert rules == made[2][1]


# Two interpreters: seconds of import each, so `slow` (make test runs it, test-fast does not).
@pytest.mark.slow
def test_the_grammar_is_the_same_text_in_every_process():
    script = ("import hashlib, timeline.dates.families as f; "
              "print(hashlib.sha256((f.MASTER.pattern + ''.join(r.pattern for r in f.RULES.values()))"
              ".encode()).hexdigest())")
    digests = {subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(digests) == 1


def test_a_pattern_that_looks_ahead_for_a_class_first_names_its_first_characters():
    from re import _constants as C

    _, code, *_ = compiled._program(PATTERNS[1])
    assert code[0] == C.INFO and code[2] & C.SRE_INFO_CHARSET     # the C search skips to them
    from re import _compiler, _parser

    _, plain, *_ = compiled._program(PATTERNS[2])                 # any other: as the stdlib makes it
    assert plain == list(_compiler._code(_parser.parse(PATTERNS[2], 0), 0))
    hinted = compiled.regex(PATTERNS[1])
    text = "是年6月下旬，上旬初一中旬 下" * 3
    assert [m.span() for m in hinted.finditer(text)] == [m.span() for m in re.finditer(PATTERNS[1], text)]
