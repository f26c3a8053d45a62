"""The analysis of one story: its entities with their labels, and its quotes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsprism.analyze.aliases import AliasTable
from newsprism.analyze.entities import resolve
from newsprism.analyze.quotes import find_quotes, group_quotes
from newsprism.models import Models
from newsprism.records import Article, Entity, Span, Story

if TYPE_CHECKING:
    from spacy.tokens import Doc


def analyze_story(
    story: Story,
    articles: Sequence[Article],
    docs: Sequence[Doc],
    models: Models,
    aliases: AliasTable,
) -> Story:
    """The story with its entities and quotes (``docs`` parse ``articles``, in order)."""
    entities = tuple(resolve(articles, docs, models, aliases))
    found = [q for a, d in zip(articles, docs, strict=True) for q in find_quotes(a, d)]
    quotes = tuple(group_quotes(found, models.embedder, speaker_finder(entities)))
    return replace(story, entities=entities, quotes=quotes)


def speaker_finder(entities: Sequence[Entity]) -> Callable[[Span], str | None]:
    """The entity a speaker's words name: the one with a mention overlapping them."""
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for entity in entities:
        for mention in entity.mentions:
            by_article.setdefault(mention.article, []).append(
                (mention.start, mention.end, entity.id)
            )

    def speaker_of(span: Span) -> str | None:
        best: tuple[int, str] | None = None
        for start, end, entity_id in by_article.get(span.article, ()):
            overlap = min(end, span.end) - max(start, span.start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, entity_id)
        return best[1] if best else None

    return speaker_of
