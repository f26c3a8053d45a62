"""Quantity claims: handwritten sentences for each rule, then the seeds and the example corpus."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.analyze.claims.quantities import Quantity, disagree, find_quantities, same_measure
from newsprism.analyze.entities.aliases import default_aliases
from newsprism.models import Models
from newsprism.nlp import parse
from newsprism.nlp.parse import pipeline
from newsprism.records import Article, Span
from tests.analyze.conftest import Parsed


def _article(text: str) -> Article:
    return Article(Article.make_id(None, None, text), "test", None, None, None, None, "en", text)


def _verbatim(article: Article, quantities: list[Quantity]) -> None:
    for q in quantities:
        for span in (q.evidence, q.number):
            assert span.article == article.id
            assert span.text == article.text[span.start : span.end]
        assert q.evidence.start <= q.number.start and q.number.end <= q.evidence.end
        assert 0 <= q.low <= q.high and q.counted


def _find(models: Models, text: str) -> list[Quantity]:
    article = _article(text)
    found = find_quantities(article, next(parse([article], models, default_aliases())))
    _verbatim(article, found)
    return found


def _one(models: Models, text: str) -> Quantity:
    found = _find(models, text)
    assert len(found) == 1, [q.number.text for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [
        ("Twelve people were killed.", None, 12, 12),
        ("At least 14 people died in the flood.", "at least", 14, math.inf),
        ("More than 85 locations were targeted.", "more than", 85, math.inf),
        ("Over 200 people were evacuated.", "over", 200, math.inf),
        ("Up to 30 people were injured.", "up to", 0, 30),
        ("At most 12 soldiers were wounded.", "at most", 0, 12),
        ("Fewer than 10 people were injured.", "fewer than", 0, 10),
        ("About 2,300 residents were evacuated.", "about", 2070, 2530),
        ("Approximately 2,500 troops are stationed in Iraq.", "approximately", 2250, 2750),
        ("Around 40 people were arrested.", "around", 36, 44),
        ("Some 2,300 people were evacuated.", "some", 2070, 2530),
        ("Roughly 500 people were evacuated.", "roughly", 450, 550),
        ("Nearly 3,000 people fled their homes.", "nearly", 2550, 3000),
    ],
)
def test_qualifiers_set_the_bounds(
    models: Models, text: str, qualifier: str | None, low: float, high: float
) -> None:
    q = _one(models, text)
    assert q.qualifier == qualifier
    assert q.low == pytest.approx(low) and q.high == pytest.approx(high)


@pytest.mark.parametrize(
    ("text", "value", "number", "counted"),
    [
        ("The flood displaced 1.5 million people.", 1.5e6, "1.5 million", "person"),
        ("Twenty-five people were killed.", 25, "Twenty-five", "person"),
        ("Two hundred and fifty people were injured.", 250, "Two hundred and fifty", "person"),
        ("A dozen soldiers were wounded.", 12, "A dozen", "soldier"),
        ("Among the missing are 3 engineers.", 3, "3", "engineer"),
        ("Among the missing are three engineers.", 3, "three", "engineer"),
        ("The damage was put at $4 million.", 4e6, "$4 million", "dollar"),
        ("The storm destroyed 40% of the crops.", 40, "40", "percent"),
        ("Police arrested 20 of the protesters.", 20, "20", "protester"),
        ("The U. S. island is home to 120, 000 people.", 120000, "120, 000", "person"),
    ],
)
def test_digit_and_word_forms(
    models: Models, text: str, value: float, number: str, counted: str
) -> None:
    q = _one(models, text)
    assert (q.value, q.number.text, q.counted) == (value, number, counted)


@pytest.mark.parametrize(
    "text",
    [
        "The dam was completed in 1968.",
        "On 3 May 2024 at 5 p.m. the water rose.",
        "He finished first for the third time.",
        "A 61-year-old man was hurt.",
        "Microsoft patched MS08-078 last year.",
        "They drove along Route 66 to Tower 22.",
        "Call 555-0100 for details.",
        "Varnholt beat Lisk 2-1 on Tuesday.",
        "This is just one in a series of attacks, one of them said.",
        "Hundreds of families spent the night in a school.",
    ],
)
def test_numbers_that_count_nothing_are_skipped(models: Models, text: str) -> None:
    assert _find(models, text) == []


@pytest.mark.parametrize(
    ("text", "number", "counted"),
    [
        (
            "The strike killed al-Saadi and two other militants.",
            "al-Saadi and two other militants",
            "militant",
        ),
        ("The strike killed a commander and two aides.", "a commander and two aides", "person"),
        ("The raid killed the commander and two others.", "the commander and two others", "person"),
    ],
)
def test_coordination_adds_the_named(models: Models, text: str, number: str, counted: str) -> None:
    q = _one(models, text)
    assert (q.value, q.number.text, q.counted, q.event) == (3, number, counted, "kill")


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [
        ("Between 20 and 30 people were hurt.", "between", 20, 30),
        ("Officials said 2,000-3,000 people fled.", "-", 2000, 3000),
        ("The death toll rose from 12 to 14 on Thursday.", None, 14, 14),
        ("Two or three people were hurt.", "or", 2, 3),
    ],
)
def test_ranges_and_changes(
    models: Models, text: str, qualifier: str | None, low: float, high: float
) -> None:
    q = _one(models, text)
    assert (q.qualifier, q.low, q.high, q.counted) == (qualifier, low, high, "person")


def test_a_list_of_choices_is_no_range(models: Models) -> None:
    """ "N or M" after a comma ends a list of choices ("$100, 250 or 400"), no range."""
    found = _find(models, "The fine was $100, 250 or 400 dollars.")
    assert (found[0].low, found[0].high) == (100, 100)


def test_a_score_written_with_spaces_counts_nothing(models: Models) -> None:
    """ "fell to 36 - 3 (24 KO)" is a record, as "36-3" is: neither figure counts what
    follows it, though the hyphen stands apart as tokenized corpora write it."""
    from newsprism.analyze.claims.numbers import skipped

    article = _article("Thompson, the challenger, fell to 36 - 3 (24 KO).")
    doc = next(parse([article], models, default_aliases()))
    figures = [t.i for t in doc if t.text in ("36", "3")]
    assert figures and all(skipped(doc, i, i + 1) for i in figures)


def test_coordination_of_two_counts_stays_two(models: Models) -> None:
    found = _find(models, "The strike killed two soldiers and three civilians.")
    assert [(q.value, q.counted) for q in found] == [(2, "soldier"), (3, "civilian")]


def test_including_does_not_add(models: Models) -> None:
    text = (
        "Three members of Kataib Hezbollah, including the commander of their operations "
        "in Syria, were killed in Baghdad."
    )
    q = _one(models, text)
    assert (q.value, q.counted, q.event) == (3, "member", "kill")


@pytest.mark.parametrize(
    ("text", "value", "event"),
    [
        ("The death toll rose to 14 on Thursday.", 14, "kill"),
        ("12 dead and 30 injured in dam collapse", 12, "kill"),
        ("The attack left 12 dead.", 12, "kill"),
        ("Twelve people are confirmed dead.", 12, "kill"),
        ("The attack claimed the lives of three people.", 3, "kill"),
        ("Nearly 3,000 people have been forced from their homes.", 3000, "evacuate"),
    ],
)
def test_event_words_fold(models: Models, text: str, value: float, event: str) -> None:
    q = _find(models, text)[0]
    assert (q.value, q.counted, q.event) == (value, "person", event)


def test_ellipsis_borrows_the_counted(models: Models) -> None:
    text = "Officials said 12 people were killed and at least 20 were still missing."
    found = _find(models, text)
    assert [(q.value, q.counted, q.event) for q in found] == [
        (12, "person", "kill"),
        (20, "person", "missing"),
    ]
    assert found[0].evidence.text == "12 people were killed"


def test_negation_is_kept_and_never_disagrees(models: Models) -> None:
    negated = _one(models, "Officials said 12 people were not killed.")
    stated = _one(models, "At least 14 people were killed.")
    assert negated.negated and not stated.negated
    assert not disagree(negated, stated)


def _quantity(value: float, low: float, high: float, counted: str, event: str | None) -> Quantity:
    span = Span("a", 0, 0, "")
    return Quantity(span, span, value, low, high, None, counted, event, False)


def test_disagree_needs_one_measure_and_apart_ranges() -> None:
    twelve = _quantity(12, 12, 12, "person", "kill")
    fourteen = _quantity(14, 14, math.inf, "person", "kill")
    about = _quantity(13, 11.7, 14.3, "person", "kill")
    assert disagree(twelve, fourteen) and disagree(fourteen, twelve)
    assert not disagree(twelve, about) and not disagree(about, fourteen)
    assert not disagree(twelve, _quantity(14, 14, 14, "person", "wound"))
    assert not disagree(twelve, _quantity(14, 14, 14, "soldier", "kill"))
    assert same_measure(_quantity(1, 1, 1, "person", None), _quantity(2, 2, 2, "person", None))


def _all(parsed: Parsed) -> list[tuple[Article, list[Quantity]]]:
    pairs = [(a, find_quantities(a, d)) for a, d in zip(parsed.articles, parsed.docs, strict=True)]
    for article, found in pairs:
        _verbatim(article, found)
    return pairs


def test_seed_troop_count(seeds_parsed: Parsed) -> None:
    seen = set()
    for article, found in _all(seeds_parsed):
        if "2,500" not in article.text:
            continue
        troops = [q for q in found if q.number.text == "2,500"]
        assert troops, article.outlet
        q = troops[0]
        assert (q.value, q.counted, q.event) == (2500, "soldier", "deploy")
        written = article.text[: q.number.start].split()[-1].lower()
        assert q.qualifier == (written if written in ("approximately", "about") else None)
        seen.add(q.qualifier)
    assert seen == {"approximately", None}


def test_seed_death_tolls(seeds_parsed: Parsed) -> None:
    tolls = {
        "al-Saadi and two other": ("militant", "al-Saadi and two other Iran-backed militants"),
        "Three members of Kataib": ("member", "Three"),
        "death of three individuals": ("person", "three"),
    }
    found_tolls = set()
    for article, found in _all(seeds_parsed):
        for marker, (counted, number) in tolls.items():
            if marker in article.text:
                assert any(
                    (q.value, q.counted, q.event, q.number.text) == (3, counted, "kill", number)
                    for q in found
                ), marker
                found_tolls.add(marker)
    assert found_tolls == set(tolls)


def test_seed_jordan_attack_and_iraqi_deaths(seeds_parsed: Parsed) -> None:
    every = [q for _, found in _all(seeds_parsed) for q in found]
    soldiers = [q for q in every if (q.counted, q.event, q.value) == ("soldier", "kill", 3)]
    assert len(soldiers) == 3  # "service members", "troops", "soldiers"
    iraqis = [q for q in every if q.counted == "iraqi"]
    assert [(q.value, q.low, q.high, q.qualifier, q.event) for q in iraqis] == [
        (16, 16, math.inf, "at least", "kill")
    ]
    assert iraqis[0].evidence.text.endswith("the deaths of at least 16 Iraqis")


def test_example_corpus_death_toll_and_engineers(examples_parsed: Parsed) -> None:
    every = [q for _, found in _all(examples_parsed) for q in found]
    dead = [q for q in every if (q.counted, q.event) == ("person", "kill")]
    twelve = [q for q in dead if q.value == 12 and q.qualifier is None]
    fourteen = [q for q in dead if q.value == 14 and q.qualifier == "at least"]
    assert len(twelve) == 4 and len(fourteen) == 2
    assert all(disagree(a, b) for a in twelve for b in fourteen)
    assert not any(disagree(a, b) for a in twelve for b in twelve)
    engineers = [q for q in every if q.counted == "engineer"]
    assert sorted(q.number.text for q in engineers) == ["3", "3", "three"]
    assert all(same_measure(a, b) and not disagree(a, b) for a in engineers for b in engineers)


_WORDS = """zero 0 one two three twenty - fifty hundred dozen a an and at least about nearly
    some between from to people troops killed dead other others of the Route May 2024 , . $ %
    ( ) including not toll"""
_PIECES = st.one_of(
    st.sampled_from([*_WORDS.split(), "\n", "al-Saadi"]),
    st.from_regex(r"\d{1,4}(,\d{3})?(\.\d)?", fullmatch=True),
    st.text(alphabet="abcXYZ-0123456789 ,.", max_size=8),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(_PIECES, max_size=25), joiner=st.sampled_from([" ", "", "-"]))
def test_never_raises_on_numbers_and_words(models: Models, words: list[str], joiner: str) -> None:
    text = joiner.join(words)
    article = _article(text)
    _verbatim(article, find_quantities(article, pipeline(models, default_aliases())(text)))
