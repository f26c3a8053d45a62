"""Clock times: when two reports of a moment differ, and which statements give the time of
one person's one moment in the story."""

from __future__ import annotations

from newsprism.analyze.claims.values import Value, apart
from newsprism.models import Models
from tests.analyze.claims.build import read_values, story_article, story_facts_and_entities


def test_a_half_hour_is_not_a_whole_hour_rounded(models: Models) -> None:
    """ "About 9pm" stands for the times that round to it ("9:15pm"); "9:30pm" is a round
    time of its own, and "1:00 am" against "1:30 am" is two moments as well."""

    def time(text: str) -> Value:
        (found,) = [v for v in read_values(models, text) if v.kind == "time"]
        return found

    nine = time("The fire broke out at about 9pm in the store.")
    assert not apart(nine, time("The fire broke out at 9:15pm in the store."))
    assert apart(nine, time("The fire broke out at 9:30pm in the store."))
    one = time("He was driving at about 1:00 am on the highway.")
    assert apart(one, time("He was driving at about 1:30 am on the highway."))


def test_a_games_clock_is_no_time_of_day(models: Models) -> None:
    """ "With 7:42 left in the first half" and "at the 2:15 mark" read a game's clock: two
    such figures of one player are two moments of the game, no time of day to compare."""
    for text in (
        "Hansbrough scored with 7:42 left in the first half.",
        "He tied the record on a jumper with 14:05 remaining.",
        "The Tar Heels led 83-58 with 5:33 to play.",
        "The referee stopped the fight at the 2:15 mark.",
    ):
        assert not [v for v in read_values(models, text) if v.kind == "time"], text
    (call,) = [v for v in read_values(models, "The call came in at 3:30 a.m.") if v.kind == "time"]
    assert call.normalized == "3:30 a.m."
    for text in (  # times of day that words after them do not make a game's
        "At 10:15 Mark Jones called the police.",
        "He was due to leave at 7:30 to go to the airport.",
        "At 11:45 left-wing protesters gathered in the square.",
    ):
        assert [v for v in read_values(models, text) if v.kind == "time"], text


def _times(models: Models, texts: dict[str, str]) -> list[str]:
    articles = [story_article(outlet, text) for outlet, text in texts.items()]
    facts, _ = story_facts_and_entities(models, articles)
    return [c.about for c in facts.conflicts if c.about.startswith("the time")]


def test_one_persons_one_moment_is_compared_whatever_the_verb(models: Models) -> None:
    """Two outlets that each give a person's acts one moment give the time of one event,
    though one tells the stop and the other the failed test."""
    found = _times(
        models,
        {
            "Alpha": "Vincent Jackson failed sobriety tests shortly after 2 a.m. on State "
            "Route 52 in San Diego, a highway patrol officer said.",
            "Beta": "Vincent Jackson was pulled over on State Route 52 in San Diego just "
            "after 2:30 a.m., a highway patrol officer said.",
        },
    )
    assert found == ["the time: “2 a.m.” / “2:30 a.m.”"]


def test_an_article_that_gives_a_person_two_moments_is_a_timeline(models: Models) -> None:
    """An article that gives one person's acts two moments tells a night hour by hour: its
    times are not compared with another outlet's act under another verb."""
    found = _times(
        models,
        {
            "Alpha": "Vincent Jackson failed sobriety tests shortly after 2 a.m. on State "
            "Route 52 in San Diego, a highway patrol officer said.",
            "Beta": "Vincent Jackson left a bar in San Diego at about 1:30 a.m. Vincent "
            "Jackson was pulled over on State Route 52 in San Diego just after 2:30 a.m., "
            "a highway patrol officer said.",
        },
    )
    assert found == []


def test_two_moments_in_one_sentence_are_a_timeline(models: Models) -> None:
    found = _times(
        models,
        {
            "Alpha": "Vincent Jackson failed sobriety tests shortly after 2 a.m. on State "
            "Route 52 in San Diego, a highway patrol officer said.",
            "Beta": "Vincent Jackson left a bar in San Diego at about 1:30 a.m. and was pulled "
            "over on State Route 52 just after 2:30 a.m., a highway patrol officer said.",
        },
    )
    assert found == []


def test_two_persons_moments_are_not_compared(models: Models) -> None:
    found = _times(
        models,
        {
            "Alpha": "Vincent Jackson failed sobriety tests shortly after 2 a.m. on State "
            "Route 52 in San Diego, a highway patrol officer said.",
            "Beta": "Jamal Williams was pulled over on State Route 52 in San Diego just "
            "after 2:30 a.m., a highway patrol officer said.",
        },
    )
    assert found == []


def test_the_time_of_another_subjects_act_is_not_the_speakers(models: Models) -> None:
    """The person a sentence's words come from is not the one whose act its time dates:
    "the fire was under control, Owen said" gives the time of no act of Owen's."""
    found = _times(
        models,
        {
            "Alpha": "Jon Owen, the public safety director, says the fire call came in at "
            "3:30 a.m. from a vacant hotel across town.",
            "Beta": "By 6:40 a.m. the fire at the vacant hotel across town was under control, "
            "public safety director Jon Owen said.",
        },
    )
    assert found == []
