"""Excerpts that name different weekdays tell of different days: an aggregator's items of one
topic and week (a court's ruling on Wednesday, an appeal on Friday) are two stories."""

from __future__ import annotations

from collections import Counter

import numpy as np

from newsprism.cluster.online import OnlineClusterer
from newsprism.cluster.similarity import FEATURES, default_model
from newsprism.records.features import ArticleFeatures

APART = FEATURES.index("weekdays_apart")


def _excerpt(name: str, vector: list[float], *words: str, cut: bool = True) -> ArticleFeatures:
    embedding = np.asarray(vector, dtype=np.float32)
    embedding /= np.linalg.norm(embedding)
    terms = Counter({"court": 2, "abortion": 1, **dict.fromkeys(words, 1)})
    return ArticleFeatures(name, None, embedding, terms, Counter(), cut)


def _clusterer(cut: bool = True) -> OnlineClusterer:
    model = default_model()
    terms, names = model.frequencies()
    clusterer = OnlineClusterer(model, terms, names)
    clusterer.restore(_excerpt("ruling", [1.0, 0.1, 0.0], "wednesday", cut=cut), 0)
    clusterer.restore(_excerpt("ruling-2", [1.0, 0.0, 0.1], "wednesday", "ruling", cut=cut), 0)
    clusterer.restore(_excerpt("appeal", [1.0, 0.1, 0.1], "friday", cut=cut), 1)
    clusterer.restore(_excerpt("undated", [0.9, 0.1, 0.1], cut=cut), 2)
    return clusterer


def test_an_excerpt_naming_another_weekday_than_a_story_is_apart_from_it() -> None:
    clusterer = _clusterer()
    against = clusterer.feature_values(2, 0)  # "friday" against a story of "wednesday"
    assert against is not None and against[APART] == 1.0
    inside = clusterer.feature_values(1, 0)  # its own story, itself left out: "wednesday"
    assert inside is not None and inside[APART] == 0.0
    no_day = clusterer.feature_values(3, 0)  # an excerpt naming no weekday says nothing
    assert no_day is not None and no_day[APART] == 0.0
    stories = clusterer.story_feature_values(1, 0, 0.9)
    assert stories is not None and stories[APART] == 1.0
    clusterer._move(2, 0)  # "friday" inside a story whose others all name "wednesday"
    own = clusterer.feature_values(2, 0)
    assert own is not None and own[APART] == 1.0


def test_whole_articles_naming_other_weekdays_are_not_apart() -> None:
    """A whole article names the days of a story's background too ("the fire broke out on
    Friday; on Sunday the store reopened")."""
    clusterer = _clusterer(cut=False)
    against = clusterer.feature_values(2, 0)
    assert against is not None and against[APART] == 0.0
    stories = clusterer.story_feature_values(1, 0, 0.9)
    assert stories is not None and stories[APART] == 0.0


def test_weekdays_apart_lower_the_chance_of_one_story() -> None:
    clusterer = _clusterer()
    values = clusterer.feature_values(2, 0)
    assert values is not None
    same_day = (*values[:APART], 0.0, *values[APART + 1 :])
    model = clusterer.model
    assert model.probability(values) < model.probability(same_day)
    assert model.merge_probability(values) < model.merge_probability(same_day)


def test_a_member_moved_out_takes_its_weekdays_with_it() -> None:
    clusterer = _clusterer()
    clusterer._move(1, 1)  # a "wednesday" joins the story of "friday"
    assert clusterer.stories[0].weekdays == Counter({"wednesday": 1})
    assert clusterer.stories[1].weekdays == Counter({"wednesday": 1, "friday": 1})
