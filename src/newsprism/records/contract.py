"""The contract codec: records to the plain data of the output contract
(newsprism.analysis/1), and back.

The renderers, the batch's Parquet tables and the web API encode with it; the store's
analysis cache keeps a story as its contract JSON and decodes it with the
``*_from_data`` functions, which read what the encoders wrote, so a cached analysis
becomes records again without a model pass.
"""

from __future__ import annotations

import math
from typing import Any

from newsprism.records import (
    Article,
    BriefSentence,
    Cite,
    Claim,
    ClaimValue,
    Conflict,
    ConflictSide,
    Duplicate,
    Entity,
    Evidence,
    InputFailure,
    Provenance,
    Quote,
    SharedText,
    Span,
    Story,
)
from newsprism.version import __version__

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
                "outlet_key": p.outlet_key,
                "cites": [
                    {"name": c.name, "span": span_data(c.span), "article": c.article}
                    for c in p.cites
                ],
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
        "descriptions": [span_data(s) for s in entity.descriptions],
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
        "statement": claim.statement,
        "predicate": claim.predicate,
        "values": [value_data(v) for v in claim.values],
        "status": claim.status,
        "evidence": [{**span_data(e.span), "stance": e.stance} for e in claim.evidence],
    }


def value_data(value: ClaimValue) -> dict[str, Any]:
    return {
        "kind": value.kind,
        "span": span_data(value.span),
        "normalized": value.normalized,
        "low": _finite(value.low),
        "high": _finite(value.high),
    }


def _finite(number: float) -> float | None:
    """JSON has no infinity: an open end of a range is null."""
    return number if math.isfinite(number) else None


def conflict_data(conflict: Conflict) -> dict[str, Any]:
    return {
        "id": conflict.id,
        "about": conflict.about,
        "kind": conflict.kind,
        "sides": [
            {
                "text": side.text,
                "value": side.value,
                "evidence": [span_data(s) for s in side.evidence],
            }
            for side in conflict.sides
        ],
    }


def failure_data(failure: InputFailure) -> dict[str, str]:
    return {"source": failure.source, "error": failure.error, "stage": failure.stage}


def duplicate_data(duplicate: Duplicate) -> dict[str, str]:
    return {
        "source": duplicate.source,
        "duplicate_of": duplicate.duplicate_of,
        "first_source": duplicate.first_source,
    }


def analysis_document(
    articles: tuple[Article, ...],
    stories: tuple[Story, ...],
    failures: tuple[InputFailure, ...],
    duplicates: tuple[Duplicate, ...] = (),
) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "generator": f"newsprism {__version__}",
        "articles": [article_data(a) for a in articles],
        "stories": [story_data(s) for s in stories],
        "errors": [failure_data(f) for f in failures],
        "duplicates": [duplicate_data(d) for d in duplicates],
    }


def span_from_data(data: dict[str, Any]) -> Span:
    return Span(str(data["article"]), int(data["start"]), int(data["end"]), str(data["text"]))


def story_from_data(data: dict[str, Any]) -> Story:
    """The inverse of :func:`story_data`: a Story record from its contract JSON."""
    return Story(
        id=data["id"],
        title=data["title"],
        article_ids=tuple(data["article_ids"]),
        provenance=tuple(
            Provenance(
                article=p["article"],
                overlaps=tuple(SharedText(o["article"], o["similarity"]) for o in p["overlaps"]),
                cites=tuple(
                    Cite(c["name"], span_from_data(c["span"]), c.get("article")) for c in p["cites"]
                ),
                outlet_key=p.get("outlet_key"),
            )
            for p in data["provenance"]
        ),
        entities=tuple(
            Entity(
                id=e["id"],
                name=e["name"],
                type=e["type"],
                mentions=tuple(span_from_data(s) for s in e["mentions"]),
                labels=tuple(span_from_data(s) for s in e["labels"]),
                descriptions=tuple(span_from_data(s) for s in e.get("descriptions", ())),
            )
            for e in data["entities"]
        ),
        quotes=tuple(
            Quote(q["id"], q["speaker"], q["text"], tuple(span_from_data(s) for s in q["variants"]))
            for q in data["quotes"]
        ),
        claims=tuple(
            Claim(
                id=c["id"],
                kind=c["kind"],
                text=c["text"],
                status=c["status"],
                evidence=tuple(Evidence(span_from_data(e), e["stance"]) for e in c["evidence"]),
                subject=c.get("subject"),
                value=c.get("value"),
                statement=c.get("statement", ""),
                predicate=c.get("predicate"),
                values=tuple(_value_from_data(v) for v in c.get("values", [])),
            )
            for c in data["claims"]
        ),
        conflicts=tuple(
            Conflict(
                id=c["id"],
                about=c["about"],
                sides=tuple(
                    ConflictSide(
                        s["text"], tuple(span_from_data(x) for x in s["evidence"]), s.get("value")
                    )
                    for s in c["sides"]
                ),
                kind=c.get("kind", "hard"),
            )
            for c in data["conflicts"]
        ),
        brief=tuple(
            BriefSentence(b["text"], tuple(span_from_data(s) for s in b["citations"]))
            for b in data["brief"]
        ),
    )


def _value_from_data(data: dict[str, Any]) -> ClaimValue:
    low, high = data.get("low"), data.get("high")
    return ClaimValue(
        data["kind"],
        span_from_data(data["span"]),
        data["normalized"],
        -math.inf if low is None else float(low),
        math.inf if high is None else float(high),
    )
