"""What the readable renderers (Markdown, HTML) show of a story's analysis, in plain values.

Both renderers read these views, so they show the same things; each escapes for its own
format.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from newsprism.records import Article, Claim, Entity, Span, Story


@dataclass(frozen=True)
class EntityView:
    entity: Entity
    articles: int
    names: tuple[str, ...]
    labels: tuple[tuple[str, tuple[str, ...]], ...]
    """(outlet, its labels) in article order."""
    descriptions: tuple[str, ...] = ()
    """Words that stand for the actor without naming it ("the former FBI director"), each
    once whatever its case, as first written."""


@dataclass(frozen=True)
class QuoteView:
    speaker: str
    variants: tuple[tuple[str, str], ...]
    """(outlet, words)."""


def span_anchor(span: Span) -> str:
    """The id of a span's highlight in its article's text: the same span cited by several
    findings is one place to go to."""
    return f"{span.article}-{span.start}-{span.end}"


def link_url(url: str | None) -> str | None:
    """An article's URL when it is safe to link (http or https), else None."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme
    except ValueError:  # a malformed URL (an unclosed IPv6 bracket) is no link
        return None
    return url.strip() if scheme.lower() in ("http", "https") else None


def shown_published(published: str | None) -> str:
    """When an article was published, as a reader reads it: its day, and its time where
    the source gave one ("2025-10-14 21:10 UTC"; "2025-10-14 21:10 +02:00" for another
    offset); "date unknown" for none, and what the source gave when it is no ISO date."""
    if not published:
        return "date unknown"
    try:
        moment = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return published
    if len(published) <= 10:  # a day alone
        return moment.date().isoformat()
    shown = moment.strftime("%Y-%m-%d %H:%M")
    offset = moment.utcoffset()
    if offset is None:
        return shown
    if offset == timedelta(0):
        return f"{shown} UTC"
    zone = moment.strftime("%z")  # "+0200"
    return f"{shown} {zone[:3]}:{zone[3:5]}"


def outlet_name(article: Article) -> str:
    """The article's outlet, or for an article without one what tells it apart: its title,
    else the name of the file or page it came from, else its id."""
    if article.outlet:
        return article.outlet
    title = article.title or _source_name(article.source) or article.id
    return f"unknown outlet ({title[:40]}{'…' if len(title) > 40 else ''})"


def _source_name(source: str) -> str:
    """The last part of a path or URL ("22_1ecb.txt"; a WARC record's "file.warc#3")."""
    return PurePosixPath(source.replace("\\", "/").rstrip("/")).name if source else ""


def outlet_keys(story: Story, by_id: Mapping[str, Article]) -> dict[str, str]:
    """Each of the story's articles to its outlet key, as the analysis resolved it
    (``Provenance.outlet_key``: "NY Post" and "New York Post" share one). A story not
    analysed has none: there an article goes by its outlet as written, or by itself."""
    resolved = {p.article: p.outlet_key for p in story.provenance if p.outlet_key}
    return {
        i: resolved.get(i) or (f"name:{by_id[i].outlet}" if by_id[i].outlet else f"article:{i}")
        for i in story.article_ids
    }


def outlet_names(story: Story, by_id: Mapping[str, Article]) -> dict[str, str]:
    """Each of the story's articles to the name of its outlet, one name per outlet key: the
    name of its first article in the story (an outlet column, a claim's outlets)."""
    keys = outlet_keys(story, by_id)
    names: dict[str, str] = {}
    for article_id in story.article_ids:
        names.setdefault(keys[article_id], outlet_name(by_id[article_id]))
    return {article_id: names[key] for article_id, key in keys.items()}


def entity_views(story: Story, by_id: dict[str, Article]) -> list[EntityView]:
    """Actors named in two or more articles, or described somewhere, most mentioned first."""
    order = {article_id: i for i, article_id in enumerate(story.article_ids)}
    views = []
    for entity in story.entities:
        articles = len({m.article for m in entity.mentions})
        if articles < 2 and not entity.labels:
            continue
        per_article: dict[str, list[str]] = {}
        for label in sorted(entity.labels, key=lambda s: (order.get(s.article, 0), s.start)):
            texts = per_article.setdefault(label.article, [])
            if label.text not in texts:
                texts.append(label.text)
        views.append(
            EntityView(
                entity,
                articles,
                tuple(sorted({m.text for m in entity.names})),
                tuple((outlet_name(by_id[a]), tuple(t)) for a, t in per_article.items()),
                _described(entity, order),
            )
        )
    return views


def _described(entity: Entity, order: Mapping[str, int]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for span in sorted(entity.descriptions, key=lambda s: (order.get(s.article, 0), s.start)):
        text = " ".join(span.text.split())
        seen.setdefault(text.casefold(), text)
    return tuple(seen.values())


def speaker_names(story: Story) -> dict[str, str]:
    """The name of each quote's speaker ("unknown speaker" when none was found)."""
    names = {e.id: e.name for e in story.entities}
    return {q.id: names.get(q.speaker or "", "unknown speaker") for q in story.quotes}


def quote_views(story: Story, by_id: dict[str, Article]) -> list[QuoteView]:
    speakers = speaker_names(story)
    return [
        QuoteView(
            speakers[quote.id],
            tuple((outlet_name(by_id[v.article]), v.text) for v in quote.variants),
        )
        for quote in story.quotes
    ]


@dataclass(frozen=True)
class ClaimView:
    claim: Claim
    supporting: tuple[str, ...]
    """Outlets whose words support the claim."""
    contradicting: tuple[str, ...]
    about: str | None = None
    """The name of the actor the claim is about, when its words do not say it."""
    values: str = ""
    """The values the claim was compared by, as its words give them ("three", "9:25 a.m.")."""


def claim_about(claim: Claim, names: Mapping[str, str]) -> str | None:
    """The name of the actor a claim is about (``names``: entity id to name), when the
    claim's words do not name them."""
    about = names.get(claim.subject or "")
    return None if about is None or about.casefold() in claim.text.casefold() else about


CONFLICT_KINDS = {
    "hard": "the outlets disagree",
    "evolving": "changed between reports: the later articles give the later value",
}
"""What each kind of conflict means, for a reader."""


def claim_values(claim: Claim) -> str:
    """A claim's compared values in its own words, each once."""
    words: list[str] = []
    for value in claim.values:
        text = " ".join(value.span.text.split())
        if text not in words:
            words.append(text)
    return "; ".join(words)


def claim_views(story: Story, by_id: dict[str, Article], limit: int = 25) -> list[ClaimView]:
    """Disputed and corroborated claims first, then single-source ones, at most ``limit``."""
    views = []
    names = {entity.id: entity.name for entity in story.entities}
    outlets = outlet_names(story, by_id)
    for claim in story.claims[:limit]:
        sides: dict[str, list[str]] = {"supports": [], "contradicts": []}
        for evidence in claim.evidence:
            name = outlets[evidence.span.article]
            if name not in sides[evidence.stance]:
                sides[evidence.stance].append(name)
        about = claim_about(claim, names)
        views.append(
            ClaimView(
                claim,
                tuple(sides["supports"]),
                tuple(sides["contradicts"]),
                about,
                claim_values(claim),
            )
        )
    return views


def citation_outlets(spans: Sequence[Span], by_id: dict[str, Article]) -> list[str]:
    """The outlets of some evidence, each once, in order."""
    names: list[str] = []
    for span in spans:
        name = outlet_name(by_id[span.article])
        if name not in names:
            names.append(name)
    return names


@dataclass(frozen=True)
class EvidenceView:
    outlet: str
    text: str
    anchor: str
    """Id of the span's highlight in the article text (see :func:`span_anchor`)."""


def evidence_views(spans: Sequence[Span], by_id: dict[str, Article]) -> list[EvidenceView]:
    return [EvidenceView(outlet_name(by_id[s.article]), s.text, span_anchor(s)) for s in spans]
