"""Real articles for the clustering tests: the example corpus, read once (the seeds come
from the session chain in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.models import Models
from newsprism.pipeline import extract, featurize_articles
from newsprism.records import Article
from newsprism.records.features import ArticleFeatures


@pytest.fixture(scope="session")
def example_articles(examples_dir: Path, models: Models) -> tuple[Article, ...]:
    return extract([str(examples_dir)], models=models).articles


@pytest.fixture(scope="session")
def mixed_features(
    seed_articles: tuple[Article, ...], example_articles: tuple[Article, ...], models: Models
) -> list[ArticleFeatures]:
    return featurize_articles([*seed_articles, *example_articles], models)


@pytest.fixture(scope="session")
def ecb_topic(ecbplus_dir: Path) -> list[Path]:
    """ECB+ topic 14: the articles of two different events of one kind."""
    return sorted((ecbplus_dir / "texts").glob("14_*.txt"))
