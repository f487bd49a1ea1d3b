"""The `timeline` command line as a user runs it: ingest, export, resolve."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import SEED

SEED_DATED_TITLE = "袁家军调研杭州城西科创大走廊"


def test_ingest_prints_a_summary_and_is_idempotent(runner):
    first = runner.invoke(["ingest", str(SEED)])
    assert first.exit_code == 0, first.output
    assert "qingshanhu-2020:" in first.output
    assert "removed" in first.output and "规划建设" in first.output and "warnings: 0" in first.output
    again = runner.invoke(["ingest", str(SEED)])
    assert again.exit_code == 0, again.output
    assert "0 added, 0 updated, 0 removed" in again.output


def test_ingest_a_folder_loads_every_accepted_format_and_nothing_else(runner, tmp_path):
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b.MD").write_text("# 2021年大事记\n\n- 3月2日，县委召开常委会议。\n", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("日期,事件\n3月2日,会议\n", encoding="utf-8")
    (tmp_path / "sub.txt").mkdir()
    (tmp_path / "README.md").write_text("# 这些文件是什么\n\n2021年的大事记。\n", encoding="utf-8")
    (tmp_path / "~$b.docx").write_bytes(b"\x05owner" + b"\x00" * 150)      # Word's lock file
    (tmp_path / "._a.txt").write_bytes(b"\x00\x05\x16\x07" + b"\x00" * 80)  # a macOS shadow
    result = runner.invoke(["ingest", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "[1/2]" in result.output and "[2/2]" in result.output
    assert "a:" in result.output and "b:" in result.output and "notes" not in result.output
    assert "README" not in result.output and "error" not in result.output


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 50, "a PNG image"),
])
def test_a_bad_file_fails_with_one_line_and_writes_nothing(runner, tmp_path, content, reason):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = runner.invoke(["ingest", str(bad)])
    assert result.exit_code != 0
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "bad.txt" in errors[0], result.output
    exported = runner.invoke(["export", "--format", "json"])
    assert json.loads(exported.output)["count"] == 0


def test_export_json_and_jsonl_carry_the_contract_shape(runner):
    assert runner.invoke(["ingest", str(SEED)]).exit_code == 0
    payload = json.loads(runner.invoke(["export", "--year", "2020"]).output)
    assert payload["count"] == len(payload["events"]) > 0
    event = next(e for e in payload["events"] if e["title"] == SEED_DATED_TITLE)
    assert (event["start"], event["end"], event["precision"]) == ("2020-09-16", "2020-09-17", "day")
    assert set(event) >= {"id", "key", "title", "category", "tags", "kind", "start", "end", "precision", "time",
                          "part_of_day", "mentions", "summary", "body", "footnotes", "document", "source",
                          "url", "ics"}
    lines = runner.invoke(["export", "--format", "jsonl", "--category", "规划建设"]).output.splitlines()
    assert lines and all(json.loads(line)["category"] == "规划建设" for line in lines)


def test_export_writes_a_file(runner, tmp_path):
    assert runner.invoke(["ingest", str(SEED)]).exit_code == 0
    out = tmp_path / "events.json"
    assert runner.invoke(["export", "-o", str(out)]).exit_code == 0
    assert json.loads(out.read_text())["count"] > 0


def test_resolve_prints_json_with_spans_into_the_text(runner):
    text = "2020 年 9 月 16 —17 日，省委书记调研"
    result = runner.invoke(["resolve", "--json", text])
    assert result.exit_code == 0, result.output
    (mention,) = json.loads(result.output)["mentions"]
    assert (mention["start"], mention["end"]) == ("2020-09-16", "2020-09-17")
    assert text[mention["span"][0]:mention["span"][1]] == mention["text"]


def test_resolve_batch_answers_each_line_in_order(runner):
    lines = [
        {"text": "9 月 17 日上午", "reference": "2020-01-01"},
        {"text": "6 月下旬", "year": 2021},
        {"text": "no date here"},
        "not an object",
    ]
    stdin = "\n".join(json.dumps(item, ensure_ascii=False) for item in lines) + "\n"
    result = runner.invoke(["resolve", "--batch"], input=stdin)
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert len(out) == 4
    assert out[0]["mentions"][0]["start"] == "2020-09-17" and out[0]["mentions"][0]["part_of_day"] == "morning"
    assert (out[1]["mentions"][0]["start"], out[1]["mentions"][0]["end"]) == ("2021-06-21", "2021-06-30")
    assert out[2]["mentions"] == []
    assert "error" in out[3]


@pytest.mark.slow
def test_the_installed_console_script_ingests_into_database_url(tmp_path):
    timeline = Path(sys.executable).parent / "timeline"
    env_url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    done = subprocess.run([str(timeline), "--database-url", env_url, "ingest", str(SEED)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "cli.sqlite").exists()


def test_without_a_url_the_command_line_and_the_app_use_the_instance_sqlite_file(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from timeline.store import instance
    from web import create_app
    from web.cli import cli

    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setattr(instance, "INSTANCE_PATH", tmp_path / "instance")
    result = CliRunner().invoke(cli, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    expected = f"sqlite:///{tmp_path / 'instance' / 'timeline.sqlite'}"
    assert result.output.strip() == f"database is up to date: {expected}"
    assert (tmp_path / "instance" / "timeline.sqlite").is_file()
    assert create_app({"TESTING": True}).config["DATABASE_URL"] == expected
    monkeypatch.setenv("DATABASE_URL", "sqlite:///elsewhere.sqlite")
    assert create_app({"TESTING": True}).config["DATABASE_URL"] == "sqlite:///elsewhere.sqlite"
