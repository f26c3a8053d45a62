"""A self-contained HTML report (inline CSS, no scripts from anywhere).

The story section (``_story.html.j2``, fed by :func:`story_view`) and the style sheet
(``report.css``) are shared with the web app, so a story reads the same in both.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from newsprism.records import Article, Story
from newsprism.records.results import Analysis
from newsprism.render.diff import quote_diffs
from newsprism.render.graph import provenance_graph
from newsprism.render.highlight import segments, story_spans
from newsprism.render.matrix import claim_matrix
from newsprism.render.timeline import story_timeline
from newsprism.render.views import (
    CONFLICT_KINDS,
    citation_outlets,
    claim_views,
    entity_views,
    evidence_views,
    link_url,
    outlet_name,
    shown_published,
)


@cache
def environment() -> Environment:
    # Autoescaping is on for every template: every article-derived string is untrusted.
    return Environment(
        loader=PackageLoader("newsprism", "render/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def stylesheet() -> str:
    """The report's CSS (inlined in the report, served as a file by the web app)."""
    return files("newsprism").joinpath("render/templates/report.css").read_text("utf-8")


def story_view(story: Story, articles: Sequence[Article]) -> dict[str, Any]:
    """What ``_story.html.j2`` shows of one story; ``articles`` holds at least its members.

    Plain values only (no template filters), so any Jinja environment that finds the
    templates can draw it.
    """
    by_id = {a.id: a for a in articles}
    members = [by_id[i] for i in story.article_ids]
    spans = story_spans(story)
    return {
        "story": story,
        "articles": members,
        "outlets": {i: outlet_name(by_id[i]) for i in story.article_ids},
        "published": {a.id: shown_published(a.published) for a in members},
        "links": {a.id: link_url(a.url) for a in members},
        "entities": entity_views(story, by_id),
        "claims": claim_views(story, by_id),
        "cited": [citation_outlets(b.citations, by_id) for b in story.brief],
        "citations": [evidence_views(b.citations, by_id) for b in story.brief],
        "sides": [
            [
                {
                    "text": side.text,
                    "value": side.value,
                    "outlets": citation_outlets(side.evidence, by_id),
                    "evidence": evidence_views(side.evidence, by_id),
                }
                for side in conflict.sides
            ]
            for conflict in story.conflicts
        ],
        "conflict_kinds": [CONFLICT_KINDS[c.kind] for c in story.conflicts],
        "quote_diffs": quote_diffs(story, members),
        "matrix": claim_matrix(story, members),
        "graph": provenance_graph(story, members),
        "timeline": story_timeline(story, members),
        "texts": {a.id: segments(a, spans) for a in members},
    }


def render_html(analysis: Analysis) -> str:
    stories = [story_view(story, analysis.articles) for story in analysis.stories]
    template = environment().get_template("report.html.j2")
    return template.render(analysis=analysis, stories=stories, css=Markup(stylesheet()))
