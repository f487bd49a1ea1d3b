"""What every test tier (store, web, feeds, browser) shares: paths, CI's rule for missing servers."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

# The helpers that bench uses too live in testkit; the tests import them from here as well.
from testkit.processes import START_SECONDS, free_port, stop_process  # noqa: F401
from testkit.stores import ROOT, SEED, ingest_path, migrate, seed_database, snapshot  # noqa: F401

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = ROOT / "test-artifacts"
IN_CI = os.environ.get("CI", "").lower() == "true"


def examples(n: int) -> int:
    """A property test's number of examples: `n` under hypothesis's default profile (`make
    test`, CI), scaled as the loaded profile scales the default's 100 examples under any
    other (`make test-fast` loads `fast`, tests/conftest.py: a quarter)."""
    from hypothesis import settings

    return max(1, -(-n * settings.default.max_examples // 100))


def require(condition: bool, reason: str) -> None:
    """Skip with `reason` when `condition` fails; under CI=true, fail instead."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required under CI=true: {reason}")
    pytest.skip(reason)
