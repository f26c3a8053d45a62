"""Inputs that once ended a run or deceived its user: an article too long for the parser,
half a character in JSON, control characters in file names, a file that repeats another.
Each is named, the run goes on, and every input is accounted for."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsprism import pipeline
from newsprism.clean import MAX_ARTICLE_CHARS
from newsprism.cli import app
from newsprism.display import printable
from newsprism.models import Models
from newsprism.store import open_store
from tests.ingest.pages import article_text

runner = CliRunner()


def test_an_article_too_long_is_refused_by_name_and_the_run_goes_on(
    tmp_path: Path, models: Models
) -> None:
    paragraph = "The council met again on Tuesday and argued about the bridge for hours. "
    (tmp_path / "huge.txt").write_text(
        "\n\n".join([paragraph * 20] * (MAX_ARTICLE_CHARS // (len(paragraph) * 20) + 2)), "utf-8"
    )
    (tmp_path / "normal.txt").write_text(article_text("one"), "utf-8")
    result = pipeline.analyze([str(tmp_path)], models=models)
    assert [a.source for a in result.articles] == [str(tmp_path / "normal.txt")]
    (failure,) = result.failures
    assert failure.source == str(tmp_path / "huge.txt")
    assert "characters" in failure.error and "split it" in failure.error
    assert result.stories and result.stories[0].claims


def test_half_a_character_in_jsonl_is_replaced_and_every_line_read(
    tmp_path: Path, models: Models
) -> None:
    lines = [
        json.dumps({"text": article_text("one") + " Broken \ud800 here.", "title": "A \udc00 b"}),
        json.dumps({"text": article_text("two")}),
    ]
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    result = pipeline.extract([str(path)], models=models)
    assert result.failures == ()
    assert len(result.articles) == 2
    broken = next(a for a in result.articles if "Broken" in a.text)
    assert "\ufffd" in broken.text and broken.title == "A \ufffd b"


def test_a_nul_character_is_dropped_and_the_article_stored_anywhere(
    tmp_path: Path, models: Models, db: str
) -> None:
    """NUL in JSONL text and title (which PostgreSQL refuses to store) is dropped; both
    lines are stored, on SQLite and on PostgreSQL."""
    lines = [
        json.dumps({"text": article_text("one") + " Said\u0000 here.", "title": "Dam\u0000 holds"}),
        json.dumps({"text": article_text("two")}),
    ]
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    store = open_store(db)
    try:
        report = pipeline.ingest([str(path)], store, models=models, analyse=False)
        assert report.failures == () and report.stored.added == 2
        texts = [a.text for a in store.articles()]
        assert any("Said here." in t for t in texts) and not any("\x00" in t for t in texts)
        assert {a.title for a in store.articles()} >= {"Dam holds"}
    finally:
        store.close()


def test_printable_escapes_controls_and_hides_credentials() -> None:
    assert printable("a\x1b[2Jb\nc\u202ed\x9b") == "a\\x1b[2Jb\\nc\\u202ed\\x9b"
    assert printable("fetch https://ann:s3cret@feeds.test/rss failed") == (
        "fetch https://***@feeds.test/rss failed"
    )
    assert printable("plain “text”, ünïcödé") == "plain “text”, ünïcödé"


def test_file_names_reach_the_terminal_escaped(tmp_path: Path) -> None:
    """A file named to clear the screen, with nothing in it, is reported with its name
    escaped: no ESC and no newline of its own reach stderr."""
    hostile = tmp_path / "x\x1b[2J\nforged line.txt"
    hostile.write_text("   ", "utf-8")
    (tmp_path / "ok.txt").write_text(article_text("one"), "utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert "\x1b[2J" not in result.stderr
    assert "\\x1b[2J\\nforged line.txt" in result.stderr


def test_a_repeated_file_is_accounted_for(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(article_text("one"), "utf-8")
    (tmp_path / "b.txt").write_text(article_text("one"), "utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    article, duplicate = rows
    assert duplicate == {
        "source": str(tmp_path / "b.txt"),
        "duplicate_of": article["id"],
        "first_source": str(tmp_path / "a.txt"),
    }
    assert "b.txt: the same article as" in result.stderr
