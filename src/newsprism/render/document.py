"""Records to the plain data of the output contract (newsprism.analysis/1)."""

from __future__ import annotations

from typing import Any

from newsprism import __version__
from newsprism.records import Article, InputFailure, Story

SCHEMA = "newsprism.analysis/1"


def article_data(article: Article, with_removed: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "language": article.language,
        "text": article.text,
    }
    if with_removed:
        data["removed"] = [{"reason": r.reason, "text": r.text} for r in article.removed]
    return data


def story_data(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "article_ids": list(story.article_ids),
        "entities": [],
        "claims": [],
        "quotes": [],
        "conflicts": [],
        "provenance": [
            {
                "article": p.article,
                "cites": [],
                "overlaps": [
                    {"article": o.article, "similarity": o.similarity} for o in p.overlaps
                ],
            }
            for p in story.provenance
        ],
        "brief": [],
    }


def failure_data(failure: InputFailure) -> dict[str, str]:
    return {"source": failure.source, "error": failure.error, "stage": failure.stage}


def analysis_document(
    articles: tuple[Article, ...], stories: tuple[Story, ...], failures: tuple[InputFailure, ...]
) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "generator": f"newsprism {__version__}",
        "articles": [article_data(a) for a in articles],
        "stories": [story_data(s) for s in stories],
        "errors": [failure_data(f) for f in failures],
    }
