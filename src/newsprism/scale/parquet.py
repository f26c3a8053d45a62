"""A batch's results as Parquet tables, one row per fact, for analysis at scale.

    articles.parquet  one row per article (the cleaned text every span points into)
    stories.parquet   story_id, article_id (and the story's title and the article's position)
    entities.parquet  one row per mention or label span of an entity
    claims.parquet    one row per evidence span of a claim, with its stance
    failures.parquet  one row per input that could not be read
    analysis.json     the whole analysis in the output contract (newsprism.analysis/1)

Spans keep article, start, end and text, so each row can be checked against the
article's text without the JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsprism.errors import UsageError
from newsprism.records import Article, InputFailure, Span, Story
from newsprism.records.contract import article_data, failure_data
from newsprism.records.results import Analysis
from newsprism.render import render_json

_SPAN = [
    ("article_id", pa.string()),
    ("start", pa.int64()),
    ("end", pa.int64()),
    ("text", pa.string()),
]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [(name, pa.string()) for name in ("id", "source", "url", "outlet", "title")]
        + [(name, pa.string()) for name in ("published", "language", "kind", "text")]
    ),
    "stories": pa.schema(
        [
            ("story_id", pa.string()),
            ("article_id", pa.string()),
            ("position", pa.int32()),
            ("story_title", pa.string()),
        ]
    ),
    "entities": pa.schema(
        [
            ("story_id", pa.string()),
            ("entity_id", pa.string()),
            ("name", pa.string()),
            ("type", pa.string()),
            ("role", pa.string()),
            *_SPAN,
        ]
    ),
    "claims": pa.schema(
        [
            ("story_id", pa.string()),
            ("claim_id", pa.string()),
            ("kind", pa.string()),
            ("claim", pa.string()),
            ("status", pa.string()),
            ("subject", pa.string()),
            ("value", pa.string()),
            ("stance", pa.string()),
            *_SPAN,
        ]
    ),
    "failures": pa.schema(
        [("source", pa.string()), ("error", pa.string()), ("stage", pa.string())]
    ),
}


def write_tables(
    out: Path,
    articles: Sequence[Article],
    stories: Sequence[Story],
    failures: Sequence[InputFailure],
) -> list[Path]:
    """Write the five tables into ``out`` (created when missing); returns their paths."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create output directory {out}: {exc.strerror}") from exc
    rows = {
        "articles": [{**article_data(a, with_removed=False), "kind": a.kind} for a in articles],
        "stories": [
            {"story_id": s.id, "article_id": a, "position": i, "story_title": s.title}
            for s in stories
            for i, a in enumerate(s.article_ids)
        ],
        "entities": [row for s in stories for row in _entities(s)],
        "claims": [row for s in stories for row in _claims(s)],
        "failures": [failure_data(f) for f in failures],
    }
    written = []
    for name, schema in SCHEMAS.items():
        path = out / f"{name}.parquet"
        table = pa.Table.from_pylist(rows[name], schema=schema)
        try:
            pq.write_table(table, path)
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc}") from exc
        written.append(path)
    return written


def _span(span: Span) -> dict[str, Any]:
    return {"article_id": span.article, "start": span.start, "end": span.end, "text": span.text}


def _entities(story: Story) -> list[dict[str, Any]]:
    rows = []
    for entity in story.entities:
        for role, spans in (("mention", entity.mentions), ("label", entity.labels)):
            for span in spans:
                rows.append(
                    {
                        "story_id": story.id,
                        "entity_id": entity.id,
                        "name": entity.name,
                        "type": entity.type,
                        "role": role,
                        **_span(span),
                    }
                )
    return rows


def _claims(story: Story) -> list[dict[str, Any]]:
    rows = []
    for claim in story.claims:
        for evidence in claim.evidence:
            rows.append(
                {
                    "story_id": story.id,
                    "claim_id": claim.id,
                    "kind": claim.kind,
                    "claim": claim.text,
                    "status": claim.status,
                    "subject": claim.subject,
                    "value": None if claim.value is None else str(claim.value),
                    "stance": evidence.stance,
                    **_span(evidence.span),
                }
            )
    return rows


def write_outputs(out: Path, analysis: Analysis) -> list[Path]:
    """The Parquet tables and ``analysis.json`` in the contract format."""
    written = write_tables(out, analysis.articles, analysis.stories, analysis.failures)
    path = out / "analysis.json"
    try:
        path.write_text(render_json(analysis), encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from exc
    return [*written, path]
