"""The story's actors found from words: their mentions indexed by article, so the claims,
quotes and brief ask one index who some words name."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from newsprism.records import Entity, Span


class MentionIndex:
    def __init__(self, entities: Sequence[Entity]) -> None:
        self._by_article: dict[str, list[tuple[int, int, Entity]]] = {}
        for entity in entities:
            for mention in entity.mentions:
                self._by_article.setdefault(mention.article, []).append(
                    (mention.start, mention.end, entity)
                )

    def overlapping(self, words: Span) -> Iterator[tuple[int, int, Entity]]:
        """Mentions that share characters with the words, in the entities' order."""
        for start, end, entity in self._by_article.get(words.article, ()):
            if start < words.end and words.start < end:
                yield start, end, entity

    def at(self, article: str, offset: int) -> Entity | None:
        """The actor of the mention written at that offset of the article, if any."""
        for start, end, entity in self._by_article.get(article, ()):
            if start <= offset < end:
                return entity
        return None

    def first_within(self, words: Span) -> Entity | None:
        """The actor of the earliest mention inside the words."""
        inside = [
            (start, end, entity.id, entity)
            for start, end, entity in self._by_article.get(words.article, ())
            if start >= words.start and end <= words.end
        ]
        return min(inside, key=lambda m: m[:3])[3] if inside else None
