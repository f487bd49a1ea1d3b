"""`timeline inspect`: what ingest would make of documents, and nothing written."""
from __future__ import annotations

from pathlib import Path

from tests.support import FIXTURES

SHAPES = FIXTURES / "shapes"


def test_inspect_shows_layout_year_counts_events_and_warnings(runner):
    result = runner.invoke(["inspect", str(FIXTURES / "chronicle-2021.txt"), "--events", "3"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("chronicle-2021: text, layout chronicle (")
    assert "  title: 2021年大事记" in lines
    assert "  year: 2021 (from the title); events by year: 2021 14" in lines
    assert "  events: 15 (14 dated: day 9, xun 3, month 2; 1 undated)" in lines
    assert lines.index("  first 3 events:") + 4 == lines.index("  warnings: 1")
    assert any(line.split()[2:5] == ["2021-01-01", "day", "青山湖科技城首个“未来社区”试点项目开工建设"]
               for line in lines)
    assert any("line 19: '30日': no day 30 in 2021-02" in line for line in lines)


def test_inspect_writes_nothing(runner):
    database = Path(runner.url.removeprefix("sqlite:///"))
    assert runner.invoke(["inspect", str(SHAPES)]).exit_code == 0
    assert not database.exists()          # not even the schema


def test_inspect_reads_every_shape_of_a_folder(runner):
    result = runner.invoke(["inspect", str(SHAPES), "--events", "0"])
    assert result.exit_code == 0, result.output
    layouts = [line.split("layout ")[1].split(" ")[0] for line in result.output.splitlines() if " layout " in line]
    assert sorted(set(layouts)) == ["chronicle", "prose", "yearbook"]
    assert len(layouts) == len([p for p in SHAPES.iterdir() if p.suffix in (".txt", ".md")])


def test_a_bad_file_is_one_line_and_the_others_are_inspected(runner, tmp_path):
    (tmp_path / "a-bad.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    (tmp_path / "b.txt").write_bytes((FIXTURES / "chronicle-2021.txt").read_bytes())
    result = runner.invoke(["inspect", str(tmp_path)])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {tmp_path / 'a-bad.txt'}: ")
    assert "b: text, layout chronicle" in result.output


def test_inspect_says_where_the_year_came_from(runner, tmp_path):
    """A chronicle without a year of its own takes the one its file name gives, and says so."""
    path = tmp_path / "dashiji-2016.txt"
    path.write_text("大事记\n3月\n5日 县委全会召开。\n18日 县人代会开幕。\n", encoding="utf-8")
    lines = runner.invoke(["inspect", str(path)]).output.splitlines()
    assert "  year: 2016 (from the file name); events by year: 2016 2" in lines
    lines = runner.invoke(["inspect", str(path), "--year", "2017"]).output.splitlines()
    assert "  year: 2017 (given with --year); events by year: 2017 2" in lines
