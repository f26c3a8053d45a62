"""Acts said done by one outlet and not done by another: "it happened / it did not".

Small real inputs through the real parse, who-is-who and embeddings."""

from __future__ import annotations

from newsprism.models import Models
from newsprism.records import Conflict
from tests.analyze.claims.build import story_article, story_facts_and_entities


def _acts(
    models: Models, one: str, other: str, days: tuple[str, str] | None = None
) -> list[Conflict]:
    """The act conflicts of a story of two outlets' articles (published on ``days``)."""
    first, second = days or (None, None)
    articles = [story_article("Alpha", one, first), story_article("Beta", other, second)]
    facts, _ = story_facts_and_entities(models, articles)
    return [c for c in facts.conflicts if c.about.startswith("whether")]


def test_one_act_done_and_never_done_is_a_conflict(models: Models) -> None:
    (conflict,) = _acts(
        models,
        "Lindsay Lohan had checked into Morningside Recovery Center on Thursday morning, "
        "but then left the clinic.",
        '"Lindsay Lohan never checked into Morningside," her father told reporters.',
    )
    assert conflict.kind == "hard"
    assert conflict.about == "whether Lindsay Lohan did check into Morningside Recovery Center"
    assert {side.value for side in conflict.sides} == {"had checked", "never checked"}


def test_not_yet_done_before_it_was_done_is_evolving(models: Models) -> None:
    (conflict,) = _acts(
        models,
        "Summit Entertainment has not yet hired Chris Weitz as the director of New Moon.",
        "Summit Entertainment hired Chris Weitz as the director of New Moon on Saturday.",
        ("2008-12-10", "2008-12-13"),
    )
    assert conflict.kind == "evolving"
    (conflict,) = _acts(  # told the other way round: the later outlet says not done
        models,
        "Summit Entertainment hired Chris Weitz as the director of New Moon on Saturday.",
        "Summit Entertainment has not yet hired Chris Weitz as the director of New Moon.",
        ("2008-12-10", "2008-12-13"),
    )
    assert conflict.kind == "hard"


def test_a_thing_done_to_with_no_doer_named_is_one_act(models: Models) -> None:
    (conflict,) = _acts(
        models,
        "The names of the two women killed in Fall River have not been released.",
        "Fall River police released the names of the two women killed on Tuesday.",
        ("2008-12-10", "2008-12-11"),
    )
    assert conflict.kind == "evolving"


def test_what_is_no_act_done_and_not_done(models: Models) -> None:
    cases = (
        (  # two objects: a name is not a statement
            "Police in Fall River did not release the name of the driver on Monday.",
            "Police in Fall River released a statement about the crash on Monday.",
        ),
        (  # what will happen is not what happened
            "Summit Entertainment will not hire Chris Weitz as the director of New Moon.",
            "Summit Entertainment hired Chris Weitz as the director of New Moon.",
        ),
        (  # refusing to comment takes no side
            "Brian Cashman would not comment on the offer to Mark Teixeira.",
            "Brian Cashman commented on the offer to Mark Teixeira on Tuesday.",
        ),
        (  # an infinitive names an act, not one done
            "The state fire marshal surveyed the scene to help determine the cause of the fire.",
            "The cause of the fire has not been determined, the state fire marshal said.",
        ),
        (  # a question asserts nothing
            "Has Summit Entertainment hired Chris Weitz as the director of New Moon?",
            "Summit Entertainment has not hired Chris Weitz as the director of New Moon.",
        ),
        (  # what might be, under "if"
            "If the New York Yankees signed Mark Teixeira, the Red Sox would be angry.",
            "The New York Yankees did not sign Mark Teixeira, the Red Sox said.",
        ),
        (  # two doers
            "The Los Angeles Angels made Mark Teixeira an offer during the winter meetings.",
            "The New York Yankees never made Mark Teixeira an offer during the meetings.",
        ),
        (  # no doer, and nothing named done to: whose offer?
            "The Los Angeles Angels made an eight-year offer during the winter meetings.",
            "After the meetings, the offer was never made public by the team in Boston.",
        ),
        (  # no doer said, and an offer is anyone's
            "An offer was never made to the first baseman, the team said on Monday.",
            "The Los Angeles Angels made an offer to the first baseman during the meetings.",
        ),
        (  # each outlet's own call
            "Chargers general manager A. J. Smith returned a call from the Union-Tribune.",
            "Chargers general manager A. J. Smith did not return a call seeking comment.",
        ),
        (  # a doer who-is-who does not know may be another person
            "He met Mark Felt at the White House in 1970, the book says.",
            "Bob Woodward never met Mark Felt at the White House, the book says.",
        ),
        (  # put off, not undone
            "Bob Woodward met Mark Felt at the White House in 1970.",
            "Bob Woodward did not meet Mark Felt at the White House until 1972.",
        ),
        (  # a question word's clause asks which, it says neither
            "Xavier Becerra wants to know which Americans have been vaccinated against the "
            "coronavirus.",
            "Xavier Becerra wants to know which Americans haven't been vaccinated against the "
            "coronavirus.",
        ),
        (  # hedged: neither done nor not done
            "Hasim Rahman barely landed a punch on Wladimir Klitschko in the fight.",
            "Hasim Rahman did not land a punch on Wladimir Klitschko in the fight.",
        ),
    )
    for one, other in cases:
        assert not _acts(models, one, other), one
