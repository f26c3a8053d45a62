"""Sparse term vectors (term -> weight) and the document frequencies that weigh them."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

SparseVector = dict[str, float]


class DocumentFrequencies:
    """How many documents hold each term, for IDF weights; grows as documents arrive.

    With a ``background`` (the share of documents at large that hold a term, as
    :func:`newsprism.cluster.background.document_share` estimates it), the input's counts
    are blended with ``prior_documents`` pseudo-documents drawn from that background: a
    small input is weighed almost as the language at large would weigh it, and an input
    much larger than the prior mostly by its own counts. Without one, weights come from
    the input alone.
    """

    def __init__(
        self,
        background: Callable[[str], float] | None = None,
        prior_documents: float = 0.0,
    ) -> None:
        if prior_documents < 0:
            raise ValueError(f"prior_documents must be >= 0, got {prior_documents}")
        self.documents = 0
        self.counts: Counter[str] = Counter()
        self.background = background
        self.prior_documents = prior_documents if background is not None else 0.0

    def add(self, terms: Iterable[str]) -> None:
        self.documents += 1
        self.counts.update(set(terms))

    def idf(self, term: str) -> float:
        seen = float(self.counts.get(term, 0))
        if self.background is not None and self.prior_documents:
            seen += self.prior_documents * self.background(term)
        return math.log((self.documents + self.prior_documents + 1) / (seen + 1)) + 1.0


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
