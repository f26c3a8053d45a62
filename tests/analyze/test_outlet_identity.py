"""One outlet however it is spelled: "NY Post" and "New York Post" are one source in the
claims, one outlet in the brief, the graph and the matrix, and a cite of "the New York
Post" points to the story's article of that outlet. Small real articles through the real
analysis."""

from __future__ import annotations

import pytest

from newsprism.analyze.entities.aliases import default_aliases
from newsprism.analyze.story import analyze_story
from newsprism.models import Models
from newsprism.nlp import parse
from newsprism.records import Article, Provenance, Story
from newsprism.render.graph import provenance_graph
from newsprism.render.matrix import claim_matrix

POST = (
    "A wildfire destroyed 40 homes in the town of Brenton on Tuesday, fire officials said. "
    "Crews from three counties fought the flames through the night."
)
NEW_YORK_POST = (
    "Fire officials said the wildfire destroyed 40 homes in Brenton on Tuesday. "
    "Residents were told to leave before dawn."
)
LEDGER = (
    "The mayor of Brenton asked the state for more help, the New York Post reported. "
    "The town has 9,000 residents."
)


def _article(outlet: str, text: str) -> Article:
    return Article(
        Article.make_id(outlet, None, text), f"{outlet}.txt", None, outlet, None, None, "en", text
    )


@pytest.fixture(scope="module")
def analysed(models: Models) -> tuple[Story, list[Article]]:
    articles = [
        _article("NY Post", POST),
        _article("New York Post", NEW_YORK_POST),
        _article("Harbor Ledger", LEDGER),
    ]
    docs = list(parse(articles, models, default_aliases()))
    ids = tuple(a.id for a in articles)
    story = Story(Story.make_id(ids), "Brenton fire", ids, tuple(Provenance(i) for i in ids))
    return analyze_story(story, articles, docs, models, default_aliases()), articles


def test_each_article_has_its_outlets_key(analysed: tuple[Story, list[Article]]) -> None:
    story, (post, new_york_post, ledger) = analysed
    keys = {p.article: p.outlet_key for p in story.provenance}
    assert keys[post.id] == keys[new_york_post.id] != keys[ledger.id]


def test_a_cite_carries_the_article_of_the_outlet_it_names(
    analysed: tuple[Story, list[Article]],
) -> None:
    story, (post, _, ledger) = analysed
    cites = [c for p in story.provenance for c in p.cites]
    assert [(c.span.article, c.name, c.article) for c in cites] == [
        (ledger.id, "New York Post", post.id)
    ]


def test_two_spellings_of_one_outlet_are_one_source(
    analysed: tuple[Story, list[Article]],
) -> None:
    story, (post, new_york_post, _) = analysed
    homes = [c for c in story.claims if "40 homes" in c.text]
    assert homes, [c.text for c in story.claims]
    for claim in homes:
        assert {e.span.article for e in claim.evidence} == {post.id, new_york_post.id}
        assert claim.status == "single_source"  # not corroborated by two outlets


def test_one_outlet_in_the_brief(analysed: tuple[Story, list[Article]]) -> None:
    story, (post, new_york_post, _) = analysed
    sentences = [
        s.text
        for s in story.brief
        if {c.article for c in s.citations} >= {post.id, new_york_post.id}
    ]
    assert sentences and all(s.startswith("Only NY Post reports") for s in sentences)
    assert not any("New York Post" in s.split(":")[0] for s in sentences)
    assert not any("Reported by" in s.text for s in story.brief)


def test_one_outlet_in_the_graph_and_the_matrix(analysed: tuple[Story, list[Article]]) -> None:
    story, (post, _, ledger) = analysed
    graph = provenance_graph(story, analysed[1])
    assert {(e.kind, e.source, e.target) for e in graph.edges} == {("cites", ledger.id, post.id)}
    assert not [n for n in graph.nodes if n.kind == "source"]  # no "New York Post" of its own
    assert claim_matrix(story, analysed[1]).outlets == ("NY Post", "Harbor Ledger")
