"""Amounts of money: ranges, the figure an amount was changed to, and whose amount it is."""

from __future__ import annotations

import pytest

from newsprism.analyze.claims.money import amounts
from newsprism.analyze.claims.value import Value
from newsprism.analyze.claims.values import read_figures
from newsprism.models import Models
from tests.analyze.claims.build import read_values, story_article, story_facts


def _money(models: Models, text: str) -> list[Value]:
    """The amounts of money read in ``text``'s statements."""
    return [v for v in read_values(models, text) if v.kind == "money"]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "a deal worth between $140 million and $150 million",
            [("$140 million and $150 million", 140e6, 150e6)],
        ),
        ("between $5 and $10 million", [("$5 and $10 million", 5e6, 10e6)]),
        ("tickets cost $10 to $20 each", [("$10 to $20", 10, 20)]),
        ("$1.5 to $2 billion", [("$1.5 to $2 billion", 1.5e9, 2e9)]),
        (
            "It paid $5 million and $10 million",
            [("$5 million", 5e6, 5e6), ("$10 million", 10e6, 10e6)],
        ),
        ("raised its bid from $5 billion to $6 billion", [("$6 billion", 6e9, 6e9)]),
        ("Prices rose from $10 to $12", [("$12", 12, 12)]),
        ("Prices fell from $12 to $10", [("$10", 10, 10)]),
        ("Oil rose $2 to $80.", [("$80", 80, 80)]),
        ("lowered the price to $1,099 from $1,199", [("$1,099", 1099, 1099)]),
        (
            "cut the budget by $5 million to $20 million",
            [("$5 million", 5e6, 5e6), ("$20 million", 20e6, 20e6)],
        ),
        (
            "upgraded their offer -- eight years, $160 million -- to somewhere between "
            "$178 million and $184 million",
            [("$178 million and $184 million", 178e6, 184e6)],
        ),
        (
            "upgraded their initial offer - - eight years, $160 million - - to somewhere "
            "between $178 million and $184 million",
            [("$178 million and $184 million", 178e6, 184e6)],
        ),
        (
            "The deal is worth between $500,000 and $1 million.",
            [("$500,000 and $1 million", 5e5, 1e6)],
        ),
        (
            "raised its full-year revenue forecast to $5.1 billion-$5.3 billion",
            [("$5.1 billion-$5.3 billion", 5.1e9, 5.3e9)],
        ),
        (
            "The contract, which increased his salary, pays $5 million to $7 million.",
            [("$5 million to $7 million", 5e6, 7e6)],
        ),
        (
            "sold for $3 million and £2 million",
            [("$3 million", 3e6, 3e6), ("£2 million", 2e6, 2e6)],
        ),
        (
            "The city raised bus fares to $2.75 and subway fares to $3.",
            [("$2.75", 2.75, 2.75), ("$3", 3, 3)],
        ),
        (
            "The charity raised $2 million at the gala, bringing its total this year to "
            "$10 million.",
            [("$2 million", 2e6, 2e6), ("$10 million", 10e6, 10e6)],
        ),
        (
            "The law increased penalties: first offenders pay $500, and repeat offenders up "
            "to $5,000.",
            [("$500", 500, 500), ("$5,000", 5000, 5000)],
        ),
        (
            "Shares closed lower at $45, compared to $50 a year earlier.",
            [("$45", 45, 45), ("$50", 50, 50)],
        ),
    ],
)
def test_amounts_as_written(text: str, read: list[tuple[str, float, float]]) -> None:
    found = amounts(text, read_figures(text))
    assert [(text[a.start : a.end], a.low, a.high) for a in found] == read


def test_a_range_is_one_value_and_not_hedged_again(models: Models) -> None:
    (offer,) = _money(
        models, "The Orioles offered him a deal worth between $140 million and $150 million."
    )
    assert (offer.low, offer.high) == (140e6, 150e6)
    assert offer.span.text == "$140 million and $150 million"


def test_amounts_two_actors_offered_do_not_conflict(models: Models) -> None:
    told = "{} made the pitcher an eight-year, ${} million offer on Tuesday, reports said."
    apart = [
        story_article("Alpha", told.format("The Washington Nationals", "160")),
        story_article("Beta", told.format("The Boston Red Sox", "200")),
    ]
    assert not story_facts(models, apart).conflicts
    raised = (
        "The Washington Nationals have upgraded their initial offer to the pitcher, eight "
        "years and $160 million, to somewhere between $178 million and $184 million, reports said."
    )
    one = [
        story_article("Alpha", told.format("The Washington Nationals", "160")),
        story_article("Beta", raised),
    ]
    (conflict,) = story_facts(models, one).conflicts
    assert {side.value for side in conflict.sides} == {
        "$160 million",
        "$178 million and $184 million",
    }


def test_one_offer_told_as_two_figures_eight_percent_apart_conflicts(models: Models) -> None:
    """$184 million and $200 million for one payer's offer: exact figures that far apart
    are no rounding of one another (``settings.rounding``)."""
    told = "The Boston Red Sox made the pitcher an eight-year, ${} million offer, reports said."
    one = [story_article("Alpha", told.format("184")), story_article("Beta", told.format("200"))]
    (conflict,) = story_facts(models, one).conflicts
    assert {side.value for side in conflict.sides} == {"$184 million", "$200 million"}


def test_an_amount_per_period_is_no_total(models: Models) -> None:
    keys = {
        v.span.text: v.key
        for v in _money(
            models,
            "They offered an eight-year deal worth $184 million or $23 million per season.",
        )
    }
    assert keys == {"$184 million": "money:$", "$23 million": "money:$:season"}
    yearly = {v.key for v in _money(models, "He signed for $21 million a year, the team said.")}
    assert yearly == {"money:$:year"}
    ago = {v.key for v in _money(models, "It earned $5 million, up from $3 million a year ago.")}
    assert ago == {"money:$"}


def test_the_size_of_a_change_is_no_figure_changed_from() -> None:
    text = "a monthly increase of $92 for the average retiree, bringing the amount to $1,657"
    found = amounts(text, read_figures(text))
    assert [text[a.start : a.end] for a in found] == ["$92", "$1,657"]


def test_what_is_expected_is_not_what_happened(models: Models) -> None:
    told = {
        v.span.text: v.future
        for text in (
            "Pfizer expects to make between $70.5 billion and $72.5 billion this year.",
            "Pfizer expects to make $70 billion and earn $5 billion this year.",
            "The vaccine brought in $3.5 billion in the first three months.",
        )
        for v in _money(models, text)
    }
    assert told == {
        "$70.5 billion and $72.5 billion": True,
        "$70 billion": True,
        "$5 billion": True,
        "$3.5 billion": False,
    }


def test_who_told_of_an_amount_did_not_pay_it(models: Models) -> None:
    told = _money(
        models, "Reports varied, though WCVB-TV claims it was eight years and $184 million."
    )
    assert told and all(not v.who for v in told)
    paid = _money(models, "The Boston Red Sox made him a $200 million offer.")
    assert paid and all("name:sox" in v.who for v in paid)
    got = _money(models, "Teixeira signed a $180 million deal with the Yankees.")
    assert got and all(not v.who for v in got)  # the subject received it
