from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.analyze.entities.matching import Match, acronym_of, forms, match
from newsprism.analyze.entities.names import name_words, plain_key, skeleton

SPELLINGS = [
    ("Yehia", "Yahya"),
    ("Wisam", "Wissam"),
    ("Mohammad", "Mohammed"),
    ("Muhammad", "Mohammed"),
    ("al-Saedi", "al-Saadi"),
    ("Abu Bakr", "Abu Baqir"),
    ("Kataib", "Kata'ib"),
    ("Kataib", "Kata’ib"),
    ("Hezbollah", "Hizballah"),
    ("Rasool", "Rasul"),
    ("Demirkhanov", "Demirchanow"),
]


@pytest.mark.parametrize(("a", "b"), SPELLINGS)
def test_transliterations_share_a_key(a: str, b: str) -> None:
    assert name_words(a) == name_words(b)


@pytest.mark.parametrize(
    ("a", "b"), [("Blinken", "Biden"), ("Iran", "Iranian"), ("Nujaba", "Hezbollah")]
)
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert name_words(a) != name_words(b)


def test_skeleton_drops_inner_vowels_and_doubles() -> None:
    assert skeleton("wissam") == skeleton("wisam") == "vsm"


def test_titles_and_articles_are_not_part_of_a_name() -> None:
    assert name_words("President Joe Biden") == name_words("Joe Biden")
    assert name_words("al-Sudani") == name_words("Sudani")


def test_plain_key_folds_punctuation_only() -> None:
    assert plain_key("U.S.") == plain_key("US") == "us"


PLACES = frozenset({"u.s"})


def _match(a: str, b: str, kind: str = "PERSON") -> Match | None:
    found = {match(x, y, kind, PLACES) for x in forms(a, kind) for y in forms(b, kind)}  # type: ignore[arg-type]
    return Match.SAME if Match.SAME in found else (Match.SHORT if Match.SHORT in found else None)


def test_people_match_on_surname_and_given_names() -> None:
    assert _match("Yehia Rasool", "Yahya Rasool") is Match.SAME
    assert _match("Rasool", "Yahya Rasool") is Match.SHORT
    assert _match("Wisam Mohammad al-Saedi", "Wissam al-Saadi") is Match.SAME
    assert _match("Mohammed Shia al-Sudani", "Shia' al-Sudani") is Match.SAME
    assert _match("Antony Blinken", "Joe Biden") is None
    assert _match("Blinken", "Joe Biden") is None


def test_two_people_sharing_a_surname_stay_two() -> None:
    assert _match("Hunter Biden", "Joe Biden") is None


def test_a_short_form_of_a_given_name_is_that_name() -> None:
    assert _match("Fred LaRue", "Frederick C. LaRue") is Match.SAME
    assert _match("Mike Pence", "Michael Pence") is Match.SAME
    assert _match("Tom Brady", "Thomas Brady") is Match.SAME
    # short forms with another first letter are left out: "Bill" is not only William's
    assert _match("Bill Clinton", "William Clinton") is None
    assert _match("Melania Trump", "Donald Trump") is None
    assert _match("Kim Jong-un", "Kim Jong-il") is None


def test_a_generation_is_no_part_of_a_name() -> None:
    assert name_words("Arcade Joseph Comeaux Jr.") == name_words("Arcade Joseph Comeaux")
    assert name_words("W. Mark Felt, Sr.") == name_words("W. Mark Felt")
    assert _match("Comeaux", "Arcade Joseph Comeaux Jr.") is Match.SHORT


def test_a_quoted_nickname_gives_extra_forms() -> None:
    assert _match("Wissam Mohammed “Abu Bakr” al-Saadi", "Abu Baqir al-Saadi") is Match.SAME


def test_organisations_match_whole_names_or_place_qualifiers() -> None:
    assert _match("U.S. Central Command", "Central Command", "ORG") is Match.SAME
    assert _match("Kataib Hezbollah", "Hezbollah", "ORG") is None
    assert _match("Kataib Hezbollah", "Harakat Hezbollah al-Nujaba", "ORG") is None


def test_acronyms() -> None:
    assert acronym_of("NVHA", "Northern Valdoria Hydro Authority")
    assert acronym_of("IAEA", "International Atomic Energy Agency")
    assert not acronym_of("NVHA", "Northern Valdoria Authority")


@given(st.text(max_size=60))
def test_keys_never_fail(text: str) -> None:
    for kind in ("PERSON", "ORG", "NORP"):
        for form in forms(text, kind):  # type: ignore[arg-type]
            assert all(isinstance(w, str) for w in form)
    plain_key(text)
