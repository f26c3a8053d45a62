"""One word said of one thing at opposite poles by two outlets: "well equipped" /
"ill-equipped", "it's official" / "it is not official".

Small real inputs through the real parse, who-is-who and embeddings."""

from __future__ import annotations

from newsprism.models import Models
from newsprism.records import Conflict
from tests.analyze.claims.build import two_outlet_conflicts


def _opposed(models: Models, one: str, other: str) -> list[Conflict]:
    """The quality conflicts of a story of two outlets' articles."""
    opposed = lambda about: about.startswith(("how well", "whether it is"))  # noqa: E731
    return two_outlet_conflicts(models, one, other, opposed)


def test_well_and_ill_equipped_is_a_conflict(models: Models) -> None:
    (conflict,) = _opposed(
        models,
        "Police inspector Dave Gaskin said the climber was well equipped at the time.",
        "The climber was reportedly ill-equipped and inexperienced, police said.",
    )
    assert conflict.kind == "hard"
    assert conflict.about == "how well the climber was equipped"
    assert {side.value for side in conflict.sides} == {"well equipped", "ill-equipped"}


def test_official_and_not_official_is_a_conflict(models: Models) -> None:
    (conflict,) = _opposed(
        models,
        "It's official: Chris Weitz will direct the Twilight sequel New Moon.",
        '"No, it is not official," a studio representative told MTV News on Thursday.',
    )
    assert conflict.about == "whether it is official"
    assert {side.value for side in conflict.sides} == {"It's official", "it is not official"}


def test_what_is_not_said_at_opposite_poles(models: Models) -> None:
    cases = (
        (  # two people named apart
            "Robert Buckley was well equipped for the climb, police said.",
            "Duncan Rait was poorly equipped for the climb, police said.",
        ),
        (  # one pole
            "The climber was well equipped for the climb, police said.",
            "The climber was properly equipped for the climb, the guide said.",
        ),
        (  # negated: not read
            "The climber was not well equipped for the climb, police said.",
            "The climber was poorly equipped for the climb, the guide said.",
        ),
        (  # "as well" says also, not how well
            "Two people were badly injured in the crash on Route 6, police said.",
            "The driver of the truck was injured as well, police said.",
        ),
        (  # what would be
            "The climber would be well equipped for the climb, the guide said.",
            "The climber was poorly equipped for the climb, police said.",
        ),
        (  # a settled word said of two things
            "The deal is official, the studio said on Friday.",
            "The schedule is not official yet, the studio said on Friday.",
        ),
    )
    for one, other in cases:
        assert not _opposed(models, one, other), one
