"""What the workers run: plain functions over shards and stories.

Each function calls the same ``pipeline`` composite steps as a run on one machine. The
models come from :func:`newsprism.models.default_models`, which keeps one
instance per process, so a worker process loads each model once, whatever the
number of tasks it runs.
"""

from __future__ import annotations

import gc
import os
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism import pipeline
from newsprism.analyze.entities.aliases import AliasTable
from newsprism.models import Models, default_models
from newsprism.records import Article, InputFailure, Story
from newsprism.records.features import ArticleFeatures
from newsprism.scale.shards import Shard, read_shard
from newsprism.settings import IngestSettings


@dataclass(frozen=True)
class PartitionResult:
    """One shard read, cleaned and featurized."""

    shard: int
    articles: tuple[Article, ...]
    failures: tuple[InputFailure, ...]
    features: tuple[ArticleFeatures, ...]
    pid: int
    seconds: float


@dataclass(frozen=True)
class WorkerStats:
    pid: int
    peak_rss_bytes: int
    """The worker process's peak resident memory (getrusage)."""
    loaded_models: int
    """Model sets with the spaCy pipeline loaded in this process: one when models are shared."""


def extract_partition(shard: Shard, settings: IngestSettings) -> PartitionResult:
    """Read, clean and featurize one shard: the model-bound work of a batch."""
    began = time.perf_counter()
    extraction, features = pipeline.read_and_featurize(read_shard(shard, settings))
    return PartitionResult(
        shard.number,
        extraction.articles,
        extraction.failures,
        tuple(features),
        os.getpid(),
        time.perf_counter() - began,
    )


def analyze_groups(
    articles: Sequence[Article], groups: Sequence[Sequence[str]], aliases: AliasTable | None
) -> tuple[Story, ...]:
    """Stories for groups of article ids, with their analysis (``articles`` holds their
    members; ``aliases``: the shipped table when None)."""
    return pipeline.analyse_groups(articles, groups, default_models(), aliases)


def worker_stats() -> WorkerStats:
    """Run on each worker after a batch (``Client.run``)."""
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
    loaded = sum(1 for o in gc.get_objects() if isinstance(o, Models) and "nlp" in vars(o))
    return WorkerStats(os.getpid(), peak, loaded)
