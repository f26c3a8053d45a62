"""A batch gives the stories of ``pipeline.analyze`` whatever the partitioning, writes
consistent Parquet tables, and goes on past a bad shard."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from jsonschema import Draft202012Validator

from newsprism import pipeline
from newsprism.models import default_models
from newsprism.records import Story
from newsprism.scale import BatchResult, BatchSettings, run_batch
from newsprism.scale.parquet import write_outputs

LOCAL = {"workers": 1, "processes": False}


def story_sets(stories: tuple[Story, ...]) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in stories}


@pytest.fixture(scope="module")
def four(corpus: list[str]) -> BatchResult:
    """Four partitions, with the analysis of every story."""
    return run_batch(corpus, BatchSettings(partitions=4, **LOCAL))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def one(corpus: list[str]) -> BatchResult:
    return run_batch(corpus, BatchSettings(partitions=1, analyse=False, **LOCAL))  # type: ignore[arg-type]


@pytest.mark.models  # runs the models without the fixture
def test_partitioning_does_not_change_the_stories(four: BatchResult, one: BatchResult) -> None:
    assert four.shards >= 4 and one.shards == 1
    assert story_sets(four.analysis.stories) == story_sets(one.analysis.stories)
    assert [s.id for s in four.analysis.stories] == [s.id for s in one.analysis.stories]
    assert {a.id for a in four.analysis.articles} == {a.id for a in one.analysis.articles}


@pytest.mark.models  # runs the models without the fixture
def test_batch_finds_the_stories_of_analyze(four: BatchResult, corpus: list[str]) -> None:
    alone = pipeline.analyze(corpus, models=default_models(), analyse=False)
    assert len(alone.stories) > 1
    assert story_sets(four.analysis.stories) == story_sets(alone.stories)
    assert four.analysis.failures == alone.failures == ()


def test_stories_are_analysed_on_the_workers(four: BatchResult) -> None:
    big = [s for s in four.analysis.stories if len(s.article_ids) > 1]
    assert big and all(s.entities and s.claims for s in big)
    assert all(s.provenance for s in four.analysis.stories)


def test_in_process_workers_use_the_process_models(four: BatchResult) -> None:
    """Threads of this process share its one Models (worker processes: see the last test)."""
    (stats,) = four.workers.values()
    assert stats.pid == os.getpid()
    assert "nlp" in vars(default_models())
    assert stats.peak_rss_bytes > 0


def test_parquet_tables_agree_with_the_analysis(
    four: BatchResult, tmp_path: Path, schema_path: Path
) -> None:
    write_outputs(tmp_path, four.analysis)
    articles = pq.read_table(tmp_path / "articles.parquet").to_pylist()
    texts = {a["id"]: a["text"] for a in articles}
    assert set(texts) == {a.id for a in four.analysis.articles}
    members = pq.read_table(tmp_path / "stories.parquet").to_pylist()
    assert sorted(m["article_id"] for m in members) == sorted(texts)
    assert {m["story_id"] for m in members} == {s.id for s in four.analysis.stories}
    entities = pq.read_table(tmp_path / "entities.parquet").to_pylist()
    claims = pq.read_table(tmp_path / "claims.parquet").to_pylist()
    assert entities and claims
    for row in [*entities, *claims]:
        assert texts[row["article_id"]][row["start"] : row["end"]] == row["text"]
    expected = sum(len(c.evidence) for s in four.analysis.stories for c in s.claims)
    assert len(claims) == expected
    assert pq.read_table(tmp_path / "failures.parquet").num_rows == 0
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    document = json.loads((tmp_path / "analysis.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(document)) == []


@pytest.mark.models  # runs the models without the fixture
def test_a_bad_shard_is_reported_and_the_rest_goes_on(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "broken.warc.gz").write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    (tmp_path / "crash.txt").write_text("This file makes its shard fail.", encoding="utf-8")
    from newsprism.scale import tasks

    real = tasks.read_shard

    def crashing(shard: tasks.Shard, settings: object):  # type: ignore[no-untyped-def]
        if any(u.name.endswith("crash.txt") for u in shard.units):
            raise RuntimeError("worker lost")
        return real(shard, settings)  # type: ignore[arg-type]

    monkeypatch.setattr(tasks, "read_shard", crashing)
    inputs = [str(tmp_path / "broken.warc.gz"), str(tmp_path / "crash.txt"), str(seeds_dir)]
    result = run_batch(inputs, BatchSettings(partitions=7, analyse=False, **LOCAL))  # type: ignore[arg-type]
    sources = [f.source for f in result.analysis.failures]
    assert any("broken.warc.gz" in s for s in sources)
    assert any(s.startswith("shard ") and "crash.txt" in s for s in sources)
    assert {a.source for a in result.analysis.articles} == {
        str(p) for p in sorted(seeds_dir.iterdir())
    }


@pytest.mark.models  # runs the models without the fixture
def test_worker_processes_on_a_tiny_input(seeds_dir: Path) -> None:
    """Real worker processes: the models load once in each, not in this process."""
    inputs = [str(p) for p in sorted(seeds_dir.iterdir())[:3]]
    result = run_batch(inputs, BatchSettings(workers=1, partitions=3, analyse=False))
    assert result.shards == 3 and len(result.analysis.articles) == 3
    (stats,) = result.workers.values()
    assert stats.pid != os.getpid()
    assert stats.loaded_models == 1
