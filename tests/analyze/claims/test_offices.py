"""A person's chief office, given by a title before the name
(``analyze/claims/offices.py``): read from one article, and compared across outlets."""

from __future__ import annotations

from newsprism.models import Models
from tests.analyze.claims.build import (
    read_values,
    story_article,
    story_facts,
    two_outlet_conflicts,
)

_CEO = (
    "Boston Red Sox majority owner John W. Henry, CEO Larry Lucchino and general manager Theo "
    "Epstein flew to Texas on Thursday night to meet with Mark Teixeira."
)


def _offices(models: Models, text: str) -> list[tuple[str, str, str]]:
    """The offices the text's statements give (a clause gives its sentence's again)."""
    found = read_values(models, text)
    return sorted({(v.key, v.span.text, v.normalized) for v in found if v.kind == "office"})


def test_a_title_before_a_name_gives_the_persons_office(models: Models) -> None:
    assert _offices(models, _CEO) == [("office:larry lucchino", "CEO", "ceo")]
    former = "Former Apple COO Tim Cook spoke to reporters on Tuesday."
    assert _offices(models, former) == []  # held once, whatever company stands between
    spelled = "Facebook chief executive Mark Zuckerberg testified on Tuesday."
    assert _offices(models, spelled) == [("office:mark zuckerberg", "chief executive", "ceo")]
    both = "Red Sox president and CEO Larry Lucchino spoke on Friday."
    assert _offices(models, both) == [("office:larry lucchino", "CEO", "ceo")]
    for none in (
        "Former CEO Larry Lucchino spoke on Friday.",  # once, not now
        "Interim CEO Larry Lucchino spoke on Friday.",
        "CEO and COO Larry Lucchino spoke on Friday.",  # one of two
        "President Larry Lucchino spoke on Friday.",  # a president may be the CEO too
    ):
        assert _offices(models, none) == [], none


def test_two_offices_of_one_person_are_disputed(models: Models) -> None:
    other = (
        "Lynch reported the Red Sox team of owner John Henry, COO Larry Lucchino and General "
        "Manager Theo Epstein offered Teixeira an eight-year deal."
    )
    found = two_outlet_conflicts(models, _CEO, other, lambda a: a.startswith("the office"))
    assert [c.about for c in found] == ["the office: “CEO” / “COO”"]


def test_an_office_in_passing_leaves_the_claim_corroborated(models: Models) -> None:
    """The title is an aside: both outlets tell that Lucchino flew to Texas."""
    articles = [
        story_article("Alpha", "CEO Larry Lucchino flew to Texas on Thursday to meet Teixeira."),
        story_article("Beta", "COO Larry Lucchino flew to Texas on Thursday to meet Teixeira."),
    ]
    facts = story_facts(models, articles)
    assert [c.about for c in facts.conflicts] == ["the office: “CEO” / “COO”"]
    assert [c.status for c in facts.claims] == ["corroborated"]


def test_offices_at_two_named_companies_are_not_compared(models: Models) -> None:
    one = "SpaceX CTO Elon Musk spoke to reporters in Texas on Tuesday night."
    other = "Tesla CEO Elon Musk spoke to reporters in Texas on Tuesday night."
    found = two_outlet_conflicts(models, one, other, lambda a: a.startswith("the office"))
    assert found == []
