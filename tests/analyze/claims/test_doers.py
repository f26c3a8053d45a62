"""Values given to one act of one person, named in one article and only aged in another."""

from __future__ import annotations

from newsprism.analyze.claims.doers import same_doer
from newsprism.models import Models
from tests.analyze.claims.build import two_outlet_conflicts

_NAMED = "On Friday, 36-year-old Duncan Rait died after slipping and falling about 200ft."


def _distances(models: Models, one: str, other: str) -> list[str]:
    found = two_outlet_conflicts(models, one, other, lambda a: a.startswith("the distance"))
    return [c.about for c in found]


def test_one_persons_fall_told_by_name_and_by_age_is_compared(models: Models) -> None:
    """ "36-year-old Duncan Rait ... falling about 200ft" / "A 36-year-old Australian climber
    ... falling about 150 metres": one man's one fall, whatever else the sentences say."""
    other = "A 36-year-old Australian climber is dead after falling about 150 metres at Mount Cook."
    assert _distances(models, _NAMED, other) == ["the distance: “200ft” / “150 metres”"]


def test_two_persons_falls_are_not_compared(models: Models) -> None:
    """A 32-year-old's fall is not the 36-year-old's."""
    other = "On Saturday, 32-year-old Robert Buckley fell about 600 metres from a ridge."
    assert _distances(models, _NAMED, other) == []


def test_an_age_two_actors_share_marks_no_one() -> None:
    rait, smith = frozenset({"person:rait", "age:36"}), frozenset({"person:smith", "age:36"})
    aged = frozenset({"age:36"})
    assert same_doer(rait, aged, frozenset())
    assert not same_doer(rait, aged, frozenset({"age:36"}))
    assert not same_doer(rait, smith, frozenset())
    assert same_doer(rait, frozenset({"person:rait"}), frozenset({"age:36"}))
