"""Moments in a period of play: read as the period and the seconds since it began, and
compared where a contest ended."""

from __future__ import annotations

import pytest

from newsprism.analyze.claims.periods import moments
from newsprism.models import Models
from tests.analyze.claims.build import story_article, story_facts


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "the referee stopped the fight 44 seconds into the seventh round",
            [("44 seconds into the seventh round", 7, 44)],
        ),
        (
            "after 44 seconds of the seventh round of their contest",
            [("44 seconds of the seventh round", 7, 44)],
        ),
        ("the referee stopped it at 2: 56 of the 6th round", [("2: 56 of the 6th round", 6, 176)]),
        (
            "he finished it in the seventh, stopping the fight at the 2:15 mark",
            [("the 2:15 mark", 7, 135)],
        ),
        (
            "scored twenty seconds into the second half",
            [("twenty seconds into the second half", 2, 20)],
        ),
        ("with 7:42 left in the first half", []),
        ("a minute and 10 seconds into the third round", []),
        ("at the 2:15 mark", []),
        ("He won 1 minute, 10 seconds into the first round", []),
        ("In the first place, he was ahead at the 2:15 mark", []),
        ("at 2:75 of the first round", []),
    ],
)
def test_moments_as_written(text: str, read: list[tuple[str, int, int]]) -> None:
    assert [(text[m.start : m.end], m.period, m.seconds) for m in moments(text)] == read


def test_the_moment_a_contest_ended_is_compared(models: Models) -> None:
    stopped = [
        story_article(
            "Alpha", "Referee Tony Weeks stopped the fight 44 seconds into the seventh round."
        ),
        story_article(
            "Beta",
            "In the seventh, referee Tony Weeks stopped the fight at the 2:15 mark.",
        ),
    ]
    (conflict,) = story_facts(models, stopped).conflicts
    assert {side.value for side in conflict.sides} == {
        "44 seconds into the seventh round",
        "the 2:15 mark",
    }
    scored = [
        story_article("Alpha", "Smith scored a goal 44 seconds into the second period."),
        story_article("Beta", "In the second period, Smith scored a goal at the 2:15 mark."),
    ]
    assert not story_facts(models, scored).conflicts  # a period holds many goals
