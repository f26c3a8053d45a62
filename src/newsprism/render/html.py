"""A self-contained HTML report (inline CSS, no scripts from anywhere)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, select_autoescape

from newsprism.render.views import citation_outlets, claim_views, entity_views, quote_views

if TYPE_CHECKING:
    from newsprism.pipeline import Analysis


@cache
def _environment() -> Environment:
    # Autoescaping is on for every template: every article-derived string is untrusted.
    return Environment(
        loader=PackageLoader("newsprism", "render/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(analysis: Analysis) -> str:
    by_id = {a.id: a for a in analysis.articles}
    stories = [
        {
            "story": story,
            "articles": [by_id[i] for i in story.article_ids],
            "entities": entity_views(story, by_id),
            "claims": claim_views(story, by_id),
            "cited": [citation_outlets(b.citations, by_id) for b in story.brief],
            "sides": [
                [
                    {
                        "outlets": citation_outlets(side.evidence, by_id),
                        "words": [s.text for s in side.evidence[:3]],
                    }
                    for side in conflict.sides
                ]
                for conflict in story.conflicts
            ],
            "quotes": quote_views(story, by_id),
        }
        for story in analysis.stories
    ]
    template = _environment().get_template("report.html.j2")
    return template.render(analysis=analysis, stories=stories)
