"""The stages, and the composite steps every path runs them in.

Two composite steps hold the order of the stages; every run calls them rather than the
stages one by one:

- :func:`read_and_featurize`: clean what the readers found, then featurize the articles
  (a batch's workers run it per shard; ``place`` featurizes only the articles it places);
- :func:`analyse_groups`: stories for groups of article ids, with the text they share, then
  their analysis: after clustering (:func:`cluster_and_analyse`), after placing into the
  stored stories (``pipeline.placing``), for one stored story (``pipeline.stored``), and per
  task on a batch's workers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial

import numpy as np

from newsprism.analyze.entities.aliases import AliasTable, default_aliases
from newsprism.analyze.story import analyze_story, read_ahead
from newsprism.clean import clean
from newsprism.cluster import cluster_features, featurize
from newsprism.cluster.features import article_vectors, feature_order
from newsprism.cluster.overlap import overlaps
from newsprism.cluster.stories import build_stories
from newsprism.cluster.windows import Mapper, cluster_windows
from newsprism.errors import InputError
from newsprism.models import Models, default_models
from newsprism.nlp import names_in, parse, recognise
from newsprism.pipeline.beside import Job, beside
from newsprism.records import Article, Duplicate, InputFailure, RawDocument, Story
from newsprism.records.features import ArticleFeatures
from newsprism.records.results import Extraction

Progress = Callable[[Article | InputFailure], None]
"""Called once per article read or input failed, for progress bars and logs."""

Steps = Callable[[str, int, int], None]
"""Called as a long stage advances: the stage's name, units done, units in all."""

FEATURIZE_CHUNK = 256
"""Articles per featurizing step: each article's features are its own, so steps change
nothing but how often progress is told."""
READ_AHEAD_STORIES = 3
"""Stories parsed and read ahead of the one being analysed: their statements are embedded
beside the parse and analysis of those before (``pipeline.beside``), so a long story's
embedding has several shorter ones' main-thread work to run beside. On the mixed input of
``benchmarks/pipeline_scale.py`` (one process each, the same run), the story analysis
took 98.8 s reading one story ahead and 93.4 s reading three at 1,000 articles (the main
thread waited 34.7 s and 27.3 s for vectors), 31.3 s and 28.3 s at 300; six gave no more
than three (29.7 s at 300). The parses of the stories ahead are held meanwhile."""
EMBEDDING_PART = 32
"""Articles per embedding job run beside the recogniser: small enough that the caller,
done recognising a chunk, waits little for the job the side thread is on before it takes
back the rest (``Beside.gather``), large enough that a job's batches stay full (about 4
passages an article, 8 per batch)."""


def clean_items(
    items: Iterable[RawDocument | InputFailure],
    models: Models | None = None,
    progress: Progress | None = None,
) -> Extraction:
    """Clean what the readers found. An article read twice in one run is kept once."""
    models = models or default_models()
    articles: dict[str, Article] = {}
    failures: list[InputFailure] = []
    duplicates: list[Duplicate] = []
    for item in items:
        result: Article | InputFailure
        if isinstance(item, InputFailure):
            result = item
        else:
            try:
                result = clean(item, models.language)
            except InputError as exc:
                result = InputFailure.from_error(exc)
        if isinstance(result, InputFailure):
            failures.append(result)
        elif result.id in articles:
            first = articles[result.id]
            duplicates.append(Duplicate(result.source, first.id, first.source))
        else:
            articles[result.id] = result
        if progress is not None:
            progress(result)
    return Extraction(tuple(articles.values()), tuple(failures), tuple(duplicates))


def featurize_articles(
    articles: Sequence[Article],
    models: Models,
    steps: Steps | None = None,
    aliases: AliasTable | None = None,
) -> list[ArticleFeatures]:
    """What the story clustering knows of each article: the model-bound pass, one per
    article. The recogniser runs with the ruler of ``aliases`` (the shipped table when
    None), as the analysis parse runs it, which then takes its entities (``recognise``).
    The embedding pass runs beside it (``pipeline.beside``)."""
    table = aliases or default_aliases()
    features: list[ArticleFeatures] = []
    chunks = [articles[s : s + FEATURIZE_CHUNK] for s in range(0, len(articles), FEATURIZE_CHUNK)]
    with beside(models) as side:

        def embedding(chunk: Sequence[Article]) -> list[Job[np.ndarray]]:
            parts = range(0, len(chunk), EMBEDDING_PART)
            return [
                side.start(partial(article_vectors, chunk[s : s + EMBEDDING_PART])) for s in parts
            ]

        # the next chunk's passages are queued before this one's are gathered: the side
        # thread goes on with them while the caller works out what it takes back
        parts = embedding(chunks[0]) if chunks else []
        for n, chunk in enumerate(chunks):
            entities = recognise(chunk, models, table)
            read = iter(names_in([a.title for a in chunk if a.title], models, table))
            titles = [next(read) if a.title else [] for a in chunk]
            following = embedding(chunks[n + 1]) if n + 1 < len(chunks) else []
            embedded = np.concatenate(side.gather(parts))
            parts = following
            features.extend(featurize(chunk, entities, titles, embedded))
            if steps is not None:
                steps("featurizing articles", len(features), len(articles))
    return features


def read_and_featurize(
    items: Iterable[RawDocument | InputFailure],
    models: Models | None = None,
    progress: Progress | None = None,
    steps: Steps | None = None,
) -> tuple[Extraction, list[ArticleFeatures]]:
    """Clean what the readers found and featurize the articles: the model-bound work that
    needs no other article (one shard of a batch)."""
    models = models or default_models()
    extraction = clean_items(items, models, progress)
    return extraction, featurize_articles(extraction.articles, models, steps)


def group_features(
    features: Sequence[ArticleFeatures],
    window_days: float | None = None,
    mapper: Mapper | None = None,
) -> list[list[str]]:
    """Article ids per story. Features are taken by date then id, so the order in which the
    articles were read does not change the stories. With ``window_days``, stories are found
    per time window and joined across windows (``mapper`` runs the windows, on a cluster for
    a batch)."""
    ordered = sorted(features, key=feature_order)
    if window_days is None:
        return cluster_features(ordered)
    return cluster_windows(ordered, window_days, mapper=mapper)


def stories_from_groups(
    articles: Sequence[Article],
    groups: Sequence[Sequence[str]],
    keys: Mapping[str, str] | None = None,
) -> tuple[Story, ...]:
    """Story records for groups of article ids, with the text their articles share (found
    among ``articles``); ``keys`` gives stored story ids by article id."""
    return build_stories(articles, groups, overlaps(articles), keys)


def analyze_stories(
    articles: Sequence[Article],
    stories: Sequence[Story],
    models: Models,
    aliases: AliasTable,
    steps: Steps | None = None,
) -> tuple[Story, ...]:
    """Each story with its entities, labels and quotes: one parse per article. A story's
    statements, quotes and verb phrases (``story.read_ahead``) are embedded beside the parse of
    the ``READ_AHEAD_STORIES`` stories after it and the analysis of those before it
    (``pipeline.beside``); stories come back in input order."""
    by_id = {a.id: a for a in articles}
    analysed: list[Story] = []

    def finish(analysis: Callable[[], Story]) -> None:
        analysed.append(analysis())
        if steps is not None:
            steps("analysing stories", len(analysed), len(stories))

    with beside(models, story=True) as side:
        waiting: list[Callable[[], Story]] = []
        for story in stories:
            members = [by_id[i] for i in story.article_ids]
            docs = list(parse(members, models, aliases))
            ahead = read_ahead(
                members, docs, lambda works: partial(side.gather, [side.start(w) for w in works])
            )
            waiting.append(
                partial(analyze_story, story, members, docs, models, aliases, ahead=ahead)
            )
            if len(waiting) > READ_AHEAD_STORIES:
                finish(waiting.pop(0))
        for analysis in waiting:
            finish(analysis)
    return tuple(analysed)


def analyse_groups(
    articles: Sequence[Article],
    groups: Sequence[Sequence[str]],
    models: Models | None = None,
    aliases: AliasTable | None = None,
    *,
    analyse: bool = True,
    keys: Mapping[str, str] | None = None,
    steps: Steps | None = None,
) -> tuple[Story, ...]:
    """Stories for groups of article ids (``articles`` holds their members), with the text
    they share and, unless ``analyse`` is False, their analysis with ``aliases`` (the
    shipped table when None). The text shared between articles is found within the
    articles given: within each story, that finds the same pairs as over a whole run."""
    stories = stories_from_groups(articles, groups, keys)
    if not analyse:
        return stories
    table = aliases or default_aliases()
    return analyze_stories(articles, stories, models or default_models(), table, steps)


def cluster_and_analyse(
    articles: Sequence[Article],
    models: Models,
    aliases: AliasTable | None = None,
    *,
    analyse: bool = True,
    one_story: bool = False,
    features: Sequence[ArticleFeatures] | None = None,
    window_days: float | None = None,
    steps: Steps | None = None,
) -> tuple[Story, ...]:
    """Articles clustered into stories among themselves, then those stories analysed (not
    when ``analyse`` is False). ``one_story``: the user says the articles tell one event, so
    they are one story, unclustered. ``features`` may come precomputed."""
    if one_story:
        groups = [[a.id for a in articles]] if articles else []
    elif not articles:
        return ()
    else:
        if features is None:
            features = featurize_articles(articles, models, steps, aliases)
        groups = group_features(features, window_days)
    return analyse_groups(articles, groups, models, aliases, analyse=analyse, steps=steps)
