"""Story clustering: articles about the same real-world event become one story."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence

from newsprism.cluster.features import feature_order, featurize
from newsprism.cluster.online import OnlineClusterer
from newsprism.cluster.similarity import SimilarityModel, default_model
from newsprism.cluster.vectors import DocumentFrequencies
from newsprism.records import Story
from newsprism.records.features import ArticleFeatures

__all__ = [
    "cluster_features",
    "document_frequencies",
    "featurize",
    "place",
    "place_together",
]


def document_frequencies(
    features: Iterable[ArticleFeatures], model: SimilarityModel
) -> tuple[DocumentFrequencies, DocumentFrequencies]:
    """Term and name frequencies of the given articles, blended with the background as the
    model was trained."""
    terms, names = model.frequencies()
    for item in features:
        terms.add(item.terms)
        names.add(item.names)
    return terms, names


def cluster_features(
    features: Sequence[ArticleFeatures],
    model: SimilarityModel | None = None,
    merge_every: int = 50,
) -> list[list[str]]:
    """Article ids grouped into stories. IDF weights come from the articles given, blended
    with English at large."""
    model = model or default_model()
    terms, names = document_frequencies(features, model)
    clusterer = OnlineClusterer(model, terms, names, merge_every=merge_every)
    clusterer.add_all(features)
    return clusterer.groups()


RECLUSTER_LIMIT = 5000
"""Stores up to this many articles are clustered again whole when new articles arrive, so
that articles ingested over many runs end in the same stories as when read in one run.
Placing 10 new articles into 5,000 stored ones this way took 4.7 s (synthetic set of
``benchmarks/scale.py``, 2-core machine); a larger store places new articles incrementally,
at a cost that does not grow with the store."""


def place(
    new: Sequence[ArticleFeatures],
    stored: Sequence[ArticleFeatures],
    membership: Mapping[str, str],
    model: SimilarityModel | None = None,
    pinned: Collection[str] = (),
) -> dict[str, str]:
    """Place new articles into stored stories; returns the story key of every article.

    ``membership`` gives the story key of each stored article; ``pinned`` names stored
    stories a user declared one event, which stay whole and merge with no other. Up to
    ``RECLUSTER_LIMIT`` articles in all, everything is clustered again (without pins, the
    same stories as one run over all of them); beyond, new articles join the stored stories
    or open new ones, and stories they bring together merge. Either way a story keeps the
    key of the stored story it holds most articles of, and a new one is keyed by its
    articles.
    """
    model = model or default_model()
    everything = sorted((*stored, *new), key=feature_order)
    terms, names = document_frequencies(everything, model)
    clusterer = OnlineClusterer(model, terms, names)
    keys = sorted(set(membership.values()))
    number = {key: index for index, key in enumerate(keys)}
    fixed = {number[key] for key in pinned if key in number}
    if len(everything) <= RECLUSTER_LIMIT:
        free = []
        for item in everything:
            story = number.get(membership.get(item.article_id, ""), -1)
            if story in fixed:
                clusterer.restore(item, story, fixed=True)
            else:
                free.append(item)
        clusterer.add_all(free)
    else:
        for item in stored:
            story = number[membership[item.article_id]]
            clusterer.restore(item, story, fixed=story in fixed)
        for item in sorted(new, key=feature_order):
            clusterer.add(item)
        clusterer.settle()
    return _keyed(clusterer.groups(), membership, pinned)


def _keyed(
    groups: Sequence[Sequence[str]], membership: Mapping[str, str], pinned: Collection[str]
) -> dict[str, str]:
    """Each group's story key: the stored key it holds most articles of (pinned keys first),
    unless a group holding more of them took it; else a key made from its articles."""
    result: dict[str, str] = {}
    taken: set[str] = set()
    stored = set(membership.values())
    ranked = sorted(groups, key=lambda g: (-sum(a in membership for a in g), min(g)))
    for group in ranked:
        old = Counter(membership[a] for a in group if a in membership)
        choices = sorted(old, key=lambda key: (key not in pinned, -old[key], key))
        free = [key for key in choices if key not in taken]
        key = free[0] if free else fresh_key(group, taken | stored)
        taken.add(key)
        result.update(dict.fromkeys(group, key))
    return result


def fresh_key(article_ids: Sequence[str], used: Collection[str]) -> str:
    """A story key made from the articles, unlike every key in ``used`` (a story split off
    another may hold the very articles the other's key was made from)."""
    key = Story.make_id(tuple(article_ids))
    while key in used:
        key = Story.make_id((*article_ids, key))
    return key


def place_together(article_ids: Sequence[str], membership: Mapping[str, str]) -> dict[str, str]:
    """Put the given articles into one story of their own, as a user who says they tell one
    event wants.

    ``membership`` gives the stored story of each stored article. The story keeps the key of
    a stored story that holds exactly these articles, else it gets a key of its own; every
    other article keeps its story. Returns the story key of every article.
    """
    result = dict(membership)
    if not article_ids:
        return result
    chosen = set(article_ids)
    members: dict[str, set[str]] = {}
    for article, key in membership.items():
        members.setdefault(key, set()).add(article)
    same = [key for key, held in members.items() if held == chosen]
    key = same[0] if same else fresh_key(sorted(chosen), members)
    result.update(dict.fromkeys(article_ids, key))
    return result
