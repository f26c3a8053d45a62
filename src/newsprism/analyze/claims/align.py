"""Statements of different articles that state the same fact, found by meaning and words.

Two statements are compared by a blend of two cosines:
- their sentence embeddings (MiniLM), which see paraphrase ("killed 12" / "left twelve
  dead");
- their terms (content lemmas and numbers) weighed by how rare each is among the story's
  statements, which sees what sets one fact of the story apart from the others: every
  sentence of a story about an offer to a ballplayer says "offer", only two say "homers"
  and "54 games".

Statements are then joined greedily, most similar first, into groups of at most one
statement per article, as long as the mean similarity between the two groups (average
link) stays at or above ``settings.join``. Ties are broken by position, so the groups do not
depend on the order of the articles' arrival beyond their order in the story. The
embedding's share of the blend is ``settings.embedding_weight``; both values, and
``settings.also``, were chosen on facts-dev (``newsprism.settings`` says how).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np
from scipy import sparse

from newsprism.analyze.claims.statements import Statement
from newsprism.settings import DEFAULT_ANALYSIS, AnalysisSettings

BLOCK = 512
"""Statements compared per block of rows: bounds the memory of the similarity pass."""

Vectors = np.ndarray[Any, np.dtype[np.float32]]
Vectors64 = np.ndarray[Any, np.dtype[np.float64]]


class Similarity:
    """The blended similarity of a story's statements, pair by pair or above a cut."""

    def __init__(
        self,
        statements: Sequence[Statement],
        embeddings: Vectors,
        settings: AnalysisSettings = DEFAULT_ANALYSIS,
        least: float = math.inf,
    ) -> None:
        self.weight = settings.embedding_weight
        """Share of the embedding cosine in the blend; the rest is the term cosine."""
        self.articles = [s.span.article for s in statements]
        codes = {a: n for n, a in enumerate(dict.fromkeys(self.articles))}
        self._article_codes = np.array([codes[a] for a in self.articles], dtype=np.int64)
        """Each statement's article as a number, to tell pairs of one article apart at once."""
        self.embeddings = embeddings.astype(np.float64)
        self.terms, self.weights = _term_vectors(statements)
        self.matrix = _matrix(self.terms, self.weights)
        self._least = least
        """The lowest cut the story's passes ask ``above`` for: pairs are found once, at it."""
        self._found: list[tuple[float, int, int]] = []
        self._found_from = math.inf
        """The cut ``_found`` holds every pair from; a cut above it takes a prefix."""

    def overlap(self, a: frozenset[str], b: frozenset[str]) -> float:
        """Weighted Jaccard of two bags of terms, each term by its rarity in the story."""
        union = sum(self.weights.get(t, 0.0) for t in sorted(a | b))
        return sum(self.weights.get(t, 0.0) for t in sorted(a & b)) / union if union else 0.0

    def __len__(self) -> int:
        return len(self.articles)

    def pair(self, i: int, j: int) -> float:
        lexical = _dot(self.terms[i], self.terms[j])
        embedded = float(self.embeddings[i] @ self.embeddings[j])
        return self.weight * embedded + (1 - self.weight) * lexical

    def rows(self, chosen: Sequence[int]) -> Iterator[tuple[int, Vectors64]]:
        """Each chosen statement with its similarity to every statement, in blocks of rows."""
        for start in range(0, len(chosen), BLOCK):
            part = list(chosen[start : start + BLOCK])
            block = self.weight * (self.embeddings[part] @ self.embeddings.T)
            block += (1 - self.weight) * (self.matrix[part] @ self.matrix.T).toarray()
            yield from zip(part, block, strict=True)

    def above(self, cut: float) -> list[tuple[float, int, int]]:
        """Pairs (similarity, i, j), i < j, of statements of different articles whose
        similarity reaches ``cut``, most similar first. Worked out once at the lowest cut
        asked for (``least`` or a lower one), each higher cut a prefix of those."""
        if cut < self._found_from:
            self._found_from = min(cut, self._least)
            self._found = self._pairs(self._found_from)
        end = bisect.bisect_right(self._found, -cut, key=lambda p: -p[0])
        return self._found[:end]

    def _pairs(self, cut: float) -> list[tuple[float, int, int]]:
        """The pairs of ``above`` at ``cut``, computed in blocks of rows."""
        pairs: list[tuple[float, int, int]] = []
        for start in range(0, len(self), BLOCK):
            stop = min(start + BLOCK, len(self))
            block = self.weight * (self.embeddings[start:stop] @ self.embeddings.T)
            block += (1 - self.weight) * (self.matrix[start:stop] @ self.matrix.T).toarray()
            rows, cols = np.nonzero(block >= cut)
            firsts = rows + start
            kept = (cols > firsts) & (self._article_codes[firsts] != self._article_codes[cols])
            scores = block[rows[kept], cols[kept]]
            pairs.extend(
                zip(scores.tolist(), firsts[kept].tolist(), cols[kept].tolist(), strict=True)
            )
        pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
        return pairs


def align(
    similarity: Similarity,
    clash: Callable[[int, int], bool] = lambda i, j: False,
    settings: AnalysisSettings = DEFAULT_ANALYSIS,
) -> list[list[int]]:
    """Groups of statement indices, each with at most one statement per article and no two
    statements that ``clash`` (give apart values of one thing: those are compared, not
    aligned); every statement is in exactly one group, groups in order of their first
    member."""
    count = len(similarity)
    articles = similarity.articles
    groups: dict[int, list[int]] = {i: [i] for i in range(count)}
    owner = list(range(count))
    embedding_sum = {i: similarity.embeddings[i] for i in range(count)}
    term_sum = {i: similarity.terms[i] for i in range(count)}
    join = settings.join
    for _, i, j in similarity.above(join):
        a, b = owner[i], owner[j]
        if a == b:
            continue
        first, second = groups[a], groups[b]
        if {articles[x] for x in first} & {articles[y] for y in second}:
            continue
        if any(clash(x, y) for x in first for y in second):
            continue
        link = similarity.weight * float(embedding_sum[a] @ embedding_sum[b])
        link += (1 - similarity.weight) * _dot(term_sum[a], term_sum[b])
        if link / (len(first) * len(second)) < join:
            continue
        keep, drop = min(a, b), max(a, b)
        groups[keep] = sorted(first + second)
        embedding_sum[keep] = embedding_sum[a] + embedding_sum[b]
        term_sum[keep] = _added(term_sum[a], term_sum[b])
        for member in groups[drop]:
            owner[member] = keep
        del groups[drop], embedding_sum[drop], term_sum[drop]
    return [groups[k] for k in sorted(groups)]


def extend(
    similarity: Similarity, groups: list[list[int]], settings: AnalysisSettings = DEFAULT_ANALYSIS
) -> list[list[int]]:
    """Each group with the statements of other articles that state its fact too, though
    they were grouped with another fact of theirs: a sentence that states two facts
    supports two claims. A statement joins when its mean similarity to the group's members
    reaches ``settings.also``."""
    articles = similarity.articles
    owner = {m: k for k, group in enumerate(groups) for m in group}
    extra: dict[int, list[int]] = {}
    also = settings.also
    for _, i, j in similarity.above(also):
        for inside, outside in ((i, j), (j, i)):
            k = owner[inside]
            group = groups[k]
            if owner[outside] == k or articles[outside] in {articles[m] for m in group}:
                continue
            if articles[outside] in {articles[m] for m in extra.get(k, ())}:
                continue
            link = sum(similarity.pair(outside, m) for m in group) / len(group)
            if link >= also:
                extra.setdefault(k, []).append(outside)
    return [sorted(group + extra.get(k, [])) for k, group in enumerate(groups)]


Terms = dict[str, float]


def _term_vectors(statements: Sequence[Statement]) -> tuple[list[Terms], dict[str, float]]:
    """Each statement's terms weighed by their rarity among the story's statements
    (log inverse statement frequency), unit length; and each term's weight."""
    frequency: dict[str, int] = {}
    for statement in statements:
        for term in statement.lemmas:
            frequency[term] = frequency.get(term, 0) + 1
    total = len(statements)
    weights = {t: math.log((1 + total) / (1 + n)) for t, n in frequency.items()}
    vectors = []
    for statement in statements:
        terms = sorted(statement.lemmas)  # one order in every run: sums come out the same
        norm = math.sqrt(sum(weights[t] ** 2 for t in terms))
        vectors.append({t: weights[t] / norm for t in terms} if norm else {})
    return vectors, weights


def _matrix(terms: list[Terms], weights: dict[str, float]) -> sparse.csr_matrix:
    """The term vectors as rows of one sparse matrix, for the similarity pass in blocks."""
    column = {term: k for k, term in enumerate(sorted(weights))}
    rows = [r for r, vector in enumerate(terms) for _ in vector]
    cols = [column[t] for vector in terms for t in vector]
    data = [w for vector in terms for w in vector.values()]
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(terms), len(column)))


def _dot(a: Terms, b: Terms) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _added(a: Terms, b: Terms) -> Terms:
    total = dict(a)
    for term, weight in b.items():
        total[term] = total.get(term, 0.0) + weight
    return total
