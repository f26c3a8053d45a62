"""The story's actors found from words: their mentions indexed by article, so the claims,
quotes and brief ask one index who some words name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from newsprism import lexicon
from newsprism.records import Entity, Span

GENDERED = lexicon.pairs("gendered_words")
PRONOUNS = lexicon.words("person_pronouns") | lexicon.words("person_pronoun_forms")
_PHRASE_ENDS = lexicon.words("relative_pronouns") | {"of", "to", "for", "from", "with", "by"}
"""Words after which a label goes on about someone else ("mother to a married son",
"an immigrant who leaves behind a husband"): its gender is in the words before."""
_POSSESSIVES = frozenset({"his", "her", "their", "my", "our", "your"})
"""A possessive followed by a relation and a name ("her husband Todd") names someone else."""


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

    def person_before(
        self,
        article: str,
        offset: int,
        since: int,
        gender: str | None,
        unlike: frozenset[str] = frozenset(),
    ) -> Entity | None:
        """The person a "he" or "she" (``gender``: "m", "f") at the offset stands for: of
        those named between ``since`` and it whose labels or descriptions do not call them
        the other, the one named last; for a "she", the last one they call a woman first
        ("first lady", "actress"): news calls few people by gendered words, and a man's are
        as often neutral ones ("chairman" for a woman too). Never one of ``unlike`` (entity
        ids: those a pronoun of the other gender in its sentence stands for)."""
        named = [
            (start, entity)
            for start, end, entity in self._by_article.get(article, ())
            if since <= start
            and end <= offset
            and entity.type == "PERSON"
            and entity.id not in unlike
        ]
        people = [entity for _, entity in sorted(named, key=lambda n: n[0], reverse=True)]
        said = [e for e in people if gender == "f" and self.fits(e, gender, said=True)]
        fitting = [e for e in people if self.fits(e, gender)]
        chosen = said or fitting
        return chosen[0] if chosen else None

    def person_within(self, article: str, low: int, high: int) -> bool:
        """Whether a person is named between the two offsets of the article."""
        return any(
            low <= start and end <= high and entity.type == "PERSON"
            for start, end, entity in self._by_article.get(article, ())
        )

    @staticmethod
    def fits(entity: Entity, gender: str | None, *, said: bool = False) -> bool:
        """Whether nothing the actor's labels and descriptions call them is the other of
        ``gender`` ("m", "f"; None fits everyone); with ``said``, whether they call them so."""
        if gender is None:
            return True
        return _genders(entity) == {gender} if said else _genders(entity) <= {gender}


def _own_words(label: str) -> Iterator[str]:
    """A label's words (lower case) up to where it goes on about another person: a
    preposition or relative word, a possessive before a relation and a name ("her husband
    Todd" is someone else), or a comma."""
    words = label.split()
    for n, raw in enumerate(words):
        word = raw.strip(".,'’").lower()
        if n and word in _PHRASE_ENDS:  # "that woman": a determiner, not a clause
            return
        if word in _POSSESSIVES and n + 2 < len(words) and words[n + 2][:1].isupper():
            return  # "her husband Todd" is Todd; "Todd Palin, her husband" is a husband
        yield word
        if raw.endswith(","):
            return


def _genders(entity: Entity) -> set[str]:
    """What the actor's labels and descriptions call them ("first lady": "f"): the gender
    their gendered words give at least twice as often as the other (an actor with a
    hundred labels has a "man" among them somewhere); the pronouns inside them ("his
    wife"), the words after a preposition or relative word ("an immigrant who leaves
    behind a husband") and a relation a possessive gives a name to ("her husband Todd")
    say nothing of the actor."""
    counts = Counter(
        GENDERED[word]
        for span in (*entity.labels, *entity.descriptions)
        for word in _own_words(span.text)
        if word in GENDERED and word not in PRONOUNS
    )
    return {g for g, n in counts.items() if all(n >= 2 * m for h, m in counts.items() if h != g)}
