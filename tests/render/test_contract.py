"""Renderers: JSON output keeps the analysis contract; Markdown and HTML output neutralize
hostile article text (article text is untrusted input)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from markdown_it import MarkdownIt  # markdown-it-py, installed with rich

from newsprism.cluster.stories import build_stories
from newsprism.models import Models
from newsprism.pipeline import analyze
from newsprism.records import (
    Article,
    BriefSentence,
    Claim,
    Conflict,
    ConflictSide,
    Entity,
    Evidence,
    InputFailure,
    Quote,
    Span,
)
from newsprism.records.results import Analysis
from newsprism.render import RENDERERS, render_json
from newsprism.render.html import render_html
from newsprism.render.markdown import render_markdown

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
LINK = "[x](javascript:alert(1))"
HOSTILE = f"Breaking {SCRIPT} {IMG} {LINK} & more"


PROJECT_SCHEMA = files("newsprism") / "data" / "analysis.schema.json"


@pytest.fixture(scope="module")
def validator(schema_path: Path) -> list[Draft202012Validator]:
    """The shared contract and newsprism's extension of it: output must keep both."""
    validators = []
    for text in (schema_path.read_text("utf-8"), PROJECT_SCHEMA.read_text("utf-8")):
        schema = json.loads(text)
        Draft202012Validator.check_schema(schema)
        validators.append(Draft202012Validator(schema))
    return validators


def assert_contract(document: dict[str, Any], validator: list[Draft202012Validator]) -> None:
    """Schema-valid, and stories and articles refer to each other completely."""
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for v in validator for e in v.iter_errors(document)
    ]
    assert errors == []
    article_ids = [a["id"] for a in document["articles"]]
    assert len(set(article_ids)) == len(article_ids)
    referenced = [i for s in document["stories"] for i in s["article_ids"]]
    assert set(referenced) == set(article_ids), "every article belongs to a story, and only those"
    texts = {a["id"]: a["text"] for a in document["articles"]}
    for span in _spans(document["stories"]):
        assert texts[span["article"]][span["start"] : span["end"]] == span["text"]


def _spans(value: Any) -> Iterator[dict[str, Any]]:
    """Every Span anywhere in the stories."""
    if isinstance(value, dict):
        if {"article", "start", "end", "text"} <= value.keys():
            yield value
        for item in value.values():
            yield from _spans(item)
    elif isinstance(value, list):
        for item in value:
            yield from _spans(item)


def test_examples_contract(
    examples_dir: Path, models: Models, validator: list[Draft202012Validator]
) -> None:
    analysis = analyze([str(examples_dir)], models=models)
    document = json.loads(render_json(analysis))
    assert_contract(document, validator)
    assert document["schema"] == "newsprism.analysis/1"
    assert len(document["articles"]) == 7
    assert document["errors"] == []


def _required(schema: Any, path: str = "") -> Iterator[str]:
    """Every property and required field a schema declares, by path."""
    if isinstance(schema, dict):
        for name in schema.get("required", []):
            yield f"{path}!{name}"
        for key, value in schema.items():
            yield from _required(value, f"{path}/{key}")
            if key == "properties":
                yield from (f"{path}/{name}" for name in value)
    elif isinstance(schema, list):
        for index, item in enumerate(schema):
            yield from _required(item, f"{path}/{index}")


def test_project_schema_extends_the_contract(schema_path: Path) -> None:
    """newsprism's schema adds fields (claim values, conflict kinds) and drops none."""
    shared = json.loads(schema_path.read_text("utf-8"))
    project = json.loads(PROJECT_SCHEMA.read_text("utf-8"))
    assert set(_required(shared)) <= set(_required(project))
    assert project["$defs"]["Conflict"]["properties"]["kind"]["enum"] == ["hard", "evolving"]
    assert "values" in project["$defs"]["Claim"]["properties"]


def test_seeds_contract(seeds_analysis: Analysis, validator: list[Draft202012Validator]) -> None:
    document = json.loads(render_json(seeds_analysis))
    assert_contract(document, validator)
    assert len(document["articles"]) == 5
    story = document["stories"][0]
    assert len(story["entities"]) >= 10 and story["quotes"]
    assert sum(1 for _ in _spans(story)) > 100


def test_errors_in_contract(
    tmp_path: Path, examples_dir: Path, models: Models, validator: list[Draft202012Validator]
) -> None:
    """Inputs that failed are listed under ``errors`` in a still-valid document."""
    missing = str(tmp_path / "missing.txt")
    analysis = analyze([missing, str(examples_dir / "wire.jsonl")], models=models)
    document = json.loads(render_json(analysis))
    assert_contract(document, validator)
    assert [e["source"] for e in document["errors"]] == [missing]


def test_empty_analysis_contract(validator: list[Draft202012Validator]) -> None:
    assert_contract(json.loads(render_json(Analysis((), (), ()))), validator)


def hostile_analysis(failures: tuple[InputFailure, ...] = ()) -> Analysis:
    article = Article(
        id=Article.make_id(HOSTILE, HOSTILE, HOSTILE),
        source=f"evil{IMG}.html",
        url="javascript:alert(1)",
        outlet=HOSTILE,
        title=HOSTILE,
        published="2024-03-04",
        language="en",
        text=f"{HOSTILE}\n\nSecond paragraph {SCRIPT}.",
    )
    return Analysis((article,), build_stories([article], [[article.id]], {}), failures)


def test_json_keeps_text_verbatim() -> None:
    """JSON is data, not markup: the text is carried exactly, escaping is the reader's job."""
    document = json.loads(render_json(hostile_analysis()))
    assert document["articles"][0]["title"] == HOSTILE


def test_html_escapes_hostile_text() -> None:
    page = render_html(hostile_analysis((InputFailure(f"bad{SCRIPT}.txt", f"oops {IMG}"),)))
    assert "<script>alert" not in page
    assert "<script" not in page.lower()
    assert "<img src=x" not in page
    assert "onerror=alert(1)>" not in page
    assert 'href="javascript' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def unescaped(markdown: str, char: str) -> list[str]:
    """Lines where ``char`` appears without a backslash before it."""
    return [line for line in markdown.splitlines() if re.search(rf"(?<!\\){re.escape(char)}", line)]


def rendered(markdown: str) -> str:
    """The HTML a CommonMark viewer (raw HTML allowed, the default) would show."""
    return str(MarkdownIt("commonmark").render(markdown))


def test_markdown_escapes_hostile_text() -> None:
    markdown = render_markdown(hostile_analysis())
    assert unescaped(markdown, "<") == []
    assert unescaped(markdown, "[") == []
    assert r"\<script\>" in markdown
    html = rendered(markdown)
    assert "<script" not in html and "<img" not in html
    assert "<a " not in html and 'href="javascript' not in html


def test_markdown_escapes_hostile_failures() -> None:
    """A failed input's name is untrusted too (a file name, a URL): it must not break out of
    its code span into raw HTML."""
    name = f"a` {IMG} {SCRIPT} `b.txt"
    markdown = render_markdown(Analysis((), (), (InputFailure(name, f"oops {IMG}"),)))
    html = rendered(markdown)
    assert "<img" not in html, markdown
    assert "<script" not in html, markdown


def test_markdown_table_not_broken_by_pipes_and_newlines() -> None:
    """A title with '|' and line breaks stays inside its table row."""
    article = Article(
        id="a1", source="s", url=None, outlet="O | P", title="T | U\n\n# Heading",
        published=None, language=None, text="Body.",
    )  # fmt: skip
    markdown = render_markdown(
        Analysis((article,), build_stories([article], [[article.id]], {}), ())
    )
    rows = [line for line in markdown.splitlines() if line.startswith("| ") and "Body" not in line]
    assert len(rows) == 3  # header, rule, one article
    assert not any(line.startswith("# Heading") for line in markdown.splitlines())


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_every_renderer_shows_every_title(fmt: str, examples_dir: Path, models: Models) -> None:
    analysis = analyze([str(examples_dir)], models=models)
    output = RENDERERS[fmt](analysis)
    for article in analysis.articles:
        assert article.title
        words = article.title.split()[:3]
        assert all(w.strip(",.") in output for w in words), (fmt, article.title)


def hostile_findings() -> Analysis:
    """A story whose findings (brief, claims, conflicts, entities, quotes) carry markup."""
    base = hostile_analysis()
    article = base.articles[0]
    span = Span.of(article, 0, len(HOSTILE))
    story = replace(
        base.stories[0],
        brief=(BriefSentence(f"Only {HOSTILE} reports.", (span,)),),
        claims=(Claim("k1", "statement", HOSTILE, "conflicting", (Evidence(span, "supports"),)),),
        conflicts=(
            Conflict("c1", HOSTILE, (ConflictSide(HOSTILE, (span,)), ConflictSide("x", (span,)))),
        ),
        entities=(Entity("e1", HOSTILE, "PERSON", (span, span), (span,)),),
        quotes=(Quote("q1", "e1", HOSTILE, (span,)),),
    )
    return Analysis(base.articles, (story,), ())


def test_findings_are_escaped_in_html_and_markdown() -> None:
    page = render_html(hostile_findings())
    assert "<script" not in page.lower() and "<img src=x" not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 5
    markdown = render_markdown(hostile_findings())
    assert unescaped(markdown, "<") == []
    assert "<script" not in rendered(markdown).lower()


def test_every_kind_of_value_is_in_the_contract() -> None:
    """A claim's value may be of any kind a conflict can be about: the contract lists each."""
    from newsprism.analyze.claims.conflicts import LABELS

    schema = json.loads(PROJECT_SCHEMA.read_text("utf-8"))
    kinds = set(schema["$defs"]["ClaimValue"]["properties"]["kind"]["enum"])
    assert set(LABELS) <= kinds
