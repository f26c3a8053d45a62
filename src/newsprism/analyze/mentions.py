"""The story's actors found from words: their mentions indexed by article, so the claims,
quotes and brief ask one index who some words name."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from newsprism import lexicon
from newsprism.records import Entity, Span

GENDERED = lexicon.pairs("gendered_words")


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

    def person_before(self, article: str, offset: int, gender: str | None) -> Entity | None:
        """The person named last before the offset in the article whom a "he" or "she"
        (``gender``: "m", "f") stands for: the last one whose labels or descriptions say so
        ("first lady", "actress" for a "she"), else the last one they do not call the
        other."""
        earlier = sorted(
            (start, entity)
            for start, end, entity in self._by_article.get(article, ())
            if end <= offset and entity.type == "PERSON"
        )
        people = [entity for _, entity in reversed(earlier)]
        said = [e for e in people if gender is not None and _genders(e) == {gender}]
        fitting = [e for e in people if gender is None or _genders(e) <= {gender}]
        chosen = said or fitting
        return chosen[0] if chosen else None


def _genders(entity: Entity) -> set[str]:
    words = {
        w.strip(".,'’").lower()
        for s in (*entity.labels, *entity.descriptions)
        for w in s.text.split()
    }
    return {GENDERED[w] for w in words if w in GENDERED}
