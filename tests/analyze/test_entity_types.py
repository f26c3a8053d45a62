"""What kind of actor each name is when the recogniser types it wrongly: surnames typed as
organisations or peoples, teams typed as people, a country that only names a dollar."""

from __future__ import annotations

from newsprism.analyze.entities.aliases import default_aliases
from newsprism.analyze.entities.chains import resolve_mentions
from newsprism.models import Models
from newsprism.nlp import parse
from newsprism.records import Article, EntityType, Mention, Span

from .entity_build import one_entity, people_mentions, plain_articles, story_entities


def test_a_surname_typed_as_an_organisation_does_not_hold_a_full_name_apart(
    models: Models,
) -> None:
    """The recogniser may type a bare "Teixeira" as an organisation in one article; the
    articles that name Mark Teixeira in full, with or without his bare surname, are still
    one person with it."""
    texts = [
        "Teixeira hit a home run.",
        "Mark Teixeira signed a new deal.",
        "Mark Teixeira smiled. Teixeira said little.",
    ]
    articles = plain_articles(texts)
    mentions = [
        [Mention(Span.of(articles[0], 0, 8), "ORG")],
        people_mentions(articles[1], "Mark Teixeira"),
        people_mentions(articles[2], "Mark Teixeira", "Teixeira"),
    ]
    docs = list(parse(articles, models, default_aliases()))
    chains = resolve_mentions(mentions, docs, models, default_aliases())
    assert len(chains) == 1, [[m.span.text for m in c.mentions] for c in chains]


def test_a_surname_typed_as_a_people_is_the_person_of_that_surname(models: Models) -> None:
    """The recogniser reads "Arians" as a people; beside "coach Bruce Arians" it is him, and
    the quotes he is said to give are his; "Cuban officials" are not Mark Cuban."""
    entities = story_entities(
        models,
        '"Would we have done it without him?" Colts interim coach Bruce Arians asked.\n'
        "Pagano is expected to rejoin the Colts this week.\n"
        '"Mission accomplished. That\'s all I can say," Arians said.\n'
        '"At times it looked a little bleak," Arians said.',
    )
    arians = one_entity(entities, "Bruce Arians")
    assert {m.text for m in arians.mentions} == {"Bruce Arians", "Arians"}
    assert not [e for e in entities if e.type == "NORP" and e.name == "Arians"]
    entities = story_entities(  # an adjective of nationality is no one's surname
        models,
        "Mark Cuban said the team would not be sold.",
        "Cuban officials in Havana denied the report. Cuban exiles in Miami protested.",
    )
    cuban = one_entity(entities, "Mark Cuban")
    assert {m.text for m in cuban.mentions} == {"Mark Cuban"}


def test_a_team_named_after_its_city_is_no_person(models: Models) -> None:
    """The recogniser types "Baltimore Orioles" a person once and an organisation elsewhere,
    in a story that names Baltimore as a place: a team, not a person. Mark Teixeira, typed
    an organisation more often than a person, is still a person: his given name is no place."""
    texts = [
        "The Baltimore Orioles made an offer. Teixeira grew up near Baltimore.",
        "Baltimore Orioles officials met Mark Teixeira.",
        "The Baltimore Orioles are out. Mark Teixeira signed with New York.",
    ]
    articles = plain_articles(texts)

    def typed(article: Article, name: str, kind: EntityType, after: int = 0) -> Mention:
        at = article.text.index(name, after)
        return Mention(Span.of(article, at, at + len(name)), kind)

    mentions = [
        [
            typed(articles[0], "Baltimore Orioles", "PERSON"),
            typed(articles[0], "Teixeira", "ORG"),
            typed(articles[0], "Baltimore", "GPE", 40),
        ],
        [
            typed(articles[1], "Baltimore Orioles", "ORG"),
            typed(articles[1], "Mark Teixeira", "ORG"),
        ],
        [
            typed(articles[2], "Baltimore Orioles", "ORG"),
            typed(articles[2], "Mark Teixeira", "PERSON"),
        ],
    ]
    docs = list(parse(articles, models, default_aliases()))
    chains = resolve_mentions(mentions, docs, models, default_aliases())
    (team,) = [c for c in chains if "Baltimore Orioles" in {m.span.text for m in c.mentions}]
    assert [m.span.text for m in team.mentions].count("Baltimore Orioles") == 3
    assert team.type == "ORG"
    (player,) = [c for c in chains if "Mark Teixeira" in {m.span.text for m in c.mentions}]
    assert player.type == "PERSON"


def test_a_country_that_names_a_dollar_is_no_actor(models: Models) -> None:
    """ "US $160 million" says which dollar; the United States are no actor of the story
    for it, though the same article's "US officials" are."""
    entities = story_entities(
        models,
        "The team made its offer, reportedly worth about US $160 million, on Sunday.",
        "The deal is worth US$ 150 million. US officials did not comment on it.",
    )
    texts = {m.text for e in entities for m in e.mentions}
    assert "US" in texts  # the officials' country
    assert not [m for e in entities for m in e.mentions if m.text == "US" and m.article == "a0"], (
        texts
    )
