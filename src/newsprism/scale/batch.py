"""A batch over a Dask cluster: the pipeline's composite steps mapped over partitions.

    plan shards ──► per shard on the workers: read, then ``pipeline.read_and_featurize``
                ──► on the client: gather, keep each article once, cluster per time
                    window (``pipeline.group_features``, windows on the workers)
                ──► per group of stories on the workers: ``pipeline.analyse_groups``
                    (shared text and analysis)

The stories depend on the features and their dates only, never on how the
input was split, so any number of partitions gives the same stories.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from newsprism import pipeline
from newsprism.analyze.entities.aliases import AliasTable
from newsprism.cluster.stories import sort_stories
from newsprism.cluster.windows import Mapper
from newsprism.errors import ClusterError, UsageError
from newsprism.models import THREADS_VARIABLE
from newsprism.records import Article, InputFailure, Story
from newsprism.records.features import ArticleFeatures
from newsprism.records.results import Analysis, Extraction
from newsprism.scale.parquet import write_outputs
from newsprism.scale.shards import Plan, Shard, plan
from newsprism.scale.tasks import (
    PartitionResult,
    WorkerStats,
    analyze_groups,
    extract_partition,
    worker_stats,
)
from newsprism.settings import IngestSettings
from newsprism.store import Store


@dataclass(frozen=True)
class BatchSettings:
    """How a batch runs. Without ``scheduler`` a local cluster of ``workers`` processes
    (one thread each) is started and stopped."""

    workers: int = 2
    partitions: int | None = None
    """Shards to cut the input into; default four per worker."""
    scheduler: str | None = None
    """Address of a running Dask scheduler (tcp://host:8786); None starts a local cluster."""
    processes: bool = True
    """Local workers as processes (False: threads of this process, for quick tests)."""
    window_days: float = 30.0
    """Stories are found per window of this many days, then joined across windows."""
    analyse: bool = True
    """False stops after clustering: stories without entities, quotes and claims."""
    articles_per_task: int = 200
    """Stories are analysed in tasks of about this many articles."""

    def __post_init__(self) -> None:
        if not 1 <= self.workers <= 1024:
            raise UsageError(f"workers must be within 1..1024, got {self.workers}")
        if self.partitions is not None and self.partitions < 1:
            raise UsageError(f"partitions must be >= 1, got {self.partitions}")
        if not self.window_days > 0:
            raise UsageError(f"window days must be > 0, got {self.window_days}")
        if self.articles_per_task < 1:
            raise UsageError(f"articles per task must be >= 1, got {self.articles_per_task}")


@dataclass(frozen=True)
class BatchResult:
    analysis: Analysis
    features: tuple[ArticleFeatures, ...]
    shards: int
    workers: dict[str, WorkerStats]
    seconds: dict[str, float] = field(default_factory=dict)
    """Wall time of each stage: read, cluster, analyse."""


class BatchProgress(Protocol):
    def step(self, stage: str, done: int, total: int) -> None: ...

    def failure(self, failure: InputFailure) -> None: ...


class _Silent:
    def step(self, stage: str, done: int, total: int) -> None:
        return None

    def failure(self, failure: InputFailure) -> None:
        return None


def run_batch(
    inputs: list[str],
    settings: BatchSettings | None = None,
    ingest: IngestSettings | None = None,
    aliases: AliasTable | None = None,
    progress: BatchProgress | None = None,
) -> BatchResult:
    settings = settings or BatchSettings()
    ingest = ingest or IngestSettings()
    report = progress or _Silent()
    seconds: dict[str, float] = {}
    with connect(settings) as client:
        workers = len(client.scheduler_info().get("workers", {})) or settings.workers
        work = plan(inputs, settings.partitions or 4 * workers)
        for problem in work.failures:
            report.failure(problem)
        began = time.perf_counter()
        extraction, features = _read(client, work, ingest, report)
        seconds["read"] = time.perf_counter() - began
        report.step("clustering", 0, 1)
        groups = pipeline.group_features(features, settings.window_days, client_mapper(client))
        seconds["cluster"] = time.perf_counter() - seconds["read"] - began
        report.step("clustering", 1, 1)
        stories, failed = _stories(client, extraction.articles, groups, settings, aliases, report)
        seconds["analyse"] = time.perf_counter() - sum(seconds.values()) - began
        stats = {address: stats for address, stats in client.run(worker_stats).items()}
    failures = (*work.failures, *extraction.failures, *failed)
    analysis = Analysis(extraction.articles, stories, failures)
    return BatchResult(analysis, tuple(features), len(work.shards), stats, seconds)


def save_batch(result: BatchResult, out: Path, store: Store | None = None) -> None:
    """Write the batch's Parquet tables and analysis.json, and store it when asked."""
    write_outputs(out, result.analysis)
    if store is not None:
        analysis = result.analysis
        extraction = Extraction(analysis.articles, analysis.failures)
        pipeline.store_stories(store, extraction, result.features, analysis.stories)


@contextmanager
def connect(settings: BatchSettings) -> Iterator[Any]:
    """A client of the given scheduler, or of a local cluster started for the batch."""
    from distributed import Client, LocalCluster

    if settings.scheduler is not None:
        try:
            client = Client(settings.scheduler, timeout=30)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(
                f"cannot reach the Dask scheduler at {settings.scheduler}: {exc}"
            ) from exc
        with client:
            yield client
        return
    try:
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=settings.workers,
            threads_per_worker=1,
            processes=settings.processes,
            dashboard_address=None,
            **({"env": {THREADS_VARIABLE: "1"}} if settings.processes else {}),
        )
    except (OSError, RuntimeError) as exc:
        raise ClusterError(f"cannot start a local Dask cluster: {exc}") from exc
    with cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
        yield client


def _read(
    client: Any, work: Plan, ingest: IngestSettings, report: BatchProgress
) -> tuple[Extraction, list[ArticleFeatures]]:
    """Every shard read on the workers; a shard whose task fails becomes one failure."""
    from distributed import as_completed

    futures = client.map(extract_partition, work.shards, settings=ingest, pure=False)
    shard_of = {future.key: shard for future, shard in zip(futures, work.shards, strict=True)}
    results: dict[int, PartitionResult] = {}
    failures: dict[int, list[InputFailure]] = {}
    report.step("reading", 0, len(futures))
    for done, future in enumerate(as_completed(futures), start=1):  # type: ignore[no-untyped-call]
        shard: Shard = shard_of[future.key]
        try:
            result: PartitionResult = future.result()
        except Exception as exc:  # a worker's error in one shard must not end the batch
            lost = InputFailure.from_error(exc, shard.name, stage="batch", what="shard")
            failures[shard.number] = [lost]
            report.failure(lost)
        else:
            results[shard.number] = result
            failures[shard.number] = list(result.failures)
            for item in result.failures:
                report.failure(item)
        report.step("reading", done, len(futures))
    articles: dict[str, Article] = {}
    features: dict[str, ArticleFeatures] = {}
    for number in sorted(results):
        found = results[number]
        for article, values in zip(found.articles, found.features, strict=True):
            if article.id not in articles:
                articles[article.id] = article
                features[article.id] = values
    ordered = [f for n in sorted(failures) for f in failures[n]]
    return (
        Extraction(tuple(articles.values()), tuple(ordered)),
        list(features.values()),
    )


def client_mapper(client: Any) -> Mapper:
    """A mapper for ``pipeline.group_features`` that runs each window on the workers."""

    def run(function: Callable[[Any], Any], items: Sequence[Any]) -> Iterable[Any]:
        return client.gather(client.map(function, items, pure=False))  # type: ignore[no-any-return]

    return run


def _stories(
    client: Any,
    articles: Sequence[Article],
    groups: list[list[str]],
    settings: BatchSettings,
    aliases: AliasTable | None,
    report: BatchProgress,
) -> tuple[tuple[Story, ...], list[InputFailure]]:
    """Stories built (and analysed) on the workers, in tasks of about ``articles_per_task``."""
    by_id = {a.id: a for a in articles}
    tasks = list(_chunks(groups, settings.articles_per_task))
    if not settings.analyse:
        return pipeline.stories_from_groups(articles, groups), []
    futures = [
        client.submit(analyze_groups, [by_id[a] for g in chunk for a in g], chunk, aliases)
        for chunk in tasks
    ]
    stories: list[Story] = []
    failures: list[InputFailure] = []
    report.step("analysing", 0, len(futures))
    for done, (future, chunk) in enumerate(zip(futures, tasks, strict=True), start=1):
        try:
            stories.extend(future.result())
        except Exception as exc:  # one failed analysis keeps its stories, unanalysed
            members = [by_id[a] for g in chunk for a in g]
            plain = pipeline.stories_from_groups(members, chunk)
            stories.extend(plain)
            for story in plain:
                lost = InputFailure.from_error(
                    exc, f"story {story.id}", stage="analyze", what="analysis"
                )
                failures.append(lost)
                report.failure(lost)
        report.step("analysing", done, len(futures))
    return sort_stories(stories, articles), failures


def _chunks(groups: list[list[str]], size: int) -> Iterator[list[list[str]]]:
    chunk: list[list[str]] = []
    count = 0
    for group in groups:
        chunk.append(group)
        count += len(group)
        if count >= size:
            yield chunk
            chunk, count = [], 0
    if chunk:
        yield chunk
