"""B-cubed and ARI on cases worked by hand, and their invariants."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.evaluation.clustering import adjusted_rand, bcubed, labels


def test_bcubed_by_hand() -> None:
    # gold: {a,b,c} {d}; predicted: {a,b} {c,d}
    p, r, f = bcubed([1, 1, 2, 2], ["x", "x", "x", "y"])
    assert p == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    assert r == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert f == pytest.approx(2 * p * r / (p + r))


def test_ari_by_hand() -> None:
    assert adjusted_rand([1, 1, 2, 2], ["x", "x", "y", "y"]) == pytest.approx(1.0)
    assert adjusted_rand([1, 2, 1, 2], ["x", "x", "y", "y"]) == pytest.approx(-0.5)


@given(st.lists(st.integers(0, 5), min_size=1, max_size=40))
def test_perfect_clustering_scores_one(gold: list[int]) -> None:
    renamed = [g + 100 for g in gold]
    assert bcubed(renamed, gold) == pytest.approx((1.0, 1.0, 1.0))
    assert adjusted_rand(renamed, gold) == pytest.approx(1.0)


def test_labels_give_unplaced_documents_their_own_cluster() -> None:
    assert labels([["a", "b"]], ["a", "b", "c", "d"]) == [0, 0, -3, -4]
