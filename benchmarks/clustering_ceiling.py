"""How far the clustering features can go on ECB+ dev: oracle-threshold experiments.

Not a held-out score: each row's threshold is the best one for the whole set, so the
figures are ceilings of each way of comparing articles, used to choose what to build
next. Rows: average-link over article-article similarity (terms and names TF-IDF
cosine) with corpus-wide weights; the same with each article's weights recomputed
within its k nearest articles ("local" IDF: words every neighbour shares, the topic's
words, weigh little; words a few share, the event's, weigh much); and, as the upper
bound of that idea, weights recomputed within each gold topic.

    .venv/bin/python benchmarks/clustering_ceiling.py
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from datasets import cached_features, ecbplus
from newsprism.evaluation.clustering import bcubed
from newsprism.models import Models

Matrix = np.ndarray


def tfidf(bags: Sequence[Counter[str]]) -> Matrix:
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    vocab = {k: i for i, k in enumerate(df)}
    rows = np.zeros((len(bags), len(vocab)), np.float32)
    for r, bag in enumerate(bags):
        for k, v in bag.items():
            rows[r, vocab[k]] = (1 + math.log(v)) * math.log((1 + len(bags)) / (1 + df[k]))
    return rows / np.clip(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9, None)


def similarity(terms: Sequence[Counter[str]], names: Sequence[Counter[str]]) -> Matrix:
    t, n = tfidf(terms), tfidf(names)
    return (t @ t.T + n @ n.T) / 2


def best_cut(sim: Matrix, gold: list[str]) -> tuple[float, float, float, float]:
    distance = np.clip(1 - (sim + sim.T) / 2, 0, None)
    np.fill_diagonal(distance, 0)
    tree = linkage(squareform(distance, checks=False), "average")
    scores = []
    for cut in np.arange(0.3, 1.0, 0.0125):
        p, r, f = bcubed(list(fcluster(tree, cut, "distance")), gold)
        scores.append((f, p, r, float(cut)))
    return max(scores)


def neighbourhood(terms: list[Counter[str]], names: list[Counter[str]], k: int) -> Matrix:
    size = len(terms)
    total, count = np.zeros((size, size), np.float32), np.zeros((size, size), np.float32)
    base = similarity(terms, names)
    for i in range(size):
        near = [int(j) for j in np.argsort(-base[i])[: k + 1]]
        if i not in near:
            near = [i, *near[:k]]
        local = similarity([terms[j] for j in near], [names[j] for j in near])
        a = near.index(i)
        for b, j in enumerate(near):
            for x, y in ((i, j), (j, i)):
                total[x, y] += local[a, b]
                count[x, y] += 1
    return np.where(count > 0, total / np.maximum(count, 1), 0)


def within_topics(
    terms: list[Counter[str]], names: list[Counter[str]], topics: list[str]
) -> Matrix:
    size = len(terms)
    sim = np.zeros((size, size), np.float32)
    for topic in set(topics):
        idx = [i for i in range(size) if topics[i] == topic]
        sim[np.ix_(idx, idx)] = similarity([terms[i] for i in idx], [names[i] for i in idx])
    return sim


def main() -> None:
    models = Models()
    labeled = ecbplus(models)
    features = cached_features(labeled, models)
    ids = [a.id for a in labeled.articles]
    terms = [features[i].terms for i in ids]
    names = [features[i].names for i in ids]
    gold = [labeled.story[i] for i in ids]
    topics = [labeled.topic[i] for i in ids]
    rows: list[tuple[str, Callable[[], Matrix]]] = [
        ("corpus-wide weights", lambda: similarity(terms, names)),
        ("local weights, 10 nearest", lambda: neighbourhood(terms, names, 10)),
        ("local weights, 40 nearest", lambda: neighbourhood(terms, names, 40)),
        (
            "weights within each gold topic (upper bound)",
            lambda: within_topics(terms, names, topics),
        ),
    ]
    print("| similarity | B3 F1 | P | R | cut |\n| --- | ---: | ---: | ---: | ---: |")
    for name, make in rows:
        f, p, r, cut = best_cut(make(), gold)
        print(f"| {name} | {f:.3f} | {p:.3f} | {r:.3f} | {cut:.3f} |")


if __name__ == "__main__":
    main()
