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

With ``--batch-workers N`` the same sets go through the clustering stage of
``newsprism batch`` instead: stories per time window (batch's default, 30 days) on a
local Dask cluster of N worker processes, joined across windows on the client. Peak
memory is then the client's (it holds every article's features, as a batch does) and
each worker's.

    .venv/bin/python benchmarks/scale.py [--sizes 1000 10000 100000] [--batch-workers 2]
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
from newsprism import pipeline
from newsprism.cluster import cluster_features
from newsprism.models import Models
from newsprism.pipeline import featurize_articles
from newsprism.records.features import ArticleFeatures
from newsprism.scale.batch import BatchSettings, client_mapper, connect
from newsprism.scale.tasks import worker_stats

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


def one_size(size: int, batch_workers: int) -> None:
    """Child process: cluster `size` synthetic articles, print a JSON line."""
    models = Models()
    items = synthetic(pool(models), size)
    row: dict[str, object] = {"size": size}
    if batch_workers:
        settings = BatchSettings(workers=batch_workers)
        with connect(settings) as client:
            start = time.perf_counter()
            groups = pipeline.group_features(items, settings.window_days, client_mapper(client))
            row["seconds"] = time.perf_counter() - start
            stats = client.run(worker_stats).values()
        row["worker_peak_mib"] = [s.peak_rss_bytes / 2**20 for s in stats]
    else:
        start = time.perf_counter()
        groups = cluster_features(items)
        row["seconds"] = time.perf_counter() - start
    row["stories"] = len(groups)
    row["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(row))


def model_passes(count: int) -> float:
    """Articles per second of the clustering's model passes (the recogniser, embeddings) on
    real articles."""
    models = Models()
    articles = (ecbplus(models).articles * 2)[:count]
    featurize_articles(articles[:8], models)  # load the models before timing
    start = time.perf_counter()
    featurize_articles(articles, models)
    return count / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--model-pass-articles", type=int, default=200)
    parser.add_argument(
        "--batch-workers",
        type=int,
        default=0,
        help="time batch's window clustering on a local Dask cluster of this many workers",
    )
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        one_size(args.child, args.batch_workers)
        return
    rows = []
    stage = f"batch windows, {args.batch_workers} workers" if args.batch_workers else "clustering"
    for size in args.sizes:
        result = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                str(size),
                "--batch-workers",
                f"{args.batch_workers}",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        rows.append(json.loads(result.stdout.strip().splitlines()[-1]))
        r = rows[-1]
        workers = r.get("worker_peak_mib")
        print(
            f"{r['size']:>7} articles: {stage} {r['seconds']:8.1f} s = "
            f"{r['size'] / r['seconds']:8.0f} articles/s, {r['stories']} stories, "
            f"peak {r['peak_mib']:.0f} MiB"
            + (f", workers {', '.join(f'{w:.0f}' for w in workers)} MiB" if workers else "")
        )
    for a, b in itertools.pairwise(rows):
        print(f"growth time({b['size']}) / time({a['size']}) = {b['seconds'] / a['seconds']:.1f}")
    if args.batch_workers:
        return
    rate = model_passes(args.model_pass_articles)
    print(f"model passes (spaCy NER + embeddings): {rate:.1f} articles/s on ECB+ articles")


if __name__ == "__main__":
    main()
