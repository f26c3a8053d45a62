"""Clustering quality: B-cubed precision, recall and F1 (Bagga & Baldwin, 1998) and the
adjusted Rand index, over documents."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from math import comb


@dataclass(frozen=True)
class ClusterScores:
    precision: float
    recall: float
    f1: float
    ari: float


def bcubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """Each document's precision is the share of its predicted cluster that shares its gold
    story; its recall the share of its gold story that shares its predicted cluster."""
    if len(predicted) != len(gold):
        raise ValueError(f"{len(predicted)} predicted labels for {len(gold)} gold labels")
    if not gold:
        return 0.0, 0.0, 0.0
    pair = Counter(zip(predicted, gold, strict=True))
    size_p, size_g = Counter(predicted), Counter(gold)
    precision = sum(pair[(p, g)] / size_p[p] for p, g in zip(predicted, gold, strict=True)) / len(
        gold
    )
    recall = sum(pair[(p, g)] / size_g[g] for p, g in zip(predicted, gold, strict=True)) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def adjusted_rand(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> float:
    n = len(gold)
    if n < 2:
        return 1.0
    table = Counter(zip(predicted, gold, strict=True))
    index = sum(comb(v, 2) for v in table.values())
    rows = sum(comb(v, 2) for v in Counter(predicted).values())
    cols = sum(comb(v, 2) for v in Counter(gold).values())
    expected = rows * cols / comb(n, 2)
    maximum = (rows + cols) / 2
    return 1.0 if maximum == expected else (index - expected) / (maximum - expected)


def score(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> ClusterScores:
    p, r, f = bcubed(predicted, gold)
    return ClusterScores(p, r, f, adjusted_rand(predicted, gold))


def labels(groups: Sequence[Sequence[str]], order: Sequence[str]) -> list[int]:
    """Cluster number of each document of ``order`` from groups of document ids."""
    where: dict[str, int] = {}
    for number, group in enumerate(groups):
        for doc in group:
            where[doc] = number
    # A document in no group is a cluster of its own.
    return [where.get(doc, -1 - index) for index, doc in enumerate(order)]
