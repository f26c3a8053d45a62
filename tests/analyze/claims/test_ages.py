"""Ages of a group written as one list (``analyze/claims/ages.py``): read from one
article, and compared across outlets on the age the lists do not share."""

from __future__ import annotations

from newsprism.models import Models
from tests.analyze.claims.build import read_values, two_outlet_conflicts

_FOUND = "Police found the bodies of two women, 61 and 48 years old, in the flat on Monday."


def _ages(models: Models, text: str) -> list[tuple[str, str, float]]:
    found = read_values(models, text)
    return sorted({(v.key, v.span.text, v.low) for v in found if v.kind == "age"})


def _disputes(models: Models, one: str, other: str) -> list[str]:
    return [c.about for c in two_outlet_conflicts(models, one, other, lambda a: "age" in a)]


def test_each_age_of_a_list_is_keyed_by_the_others(models: Models) -> None:
    assert _ages(models, _FOUND) == [("ages:woman:48", "61", 61.0), ("ages:woman:61", "48", 48.0)]
    hyphened = "Police found two women -- 68 and 48-years-old -- in the flat."
    assert _ages(models, hyphened) == [("ages:woman:48", "68", 68.0), ("ages:woman:68", "48", 48.0)]
    three = "The boys, ages 6, 9 and 16, were unhurt."
    assert sorted((a[1], a[0]) for a in _ages(models, three)) == [
        ("16", "ages:boy:6,9"),
        ("6", "ages:boy:9,16"),
        ("9", "ages:boy:6,16"),
    ]
    relative = "The names of the women killed, who were 61 and 48 years old, are not known."
    assert _ages(models, relative)[0][0] == "ages:woman:48"
    assert _ages(models, "They were 61 and 48 years old.")[0][0] == "ages:"  # no group
    counts = [v for v in read_values(models, hyphened) if v.kind == "count"]
    assert [v.normalized for v in counts] == ["two (woman)"]  # "68 ... old" counts nothing


def test_a_span_of_ages_is_no_list(models: Models) -> None:
    for none in (
        "The survey asked adults between the ages of 18 and 64.",
        "Children aged 12 to 15 were sent home.",
        "The men were between 30 and 40 years old.",
        "The twins, ages 7 and 7, were unhurt.",  # one age
        "The twins, aged 3 and 5 months, were unhurt.",  # not years
        "Some 1,000 and 48 years old are the figures.",  # no part of a longer figure
    ):
        assert [a for a in _ages(models, none) if a[0].startswith("ages:")] == [], none


def test_two_lists_of_one_group_clash_on_the_age_they_do_not_share(models: Models) -> None:
    other = "Police found the bodies of two women -- 68 and 48-years-old -- in the flat."
    assert _disputes(models, _FOUND, other) == ["the age: “61” / “68”"]


def test_lists_that_share_no_age_are_of_two_groups(models: Models) -> None:
    other = "Police found the bodies of two women, 70 and 35 years old, in the flat on Monday."
    assert _disputes(models, _FOUND, other) == []


def test_lists_of_two_groups_are_not_compared(models: Models) -> None:
    """One age alike is no sign of one group: two girls and two boys, in sentences alike
    enough to be compared were the group's noun not in the key."""
    one = "Police said the two girls, ages 6 and 8, were unhurt in the crash on Monday."
    other = "Police said the two boys, ages 16 and 6, were unhurt in the crash on Monday."
    assert _disputes(models, one, other) == []
