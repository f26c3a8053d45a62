"""Shared fixtures: paths to the real test inputs and models loaded once per session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.models import Models, default_models
from newsprism.pipeline import Analysis, analyze, ingest
from newsprism.records import Article
from newsprism.store import Store, open_store
from tests.postgres import Server, Unavailable, server_from_environment

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "corpus"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"
SCHEMA = SHARED / "contract" / "analysis.schema.json"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that uses the models, directly or through a fixture, is marked ``models``,
    so ``pytest -m "not models"`` runs the fast part of the suite."""
    for item in items:
        if "models" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.models)


def _need(path: Path) -> Path:
    """The shared corpus's path; its absence skips the test, or fails it under CI (where a
    missing corpus must not pass as a skip)."""
    if not path.exists():
        message = f"{path} is absent (the shared corpus is not checked out beside the repo)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def postgres() -> Iterator[Server | None]:
    """The session's PostgreSQL server (see tests/postgres.py), or None where there is none."""
    try:
        server = server_from_environment()
    except Unavailable as exc:
        pytest.fail(f"PostgreSQL for the tests: {exc}")
    yield server
    if server is not None:
        server.stop()


def _postgres_database(request: pytest.FixtureRequest) -> str:
    """A fresh database on the session's server; the PostgreSQL run is skipped where no
    server can be had (CI sets NEWSPRISM_TEST_POSTGRES=required, which fails instead)."""
    server = request.getfixturevalue("postgres")
    if server is None:
        pytest.skip(
            "PostgreSQL run skipped: no server here (NEWSPRISM_TEST_POSTGRES is off, or "
            "Debian's postgresql is not installed; see tests/postgres.py)"
        )
    return str(server.fresh_url())


@pytest.fixture
def postgres_db(request: pytest.FixtureRequest) -> str:
    """A ``--db`` URL of a fresh PostgreSQL database, for what only PostgreSQL does."""
    return _postgres_database(request)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A ``--db`` value for an empty store: a SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "news.db")
    return _postgres_database(request)


@pytest.fixture(scope="session")
def models() -> Models:
    """The process's Models, shared with the code under test (in-process workers included):
    each model loads at most once per session."""
    return default_models()


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


def _corpus_store(db: str, examples_dir: Path, models: Models) -> Iterator[Store]:
    store = open_store(db)
    report = ingest([str(examples_dir)], store, models=models, analyse=True)
    assert report.stored.added == 7 and not report.failures
    yield store
    store.close()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def corpus_store(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    examples_dir: Path,
    models: Models,
) -> Iterator[Store]:
    """The example corpus ingested once into a store (for the web app's tests), on SQLite
    and on PostgreSQL; read-only."""
    if request.param == "sqlite":
        db = str(tmp_path_factory.mktemp("corpus") / "news.db")
    else:
        db = _postgres_database(request)
    yield from _corpus_store(db, examples_dir, models)


@pytest.fixture(scope="session")
def sqlite_corpus_store(
    tmp_path_factory: pytest.TempPathFactory, examples_dir: Path, models: Models
) -> Iterator[Store]:
    """The example corpus in a SQLite store, for the browser tests (the store's kind is
    not what they test)."""
    db = str(tmp_path_factory.mktemp("corpus") / "news.db")
    yield from _corpus_store(db, examples_dir, models)


@pytest.fixture(scope="session")
def seeds_analysis(seeds_dir: Path, models: Models) -> Analysis:
    """The seeds through `analyze` as a user runs it, once per session: the head of the
    chain seeds -> articles -> parses -> analysis that the other seed fixtures share."""
    return analyze([str(seeds_dir)], models=models)


@pytest.fixture(scope="session")
def seed_articles(seeds_analysis: Analysis) -> tuple[Article, ...]:
    return seeds_analysis.articles
