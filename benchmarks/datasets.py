"""Labeled story sets of ../shared/eval, read through newsprism's own pipeline.

Each set gives articles with their gold story and a topic used to split folds
for cross-validation (tune on some topics, score on the others).
"""

from __future__ import annotations

import pickle
import re
from dataclasses import dataclass, replace
from pathlib import Path

from newsprism.models import Models
from newsprism.pipeline import extract, featurize_articles
from newsprism.records import Article
from newsprism.records.features import ArticleFeatures

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
CACHE = Path(__file__).resolve().parent / "results" / "cache"
FEATURES = "recognised-once-2"
"""Named with the cache file, so features of an older kind are never read: since
2026-12-01 the recogniser runs once with the alias ruler, over the text and over the
title apart (``pipeline.featurize_articles``)."""
_URL_DATE = re.compile(r"/(20\d{2})/(\d{1,2})/(\d{1,2})/")


@dataclass(frozen=True)
class LabeledSet:
    name: str
    articles: list[Article]
    story: dict[str, str]
    """Gold story of each article id."""
    topic: dict[str, str]


def _read(paths: list[Path], models: Models) -> dict[str, Article]:
    result = extract([str(p) for p in paths], models=models)
    if result.failures:
        raise SystemExit(f"could not read: {result.failures[:3]}")
    return {Path(a.source).stem: a for a in result.articles}


def ecbplus(models: Models) -> LabeledSet:
    root = EVAL / "ecbplus-dev"
    rows = [line.split("\t") for line in (root / "clusters.tsv").read_text().splitlines()[1:]]
    by_doc = _read([root / "texts" / f"{doc}.txt" for doc, _, _ in rows], models)
    articles = [by_doc[doc] for doc, _, _ in rows]
    return LabeledSet(
        "ecbplus-dev",
        articles,
        {by_doc[doc].id: story for doc, _, story in rows},
        {by_doc[doc].id: topic for doc, topic, _ in rows},
    )


def allsides(models: Models) -> LabeledSet:
    """AllSides texts carry no date of their own; the date in an article's URL is used when
    there is one (the roundup date in clusters.tsv would leak the gold grouping)."""
    root = EVAL / "allsides"
    rows = [line.split("\t") for line in (root / "clusters.tsv").read_text().splitlines()[1:]]
    rows = [r for r in rows if (root / "texts" / f"{r[0]}.txt").exists()]
    by_doc = _read([root / "texts" / f"{r[0]}.txt" for r in rows], models)
    articles = []
    for doc, _story, _side, outlet, _topic, _date, url in rows:
        match = _URL_DATE.search(url)
        published = None
        if match:
            year, month, day = (int(g) for g in match.groups())
            published = (
                f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None
            )
        articles.append(replace(by_doc[doc], published=published, outlet=outlet, url=url))
    return LabeledSet(
        "allsides",
        articles,
        {a.id: r[1] for a, r in zip(articles, rows, strict=True)},
        {a.id: r[4] for a, r in zip(articles, rows, strict=True)},
    )


def cached_features(labeled: LabeledSet, models: Models) -> dict[str, ArticleFeatures]:
    """Features of a set, computed once and kept under benchmarks/results/cache (computed
    again when the cache lacks an article or holds features of an older version)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"features-{FEATURES}-{labeled.name}.pkl"
    ids = [a.id for a in labeled.articles]
    if path.exists():
        cached: dict[str, ArticleFeatures] = pickle.loads(path.read_bytes())
        if all(i in cached and "excerpt" in vars(cached[i]) for i in ids):
            return {i: cached[i] for i in ids}
    features = {f.article_id: f for f in featurize_articles(labeled.articles, models)}
    path.write_bytes(pickle.dumps(features))
    return features
