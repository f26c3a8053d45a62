"""The one place that knows the order of the stages:

    ingest ──► clean ──► (store) ──► group into stories ──► render

Each stage is a plain function over records; this module wires them, feeds
them the shared models, and collects failures so one bad input never stops a
run. The CLI and the web app call these functions and nothing else.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from newsprism.clean import clean
from newsprism.errors import InputError
from newsprism.ingest import read_all
from newsprism.models import Models, default_models
from newsprism.records import Article, InputFailure, Story
from newsprism.settings import IngestSettings
from newsprism.store import AddResult, Store

Progress = Callable[[Article | InputFailure], None]
"""Called once per article read or input failed, for progress bars and logs."""


@dataclass(frozen=True)
class Extraction:
    articles: tuple[Article, ...]
    failures: tuple[InputFailure, ...]


@dataclass(frozen=True)
class Analysis:
    articles: tuple[Article, ...]
    stories: tuple[Story, ...]
    failures: tuple[InputFailure, ...]


@dataclass(frozen=True)
class IngestReport:
    stored: AddResult
    failures: tuple[InputFailure, ...]


def extract(
    inputs: list[str],
    settings: IngestSettings | None = None,
    models: Models | None = None,
    progress: Progress | None = None,
) -> Extraction:
    """Read and clean every input. An article read twice in one run is kept once."""
    models = models or default_models()
    articles: dict[str, Article] = {}
    failures: list[InputFailure] = []
    for item in read_all(inputs, settings):
        result: Article | InputFailure
        if isinstance(item, InputFailure):
            result = item
        else:
            try:
                result = clean(item, models.language)
            except InputError as exc:
                result = InputFailure(exc.source, exc.reason, exc.stage)
        if isinstance(result, InputFailure):
            failures.append(result)
        else:
            articles.setdefault(result.id, result)
        if progress is not None:
            progress(result)
    return Extraction(tuple(articles.values()), tuple(failures))


def ingest(
    inputs: list[str],
    store: Store,
    settings: IngestSettings | None = None,
    models: Models | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Extract and store; what was stored before stays as it is."""
    extraction = extract(inputs, settings, models, progress)
    stored = store.add_articles(extraction.articles)
    store.add_failures(extraction.failures)
    return IngestReport(stored, extraction.failures)


def analyze(
    inputs: list[str],
    settings: IngestSettings | None = None,
    models: Models | None = None,
    store: Store | None = None,
    progress: Progress | None = None,
) -> Analysis:
    """The whole pipeline over the inputs; stores the articles when a store is given."""
    extraction = extract(inputs, settings, models, progress)
    if store is not None:
        store.add_articles(extraction.articles)
        store.add_failures(extraction.failures)
    stories = group_stories(extraction.articles)
    return Analysis(extraction.articles, stories, extraction.failures)


def group_stories(articles: Iterable[Article]) -> tuple[Story, ...]:
    """All articles as one story: the provisional grouping until story clustering lands."""
    ordered = sorted(articles, key=lambda a: (a.published is None, a.published or "", a.id))
    if not ordered:
        return ()
    ids = tuple(a.id for a in ordered)
    return (Story(id=Story.make_id(ids), title=_story_title(ordered), article_ids=ids),)


def _story_title(articles: list[Article]) -> str:
    """The title most articles share, else the earliest article's, else its first line."""
    titles = [a.title for a in articles if a.title]
    if not titles:
        return articles[0].text.split("\n", 1)[0][:120]
    return Counter(titles).most_common(1)[0][0] if len(set(titles)) < len(titles) else titles[0]
