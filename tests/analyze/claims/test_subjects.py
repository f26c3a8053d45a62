"""Whom a claim is about when its subject is a "he" or a "she"."""

from __future__ import annotations

from newsprism.models import Models
from tests.analyze.claims.build import claim_about, story_article, story_facts_and_entities


def test_a_claim_whose_subject_is_he_or_she_is_about_the_person_named_before(
    models: Models,
) -> None:
    """ "She said in a statement ..." is about the woman named before, not the man named
    after her in between ("First lady Melania Trump ... U.S. President Donald Trump ...")."""
    articles = [
        story_article(
            "Alpha",
            "First lady Melania Trump praised the summit in Singapore on Tuesday. "
            "U.S. President Donald Trump called it a historic day. She said in a statement "
            "that diplomacy had won the day for the whole region.",
        )
    ]
    facts, entities = story_facts_and_entities(models, articles)
    assert claim_about(facts, entities, "She said") == "Melania Trump"
    wife = [
        story_article(
            "Beta",
            "Tom Smith arrived at the courthouse on Monday. His wife, Mary Smith, waited "
            "outside. She said the verdict was unfair to the whole family.",
        )
    ]
    facts, entities = story_facts_and_entities(models, wife)
    assert claim_about(facts, entities, "She said") == "Mary Smith"  # "his" says nothing of her


def test_a_he_that_is_the_subject_continues_the_subject_before(models: Models) -> None:
    """ "He also set the record" after "Andrew Luck threw a pass to Reggie Wayne" is about
    Luck, the subject before, not Wayne, the person named last."""
    articles = [
        story_article(
            "Alpha",
            "Andrew Luck threw a touchdown pass to Reggie Wayne in Indianapolis on Sunday. "
            "He also set the NFL rookie record for passing yards in a single season.",
        )
    ]
    facts, entities = story_facts_and_entities(models, articles)
    assert claim_about(facts, entities, "He also set") == "Andrew Luck"
    again = [  # a second "he" goes on with the first; one named between breaks the chain
        story_article(
            "Beta",
            "Andrew Luck threw a touchdown pass to Reggie Wayne in Indianapolis on Sunday. "
            "He also set the NFL rookie record for passing yards in a single season. "
            "He finished the game with three touchdown passes and no interceptions at all. "
            "Wayne caught it. He then scored the winning touchdown with ten seconds left.",
        )
    ]
    facts, entities = story_facts_and_entities(models, again)
    assert claim_about(facts, entities, "He finished") == "Andrew Luck"
    assert claim_about(facts, entities, "He then scored") == "Reggie Wayne"


def test_a_she_is_not_the_man_a_he_of_her_sentence_stands_for(models: Models) -> None:
    """ "where he stabbed his wife 17 times while she was visiting him in prison": the "she"
    of the clause, a claim two outlets tell, is not Comeaux, whom the "he" stands for."""
    articles = [
        story_article(
            "Alpha",
            "Arcade Joseph Comeaux escaped from a prison van in Texas on Monday. According to "
            "Texas authorities, the weapons conviction stemmed from a 1999 incident where he "
            "stabbed his wife 17 times while she was visiting him in prison.",
        ),
        story_article(
            "Beta",
            "Arcade Joseph Comeaux is accused of using a gun smuggled in to him for the "
            "escape. Officials said that in 1999 Comeaux attacked a guard, and that his wife "
            "was hurt while she was visiting him in prison.",
        ),
    ]
    facts, entities = story_facts_and_entities(models, articles)
    assert claim_about(facts, entities, "Arcade Joseph Comeaux escaped") == "Arcade Joseph Comeaux"
    assert claim_about(facts, entities, "she was visiting") != "Arcade Joseph Comeaux"
