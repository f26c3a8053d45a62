"""Parsed articles, once per session: the seeds and the example corpus."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from newsprism.analyze.entities.aliases import default_aliases
from newsprism.models import Models
from newsprism.nlp import parse
from newsprism.pipeline import extract
from newsprism.records import Article, Story
from newsprism.records.results import Analysis


@dataclass(frozen=True)
class Parsed:
    articles: list[Article]
    docs: list[Any]

    def by_outlet(self, outlet: str) -> Article:
        return next(a for a in self.articles if a.outlet == outlet)


def _parsed(paths: list[str], models: Models) -> Parsed:
    articles = list(extract(paths, models=models).articles)
    return Parsed(articles, list(parse(articles, models, default_aliases())))


@pytest.fixture(scope="session")
def seeds_parsed(seed_articles: tuple[Article, ...], models: Models) -> Parsed:
    """The seeds' articles of the session chain, parsed once."""
    articles = list(seed_articles)
    return Parsed(articles, list(parse(articles, models, default_aliases())))


@pytest.fixture(scope="session")
def examples_parsed(examples_dir: Path, models: Models) -> Parsed:
    """The dam-collapse story of the example corpus (the unrelated football item left out)."""
    parsed = _parsed([str(examples_dir)], models)
    keep = [i for i, a in enumerate(parsed.articles) if "Brenmoor" in a.text]
    return Parsed([parsed.articles[i] for i in keep], [parsed.docs[i] for i in keep])


@pytest.fixture(scope="session")
def seed_story(seeds_analysis: Analysis) -> Story:
    """The seeds' one story as `analyze` gives it (the session chain)."""
    (story,) = seeds_analysis.stories
    return story
