"""Story clustering: articles about the same real-world event become one story."""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.cluster.features import ArticleFeatures, featurize
from newsprism.cluster.online import OnlineClusterer
from newsprism.cluster.similarity import SimilarityModel, default_model
from newsprism.cluster.vectors import DocumentFrequencies
from newsprism.models import Models
from newsprism.records import Article

__all__ = ["ArticleFeatures", "cluster_articles", "cluster_features", "featurize"]


def cluster_features(
    features: Sequence[ArticleFeatures],
    model: SimilarityModel | None = None,
    merge_every: int = 50,
) -> list[list[str]]:
    """Article ids grouped into stories. IDF weights come from the articles given."""
    terms, names = DocumentFrequencies(), DocumentFrequencies()
    for item in features:
        terms.add(item.terms)
        names.add(item.names)
    clusterer = OnlineClusterer(model or default_model(), terms, names, merge_every=merge_every)
    clusterer.add_all(features)
    return clusterer.groups()


def cluster_articles(
    articles: Sequence[Article], models: Models, model: SimilarityModel | None = None
) -> list[list[str]]:
    return cluster_features(featurize(articles, models), model)
