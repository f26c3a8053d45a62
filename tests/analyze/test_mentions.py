"""Who some words name: the story's actors indexed by article."""

from __future__ import annotations

from newsprism.analyze.mentions import MentionIndex
from newsprism.records import Article, Entity, Span

TEXT = (
    "Bettie Page, the pin-up queen, died. Ms Page was 85. Fans of Ms Page mourned. "
    "Madonna, a singer and a mother, copied her poses. Mr. Smith, a man of few words, "
    "left. Page went home when she fell ill."
)
ARTICLE = Article("a", "a", None, "O", None, None, "en", TEXT)


def _at(words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return Span.of(ARTICLE, start, start + len(words))


def _person(name: str, mentions: list[Span], labels: list[Span]) -> Entity:
    return Entity(name, name, "PERSON", tuple(mentions), tuple(labels))


def test_he_or_she_is_the_most_mentioned_person_in_reach_whose_labels_agree() -> None:
    page = _person(
        "Bettie Page",
        [_at("Bettie Page"), _at("Ms Page"), _at("Ms Page", 1)],
        [_at("the pin-up queen")],
    )
    madonna = _person("Madonna", [_at("Madonna")], [_at("a singer and a mother")])
    smith = _person("Mr. Smith", [_at("Mr. Smith")], [_at("a man of few words")])
    index = MentionIndex([page, madonna, smith])
    she = TEXT.index("when she")
    # both women are called so by their labels: the last named of them
    assert index.person_before("a", she, 0, "f") is madonna
    # "he": not a woman; the most mentioned of the rest
    assert index.person_before("a", she, 0, "m") is smith
    # no gender said: the story's most mentioned person in reach
    assert index.person_before("a", she, 0, None) is page
    # out of reach: no one
    assert index.person_before("a", she, TEXT.index("Page went"), None) is None
