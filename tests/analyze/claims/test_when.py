from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.analyze.claims.when import article_day, resolve

BASE = date(2024, 2, 8)  # a Thursday


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("Wednesday evening", date(2024, 2, 7)),
        ("on Thursday", date(2024, 2, 8)),
        ("last night", date(2024, 2, 7)),
        ("yesterday", date(2024, 2, 7)),
        ("this morning", date(2024, 2, 8)),
        ("February 7", date(2024, 2, 7)),
        ("7 Feb 2024", date(2024, 2, 7)),
    ],
)
def test_relative_dates_resolve_against_the_article_date(words: str, day: date) -> None:
    assert resolve(words, BASE) == day


@pytest.mark.parametrize("words", ["last week", "in October", "recently", "Wednesday"])
def test_periods_and_undated_articles_give_no_day(words: str) -> None:
    if words == "Wednesday":
        assert resolve(words, None) is None
    else:
        assert resolve(words, BASE) is None


def test_a_full_date_needs_no_article_date() -> None:
    assert resolve("Feb. 7, 2024", None) == date(2024, 2, 7)


@pytest.mark.parametrize("words", ["on 6th February", "February 6th", "the 6th of February"])
def test_a_day_of_a_month_may_be_written_as_an_ordinal(words: str) -> None:
    assert resolve(words, BASE) == date(2024, 2, 6)


def test_article_day() -> None:
    assert article_day("2024-02-08T10:00:00Z") == BASE
    assert article_day(None) is None and article_day("not a date") is None


@given(st.text(max_size=40))
def test_resolve_never_fails(words: str) -> None:
    resolve(words, BASE)
    resolve(words, None)
