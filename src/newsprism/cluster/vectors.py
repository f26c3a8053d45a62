"""Sparse term vectors (term -> weight) and the document frequencies that weigh them."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

SparseVector = dict[str, float]


class DocumentFrequencies:
    """How many documents hold each term, for IDF weights; grows as documents arrive."""

    def __init__(self) -> None:
        self.documents = 0
        self.counts: Counter[str] = Counter()

    def add(self, terms: Iterable[str]) -> None:
        self.documents += 1
        self.counts.update(set(terms))

    def idf(self, term: str) -> float:
        return math.log((self.documents + 1) / (self.counts.get(term, 0) + 1)) + 1.0


def weigh(counts: Mapping[str, int], frequencies: DocumentFrequencies) -> SparseVector:
    """Unit-length TF-IDF vector with sublinear term frequency."""
    vector = {t: (1.0 + math.log(n)) * frequencies.idf(t) for t, n in counts.items() if n > 0}
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {t: w / norm for t, w in vector.items()} if norm else {}


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def add_into(total: dict[str, float], vector: Mapping[str, float], sign: float = 1.0) -> None:
    for term, weight in vector.items():
        value = total.get(term, 0.0) + sign * weight
        if abs(value) < 1e-12:
            total.pop(term, None)
        else:
            total[term] = value
