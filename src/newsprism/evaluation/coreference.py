"""Coreference quality: MUC, B-cubed, CEAF-e and their CoNLL mean, over mentions.

A clustering maps each mention key to a cluster label; key (gold) and response must cover
the same mentions, singletons included, so every measure sees the same mention set and no
mention is silently dropped. A ratio whose denominator is zero counts as 0, as in the CoNLL
reference scorer, so figures stay comparable with published ones (MUC of a key with no
links, for instance, is 0 rather than undefined).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
from scipy.optimize import linear_sum_assignment

M = TypeVar("M", bound=Hashable)
"""A mention key; generic because ``Mapping`` is invariant in its key type."""
Clustering = Mapping[M, Hashable]
PRF = tuple[float, float, float]


@dataclass(frozen=True)
class CorefScores:
    """(precision, recall, F1) of each measure and the CoNLL F1, all within [0, 1]."""

    muc: PRF
    bcubed: PRF
    ceaf_e: PRF
    conll: float


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def _prf(precision: float, recall: float) -> PRF:
    return precision, recall, _ratio(2 * precision * recall, precision + recall)


def _clusters(clustering: Clustering[M]) -> dict[Hashable, set[M]]:
    groups: dict[Hashable, set[M]] = defaultdict(set)
    for mention, label in clustering.items():
        groups[label].add(mention)
    return dict(groups)


def _check(key: Clustering[M], response: Clustering[M]) -> None:
    """Different mention sets would make every measure quietly wrong: refuse them."""
    if key.keys() != response.keys():
        missing, extra = len(key.keys() - response.keys()), len(response.keys() - key.keys())
        raise ValueError(
            f"key and response differ in mentions: {missing} only in key, {extra} only in response"
        )


def _muc_recall(key: Clustering[M], response: Clustering[M]) -> tuple[int, int]:
    """Links of ``key`` kept by ``response``: each key cluster K needs |K| - 1 links and
    keeps |K| - |partitions of K by response|."""
    found = needed = 0
    for members in _clusters(key).values():
        parts = {response[m] for m in members}
        found += len(members) - len(parts)
        needed += len(members) - 1
    return found, needed


def muc(key: Clustering[M], response: Clustering[M]) -> PRF:
    """Link-based MUC (Vilain et al., 1995); blind to singletons by construction."""
    _check(key, response)
    recall = _ratio(*_muc_recall(key, response))
    precision = _ratio(*_muc_recall(response, key))
    return _prf(precision, recall)


def bcubed(key: Clustering[M], response: Clustering[M]) -> PRF:
    """Mention-level B-cubed (Bagga & Baldwin, 1998): each mention's precision is the share of
    its response cluster in its key cluster, its recall the converse; averaged over mentions."""
    _check(key, response)
    if not key:
        return 0.0, 0.0, 0.0
    overlap: dict[tuple[Hashable, Hashable], int] = defaultdict(int)
    for mention, label in key.items():
        overlap[(label, response[mention])] += 1
    key_size = {label: len(m) for label, m in _clusters(key).items()}
    response_size = {label: len(m) for label, m in _clusters(response).items()}
    # Every mention in cell (k, r) scores the same, so sum per cell rather than per mention.
    precision = sum(n * n / response_size[r] for (_, r), n in overlap.items()) / len(key)
    recall = sum(n * n / key_size[k] for (k, _), n in overlap.items()) / len(key)
    return _prf(precision, recall)


def _components(
    key: dict[Hashable, set[M]], response: dict[Hashable, set[M]]
) -> list[tuple[list[Hashable], list[Hashable]]]:
    """Groups of key and response clusters connected through shared mentions.

    phi4 is zero between clusters of different groups, so the optimal alignment is solved
    per group: small matrices instead of one (key entities x response entities) matrix.
    """
    parent: dict[tuple[int, Hashable], tuple[int, Hashable]] = {}

    def find(node: tuple[int, Hashable]) -> tuple[int, Hashable]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    owner = {m: label for label, members in response.items() for m in members}
    for label, members in key.items():
        for mention in members:
            parent[find((0, label))] = find((1, owner[mention]))
    groups: dict[tuple[int, Hashable], tuple[list[Hashable], list[Hashable]]] = {}
    for side, clusters in ((0, key), (1, response)):
        for label in clusters:
            groups.setdefault(find((side, label)), ([], []))[side].append(label)
    return list(groups.values())


def ceaf_e(key: Clustering[M], response: Clustering[M]) -> PRF:
    """Entity-based CEAF (Luo, 2005): a one-to-one alignment of key and response entities
    maximising the summed phi4 = 2|K & R| / (|K| + |R|); precision divides that sum by the
    number of response entities, recall by the number of key entities."""
    _check(key, response)
    key_clusters, response_clusters = _clusters(key), _clusters(response)
    total = 0.0
    for key_labels, response_labels in _components(key_clusters, response_clusters):
        similarity = np.zeros((len(key_labels), len(response_labels)))
        for i, k in enumerate(key_labels):
            for j, r in enumerate(response_labels):
                shared = len(key_clusters[k] & response_clusters[r])
                if shared:
                    size = len(key_clusters[k]) + len(response_clusters[r])
                    similarity[i, j] = 2 * shared / size
        rows, cols = linear_sum_assignment(similarity, maximize=True)
        total += float(similarity[rows, cols].sum())
    return _prf(_ratio(total, len(response_clusters)), _ratio(total, len(key_clusters)))


def conll(key: Clustering[M], response: Clustering[M]) -> float:
    """The CoNLL-2012 figure: the unweighted mean of MUC, B-cubed and CEAF-e F1."""
    return score(key, response).conll


def score(key: Clustering[M], response: Clustering[M]) -> CorefScores:
    m, b, c = muc(key, response), bcubed(key, response), ceaf_e(key, response)
    return CorefScores(m, b, c, (m[2] + b[2] + c[2]) / 3)
