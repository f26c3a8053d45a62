"""Descriptions that stand for a named actor ("the actress"), and those that stand for no one."""

from __future__ import annotations

from newsprism.models import Models

from .entity_build import (
    one_entity,
    resolved,
    story_entities,
)


def test_a_description_with_a_name_in_it_stands_for_the_actor_so_labelled(
    models: Models,
) -> None:
    """ "The North Korean leader" is the actor labelled "North Korean leader" although the
    recogniser tagged "North Korean" inside it; "the Chinese president" is the president
    labelled Chinese, not the one named last before it, and "the sorority's national
    president" is neither."""
    texts = [
        "North Korean leader Kim Jong-un oversaw the launch on Tuesday. Chinese President "
        "Xi Jinping urged calm.",
        "President Donald Trump said the North Korean leader had nothing better to do. "
        "Trump later said the Chinese president had called him. The sorority's national "
        "president praised Trump.",
    ]
    entities = resolved(models, texts)
    kim = one_entity(entities, "Kim Jong-un")
    xi = one_entity(entities, "Xi Jinping")
    trump = one_entity(entities, "Donald Trump")
    assert [d.text for d in kim.descriptions] == ["the North Korean leader"]
    assert [d.text for d in xi.descriptions] == ["the Chinese president"]
    assert not trump.descriptions


def test_a_description_joins_the_actor_it_labels(models: Models) -> None:
    entities = story_entities(
        models,
        "U.S. President Joe Biden announced new sanctions on Tuesday. The president said the "
        "measures would take effect at once.",
        "The White House said the president would travel to Ohio next week.",
    )
    biden = one_entity(entities, "Joe Biden")
    said = [m.text.lower() for m in biden.mentions]
    assert said.count("the president") == 2, said


def test_a_description_by_a_common_noun_of_news_joins_the_actor(models: Models) -> None:
    """ "The comedian", "the inmate": nouns that stand for a person in news, as "the
    president" does."""
    entities = story_entities(
        models,
        "Ellen DeGeneres, a comedian, will host the show again. The comedian made the "
        "announcement on Friday.",
        "Arcade Joseph Comeaux Jr., an inmate, escaped on Monday. At the time, the inmate was "
        "in a wheelchair.",
    )
    degeneres = one_entity(entities, "Ellen DeGeneres")
    assert "The comedian" in [d.text for d in degeneres.descriptions]
    comeaux = one_entity(entities, "Arcade Joseph Comeaux Jr.")
    assert "the inmate" in [d.text for d in comeaux.descriptions]


def test_the_second_or_other_one_is_not_the_one_named_before(models: Models) -> None:
    entities = story_entities(
        models,
        "Duncan Rait, a climber, died on Friday. The climber fell from a ridge. On Saturday "
        "the second climber died near the hut, and the other climber was rescued.",
    )
    rait = one_entity(entities, "Duncan Rait")
    described = [d.text for d in rait.descriptions]
    assert "The climber" in described
    assert not [d for d in described if "second" in d or "other" in d]


def test_a_title_in_address_joins_the_actor_it_labels(models: Models) -> None:
    entities = story_entities(
        models,
        "U.S. President Joe Biden met senators on Tuesday. “Thank you, Mr. President,” one of "
        "them said after the meeting.",
    )
    assert "Mr. President" in {m.text for m in one_entity(entities, "Joe Biden").mentions}


def test_a_label_is_no_description_and_descriptions_are_no_names(models: Models) -> None:
    """ "the military spokesperson" after "is" is Rasool's label, not a second mention; "The
    spokesperson" later is a description: a mention, not one of his names."""
    entities = story_entities(
        models,
        "Yehia Rasool is the military spokesperson of the Iraqi army. The spokesperson said "
        "the strike was unlawful.",
    )
    rasool = one_entity(entities, "Yehia Rasool")
    assert [m.text for m in rasool.mentions] == ["Yehia Rasool", "The spokesperson"]
    assert [m.text for m in rasool.descriptions] == ["The spokesperson"]
    assert [m.text for m in rasool.names] == ["Yehia Rasool"]


def test_a_description_no_actor_carries_stays_alone(models: Models) -> None:
    entities = story_entities(
        models,
        "Joe Biden announced new sanctions on Tuesday. The ambassador said the measures would "
        "take effect at once, and the groups named in them would lose their assets.",
    )
    held = {m.text.lower() for e in entities for m in e.mentions}
    assert "the ambassador" not in held and "the groups" not in held


def test_a_description_joins_the_person_it_stands_for_in_the_story(models: Models) -> None:
    """No article labels Tara Reid "the actress", yet each "the actress" follows her name:
    it stands for her, even where her lawyer is named in between as the one speaking."""
    entities = story_entities(
        models,
        "Tara Reid arrived at the court in Malibu on Monday. The actress said she was sorry.",
        "Tara Reid left the clinic early. Her lawyer, Mark Heller, said the actress would "
        "return next week.",
        "The actress said little. Tara Reid left by a side door.",
        "The actress was not seen. Tara Reid is 33.",
    )
    reid = one_entity(entities, "Tara Reid")
    assert [m.text for m in reid.descriptions] == ["The actress", "the actress"] + [
        "The actress"
    ] * 2
    assert not one_entity(entities, "Mark Heller").descriptions


def test_a_speaker_is_not_the_one_they_describe(models: Models) -> None:
    """ "Fanning said the suspect fled": the suspect is not the officer who speaks, however
    often he is the person named last before it."""
    entities = story_entities(
        models,
        "Constable Tim Fanning said the suspect fled on foot.",
        "Police spokesman Tim Fanning spoke. Fanning said the suspect was armed.",
        "Tim Fanning arrived at the scene. Fanning said the suspect had not been found.",
    )
    assert not one_entity(entities, "Tim Fanning").descriptions


def test_an_unnamed_person_is_not_the_minor_person_named_before(models: Models) -> None:
    """An unnamed witness follows whoever was named last; only the story's most-named
    person is read from such use."""
    entities = story_entities(
        models,
        "Andrew Lopez was charged with murder. Andrew Lopez denied it. Detective Ray Kelly "
        "spoke to reporters. The witness was afraid.",
        "Andrew Lopez appeared in court. Detective Ray Kelly was there. The witness said nothing.",
    )
    assert not one_entity(entities, "Ray Kelly").descriptions


def test_a_role_noun_is_read_from_its_uses_as_a_subject_only(models: Models) -> None:
    """ "shot in the head" after Jerry Ortiz's name, twice, does not make him "the head"."""
    entities = story_entities(
        models,
        "Deputy Jerry Ortiz stopped a man on Wednesday. He was shot in the head.",
        "Jerry Ortiz had served for 15 years. A bullet struck him in the head.",
    )
    assert not one_entity(entities, "Jerry Ortiz").descriptions


def test_what_someone_is_ranked_as_is_no_description_of_another(models: Models) -> None:
    """ "Ranked Mr. Gigante as the pre-eminent Mafia leader" says what Gigante was: the
    phrase does not stand for Vito Genovese, the one actor labelled a leader."""
    texts = [
        "Vito Genovese, a potent Mafia leader, died in prison in 1969. Years later, "
        "investigators ranked Mr. Gigante as the pre-eminent Mafia leader of the city."
    ]
    entities = resolved(models, texts)
    genovese = one_entity(entities, "Vito Genovese")
    assert not genovese.descriptions


def test_the_former_president_is_the_one_labelled_former(models: Models) -> None:
    """ "The former president" is Donald Trump, labelled "Former President", though Biden,
    labelled "President", was named last before it; "the speaker" is the one titled
    Speaker; "most Republicans" gives the party no label."""
    texts = [
        "Speaker Kevin McCarthy persuaded most Republicans to back the deal he struck with "
        "President Joe Biden. Former President Donald Trump said nothing.",
        "Joe Biden praised lawmakers on Thursday. The former president posted that the deal "
        "was bad. The speaker said the bill would pass.",
    ]
    entities = resolved(models, texts)
    trump = one_entity(entities, "Donald Trump")
    biden = one_entity(entities, "Joe Biden")
    mccarthy = one_entity(entities, "Kevin McCarthy")
    assert [d.text for d in trump.descriptions] == ["The former president"]
    assert not biden.descriptions
    assert [d.text for d in mccarthy.descriptions] == ["The speaker"]
    assert all(not e.labels for e in entities if e.type == "NORP")
