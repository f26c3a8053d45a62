"""Excerpts (texts cut off with an ellipsis) are compared with weights and a merge threshold
of their own."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsprism.cluster.similarity import COEFFICIENTS, FEATURES, SimilarityModel, default_model
from newsprism.records.features import is_excerpt


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("The court ruled on Monday. In the other case, two officers were sued after...", True),
        ("The court ruled on Monday …", True),
        ("The court ruled on Monday [...]\n", True),
        ("The court ruled on Monday (…)", True),
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
    assert model.merge_margin(_values(1.0)) < model.merge_margin(_values(0.5)) < 0.4


def test_the_excerpt_threshold_is_kept_with_the_model() -> None:
    model = default_model()
    assert model.excerpt_merge_threshold is not None
    assert SimilarityModel.from_json(model.to_json()) == model
    with pytest.raises(ValueError, match="excerpt_merge_threshold"):
        replace(model, excerpt_merge_threshold=1.5)
