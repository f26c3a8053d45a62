"""Story clustering quality: newsprism against a TF-IDF + average-link baseline.

Both are cross-validated over topics on ECB+ dev and AllSides (../shared/eval):
for each fold, newsprism's model and thresholds and the baseline's cut-off are
chosen on the other topics and scored on the held-out ones, so the figures
predict unseen news. B-cubed P/R/F1 and ARI over all articles. Then the five
seeds must form exactly one story: alone, with the example corpus, and mixed
into both dev sets (with the shipped model).

    .venv/bin/python benchmarks/clustering.py [--folds 5]
"""

from __future__ import annotations

import argparse
import math
import random
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from datasets import EVAL, LabeledSet, allsides, cached_features, ecbplus
from newsprism.cluster import cluster_features
from newsprism.cluster.similarity import SimilarityModel
from newsprism.evaluation.clustering import ClusterScores, labels, score
from newsprism.models import Models
from newsprism.pipeline import extract, featurize_articles, group_features
from newsprism.records.features import ArticleFeatures
from tune_clustering import (
    Part,
    add_thresholds_option,
    alone_scores,
    folds_of,
    split,
    stories_alone,
    train,
)

TWO_EVENTS = ("30_ecbplus", "5_ecbplus")
"""Gold stories that hold articles of two events (see benchmarks/README.md): split by
newsprism as they should be, they count against single-event recall."""
CUTS = tuple(round(0.5 + 0.05 * i, 2) for i in range(10))


def baseline_groups(features: Sequence[ArticleFeatures], cut: float) -> list[list[str]]:
    """TF-IDF cosine distance, average linkage, cut at ``cut``."""
    counts = [f.terms for f in features]
    frequency: Counter[str] = Counter(t for c in counts for t in c)
    vocabulary = {t: i for i, t in enumerate(frequency)}
    matrix = np.zeros((len(counts), len(vocabulary)), dtype=np.float32)
    for row, c in enumerate(counts):
        for term, n in c.items():
            idf = math.log((len(counts) + 1) / (frequency[term] + 1)) + 1
            matrix[row, vocabulary[term]] = (1 + math.log(n)) * idf
    matrix /= np.clip(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12, None)
    if len(counts) < 2:
        return [[f.article_id for f in features]]
    distance = np.clip(1.0 - matrix @ matrix.T, 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    assignment = fcluster(tree, t=cut, criterion="distance")
    groups: dict[int, list[str]] = {}
    for f, cluster in zip(features, assignment, strict=True):
        groups.setdefault(int(cluster), []).append(f.article_id)
    return list(groups.values())


def best_cut(parts: Sequence[Part]) -> float:
    def f1(cut: float) -> float:
        return float(
            np.mean(
                [
                    score(labels(baseline_groups(p[0], cut), [f.article_id for f in p[0]]), p[1]).f1
                    for p in parts
                ]
            )
        )

    return max(CUTS, key=f1)


def each_story_alone(
    labeled: LabeledSet, features: dict[str, ArticleFeatures], model: SimilarityModel | None
) -> dict[str, list[list[str]]]:
    """The groups found when each gold story of the given articles is clustered alone."""
    chosen = [a for a in labeled.articles if a.id in features]
    part = ([features[a.id] for a in chosen], [labeled.story[a.id] for a in chosen])
    return stories_alone(part, model)


def report_alone(name: str, found: dict[str, list[list[str]]]) -> None:
    """B-cubed recall over all articles of the single-story runs, and the stories split."""
    result = alone_scores(found)
    split_stories = {s: g for s, g in found.items() if len(g) > 1}
    articles = sum(len(g) for groups in found.values() for g in groups)
    print(
        f"{name}: {len(found)} stories alone, {articles} articles: B3 recall "
        f"{result.recall:.3f}; {len(split_stories)} split"
    )
    for story, groups in split_stories.items():
        sizes = sorted((len(g) for g in groups), reverse=True)
        print(f"    {story}: {sum(sizes)} articles -> {len(groups)} stories {sizes}")
    rest = {s: g for s, g in found.items() if s not in TWO_EVENTS}
    if len(rest) < len(found):
        print(
            f"  without the gold stories that hold two events ({', '.join(TWO_EVENTS)}): "
            f"B3 recall {alone_scores(rest).recall:.3f}"
        )


def order_check(labeled: LabeledSet, features: dict[str, ArticleFeatures], shuffles: int) -> None:
    """The same articles in any input order give the same stories (the pipeline's grouping)."""
    items = list(features.values())
    seen = set()
    for seed in range(shuffles):
        shuffled = list(items)
        random.Random(seed).shuffle(shuffled)
        seen.add(frozenset(frozenset(g) for g in group_features(shuffled)))
    verdict = "identical" if len(seen) == 1 else f"{len(seen)} different partitions"
    print(f"{labeled.name}: {shuffles} shuffles of {len(items)} articles: stories {verdict}")


def cross_validate(
    sets: list[LabeledSet],
    features: list[dict[str, ArticleFeatures]],
    k: int,
    seed: int,
    thresholds: tuple[float, float] | None = None,
) -> None:
    folds = [folds_of(s, k, seed) for s in sets]
    ours: list[dict[str, str]] = [{} for _ in sets]
    base: list[dict[str, str]] = [{} for _ in sets]
    alone: dict[str, list[list[str]]] = {}
    for fold in range(k):
        train_parts = [
            split(s, f, set().union(*(x for j, x in enumerate(fs) if j != fold)))
            for s, f, fs in zip(sets, features, folds, strict=True)
        ]
        model = train(train_parts, seed=fold, thresholds=thresholds)
        cut = best_cut(train_parts)
        print(
            f"fold {fold}: join {model.join_threshold}, merge {model.merge_threshold}; "
            f"baseline cut {cut}"
        )
        for n, (s, f, fs) in enumerate(zip(sets, features, folds, strict=True)):
            test, _ = split(s, f, fs[fold])
            for g, group in enumerate(cluster_features(test, model)):
                ours[n].update({a: f"{fold}-{g}" for a in group})
            for g, group in enumerate(baseline_groups(test, cut)):
                base[n].update({a: f"{fold}-{g}" for a in group})
        held_out = {a.id for a in sets[0].articles if sets[0].topic[a.id] in folds[0][fold]}
        chosen = {i: f for i, f in features[0].items() if i in held_out}
        alone.update(each_story_alone(sets[0], chosen, model))
    print()
    print(f"{'set':<12} {'method':<22} {'B3 P':>6} {'R':>6} {'F1':>6} {'ARI':>6}")
    for n, s in enumerate(sets):
        order = [a.id for a in s.articles]
        gold = [s.story[i] for i in order]
        for name, predicted in (("newsprism", ours[n]), ("tf-idf average-link", base[n])):
            r: ClusterScores = score([predicted[i] for i in order], gold)
            print(
                f"{s.name:<12} {name:<22} {r.precision:6.3f} {r.recall:6.3f} "
                f"{r.f1:6.3f} {r.ari:6.3f}"
            )
    print()
    report_alone(f"{sets[0].name}, each story alone, held-out model", alone)


def seeds_check(
    sets: list[LabeledSet], features: list[dict[str, ArticleFeatures]], models: Models
) -> None:
    seeds = extract([str(EVAL.parent / "seeds")], models=models).articles
    examples = extract(
        [str(Path(__file__).resolve().parents[1] / "examples" / "corpus")], models=models
    ).articles
    seed_features = featurize_articles(seeds, models)
    example_features = featurize_articles(examples, models)
    seed_ids = {a.id for a in seeds}
    mixes = {
        "seeds alone": seed_features,
        "seeds + examples": seed_features + example_features,
        "seeds + examples + dev sets": seed_features
        + example_features
        + [f for fs in features for f in fs.values()],
    }
    print()
    for name, mix in mixes.items():
        shuffled = list(mix)
        random.Random(0).shuffle(shuffled)
        start = time.perf_counter()
        groups = cluster_features(shuffled, None)
        seconds = time.perf_counter() - start
        holding = [g for g in groups if seed_ids & set(g)]
        exact = len(holding) == 1 and set(holding[0]) == seed_ids
        print(
            f"{name:<30} {len(mix):>5} articles -> {len(groups):>4} stories; seeds in "
            f"{len(holding)} story(ies), "
            f"{'exactly one story' if exact else 'NOT exactly one story'}"
            f" ({seconds:.1f} s clustering)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--skip-cv", action="store_true", help="only the seeds check")
    add_thresholds_option(parser, "used in every fold instead of choosing them")
    args = parser.parse_args()
    models = Models()
    sets = [ecbplus(models), allsides(models)]
    features = [cached_features(s, models) for s in sets]
    if not args.skip_cv:
        cross_validate(sets, features, args.folds, args.seed, args.thresholds)
    print()
    report_alone(
        f"{sets[0].name}, each story alone, shipped model",
        each_story_alone(sets[0], features[0], None),
    )
    order_check(sets[0], features[0], shuffles=5)
    seeds_check(sets, features, models)


if __name__ == "__main__":
    main()
