"""Excerpts (texts cut off with an ellipsis) are compared with weights and a merge threshold
of their own."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace

import numpy as np
import pytest

from newsprism.cluster.online import OnlineClusterer
from newsprism.cluster.similarity import COEFFICIENTS, FEATURES, SimilarityModel, default_model
from newsprism.models import Models
from newsprism.pipeline import featurize_articles
from newsprism.records import Article
from newsprism.records.features import ArticleFeatures, is_excerpt


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("The court ruled on Monday. In the other case, two officers were sued after...", True),
        ("The court ruled on Monday …", True),
        ("The court ruled on Monday [...]\n", True),
        ("The court ruled on Monday (…)", True),
        ("The court ruled on Monday, saying the doctrine....", True),
        ('The judge said: "We will not…"', True),
        ("The court ruled on Monday . . .", True),
        ("The court ruled on Monday… [+2345 chars]", True),
        ("The court ruled on Monday. Continue reading Court rules", True),
        ("The court ruled on Monday […]\n\nThe post Court rules appeared first on Wire.", True),
        ("The court ruled on Monday.\n\nThe post Court rules appeared first on Wire.", False),
        ("He paused... then the court ruled on Monday.", False),
        ("The court ruled on Monday.", False),
    ],
)
def test_a_text_cut_off_is_an_excerpt(text: str, cut: bool) -> None:
    assert is_excerpt(text) is cut


def _values(excerpt: float) -> tuple[float, ...]:
    values = dict.fromkeys(FEATURES, 0.0)
    values["excerpt"] = excerpt
    return tuple(values[name] for name in FEATURES)


def test_stories_of_excerpts_merge_only_above_their_own_threshold() -> None:
    # merge probability 0.6 whatever the features: a pair of whole articles' stories is above
    # the merge threshold 0.5, a pair of excerpt stories below their 0.7
    odds = 0.4054651081081644  # log(0.6 / 0.4)
    model = SimilarityModel(
        (0.0,) * len(COEFFICIENTS),
        0.0,
        (0.0,) * len(COEFFICIENTS),
        odds,
        0.5,
        0.5,
        excerpt_merge_threshold=0.7,
    )
    assert model.merge_margin(_values(0.0)) > 0
    assert model.merge_margin(_values(1.0)) < 0
    assert replace(model, excerpt_merge_threshold=None).merge_margin(_values(1.0)) > 0
    # a story half of excerpts: its threshold lies between the two
    assert model.merge_margin(_values(1.0)) < model.merge_margin(_values(0.5))
    assert model.merge_margin(_values(0.5)) < model.merge_margin(_values(0.0))


def test_without_an_excerpt_threshold_stories_merge_as_before() -> None:
    model = replace(default_model(), excerpt_merge_threshold=None)
    rng = random.Random(3)
    for _ in range(200):
        values = tuple(rng.uniform(0.0, 1.0) for _ in FEATURES)
        merges = model.merge_probability(values) >= model.merge_threshold
        assert (model.merge_margin(values) >= 0) is merges


def _features(name: str, vector: list[float], excerpt: bool) -> ArticleFeatures:
    embedding = np.asarray(vector, dtype=np.float32)
    embedding /= np.linalg.norm(embedding)
    return ArticleFeatures(name, None, embedding, Counter({"court": 2}), Counter(), excerpt)


def test_a_story_knows_how_many_of_its_articles_are_excerpts() -> None:
    model = default_model()
    terms, names = model.frequencies()
    clusterer = OnlineClusterer(model, terms, names)
    clusterer.restore(_features("whole-1", [1.0, 0.1, 0.0], False), 0)
    clusterer.restore(_features("cut", [1.0, 0.0, 0.1], True), 0)
    clusterer.restore(_features("whole-2", [0.9, 0.1, 0.1], False), 0)
    clusterer.restore(_features("other", [0.0, 1.0, 0.0], False), 1)
    excerpt = FEATURES.index("excerpt")
    # a whole article inside: one of the two others is an excerpt
    whole = clusterer.feature_values(0, 0)
    assert whole is not None and whole[excerpt] == 0.5
    # the excerpt itself, inside or against another story, counts as one
    cut = clusterer.feature_values(1, 0)
    assert cut is not None and cut[excerpt] == 1.0
    # a story of whole articles against one a third of excerpts
    pair = clusterer.story_feature_values(1, 0, 0.5)
    assert pair is not None and pair[excerpt] == 1 / 3
    clusterer._move(1, 1)  # as the repair pass moves an article
    moved = clusterer.story_feature_values(1, 0, 0.5)
    assert moved is not None and moved[excerpt] == 0.5  # "other" + "cut"; the rest whole


def test_featurize_marks_excerpts(seed_articles: tuple[Article, ...], models: Models) -> None:
    whole = seed_articles[0]
    cut = replace(whole, id="cut", text=whole.text[:400].rstrip() + "...")
    flags = [f.excerpt for f in featurize_articles([whole, cut], models)]
    assert flags == [False, True]


def test_the_excerpt_threshold_is_kept_with_the_model() -> None:
    model = default_model()
    assert model.excerpt_merge_threshold is not None
    assert SimilarityModel.from_json(model.to_json()) == model
    with pytest.raises(ValueError, match="excerpt_merge_threshold"):
        replace(model, excerpt_merge_threshold=1.5)
