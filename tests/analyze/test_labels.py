"""How each article labels an actor: roles, titles and epithets, and what is no label."""

from __future__ import annotations

from newsprism.models import Models

from .entity_build import (
    one_entity,
    resolved,
    story_entities,
)


def test_a_possessor_in_a_label_is_not_what_the_label_calls_the_actor(models: Models) -> None:
    """ "the actress's rep Jack Ketsoyan" calls him a rep, and says he is not the actress,
    though he is the person named last before each "The actress"."""
    entities = story_entities(
        models,
        "Tara Reid is resting, the actress's rep Jack Ketsoyan told People on Monday. The "
        "actress is well.",
        'Tara Reid went to rehab. "She is fine," the actress\'s rep, Jack Ketsoyan, said. The '
        "actress is well.",
        "Tara Reid thanked her fans.",
    )
    assert not one_entity(entities, "Jack Ketsoyan").descriptions
    assert [m.text for m in one_entity(entities, "Tara Reid").descriptions] == ["The actress"] * 2


def test_a_place_or_a_measure_is_no_label(models: Models) -> None:
    """ "Newport Beach, Calif., a facility ..." describes the clinic, not the town; "who has
    been in rehab a total of five times" says where Lohan has been, not what she is; "the
    Iraqi capital" is still Baghdad's label."""
    entities = story_entities(
        models,
        "Lohan, who has been in rehab a total of five times before this, was in Betty Ford in "
        "2010. She headed for Morningside Recovery in Newport Beach, Calif., a facility that "
        "does allow smoking. Baghdad, the Iraqi capital, was calm.",
    )
    labels = {e.name: [label.text for label in e.labels] for e in entities}
    assert not labels["Newport Beach"]
    assert not any(label.startswith("total") for label in labels["Lohan"])
    assert "Iraqi capital" in labels["Baghdad"]


def test_a_question_word_is_no_part_of_a_label(models: Models) -> None:
    """ "questions about how convicted rapist Arcade Joseph Comeaux Jr. fled" labels him
    "convicted rapist", not "how convicted rapist"."""
    entities = story_entities(
        models,
        "The escape renews questions about how convicted rapist Arcade Joseph Comeaux Jr. "
        "was able to flee.",
    )
    (comeaux,) = [e for e in entities if e.name.startswith("Arcade")]
    labels = [label.text for label in comeaux.labels]
    assert "convicted rapist" in labels
    assert not [text for text in labels if text.lower().startswith("how")]
    # a relative clause after a name keeps its "who"
    entities = story_entities(
        models, "Lindsay Lohan, who has been in rehab five times, checked in on Thursday."
    )
    (lohan,) = [e for e in entities if e.name == "Lindsay Lohan"]
    assert "who has been in rehab five times" in [label.text for label in lohan.labels]


def test_a_headline_run_into_the_lead_gives_its_last_name_no_label(models: Models) -> None:
    """A headline ending in a name ("...: NYPD") with the lead on the next line: the lead's
    subject is no apposition of that name; an apposition wrapped after its comma is."""
    entities = story_entities(
        models,
        "Man charged after S. Rich Hill mother killed in crash: NYPD\nA 59-year-old woman "
        "was killed in a hit-and-run crash. The NYPD, the city's police force,\nmade an "
        "arrest.",
    )
    (nypd,) = [e for e in entities if e.name == "NYPD"]
    labels = [label.text for label in nypd.labels]
    assert not [text for text in labels if "woman" in text]
    assert "city's police force" in labels


def test_a_party_named_as_one_of_its_members_carries_no_label(models: Models) -> None:
    """In "Warner, the committee's top Democrat" the words describe Warner; the party
    "Democrat" gets none of them."""
    entities = resolved(
        models,
        ["Senator Mark Warner, the committee's top Democrat, called the testimony troubling."],
    )
    warner = one_entity(entities, "Mark Warner")
    assert "committee's top Democrat" in [label.text for label in warner.labels]
    assert all(not e.labels for e in entities if e.type == "NORP")


def test_a_second_object_or_an_adjective_s_phrase_is_no_label(models: Models) -> None:
    """ "offered Mark Teixeira an eight-year contract" gives him no label "contract", nor
    "could be worth the bank" or "who is unemployed" a label at all; "a first baseman"
    set off by a comma, "Chris Weitz the director" and "is an armed group" still are."""
    entities = story_entities(
        models,
        "The Angels offered Mark Teixeira an eight-year contract on Monday. Teixeira, a first "
        "baseman, could be worth the bank. Katie Jenkin, who is unemployed, was arrested. "
        "Chris Weitz the director of the film spoke. Kataib Hezbollah is an armed group.",
    )
    labels = {e.name: [label.text for label in e.labels] for e in entities}
    assert labels["Mark Teixeira"] == ["first baseman"], labels["Mark Teixeira"]
    assert not labels["Katie Jenkin"]
    assert "director of the film" in labels["Chris Weitz"]
    assert "armed group" in labels["Kataib Hezbollah"]
