"""The shape of the house: import contracts, migrations matching the models, CLI help."""
from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from tests.support import ROOT
from timeline.store import db

BIN = Path(sys.executable).parent


def test_import_contracts_hold(capsys):
    """The contracts of setup.cfg (layers, pure core, frozen migrations), in this process."""
    from importlinter.cli import lint_imports

    status = lint_imports(config_filename=str(ROOT / "setup.cfg"), no_cache=True)
    assert status == 0, capsys.readouterr().out


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return ({alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
            | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module})


@pytest.mark.parametrize("folder", ["bench", "testkit"])
def test_bench_and_testkit_import_no_test_module(folder):
    """Test data both use lives in testkit; tests may import it, never the other way."""
    found = {f"{path.name}: {name}" for path in sorted((ROOT / folder).glob("*.py"))
             for name in _imported_modules(path) if name == "tests" or name.startswith("tests.")}
    assert not found
    assert _imported_modules(ROOT / "bench" / "bench_web.py") & {"testkit.events"}   # the check sees imports


@pytest.mark.slow
def test_migrations_match_the_models(database_url):
    """`alembic check`: a model change without a migration fails here."""
    db.upgrade(database_url)
    env = {**os.environ, "DATABASE_URL": database_url}
    result = subprocess.run([str(BIN / "alembic"), "check"], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No new upgrade operations detected" in result.stdout + result.stderr


def _commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield prefix + (name,), command
        if isinstance(command, click.Group):
            yield from _commands(command, prefix + (name,))


def test_every_cli_command_has_help():
    from web.cli import cli

    missing = [" ".join(path) for path, command in _commands(cli) if not (command.help or "").strip()]
    assert not missing
    assert {"db", "ingest", "export", "resolve", "serve"} <= set(cli.commands)


@pytest.mark.slow
@pytest.mark.parametrize("args", [["--help"], ["ingest", "--help"], ["resolve", "--help"]])
def test_console_script_runs(args):
    result = subprocess.run([str(BIN / "timeline"), *args], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout
