"""The command line through typer's CliRunner: help, output, exit statuses (0 all read,
1 some inputs failed, 2 could not run) and error lines on stderr, never a traceback."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
import typer
from jsonschema import Draft202012Validator
from typer.testing import CliRunner, Result

from newsprism import cli
from newsprism.cli import app
from tests.ingest.pages import article_text

runner = CliRunner()
COMMANDS = ["extract", "analyze", "cluster", "ingest", "batch", "watch"]
"""Commands that read inputs; ``serve`` reads a store (tests/web/test_serve_command.py) and
``settings`` lists the analysis settings (tests/analyze/test_analysis_settings.py)."""


def invoke(args: list[str], stdin: str | None = None) -> Result:
    """Run the app; whatever happens, no Python traceback may reach the user."""
    result = runner.invoke(app, args, input=stdin)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def test_app_help() -> None:
    result = invoke(["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.stdout


def test_no_arguments_shows_help() -> None:
    result = invoke([])
    assert "Usage" in result.output


def test_version() -> None:
    """``newsprism --version`` prints the version and exits 0 (its help says so)."""
    result = invoke(["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("newsprism ")


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help(command: str) -> None:
    result = invoke([command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.stdout and "inputs" in result.stdout.lower()


def test_every_command_and_option_has_help() -> None:
    """Typer may bring its own click: look at the command objects by their attributes."""
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert sorted(commands) == sorted([*COMMANDS, "serve", "settings"])
    for name, command in commands.items():
        assert command.help and command.help.strip(), name
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"{name} {param.opts}"


def test_extract_examples_jsonl(examples_dir: Path) -> None:
    """One JSON object per article on stdout, nothing on stderr, exit 0."""
    result = invoke(["extract", str(examples_dir)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 7
    objects = [json.loads(line) for line in lines]
    assert all(isinstance(o, dict) and o["text"] and o["id"] for o in objects)
    assert len({o["id"] for o in objects}) == 7
    assert "error" not in result.stderr


def test_extract_json_format(examples_dir: Path) -> None:
    result = invoke(["extract", "-f", "json", str(examples_dir / "wire.jsonl")])
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert len(document["articles"]) == 2 and document["errors"] == []


def test_extract_stdin() -> None:
    result = invoke(["extract", "-"], stdin=article_text("Piped"))
    assert result.exit_code == 0, result.output
    [line] = result.stdout.splitlines()
    assert json.loads(line)["source"] == "<stdin>"


def test_missing_input_among_good_ones(tmp_path: Path, examples_dir: Path) -> None:
    """Exit 1; the good articles are still written; one error line names the bad input."""
    missing = str(tmp_path / "nope.txt")
    out = tmp_path / "out.jsonl"
    result = invoke(["extract", str(examples_dir), missing, "-o", str(out)])
    assert result.exit_code == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == 7
    errors = [line for line in result.stderr.splitlines() if missing in line]
    assert len(errors) == 1
    assert "no such file" in errors[0]
    assert result.stdout == ""


@pytest.mark.parametrize("name", ["x[/].txt", "[bold]b.txt", "notes [draft].txt"])
def test_error_line_names_input_with_brackets(
    tmp_path: Path, examples_dir: Path, name: str
) -> None:
    """Input names are not Rich markup: brackets must neither crash the CLI nor vanish.
    ('x[/].txt' cannot be created, so it is a missing input; the others are empty files.)"""
    bad = tmp_path / name
    if "/" not in name:
        bad.write_bytes(b"")
    result = invoke(["extract", str(bad), str(examples_dir / "wire.jsonl")])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    assert [line for line in result.stderr.splitlines() if str(bad) in line], result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "--format", "xml"],
        ["analyze", "-f", "pdf"],
        ["extract", "--timeout", "0"],
        ["extract", "--no-such-option"],
        ["ingest"],
    ],
)
def test_usage_errors_exit_2(args: list[str], examples_dir: Path) -> None:
    tail = [] if args == ["ingest"] else [str(examples_dir / "wire.jsonl")]
    result = invoke([*args, *tail])
    assert result.exit_code == 2
    assert result.stdout == ""


@pytest.mark.models  # runs the models without the fixture
def test_analyze_json_file_is_schema_valid(
    tmp_path: Path, examples_dir: Path, schema_path: Path
) -> None:
    out = tmp_path / "analysis.json"
    result = invoke(["analyze", "-f", "json", "-o", str(out), str(examples_dir)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    document = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(document)) == []
    assert len(document["articles"]) == 7


@pytest.mark.parametrize(
    ("fmt", "marker"), [("markdown", "# newsprism"), ("html", "<!doctype html>")]
)
@pytest.mark.models  # runs the models without the fixture
def test_analyze_other_formats(fmt: str, marker: str, examples_dir: Path) -> None:
    result = invoke(["analyze", "-f", fmt, str(examples_dir)])
    assert result.exit_code == 0
    assert result.stdout.startswith(marker)


@pytest.mark.models  # runs the models without the fixture
def test_analyze_one_story_keeps_every_article_together(
    examples_dir: Path, seeds_dir: Path
) -> None:
    """The example corpus holds a dam collapse and a football match: clustered, two
    stories; said to be one event, one story of every article (with the seeds, 12)."""
    clustered = json.loads(invoke(["analyze", str(examples_dir)]).stdout)
    assert len(clustered["stories"]) == 2
    result = invoke(["analyze", "--one-story", str(examples_dir), str(seeds_dir)])
    assert result.exit_code == 0, result.output
    (story,) = json.loads(result.stdout)["stories"]
    assert len(story["article_ids"]) == 12


@pytest.mark.models  # runs the models without the fixture
def test_ingest_twice_stores_once(db: str, examples_dir: Path) -> None:
    first = invoke(["ingest", "--db", db, str(examples_dir)])
    assert first.exit_code == 0, first.output
    assert re.search(r"stored 7 new article\(s\), 0 already", first.stderr)
    second = invoke(["ingest", "--db", db, str(examples_dir)])
    assert second.exit_code == 0
    assert re.search(r"stored 0 new article\(s\), 7 already", second.stderr)


@pytest.mark.models  # runs the models without the fixture
def test_analyze_with_db_stores(db: str, examples_dir: Path) -> None:
    assert invoke(["analyze", "--db", db, str(examples_dir / "wire.jsonl")]).exit_code == 0
    second = invoke(["ingest", "--db", db, str(examples_dir / "wire.jsonl")])
    assert "stored 0 new article(s), 2 already" in second.stderr


def test_unopenable_db_is_one_line_and_exit_2(
    tmp_path: Path,
    examples_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Through the real entry point, a store error is one 'newsprism:' line and status 2."""
    db = str(tmp_path / "no" / "such" / "dir" / "news.db")
    monkeypatch.setattr(sys, "argv", ["newsprism", "ingest", "--db", db, str(examples_dir)])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    assert captured.err.startswith("newsprism: ")
    assert "cannot" in captured.err


@pytest.mark.models  # runs the models without the fixture
def test_cluster_tsv_groups_the_examples(examples_dir: Path) -> None:
    """`cluster -f tsv`: one row per article; the dam collapse is one story, the football
    match another."""
    result = invoke(["cluster", str(examples_dir), "-f", "tsv"])
    assert result.exit_code == 0, result.output
    header, *rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert header[:2] == ["story", "article"]
    assert len(rows) == 7
    stories = {row[0] for row in rows}
    football = {row[0] for row in rows if "Varnholt" in row[4]}
    assert len(stories) == 2 and len(football) == 1
