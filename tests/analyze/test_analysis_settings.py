"""The analysis settings: one record, each field with its default, help and source; the
README's table and ``newsprism settings`` are that record; a changed record changes a run."""

from __future__ import annotations

import inspect
import re
from dataclasses import fields, replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.analyze.brief import write_brief
from newsprism.analyze.claims.values import Value, apart
from newsprism.analyze.quotes.grouping import similarity
from newsprism.cli import app
from newsprism.cluster.overlap import overlaps
from newsprism.records import Article, Claim, Evidence, Span
from newsprism.settings import (
    DEFAULT_ANALYSIS,
    AnalysisSettings,
    analysis_settings,
    analysis_settings_markdown,
    analysis_settings_text,
)

README = Path(__file__).resolve().parents[2] / "README.md"
_TABLE = re.compile(
    r"<!-- analysis-settings:start -->\n(.*?)<!-- analysis-settings:end -->", re.DOTALL
)


def test_readme_table_is_the_settings_record() -> None:
    """The README's "Analysis settings" table is generated from the record; regenerate it
    with ``newsprism settings --markdown`` between the two markers."""
    found = _TABLE.search(README.read_text(encoding="utf-8"))
    assert found is not None, "README.md lacks the analysis-settings markers"
    assert found.group(1) == analysis_settings_markdown(), (
        "README.md's Analysis settings table differs from newsprism.settings: "
        "paste `newsprism settings --markdown` between its markers"
    )


def test_every_setting_has_a_stage_help_and_source() -> None:
    listed = analysis_settings()
    assert [s.name for s in listed] == [f.name for f in fields(AnalysisSettings)]
    for setting in listed:
        assert setting.stage and setting.help and setting.source, setting.name
        assert setting.default, setting.name
    assert AnalysisSettings() == DEFAULT_ANALYSIS
    assert {s.name: s.default for s in listed}["join"] == "0.52"
    assert "lower 1 to inf" in {s.name: s.default for s in listed}["hedge_bounds"]


def test_the_cli_lists_every_setting() -> None:
    result = CliRunner().invoke(app, ["settings"])
    assert result.exit_code == 0
    assert result.stdout == analysis_settings_text()
    for item in fields(AnalysisSettings):
        assert f"{item.name} = " in result.stdout
    markdown = CliRunner().invoke(app, ["settings", "--markdown"])
    assert markdown.exit_code == 0 and markdown.stdout == analysis_settings_markdown()


@pytest.mark.parametrize(
    "change",
    [
        {"join": 1.5},
        {"quote_blend": -0.1},
        {"brief_sentences": 0},
        {"brief_sentences": 2.5},
        {"clock_slack": -1.0},
        {"hedge_bounds": (("about", 1.1, 0.9),)},
        {"compare_similarity": (("count", 2.0),)},
    ],
)
def test_out_of_range_values_are_refused(change: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=next(iter(change))):
        replace(DEFAULT_ANALYSIS, **change)


def test_a_changed_record_changes_one_run_only() -> None:
    """Thresholds are arguments, not globals: a stricter record changes the call it is
    passed to and nothing else."""
    strict = replace(DEFAULT_ANALYSIS, quote_semantic=0.95, quote_blend=0.99, quote_lexical=0.99)
    assert similarity("they will pay", "we shall answer", 0.9) > 0
    assert similarity("they will pay", "we shall answer", 0.9, strict) == 0
    assert similarity("they will pay", "we shall answer", 0.9) > 0

    def count(figure: float) -> Value:
        return Value("count", "count:person:kill", Span("a", 0, 2, "12"), "12", figure, figure)

    assert apart(count(20), count(23))
    assert not apart(count(20), count(23), replace(DEFAULT_ANALYSIS, rounding=0.1))
    assert (
        inspect.signature(overlaps).parameters["threshold"].default == DEFAULT_ANALYSIS.shared_text
    )


def test_the_brief_quotes_at_most_the_set_number_of_words() -> None:
    text = " ".join(f"word{i}" for i in range(60))
    article = Article("a", "a.txt", None, "Outlet", None, None, "en", text)
    span = Span("a", 0, len(text), text)
    claim = Claim("k", "statement", text, "single_source", (Evidence(span, "supports"),))
    (default,) = write_brief([claim], [], [article])
    (short,) = write_brief([claim], [], [article], replace(DEFAULT_ANALYSIS, brief_quoted_words=5))
    assert "word44 …" in default.text and "word45" not in default.text
    assert "word4 …" in short.text and "word5" not in short.text
