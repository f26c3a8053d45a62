"""Records to the plain data of the output contract (newsprism.analysis/1)."""

from __future__ import annotations

from typing import Any

from newsprism import __version__
from newsprism.records import Article, Entity, InputFailure, Quote, Span, Story

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
        "entities": [entity_data(e) for e in story.entities],
        "claims": [],
        "quotes": [quote_data(q) for q in story.quotes],
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


def span_data(span: Span) -> dict[str, Any]:
    return {"article": span.article, "start": span.start, "end": span.end, "text": span.text}


def entity_data(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "mentions": [span_data(s) for s in entity.mentions],
        "labels": [span_data(s) for s in entity.labels],
    }


def quote_data(quote: Quote) -> dict[str, Any]:
    return {
        "id": quote.id,
        "speaker": quote.speaker,
        "text": quote.text,
        "variants": [span_data(s) for s in quote.variants],
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
