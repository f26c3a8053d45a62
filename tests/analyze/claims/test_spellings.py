"""One actor's name spelled two ways by different outlets is a dispute; transliterations,
short forms, British and American spellings and one article's two spellings are not."""

from __future__ import annotations

from newsprism.analyze.claims.spellings import spellings
from newsprism.models import Models
from newsprism.records import Entity, EntityType, Span
from tests.analyze.claims.build import story_article, story_facts_and_entities


def _actor(names: dict[str, list[str]], kind: EntityType = "PERSON") -> Entity:
    """An actor named in each article (id -> the names it writes, one after another)."""
    mentions = []
    for article, written in names.items():
        start = 0
        for name in written:
            mentions.append(Span(article, start, start + len(name), name))
            start += len(name) + 1
    return Entity("e1", next(iter(names.values()))[0], kind, tuple(mentions))


def _spelled(entity: Entity) -> list[list[tuple[str, str]]]:
    outlets = {s.article: f"outlet of {s.article}" for s in entity.mentions}
    return [
        [(span.article, span.text) for side in found for span in side]
        for _, found in spellings([entity], outlets)
    ]


def test_an_english_name_spelled_two_ways_by_two_outlets_is_a_dispute() -> None:
    gomes = _actor(
        {
            "a": ["Catherine Gomes", "Gomes"],
            "b": ["Katherine Gomes"],
            "c": ["Kathryn Gomes"],
            "d": ["Katherine"],
        }
    )
    assert _spelled(gomes) == [
        [
            ("a", "Catherine Gomes"),
            ("b", "Katherine Gomes"),
            ("d", "Katherine"),
            ("c", "Kathryn Gomes"),
        ]
    ]
    assert len(_spelled(_actor({"a": ["Ilene Wolfe"], "b": ["Ilene Wolff"]}))) == 1


def test_a_rare_word_of_a_name_written_in_english_is_misspelt_not_transliterated() -> None:
    spokesman = _actor({"a": ["Gregg Miliote"], "b": ["Gregg Milliote", "Milliote"]})
    assert _spelled(spokesman) == [[("a", "Gregg Miliote"), ("b", "Gregg Milliote")]]
    governor = _actor({"a": ["Heidar Alishbandi"], "b": ["Heydar Alishbandi"]})
    assert _spelled(governor) == []
    # a given name from another script, or a street's "Square", says nothing of English
    assert _spelled(_actor({"a": ["Sergei Shoigu"], "b": ["Sergei Shoygu"]})) == []
    assert _spelled(_actor({"a": ["Ahmed Yehia"], "b": ["Ahmed Yahia"]})) == []
    square = _actor({"a": ["Tahrir Square"], "b": ["Tahreer Square"]}, "GPE")
    assert _spelled(square) == []


def test_a_street_spelled_two_ways_is_a_dispute() -> None:
    street = _actor({"a": ["Independent Street"], "b": ["Independence Street"]}, "FACILITY")
    assert _spelled(street) == [[("b", "Independence Street"), ("a", "Independent Street")]]
    road = _actor({"a": ["Phillip Rd."], "b": ["Philip Rd."]}, "GPE")
    assert len(_spelled(road)) == 1


def test_what_is_no_dispute_of_spelling() -> None:
    # transliterations: spellings English rarely writes, or a name with an Arabic article
    assert _spelled(_actor({"a": ["Yehia Rasool"], "b": ["Yahya Rasool"]})) == []
    saadi = {"a": ["Wissam Mohammed al-Saadi"], "b": ["Wissam Mohammad al-Saadi"]}
    assert _spelled(_actor(saadi)) == []
    assert _spelled(_actor({"a": ["Mohammed Morsi"], "b": ["Mohamed Morsi"]})) == []
    # only people and streets: names of places and bodies hold common words who-is-who
    # may join
    body = {"a": ["Palestinian Authority"], "b": ["Palestinian Authorities"]}
    assert _spelled(_actor(body, "ORG")) == []
    # two words of one name, a short form, one word in British and American spelling
    team = {"a": ["Los Angeles Angels", "Angels"], "b": ["Angels"], "c": ["Los Angeles"]}
    assert _spelled(_actor(team, "ORG")) == []
    assert _spelled(_actor({"a": ["Robert Smith"], "b": ["Rob Smith"]})) == []
    # a one-word look-alike may be another actor joined by mistake
    assert _spelled(_actor({"a": ["Atlanta"], "b": ["Atlantic"]}, "GPE")) == []
    assert _spelled(_actor({"a": ["Betty Ford Center"], "b": ["Betty Ford Centre"]}, "ORG")) == []
    # an article that writes both is on no side; one outlet's two articles dispute nothing
    both = _actor({"a": ["Robyn Mendes", "Robin Mendes"], "b": ["Robyn Mendes"]})
    assert _spelled(both) == []
    one_outlet = _actor({"a": ["Robyn Mendes"], "b": ["Robin Mendes"]})
    assert list(spellings([one_outlet], {"a": "Post", "b": "Post"})) == []


def test_a_spelling_dispute_is_a_conflict_of_the_story(models: Models) -> None:
    articles = [
        story_article(
            "Alpha",
            "The bodies of Catherine Gomes, 61, and Robyn Mendes, 48, were found on Tuesday. "
            "Police arrested Gary Gomes at an apartment on Philip Street.",
        ),
        story_article(
            "Beta",
            "Police identified the victims as 61-year-old Katherine Gomes and 48-year-old "
            "Robyn Mendes. Gary Gomes was arrested late Tuesday night.",
        ),
    ]
    facts, _ = story_facts_and_entities(models, articles)
    (conflict,) = [c for c in facts.conflicts if c.about.startswith("the spelling")]
    assert {side.value for side in conflict.sides} == {"Catherine Gomes", "Katherine Gomes"}
    for side in conflict.sides:
        for span in side.evidence:
            assert side.value in span.text


def test_a_spelling_that_near_copies_differ_in_is_one_conflict(models: Models) -> None:
    copied = "The families asked for privacy, hospital spokeswoman Ilene {} said on Saturday."
    articles = [
        story_article(
            "Alpha",
            "Ilene Wolfe of Beaumont Hospital spoke to reporters on Friday. "
            + copied.format("Wolfe"),
        ),
        story_article(
            "Beta",
            "Reporters waited outside until Ilene Wolff came out. " + copied.format("Wolff"),
        ),
    ]
    facts, _ = story_facts_and_entities(models, articles)
    assert [c.about for c in facts.conflicts] == [
        "a name in a sentence outlets copy: “Wolfe” / “Wolff”"
    ]
