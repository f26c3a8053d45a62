"""Records to the plain data of the output contract (newsprism.analysis/1)."""

from __future__ import annotations

from typing import Any

from newsprism import __version__
from newsprism.records import Article, Claim, Conflict, Entity, InputFailure, Quote, Span, Story

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
        "claims": [claim_data(c) for c in story.claims],
        "quotes": [quote_data(q) for q in story.quotes],
        "conflicts": [conflict_data(c) for c in story.conflicts],
        "provenance": [
            {
                "article": p.article,
                "cites": [{"name": c.name, "span": span_data(c.span)} for c in p.cites],
                "overlaps": [
                    {"article": o.article, "similarity": o.similarity} for o in p.overlaps
                ],
            }
            for p in story.provenance
        ],
        "brief": [
            {"text": b.text, "citations": [span_data(s) for s in b.citations]} for b in story.brief
        ],
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


def claim_data(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "kind": claim.kind,
        "text": claim.text,
        "subject": claim.subject,
        "value": claim.value,
        "status": claim.status,
        "evidence": [{**span_data(e.span), "stance": e.stance} for e in claim.evidence],
    }


def conflict_data(conflict: Conflict) -> dict[str, Any]:
    return {
        "id": conflict.id,
        "about": conflict.about,
        "sides": [
            {"text": side.text, "evidence": [span_data(s) for s in side.evidence]}
            for side in conflict.sides
        ],
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
