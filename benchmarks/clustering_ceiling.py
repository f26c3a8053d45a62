"""How far the clustering features can go on ECB+ dev: oracle-threshold experiments.

Not a held-out score: each row's threshold is the best one for the whole set, so the
figures are ceilings of each way of comparing articles, used to choose what to build
next. Rows: average-link over article-article similarity (terms and names TF-IDF
cosine) with corpus-wide weights; the same with each article's weights recomputed
within its k nearest articles ("local" IDF: words every neighbour shares, the topic's
words, weigh little; words a few share, the event's, weigh much); and, as the upper
bound of that idea, weights recomputed within each gold topic.

Then two looks at the shipped clusterer's own stories (model fitted on all data, so
in-sample): how much an average-link repair over its stories could add with each
similarity (oracle cut), and why the pairs it splits are split.

    .venv/bin/python benchmarks/clustering_ceiling.py
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import combinations

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from datasets import allsides, cached_features, ecbplus
from newsprism.cluster import cluster_features
from newsprism.evaluation.clustering import bcubed
from newsprism.models import Models
from newsprism.records.features import ArticleFeatures

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


def seeded_average_link(groups: list[list[int]], sim: Matrix, cut: float) -> list[int]:
    """Merge the given clusters by average link while the best pair is above ``cut``."""
    member = np.zeros((sim.shape[0], len(groups)))
    for c, rows in enumerate(groups):
        member[rows, c] = 1
    sums, sizes = member.T @ sim @ member, member.sum(0)
    alive = np.ones(len(groups), bool)
    while True:
        average = sums / np.outer(sizes, sizes)
        average[~alive, :] = average[:, ~alive] = -9
        np.fill_diagonal(average, -9)
        i, j = np.unravel_index(int(np.argmax(average)), average.shape)
        if average[i, j] < cut:
            break
        sums[i, :] += sums[j, :]
        sums[:, i] += sums[:, j]
        sizes[i] += sizes[j]
        alive[j] = False
        member[:, i] += member[:, j]
    labels = np.argmax(member[:, alive], axis=1)
    return [int(x) for x in labels]


def repair_ceiling(groups: list[list[int]], sim: Matrix, gold: list[str]) -> tuple[float, ...]:
    scores = []
    for cut in np.arange(0.0, 0.9, 0.025):
        p, r, f = bcubed(seeded_average_link(groups, sim, float(cut)), gold)
        scores.append((f, p, r, float(cut)))
    return max(scores)


def split_reasons(
    ids: list[str], groups: list[list[int]], features: dict[str, ArticleFeatures], gold: list[str]
) -> Counter[str]:
    story = {row: c for c, rows in enumerate(groups) for row in rows}
    reasons: Counter[str] = Counter()
    for a, b in combinations(range(len(ids)), 2):
        if gold[a] != gold[b] or story[a] == story[b]:
            continue
        ta, tb = features[ids[a]].timestamp, features[ids[b]].timestamp
        if ta is None or tb is None:
            reasons["one or both undated"] += 1
        else:
            reasons["dated, > 14 days apart" if abs(ta - tb) > 14 else "dated, <= 14 days"] += 1
    return reasons


def transfer(models: Models, cut: float) -> None:
    """The ECB+-best local repair applied to AllSides: does the gain carry to other news?"""
    labeled = allsides(models)
    features = cached_features(labeled, models)
    ids = [a.id for a in labeled.articles]
    gold = [labeled.story[i] for i in ids]
    row = {article_id: i for i, article_id in enumerate(ids)}
    shipped = [[row[a] for a in g] for g in cluster_features([features[i] for i in ids])]
    label = {r: c for c, rows in enumerate(shipped) for r in rows}
    before = bcubed([label[i] for i in range(len(ids))], gold)[2]
    sim = neighbourhood([features[i].terms for i in ids], [features[i].names for i in ids], 10)
    after = bcubed(seeded_average_link(shipped, sim, cut), gold)[2]
    print(
        f"allsides, in-sample: shipped B3 F1 {before:.3f}; "
        f"with that repair at {cut:.3f}: {after:.3f}"
    )


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
    row = {article_id: i for i, article_id in enumerate(ids)}
    shipped = [[row[a] for a in g] for g in cluster_features([features[i] for i in ids])]
    label = {r: c for c, rows in enumerate(shipped) for r in rows}
    p, r, f = bcubed([label[i] for i in range(len(ids))], gold)
    print(f"\nshipped clusterer, in-sample: B3 F1 {f:.3f} P {p:.3f} R {r:.3f}")
    embeddings = np.stack([features[i].embedding for i in ids])
    repairs = [
        ("corpus-wide weights", similarity(terms, names)),
        ("local weights, 10 nearest", neighbourhood(terms, names, 10)),
        ("embedding cosine", embeddings @ embeddings.T),
    ]
    print("| average-link repair with | B3 F1 | P | R | cut |\n| --- | ---: | ---: | ---: | ---: |")
    cuts = {}
    for name, sim in repairs:
        f, p, r, cuts[name] = repair_ceiling(shipped, sim, gold)
        print(f"| {name} | {f:.3f} | {p:.3f} | {r:.3f} | {cuts[name]:.3f} |")
    transfer(models, cuts["local weights, 10 nearest"])
    print(
        "same-story pairs the shipped clusterer splits:",
        dict(split_reasons(ids, shipped, features, gold)),
    )


if __name__ == "__main__":
    main()
