"""`newsprism batch` and `newsprism watch` through typer's CliRunner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from distributed import LocalCluster
from typer.testing import CliRunner

from newsprism.cli import app
from tests.scale.feedserver import Answer, rss, seed_items, serve

runner = CliRunner()


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """An existing cluster (threads of this process), as `dask scheduler` would give."""
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False) as cluster:
        yield cluster.scheduler_address


@pytest.mark.models  # runs the models without the fixture
def test_batch_on_an_existing_cluster_with_a_missing_input(
    scheduler: str, seeds_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    db = tmp_path / "batch.db"
    inputs = [str(p) for p in sorted(seeds_dir.iterdir())[:2]]
    args = ["batch", *inputs, str(tmp_path / "missing.txt"), "--out", str(out)]
    result = runner.invoke(app, [*args, "--scheduler", scheduler, "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert "missing.txt" in result.stderr and "2 article(s)" in result.stderr
    assert pq.read_table(out / "articles.parquet").num_rows == 2
    assert pq.read_table(out / "failures.parquet").column("source").to_pylist() == [
        str(tmp_path / "missing.txt")
    ]
    assert (out / "analysis.json").is_file()
    again = runner.invoke(app, ["ingest", "--db", str(db), *inputs])
    assert "stored 0 new article(s), 2 already" in again.stderr


def test_batch_usage_errors_exit_2(tmp_path: Path, seeds_dir: Path) -> None:
    result = runner.invoke(app, ["batch", str(seeds_dir), "--out", str(tmp_path), "--workers", "0"])
    assert result.exit_code == 2


def test_watch_once(tmp_path: Path, seeds_dir: Path) -> None:
    with serve() as feeds:
        feeds.answers["/w.rss"] = [Answer(rss("Wire", seed_items(seeds_dir, 1)), etag='"w"')]
        db = str(tmp_path / "w.db")
        args = ["watch", feeds.url("/w.rss"), "--db", db, "--once", "--allow-private"]
        first = runner.invoke(app, args)
        other_db = ["--db", str(tmp_path / "other.db")]
        refused = runner.invoke(app, [*args[:2], *other_db, "--once"])
    assert first.exit_code == 0, first.output
    assert "new, 1 new" in first.stderr
    assert refused.exit_code == 1 and "refused" in refused.stderr
    assert len(feeds.hits("/w.rss")) == 1
