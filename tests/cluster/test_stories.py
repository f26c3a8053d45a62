"""Story clustering on real articles: one story per event, whatever the input order."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newsprism.cluster import cluster_features
from newsprism.cluster.features import name_key, terms
from newsprism.cluster.overlap import overlaps
from newsprism.models import Models
from newsprism.pipeline import extract, featurize_articles, group_features
from newsprism.records import Article
from newsprism.records.features import ArticleFeatures


def _story_sets(groups: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset(g) for g in groups}


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_seeds_and_examples_form_their_stories(
    mixed_features: list[ArticleFeatures],
    seed_articles: tuple[Article, ...],
    example_articles: tuple[Article, ...],
    seed: int,
) -> None:
    shuffled = list(mixed_features)
    random.Random(seed).shuffle(shuffled)
    stories = _story_sets(cluster_features(shuffled))
    football = next(a.id for a in example_articles if "Varnholt" in (a.title or ""))
    dam = frozenset(a.id for a in example_articles if a.id != football)
    assert frozenset(a.id for a in seed_articles) in stories
    assert dam in stories
    assert frozenset({football}) in stories
    assert len(stories) == 3


def test_seeds_alone_are_one_story(
    mixed_features: list[ArticleFeatures], seed_articles: tuple[Article, ...]
) -> None:
    ids = {a.id for a in seed_articles}
    only = [f for f in mixed_features if f.article_id in ids]
    assert _story_sets(cluster_features(only)) == {frozenset(ids)}


def test_features_hold_names_and_content_terms(mixed_features: list[ArticleFeatures]) -> None:
    everything = sum((f.names for f in mixed_features), start=type(mixed_features[0].names)())
    assert everything["baghdad"] > 0 and everything["brenmoor dam"] > 0
    assert "the" not in terms("The strike in the capital")
    assert name_key("the Kata’ib Hezbollah's") == "kata ib hezbollah"
    norms = [float((f.embedding**2).sum()) for f in mixed_features]
    assert all(abs(n - 1.0) < 1e-3 for n in norms)


def test_rewrite_is_found_as_shared_text(example_articles: tuple[Article, ...]) -> None:
    found = overlaps(example_articles)
    by_outlet = {a.id: a.outlet for a in example_articles}
    pairs = {
        (by_outlet[article], by_outlet[o.other], o.similarity)
        for article, found_for in found.items()
        for o in found_for
    }
    outlets = {(a, b) for a, b, _ in pairs}
    assert outlets == {
        ("Harbor Ledger", "Riverside Bulletin"),
        ("Riverside Bulletin", "Harbor Ledger"),
    }
    assert all(s > 0.5 for _, _, s in pairs)


def test_each_event_alone_is_one_story_and_together_two(
    ecb_topic: list[Path], models: Models
) -> None:
    """ECB+ topic 14: two supermarket fires. A folder holding one fire's coverage is one
    story; both fires together are two, whatever the order."""
    articles = extract([str(p) for p in ecb_topic], models=models).articles
    features = featurize_articles(articles, models)
    event = {a.id: Path(a.source).stem.split("_")[1].lstrip("0123456789") for a in articles}
    for name in ("ecb", "ecbplus"):
        alone = [f for f in features if event[f.article_id] == name]
        assert len(group_features(alone)) == 1, f"{name} alone is split"
    both = _story_sets(group_features(features))
    assert both == {frozenset(a for a in event if event[a] == name) for name in ("ecb", "ecbplus")}
    shuffled = list(features)
    random.Random(5).shuffle(shuffled)
    assert _story_sets(group_features(shuffled)) == both
