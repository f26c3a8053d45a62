"""Featurizing in steps (for progress) gives the features of one pass, and says how far it is."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsprism import pipeline
from newsprism.models import Models
from newsprism.records import Article
from newsprism.records.features import ArticleFeatures


def test_steps_change_nothing_but_progress(
    monkeypatch: pytest.MonkeyPatch,
    seed_articles: tuple[Article, ...],
    example_articles: tuple[Article, ...],
    mixed_features: list[ArticleFeatures],
    models: Models,
) -> None:
    monkeypatch.setattr(pipeline.steps, "FEATURIZE_CHUNK", 3)
    heard: list[tuple[str, int, int]] = []
    articles = [*seed_articles, *example_articles]
    stepped = pipeline.featurize_articles(articles, models, lambda *a: heard.append(a))
    total = len(articles)
    assert heard == [
        ("featurizing articles", min(done, total), total) for done in range(3, total + 3, 3)
    ]
    assert [f.article_id for f in stepped] == [f.article_id for f in mixed_features]
    for one, other in zip(stepped, mixed_features, strict=True):
        assert one.names == other.names and one.terms == other.terms
        assert np.allclose(one.embedding, other.embedding, atol=1e-5)


def test_analyze_tells_each_stage(seeds_dir: Path, models: Models) -> None:
    heard: list[tuple[str, int, int]] = []
    result = pipeline.analyze([str(seeds_dir)], models=models, steps=lambda *a: heard.append(a))
    stages = {stage: (done, total) for stage, done, total in heard}
    assert stages == {
        "featurizing articles": (len(result.articles), len(result.articles)),
        "analysing stories": (len(result.stories), len(result.stories)),
    }
