"""Provenance: the upstream sources articles name, real and handwritten."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.analyze.entities.aliases import default_aliases
from newsprism.analyze.provenance.cites import cites_outlet, find_cites, point_cites, upstream
from newsprism.analyze.provenance.outlets import outlet_key
from newsprism.models import Models
from newsprism.nlp.parse import pipeline
from newsprism.records import Article, Cite, Span

from .conftest import Parsed

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def nlp(models: Models) -> Any:
    return pipeline(models, default_aliases())


def article(text: str, outlet: str | None = None, name: str = "a") -> Article:
    return Article(name, "test", None, outlet, None, None, None, text)


def verbatim(item: Article, cites: list[Cite]) -> list[Cite]:
    for cite in cites:
        assert cite.span.article == item.id
        assert cite.span.text == item.text[cite.span.start : cite.span.end]
        assert cite.name and cite.name in " ".join(cite.span.text.split())
    return cites


def cites_in(nlp: Any, text: str, outlet: str | None = None) -> list[tuple[str, str]]:
    item = article(text, outlet)
    return [(c.name, c.span.text) for c in verbatim(item, find_cites(item, nlp(text)))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The militia lost three fighters, NY Post reported.", ("NY Post", "NY Post reported")),
        ("The militia is angry, according to Reuters.", ("Reuters", "according to Reuters")),
        (
            "The strike killed three people, according to Central Command.",
            ("Central Command", "according to Central Command"),
        ),
        ('"We will respond," a commander told Sky News on Monday.', ("Sky News", "told Sky News")),
        (
            "He said so in an interview with CNN on Sunday.",
            ("CNN", "in an interview with CNN"),
        ),
        (
            "Reuters contributed to this report.",
            ("Reuters", "Reuters contributed to this report"),
        ),
        (
            "U.S. Central Command said in a statement that the strike killed a commander.",
            ("U.S. Central Command", "U.S. Central Command said in a statement"),
        ),
        (
            "The strike was lawful, a statement from the Pentagon said.",
            ("Pentagon", "statement from the Pentagon"),
        ),
        (
            "The statement released by the Central Command stated that the strike hit a car.",
            ("Central Command", "statement released by the Central Command"),
        ),
        ("The strike was lawful, the ministry said.", ("ministry", "ministry said")),
        ("The strike was lawful, said the ministry.", ("ministry", "said the ministry")),
        (
            "The Washington Post's report said the toll rose.",
            ("Washington Post", "Washington Post's report"),
        ),
        ("The figures were reported by Al Jazeera.", ("Al Jazeera", "reported by Al Jazeera")),
        ("Troops withdrew, citing a report by Al-Monitor.", ("Al-Monitor", "report by Al-Monitor")),
        ("The claim spread online (via Xinhua).", ("Xinhua", "via Xinhua")),
        ("WASHINGTON (AFP) — The strike was lawful.", ("AFP", "(AFP) —")),
    ],
)
def test_each_pattern_finds_its_source(nlp: Any, text: str, expected: tuple[str, str]) -> None:
    assert expected in cites_in(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        '"We will not rest," John Smith said.',
        "Yehia Rasool said the attack was a violation. Rasool stated it again.",
        "Ilias Demirchanow visited. Demirchanow said the search would go on.",
        "The ministry will report the figures next week.",
        "The ministry did not say how many people died.",
        "Hezbollah contributed to the attacks.",
        "Iran issued sanctions against the firm.",
        "The Iraqi government summoned the U.S. charge d'affaires in Baghdad.",
        "He told the ministry about the leak.",
        "Officials said 12 people were killed.",
        "Gov. Andrew Cuomo (D-N.Y.) said the state would reopen.",
        "Tedros Adhanom Ghebreyesus, director general of the agency, said cases rose.",
        "The FDA is expected to say more on Friday.",
    ],
)
def test_people_and_non_reports_are_not_cites(nlp: Any, text: str) -> None:
    assert cites_in(nlp, text) == []


def test_the_articles_own_outlet_is_not_upstream(nlp: Any) -> None:
    dateline = "BAGHDAD (Reuters) - Iraq condemned the strike."
    assert cites_in(nlp, dateline, outlet="Reuters") == []
    assert cites_in(nlp, dateline, outlet="Associated Press") == [("Reuters", "(Reuters) -")]
    wire = "WASHINGTON (AP) — The strike was lawful, AP reported."
    assert cites_in(nlp, wire, outlet="Associated Press") == []
    assert cites_in(nlp, wire, outlet="AP Politics & Fact Check") == []
    itself = "Senate sources confirmed to The Post that he was dug in."
    assert cites_in(nlp, itself, outlet="New York Post (News)") == []


def test_outlets_and_organisations_joined_by_and_are_both_cited(nlp: Any) -> None:
    names = [name for name, _ in cites_in(nlp, "Reuters and the Associated Press reported it.")]
    assert names == ["Reuters", "Associated Press"]


def test_a_doc_of_other_text_is_refused(nlp: Any) -> None:
    with pytest.raises(ValueError, match="article a"):
        find_cites(article("One text."), nlp("Another text."))


def seed(parsed: Parsed, words: str) -> tuple[Article, list[Cite]]:
    index = next(i for i, a in enumerate(parsed.articles) if words in a.text)
    item = parsed.articles[index]
    return item, verbatim(item, find_cites(item, parsed.docs[index]))


def spans(cites: list[Cite]) -> set[tuple[str, str]]:
    return {(c.name, c.span.text) for c in cites}


def test_seed_cites(seeds_parsed: Parsed) -> None:
    _, thin_line = seed(seeds_parsed, "NY Post reported")
    assert ("NY Post", "NY Post reported") in spans(thin_line)
    assert ("U.S. Central Command", "U.S. Central Command emphasized") in spans(thin_line)
    _, sky = seed(seeds_parsed, "Sky News")
    assert ("Sky News", "expressed to Sky News") in spans(sky)
    _, centcom = seed(seeds_parsed, "The statement released by the Central Command")
    assert {
        ("Central Command", "Central Command has confirmed"),
        ("Central Command", "statement released by the Central Command"),
    } <= spans(centcom)
    _, gulan = seed(seeds_parsed, "U.S. Central Command defended the strike")
    assert "U.S. Central Command" in {c.name for c in gulan}
    assert "Pentagon" in {c.name for c in gulan}


def test_seeds_cite_no_person_and_not_their_own_outlet(seeds_parsed: Parsed) -> None:
    for item, doc in zip(seeds_parsed.articles, seeds_parsed.docs, strict=True):
        cites = verbatim(item, find_cites(item, doc))
        names = " ".join(c.name for c in cites)
        for person in ("Rasool", "Blinken", "Hussein", "Biden", "Saadi"):
            assert person not in names
        assert not any(cites_outlet(c, item.outlet) for c in cites)
    tasnim = seeds_parsed.by_outlet("Tasnim News Agency")
    assert tasnim.text.startswith("TEHRAN (Tasnim) -")


def test_example_corpus_cites_the_harbor_ledger(examples_parsed: Parsed) -> None:
    found = {
        a.outlet: verbatim(a, find_cites(a, d))
        for a, d in zip(examples_parsed.articles, examples_parsed.docs, strict=True)
    }
    for outlet in ("Riverside Bulletin", "Coastal Times Online"):
        assert ("Harbor Ledger", "Harbor Ledger reported") in spans(found[outlet])
    assert not any(cites_outlet(c, "Northern Courier") for c in found["Northern Courier"])
    assert not any(cites_outlet(c, "Meridian News Agency") for c in found["Meridian News Agency"])
    meridian = spans(found["Meridian News Agency"])
    assert ("NVHA", "NVHA said") in meridian
    assert (
        "Northern Valdoria Hydro Authority",
        "according to the Northern Valdoria Hydro Authority",
    ) in meridian

    by_id = {a.id: found[a.outlet] for a in examples_parsed.articles}
    leans = upstream(examples_parsed.articles, by_id)
    ids = {a.outlet: a.id for a in examples_parsed.articles}
    assert leans[ids["Riverside Bulletin"]] == {ids["Harbor Ledger"]}
    assert leans[ids["Coastal Times Online"]] == {ids["Harbor Ledger"]}
    assert leans[ids["Harbor Ledger"]] == set()


@pytest.mark.parametrize(
    ("name", "outlet", "same"),
    [
        ("NY Post", "New York Post", True),
        ("N.Y. Post", "The New York Post", True),
        ("AP", "Associated Press", True),
        ("the Associated Press", "AP", True),
        ("AFP", "Agence France-Presse", True),
        ("Tasnim", "Tasnim News Agency", True),
        ("Meridian", "Meridian News Agency", True),
        ("the Harbor Ledger", "Harbor Ledger", True),
        ("Al-Jazeera", "Al Jazeera", True),
        ("NYT", "New York Times", True),
        ("CNN", "CNN (Opinion)", True),
        ("AP", "AP Politics & Fact Check", True),
        ("New York", "New York Times", False),
        ("Reuters", "Associated Press", False),
        ("NY Post", "Washington Post", False),
        ("New York Post", "New York Times", False),
        ("Central Command", None, False),
        ("Central Command", "", False),
    ],
)
def test_cites_outlet_ignores_spelling_and_aliases(
    name: str, outlet: str | None, same: bool
) -> None:
    cite = Cite(name, Span("a", 0, len(name), name))
    assert cites_outlet(cite, outlet) is same


def test_upstream_links_an_article_to_the_outlet_it_cites() -> None:
    source = article("Twelve people died.", outlet="New York Post", name="post")
    copy = article("Twelve people died, NY Post reported.", outlet="Daily Echo", name="copy")
    other = article("Twelve people died.", outlet="Reuters", name="wire")
    cite = Cite("NY Post", Span.of(copy, 20, 36))
    assert cite.span.text == "NY Post reported"
    leans = upstream([source, copy, other], {"copy": [cite]})
    assert leans == {"post": set(), "copy": {"post"}, "wire": set()}


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("NY Post", "New York Post", True),
        ("The N.Y. Post", "new york post", True),
        ("Tasnim", "Tasnim News Agency", True),
        ("AP", "The Associated Press", True),
        ("NY Post", "Washington Post", False),
        ("Reuters", "Associated Press", False),
        (None, None, False),  # two articles without an outlet are not one outlet
        ("", "", False),
        ("—", "—", False),  # nor are two whose outlet folds to nothing
    ],
)
def test_one_outlet_key_for_every_spelling(one: str | None, other: str | None, same: bool) -> None:
    assert (outlet_key(one, "a1") == outlet_key(other, "a2")) is same
    assert outlet_key(one, "a1") == outlet_key(one, "a1")


def test_a_cite_carries_the_story_article_of_the_outlet_it_names() -> None:
    post = article("Twelve people died.", outlet="NY Post", name="post")
    again = article("Twelve people died.", outlet="New York Post", name="again")
    ledger = article("Twelve died, the New York Post reported.", outlet="Harbor Ledger", name="hl")
    cites = {
        "hl": [
            Cite("New York Post", Span.of(ledger, 17, 39)),
            Cite("Central Command", Span.of(ledger, 0, 6)),
        ]
    }
    assert cites["hl"][0].span.text == "New York Post reported"
    pointed = point_cites([post, again, ledger], cites)
    # The first of the story's articles of that outlet, whatever its spelling of it.
    assert [c.article for c in pointed["hl"]] == ["post", None]
    assert [c.name for c in pointed["hl"]] == ["New York Post", "Central Command"]


_PIECES = [
    "NY Post reported",
    "according to",
    " Reuters",
    " the ministry said",
    "told Sky News",
    "(AP) — ",
    "WASHINGTON ",
    "via ",
    "'s report",
    " statement released by",
    " in an interview with ",
    "\n\n",
    ", ",
    ".",
    "“",
    "”",
    " Rasool said",
    "é",
    " ",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(max_size=200),
        st.lists(st.sampled_from(_PIECES), max_size=40).map("".join),
    )
)
def test_find_cites_never_raises_and_spans_are_verbatim(nlp: Any, text: str) -> None:
    item = article(text, outlet="Reuters")
    verbatim(item, find_cites(item, nlp(text)))
