"""What an event did to a thing, said at opposite ends by two outlets: "destroyed much of
a supermarket" / "left largely intact", "partially blocked" / "the loss of all".

Small real inputs through the real parse, who-is-who and embeddings."""

from __future__ import annotations

from newsprism.models import Models
from newsprism.records import Conflict
from tests.analyze.claims.build import two_outlet_conflicts


def _apart(models: Models, one: str, other: str) -> list[Conflict]:
    """The harm conflicts of a story of two outlets' articles."""
    return two_outlet_conflicts(models, one, other, lambda about: about.startswith("how far"))


def test_destroyed_and_left_intact_is_a_conflict(models: Models) -> None:
    (conflict,) = _apart(
        models,
        "A large fire has destroyed much of a supermarket in Somerset.",
        "However, the main area of the one-storey supermarket was left largely intact.",
    )
    assert conflict.kind == "hard"
    assert {side.value for side in conflict.sides} == {
        "has destroyed much of a supermarket",
        "was left largely intact",
    }


def test_a_place_undamaged_and_buildings_toppled_in_it_is_a_conflict(models: Models) -> None:
    (conflict,) = _apart(
        models,
        "The quake struck the island of Qeshm. The island's main town, Qeshm, was undamaged.",
        "Buildings were toppled in the island's capital, Qeshm City, officials said.",
    )
    assert {side.value for side in conflict.sides} == {"was undamaged", "were toppled"}


def test_cut_off_in_part_and_in_whole_is_a_conflict(models: Models) -> None:
    (conflict,) = _apart(
        models,
        "The cut has partially blocked internet and mobile services in Alexandria.",
        "A damaged cable resulted in the loss of all telecommunications in Alexandria.",
    )
    assert {side.value for side in conflict.sides} == {
        "has partially blocked internet and mobile services",
        "the loss of all telecommunications",
    }


def test_what_is_no_conflict_of_ends(models: Models) -> None:
    # two parts of one building
    assert not _apart(
        models,
        "The fire destroyed the roof of the building.",
        "The rest of the building was left intact.",
    )
    # in part and not said how far: both can be true
    assert not _apart(
        models,
        "The fire partially destroyed the supermarket.",
        "The supermarket was largely intact.",
    )
    # a kind of thing, not one thing, left whole
    assert not _apart(
        models,
        "Homes were destroyed in the quake.",
        "Homes were undamaged, the governor said.",
    )
    # what may be
    assert not _apart(
        models,
        "The fire may have destroyed the supermarket.",
        "The supermarket was left intact.",
    )
