"""Comparing assertions across outlets: status, conflicts, independence, the brief."""

from __future__ import annotations

from functools import partial

import numpy as np

from newsprism.analyze.brief import write_brief
from newsprism.analyze.claims.assertions import Assertion
from newsprism.analyze.claims.compare import compare, independent
from newsprism.analyze.claims.quantities import Quantity
from newsprism.analyze.provenance.outlets import outlet_keys
from newsprism.models import Models
from newsprism.records import Article, Claim, ClaimKind, Evidence, Span
from tests.analyze.claims.build import two_outlet_conflicts

TEXT = "Twelve people died. At least 14 people died. The spokesperson spoke."


def _article(outlet: str) -> Article:
    return Article(Article.make_id(outlet, None, TEXT), "x", None, outlet, None, None, "en", TEXT)


A, B, C = _article("Alpha"), _article("Beta"), _article("Gamma")


def _span(article: Article, words: str) -> Span:
    start = article.text.index(words)
    return Span.of(article, start, start + len(words))


def _embed(texts: list[str]) -> np.ndarray:
    return np.ones((len(texts), 4), dtype=np.float32) / 2.0


def _count(
    article: Article, words: str, low: float, high: float, counted: str, event: str
) -> Assertion:
    span = _span(article, words)
    return Assertion(
        "quantity",
        ("quantity", counted, event),
        str(low),
        f"{event}: {words}",
        span,
        about=f"how many {counted} {event}",
        quantity=Quantity(span, span, low, low, high, None, counted, event, False),
    )


def _deaths(article: Article, words: str, low: float, high: float) -> Assertion:
    return _count(article, words, low, high, "person", "kill")


def test_numbers_apart_after_qualifiers_conflict() -> None:
    result = compare(
        [_deaths(A, "Twelve people died", 12, 12), _deaths(B, "At least 14 people died", 14, 1e9)],
        outlet_keys([A, B]),
        {},
        _embed,
    )
    assert [c.status for c in result.claims] == ["conflicting"]
    stances = {e.span.article: e.stance for e in result.claims[0].evidence}
    assert set(stances.values()) == {"supports", "contradicts"}
    assert len(result.conflicts) == 1 and len(result.conflicts[0].sides) == 2


def test_overlapping_ranges_corroborate() -> None:
    result = compare(
        [_deaths(A, "Twelve people died", 12, 12), _deaths(B, "At least 14 people died", 10, 1e9)],
        outlet_keys([A, B]),
        {},
        _embed,
    )
    assert [c.status for c in result.claims] == ["corroborated"]
    assert result.conflicts == ()


def test_a_copy_is_not_independent_corroboration() -> None:
    claims = [_deaths(A, "Twelve people died", 12, 12), _deaths(B, "Twelve people died", 12, 12)]
    copied = {A.id: {B.id}, B.id: {A.id}}
    assert compare(claims, outlet_keys([A, B]), copied, _embed).claims[0].status == "single_source"
    assert independent({A.id, B.id, C.id}, {A.id: "a", B.id: "b", C.id: "c"}, copied) == 2


def test_one_outlet_twice_counts_once() -> None:
    assert independent({A.id, B.id}, {A.id: "same", B.id: "same"}, {}) == 1


def _role(article: Article, words: frozenset[str]) -> Assertion:
    return Assertion(
        "attribute",
        ("attribute", "e1", "spokesperson"),
        " ".join(sorted(words)),
        "role",
        _span(article, "The spokesperson"),
        "e1",
        words=words,
        about="e1's role",
    )


def test_disjoint_affiliations_conflict_and_unknown_ones_do_not() -> None:
    pm, army = frozenset({"prime", "minister"}), frozenset({"armed", "forces"})
    result = compare([_role(A, pm), _role(B, army)], outlet_keys([A, B]), {}, _embed)
    assert result.claims[0].status == "conflicting"
    result = compare([_role(A, pm), _role(B, frozenset())], outlet_keys([A, B]), {}, _embed)
    assert result.claims[0].status == "corroborated"


def test_brief_cites_every_sentence() -> None:
    claims = [
        _deaths(A, "Twelve people died", 12, 12),
        _deaths(B, "At least 14 people died", 14, 1e9),
    ]
    result = compare(claims, outlet_keys([A, B]), {}, _embed)
    brief = write_brief(result.claims, result.conflicts, [A, B])
    assert brief and all(sentence.citations for sentence in brief)
    assert "Alpha" in brief[0].text and "Beta" in brief[0].text


def test_two_spellings_of_one_outlet_are_one_source() -> None:
    """ "NY Post" and "New York Post" are one outlet: their two articles do not corroborate
    each other, and the brief names the outlet once."""
    post, new_york_post, echo = _article("NY Post"), _article("New York Post"), _article("Echo")
    same = [_deaths(post, "Twelve people died", 12, 12)]
    alias = compare(
        [*same, _deaths(new_york_post, "Twelve people died", 12, 12)],
        outlet_keys([post, new_york_post]),
        {},
        _embed,
    )
    assert [c.status for c in alias.claims] == ["single_source"]
    assert len(alias.claims[0].evidence) == 2
    other = compare(
        [*same, _deaths(echo, "Twelve people died", 12, 12)], outlet_keys([post, echo]), {}, _embed
    )
    assert [c.status for c in other.claims] == ["corroborated"]
    brief = write_brief(alias.claims, alias.conflicts, [post, new_york_post])
    assert [s.text.split(":")[0] for s in brief] == [
        "Only NY Post reports, as an independent source"
    ]
    assert "New York Post" not in brief[0].text and len(brief[0].citations) == 2
    ids = {post.id, new_york_post.id}
    assert independent(ids, outlet_keys([post, new_york_post]), {}) == 1


def test_counts_of_other_things_never_conflict() -> None:
    points = [
        _count(A, "Twelve people died", 20, 20, "point", "score"),
        _count(B, "At least 14 people died", 23, 23, "point", "score"),
    ]
    assert compare(points, outlet_keys([A, B]), {}, _embed).conflicts == ()


def test_an_acronym_is_not_another_employer() -> None:
    long = frozenset({"california", "highway", "patrol", "chp"})
    result = compare(
        [_role(A, long), _role(B, frozenset({"chp"}))], outlet_keys([A, B]), {}, _embed
    )
    assert result.conflicts == ()


def test_the_brief_says_how_many_of_a_facts_outlets_are_independent() -> None:
    """Three outlets agree, one of them copying another: "(two independent of each other)";
    with no copies the brief says nothing of it."""
    claims = [_deaths(x, "Twelve people died", 12, 12) for x in (A, B, C)]
    copied = {C.id: {A.id}, A.id: {C.id}}
    result = compare(claims, outlet_keys([A, B, C]), copied, _embed)
    keys = outlet_keys([A, B, C])
    sources = partial(independent, outlets=keys, dependent=copied)
    (agreed, *_) = write_brief(result.claims, result.conflicts, [A, B, C], sources=sources)
    assert agreed.text.startswith("Reported by Alpha, Beta and Gamma (two independent of each")
    result = compare(claims, outlet_keys([A, B, C]), {}, _embed)
    (plain, *_) = write_brief(result.claims, result.conflicts, [A, B, C])
    assert plain.text.startswith("Reported by Alpha, Beta and Gamma; ")


def test_the_brief_tells_first_what_most_sources_tell_earliest() -> None:
    """Agreed facts in the brief: told by more independent sources first (three outlets of
    which two copy each other are two sources), then by more outlets, whatever their kind
    (a figure two outlets give comes after an act three tell, and here not at all), and of
    two told alike, the one their articles tell first."""
    text = "A dam burst on Monday. The river rose. Officials spoke. 12 people died."
    alpha, beta, copy, delta = (
        Article(Article.make_id(n, None, text), "x", None, n, None, None, "en", text)
        for n in ("Alpha", "Beta", "Copy", "Delta")
    )
    articles = [alpha, beta, copy, delta]
    copied = {copy.id: {alpha.id}, alpha.id: {copy.id}}
    sources = partial(independent, outlets=outlet_keys(articles), dependent=copied)

    def agreed(kind: ClaimKind, words: str, told_by: list[Article]) -> Claim:
        evidence = tuple(Evidence(_span(a, words), "supports") for a in told_by)
        return Claim(f"c-{words}", kind, words, "corroborated", evidence)

    claims = [
        agreed("quantity", "12 people died.", [alpha, beta]),
        agreed("event", "A dam burst on Monday.", [alpha, copy, beta]),
        agreed("statement", "The river rose.", [alpha, beta]),
        agreed("statement", "Officials spoke.", [alpha, beta, delta]),
    ]
    brief = write_brief(claims, [], articles, sources=sources)
    words = ("dam", "river", "Officials", "12 people")
    quoted = [next(w for w in words if w in s.text) for s in brief]
    assert quoted == ["Officials", "dam", "river"]  # three agreed facts at most


def test_the_brief_tells_an_agreed_fact_once() -> None:
    """A quotation the outlets agree on, then the sentence that holds it: told once; the
    next agreed fact is told instead, and once though another sentence quotes it in
    other words ("a clinic" / "'... the clinic,' her agent said")."""
    text = (
        "'We ask for privacy,' he said in a statement. The actress entered a clinic. "
        "'The actress entered the clinic,' her agent said."
    )
    alpha, beta = (
        Article(Article.make_id(n, None, text), "x", None, n, None, None, "en", text)
        for n in ("Alpha", "Beta")
    )

    def agreed(words: str) -> Claim:
        evidence = tuple(Evidence(_span(a, words), "supports") for a in (alpha, beta))
        return Claim(f"c-{words}", "statement", words, "corroborated", evidence)

    claims = [
        agreed("We ask for privacy"),
        agreed("'We ask for privacy,' he said in a statement."),
        agreed("The actress entered a clinic."),
        agreed("'The actress entered the clinic,' her agent said."),
    ]
    brief = write_brief(claims, [], [alpha, beta])
    assert [s.text.count("privacy") for s in brief] == [1, 0]
    assert "clinic" in brief[1].text and len(brief) == 2


def test_the_brief_tells_two_facts_of_one_sentence_apart() -> None:
    """One outlet's sentence holds two agreed facts ("The dam broke, and 12 people died."):
    citing it for the first does not keep the second out of the brief."""
    texts = {
        "Gamma": "The dam broke.",
        "Alpha": "The dam broke, and 12 people died.",
        "Beta": "The dam broke and 12 died.",
        "Delta": "Twelve people died.",
    }
    articles = {
        n: Article(Article.make_id(n, None, t), "x", None, n, None, None, "en", t)
        for n, t in texts.items()
    }

    def agreed(name: str, told: dict[str, str]) -> Claim:
        evidence = tuple(Evidence(_span(articles[n], w), "supports") for n, w in told.items())
        return Claim(name, "event", name, "corroborated", evidence)

    claims = [
        agreed(
            "broke",
            {"Gamma": "The dam broke.", "Alpha": texts["Alpha"], "Beta": texts["Beta"]},
        ),
        agreed("died", {"Delta": texts["Delta"], "Alpha": "12 people died", "Beta": "12 died"}),
    ]
    brief = write_brief(claims, [], list(articles.values()))
    assert len(brief) == 2 and "Twelve people died" in brief[1].text


def test_a_title_word_of_a_label_names_no_employer(models: Models) -> None:
    """ "Press Secretary" says whom one speaks to, not for: no other employer than the
    White House."""
    one = "Press Secretary Jen Psaki said on Thursday that Facebook must do more."
    other = "White House press secretary Jen Psaki said on Thursday that Facebook must act."
    assert two_outlet_conflicts(models, one, other, lambda about: "role" in about) == []
    pentagon = "Pentagon press secretary Jen Psaki said on Thursday that Facebook must do more."
    (role,) = two_outlet_conflicts(models, pentagon, other, lambda about: "role" in about)
    assert role.about == "Jen Psaki's role"  # two employers named: still a conflict
