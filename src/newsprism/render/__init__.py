"""Renderers: an analysis to JSON, Markdown or a self-contained HTML page.

Renderers are registered by name in :data:`RENDERERS`, the same way a plug-in
would add one.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from newsprism.records.contract import (
    analysis_document,
    article_data,
    duplicate_data,
    failure_data,
)
from newsprism.records.results import Analysis, Extraction
from newsprism.render.html import render_html
from newsprism.render.markdown import render_markdown

Renderer = Callable[[Analysis], str]


def render_json(analysis: Analysis) -> str:
    document = analysis_document(
        analysis.articles, analysis.stories, analysis.failures, analysis.duplicates
    )
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_tsv(analysis: Analysis) -> str:
    """One row per article: story, article, published, outlet, title (tabs and newlines
    in values become spaces)."""
    by_id = {a.id: a for a in analysis.articles}
    rows = ["story\tarticle\tpublished\toutlet\ttitle\tsource"]
    for story in analysis.stories:
        for article_id in story.article_ids:
            a = by_id[article_id]
            values = (story.id, a.id, a.published or "", a.outlet or "", a.title or "", a.source)
            rows.append("\t".join(" ".join(v.split()) for v in values))
    return "\n".join(rows) + "\n"


RENDERERS: dict[str, Renderer] = {
    "json": render_json,
    "tsv": render_tsv,
    "markdown": render_markdown,
    "html": render_html,
}


def render_extraction(extraction: Extraction, fmt: str) -> str:
    """Articles as JSON lines (one Article per line) or as one JSON document."""
    if fmt == "jsonl":  # a duplicate input is a line of its own, naming the article it repeats
        lines = [article_data(a) for a in extraction.articles]
        lines += [duplicate_data(d) for d in extraction.duplicates]
        return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    document = {
        "articles": [article_data(a) for a in extraction.articles],
        "errors": [failure_data(f) for f in extraction.failures],
        "duplicates": [duplicate_data(d) for d in extraction.duplicates],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
