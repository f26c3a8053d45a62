"""Story clustering at scale: articles per second at 1k, 10k and 100k articles.

The large sets are built from the real articles of ../shared/eval (ECB+ dev and
AllSides, their features computed once by the real pipeline): article i is a
copy of real article i mod n, moved in time by 40 days per round through the
pool (so each round holds new events, as a year of news repeats its kinds of
story), with its embedding jittered (Gaussian noise, sigma 0.02, renormalised)
and a random tenth of its terms and names dropped, so no two articles are
identical. Each size runs in a fresh process; peak memory is that process's
maximum resident set size. Model passes (spaCy NER, embeddings) are measured
separately on real articles: they are per article, so their cost grows linearly.

    .venv/bin/python benchmarks/scale.py [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from dataclasses import replace

import numpy as np

from datasets import allsides, cached_features, ecbplus
from newsprism.cluster import cluster_features, featurize
from newsprism.cluster.features import ArticleFeatures
from newsprism.models import Models

ROUND_DAYS = 40.0


def synthetic(pool: list[ArticleFeatures], size: int, seed: int = 7) -> list[ArticleFeatures]:
    rng = random.Random(seed)
    noise = np.random.default_rng(seed)
    start = min((f.timestamp for f in pool if f.timestamp is not None), default=18000.0)
    out = []
    for i in range(size):
        base = pool[i % len(pool)]
        shift = ROUND_DAYS * (i // len(pool))
        vector = base.embedding + noise.normal(0.0, 0.02, base.embedding.shape).astype(np.float32)
        vector /= np.linalg.norm(vector)
        timestamp = (base.timestamp if base.timestamp is not None else start) + shift
        out.append(
            replace(
                base,
                article_id=f"x{i}",
                timestamp=timestamp,
                embedding=vector.astype(np.float32),
                terms=Counter({t: n for t, n in base.terms.items() if rng.random() > 0.1}),
                names=Counter({t: n for t, n in base.names.items() if rng.random() > 0.1}),
            )
        )
    return out


def pool(models: Models) -> list[ArticleFeatures]:
    features: list[ArticleFeatures] = []
    for labeled in (ecbplus(models), allsides(models)):
        features += cached_features(labeled, models).values()
    return features


def one_size(size: int) -> None:
    """Child process: cluster `size` synthetic articles, print a JSON line."""
    models = Models()
    items = synthetic(pool(models), size)
    start = time.perf_counter()
    groups = cluster_features(items)
    seconds = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps({"size": size, "seconds": seconds, "stories": len(groups), "peak_mib": peak_mib})
    )


def model_passes(count: int) -> float:
    """Articles per second of the model passes (spaCy NER + embeddings) on real articles."""
    models = Models()
    articles = (ecbplus(models).articles * 2)[:count]
    featurize(articles[:8], models)  # load the models before timing
    start = time.perf_counter()
    featurize(articles, models)
    return count / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--model-pass-articles", type=int, default=200)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        one_size(args.child)
        return
    rows = []
    for size in args.sizes:
        result = subprocess.run(
            [sys.executable, __file__, "--child", str(size)],
            capture_output=True,
            text=True,
            check=True,
        )
        rows.append(json.loads(result.stdout.strip().splitlines()[-1]))
        r = rows[-1]
        print(
            f"{r['size']:>7} articles: clustering {r['seconds']:8.1f} s = "
            f"{r['size'] / r['seconds']:8.0f} articles/s, {r['stories']} stories, "
            f"peak {r['peak_mib']:.0f} MiB"
        )
    for a, b in itertools.pairwise(rows):
        print(f"growth time({b['size']}) / time({a['size']}) = {b['seconds'] / a['seconds']:.1f}")
    rate = model_passes(args.model_pass_articles)
    print(f"model passes (spaCy NER + embeddings): {rate:.1f} articles/s on ECB+ articles")


if __name__ == "__main__":
    main()
