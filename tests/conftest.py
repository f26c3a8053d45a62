"""Shared fixtures: paths to the real test inputs and models loaded once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.models import Models
from newsprism.pipeline import ingest
from newsprism.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "corpus"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"
SCHEMA = SHARED / "contract" / "analysis.schema.json"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared corpus is not checked out beside the repo)")
    return path


@pytest.fixture(scope="session")
def models() -> Models:
    """One Models instance for the whole session: each model loads at most once."""
    return Models()


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _need(SEEDS)


@pytest.fixture(scope="session")
def aeb_dir() -> Path:
    return _need(EVAL / "extraction-aeb")


@pytest.fixture(scope="session")
def ecbplus_dir() -> Path:
    return _need(EVAL / "ecbplus-dev")


@pytest.fixture(scope="session")
def schema_path() -> Path:
    return _need(SCHEMA)


@pytest.fixture(scope="session")
def corpus_store(
    tmp_path_factory: pytest.TempPathFactory, examples_dir: Path, models: Models
) -> Iterator[Store]:
    """The example corpus ingested once into a store (for the web app's tests); read-only."""
    store = open_store(str(tmp_path_factory.mktemp("corpus") / "news.db"))
    report = ingest([str(examples_dir)], store, models=models, analyse=True)
    assert report.stored.added == 7 and not report.failures
    yield store
    store.close()
