"""A named person's place in a sequence (``analyze/claims/ordinals.py``): read from one
article, and compared across outlets."""

from __future__ import annotations

from newsprism.models import Models
from tests.analyze.claims.build import read_values, two_outlet_conflicts

_FOURTH = "Maurice Cheeks is the fourth head coach since Billy King took over as president."


def _places(models: Models, text: str) -> list[tuple[str, str, float]]:
    """The places the text's statements give (a clause gives its sentence's again)."""
    found = read_values(models, text)
    return sorted({(v.key, v.span.text, v.low) for v in found if v.kind == "ordinal"})


def _disputes(models: Models, one: str, other: str) -> list[str]:
    found = two_outlet_conflicts(models, one, other, lambda a: a.startswith("the place"))
    return [c.about for c in found]


def test_a_persons_place_is_keyed_by_the_person_and_the_sequence(models: Models) -> None:
    assert _places(models, _FOURTH) == [
        ("ordinal:maurice cheeks:coach:bounded", "fourth head coach", 4.0)
    ]
    hired = "Maurice Cheeks has been hired as the 21st head coach of the Philadelphia 76ers."
    assert _places(models, hired) == [("ordinal:maurice cheeks:coach", "21st head coach", 21.0)]
    fired = "Maurice Cheeks became the fifth NBA head coach to be fired this season."
    assert _places(models, fired)[0][0] == "ordinal:maurice cheeks:coach:fire"
    told = "Maurice Cheeks, the fourth head coach since Billy King took over, spoke Monday."
    assert _places(models, told)[0][0] == "ordinal:maurice cheeks:coach:bounded"
    weekday = "Maurice Cheeks Tuesday became the 21st head coach in team history."
    assert _places(models, weekday)[0][0] == "ordinal:maurice cheeks:coach"  # a day, no bound


def test_what_a_person_has_or_did_is_no_place(models: Models) -> None:
    for none in (
        "After the collapse of Page's second marriage, she suffered a breakdown.",
        "John Smith scored his third goal in the second half.",
        "Maurice Cheeks posted the fourth-highest win total in Blazers history.",
        "The strike was the first major test of the government's resolve.",  # no person
        "Maurice Cheeks was a second coach on the bench.",  # no definite phrase
        "The third victim, Bryant Dalton, 39, spent two weeks in the hospital.",  # told third
        "The first lady, Michelle Obama, spoke on Monday.",  # a title
        "Maurice Cheeks is the twenty-first head coach of the Philadelphia 76ers.",  # not 1st
    ):
        assert _places(models, none) == [], none


def test_two_places_of_one_person_in_one_sequence_are_disputed(models: Models) -> None:
    """Compared whatever else the statements say: one person holds one place."""
    other = "Maurice Cheeks will be the fifth Sixers coach in four years under Billy King."
    assert _disputes(models, _FOURTH, other) == [
        "the place in order: “fourth head coach” / “fifth Sixers coach”"
    ]


def test_places_in_two_sequences_are_not_compared(models: Models) -> None:
    """The 21st in the team's history is the fourth since King took over; the 21st coach of
    one team is not the tenth of another."""
    whole = "Maurice Cheeks was named the 21st head coach in team history on May 23, 2005."
    assert _disputes(models, _FOURTH, whole) == []
    sixers = "Maurice Cheeks was hired as the 21st head coach of the Philadelphia 76ers."
    blazers = "Maurice Cheeks was hired in 2001 as the tenth head coach of the Portland Blazers."
    assert _disputes(models, sixers, blazers) == []
