"""Who some words name: the story's actors indexed by article."""

from __future__ import annotations

from newsprism.analyze.mentions import MentionIndex
from newsprism.records import Article, Entity, Span

TEXT = (
    "Bettie Page, the pin-up queen, died. Ms Page was 85. Fans of Ms Page mourned. "
    "Madonna, a singer and a mother, copied her poses. Mr. Smith, a man of few words, "
    "left. Judge Ann Roe, a man in the eyes of one reader and a woman and a mother in "
    "everyone else's, spoke. Page went home when she fell ill."
)
ARTICLE = Article("a", "a", None, "O", None, None, "en", TEXT)


def _at(words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return Span.of(ARTICLE, start, start + len(words))


def _person(name: str, mentions: list[Span], labels: list[Span]) -> Entity:
    return Entity(name, name, "PERSON", tuple(mentions), tuple(labels))


def test_he_or_she_is_the_last_person_in_reach_whose_labels_agree() -> None:
    page = _person(
        "Bettie Page",
        [_at("Bettie Page"), _at("Ms Page"), _at("Ms Page", 1)],
        [_at("the pin-up queen")],
    )
    madonna = _person("Madonna", [_at("Madonna")], [_at("a singer and a mother")])
    smith = _person("Mr. Smith", [_at("Mr. Smith")], [_at("a man of few words")])
    roe = _person(
        "Ann Roe",
        [_at("Ann Roe")],
        [_at("a man", 1), _at("a woman"), _at("a mother", 1)],
    )
    index = MentionIndex([page, madonna, smith, roe])
    she = TEXT.index("when she")
    # a "she": the last one the labels call a woman (twice "woman"/"mother" to one "man")
    assert index.person_before("a", she, 0, "f") is roe
    # a "he": the last one not called a woman
    assert index.person_before("a", she, 0, "m") is smith
    # no gender said: the last one named
    assert index.person_before("a", she, 0, None) is roe
    # out of reach: no one
    assert index.person_before("a", she, TEXT.index("Page went"), None) is None


def test_the_relatives_a_label_goes_on_to_name_say_nothing_of_the_actor() -> None:
    text = (
        "Raj Chohan, an immigrant who leaves behind a husband, son and two grandchildren, "
        "died. Chohan, a 59-year-old grandmother, was walking home."
    )
    article = Article("b", "b", None, "O", None, None, "en", text)

    def at(words: str) -> Span:
        start = text.index(words)
        return Span.of(article, start, start + len(words))

    chohan = _person(
        "Raj Chohan",
        [at("Raj Chohan"), at("Chohan,")],
        [
            at("an immigrant who leaves behind a husband, son and two grandchildren"),
            at("a 59-year-old grandmother"),
        ],
    )
    assert MentionIndex.fits(chohan, "f", said=True)
    assert not MentionIndex.fits(chohan, "m")


def test_a_relative_a_possessive_names_says_nothing_of_the_actor() -> None:
    """ "her husband Todd", read as a label of Sarah Palin, does not make her a man."""
    text = "Sarah Palin attended with her husband Todd and fellow parishioners."
    article = Article("c", "c", None, "O", None, None, "en", text)
    start = text.index("her husband")
    palin = _person(
        "Sarah Palin",
        [Span.of(article, 0, len("Sarah Palin"))],
        [Span.of(article, start, start + len("her husband Todd and fellow parishioners"))],
    )
    assert not MentionIndex.fits(palin, "m", said=True)
    assert MentionIndex.fits(palin, "f")
    text = "Todd Palin, her husband, stood beside her."  # the husband himself
    article = Article("d", "d", None, "O", None, None, "en", text)
    start = text.index("her husband")
    todd = _person(
        "Todd Palin",
        [Span.of(article, 0, len("Todd Palin"))],
        [Span.of(article, start, start + len("her husband"))],
    )
    assert MentionIndex.fits(todd, "m", said=True)
