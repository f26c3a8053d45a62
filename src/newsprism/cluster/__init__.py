"""Story clustering: articles about the same real-world event become one story."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from newsprism.cluster.features import ArticleFeatures, featurize
from newsprism.cluster.online import OnlineClusterer
from newsprism.cluster.similarity import SimilarityModel, default_model
from newsprism.cluster.vectors import DocumentFrequencies
from newsprism.records import Story

__all__ = [
    "ArticleFeatures",
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


def place(
    new: Sequence[ArticleFeatures],
    stored: Sequence[ArticleFeatures],
    membership: Mapping[str, str],
    model: SimilarityModel | None = None,
) -> dict[str, str]:
    """Place new articles into stored stories without recomputing them.

    ``membership`` gives the story key of each stored article. Returns the story
    key of every article afterwards: new articles join stored stories or open new
    ones (keyed by their first article); stories the new articles bring together
    merge under the key of the larger one.
    """
    model = model or default_model()
    terms, names = document_frequencies((*stored, *new), model)
    clusterer = OnlineClusterer(model, terms, names)
    keys = sorted(set(membership.values()))
    number = {key: index for index, key in enumerate(keys)}
    for item in stored:
        clusterer.restore(item, number[membership[item.article_id]])
    for item in sorted(new, key=lambda f: (f.timestamp is None, f.timestamp or 0.0)):
        clusterer.add(item)
    clusterer.settle()
    result: dict[str, str] = {}
    for group in clusterer.groups():
        old = Counter(membership[a] for a in group if a in membership)
        key = old.most_common(1)[0][0] if old else Story.make_id(tuple(group))
        result.update({article_id: key for article_id in group})
    return result


def place_together(article_ids: Sequence[str], membership: Mapping[str, str]) -> dict[str, str]:
    """Put the given articles into one story, as a user who says they tell one event wants.

    ``membership`` gives the stored story of each stored article. The story keeps the key of
    the stored story that holds most of the articles (ties: the smaller key), else a key of
    its own; every other article keeps its story. Returns the story key of every article.
    """
    result = dict(membership)
    if not article_ids:
        return result
    old = Counter(membership[a] for a in article_ids if a in membership)
    ranked = sorted(old.items(), key=lambda item: (-item[1], item[0]))
    key = ranked[0][0] if ranked else Story.make_id(tuple(article_ids))
    result.update(dict.fromkeys(article_ids, key))
    return result
