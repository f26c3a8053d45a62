"""The one place that knows the order of the stages:

    ingest ──► clean ──► (store) ──► features ──► stories (clustering, shared text)
           ──► parse ──► per story: entities, labels, quotes ──► render

Each stage is a plain function over records; this package wires them, feeds them the
shared models, and collects failures so one bad input never stops a run. The CLI, the
web app, the watcher and a batch's tasks call its functions and nothing else, and the
composite steps (``pipeline.steps``) hold the order:

- read and featurize: :func:`read_and_featurize`;
- cluster and analyse: :func:`cluster_and_analyse` (a batch clusters on the client with
  :func:`group_features`, then runs :func:`analyse_groups` per task on its workers);
- place and analyse: :func:`place_and_analyse` (into the stored stories; ``ingest``
  places without analysing, and :func:`stored_story` analyses one stored story).
"""

from __future__ import annotations

from newsprism.analyze.entities.aliases import AliasTable
from newsprism.ingest import read_all
from newsprism.models import Models, default_models
from newsprism.pipeline.placing import (
    IngestReport,
    ingest,
    ingest_items,
    ingest_records,
    ingest_uploads,
    place_and_analyse,
    store_and_place,
    store_stories,
)
from newsprism.pipeline.steps import (
    FEATURIZE_CHUNK,
    Progress,
    Steps,
    analyse_groups,
    analyze_stories,
    clean_items,
    cluster_and_analyse,
    featurize_articles,
    group_features,
    read_and_featurize,
    stories_from_groups,
)
from newsprism.pipeline.stored import (
    analyse_stored,
    analysed_story,
    analysis_key,
    stored_article,
    stored_story,
)
from newsprism.records.results import Analysis, Extraction
from newsprism.settings import IngestSettings
from newsprism.store import Store

__all__ = [
    "FEATURIZE_CHUNK",
    "Analysis",
    "Extraction",
    "IngestReport",
    "Progress",
    "Steps",
    "analyse_groups",
    "analyse_stored",
    "analysed_story",
    "analysis_key",
    "analyze",
    "analyze_stories",
    "clean_items",
    "cluster_and_analyse",
    "extract",
    "featurize_articles",
    "group_features",
    "ingest",
    "ingest_items",
    "ingest_records",
    "ingest_uploads",
    "place_and_analyse",
    "read_and_featurize",
    "store_and_place",
    "store_stories",
    "stored_article",
    "stored_story",
    "stories_from_groups",
]


def extract(
    inputs: list[str],
    settings: IngestSettings | None = None,
    models: Models | None = None,
    progress: Progress | None = None,
) -> Extraction:
    """Read and clean every input. An article read twice in one run is kept once."""
    return clean_items(read_all(inputs, settings), models, progress)


def analyze(
    inputs: list[str],
    settings: IngestSettings | None = None,
    models: Models | None = None,
    store: Store | None = None,
    progress: Progress | None = None,
    aliases: AliasTable | None = None,
    analyse: bool = True,
    steps: Steps | None = None,
    one_story: bool = False,
) -> Analysis:
    """The whole pipeline over the inputs.

    Without a store, the articles read are clustered among themselves, and analysed with
    ``aliases`` (the shipped table when None) unless ``analyse`` is False (stories without
    entities and quotes). With one, they are stored, placed into the stored stories, and the
    stories they belong to are analysed with all their stored articles. ``one_story`` skips
    clustering: the user says the inputs tell one event, so every article read is one story
    (stored as one with a store). ``steps`` hears how featurizing and the story analysis
    advance.
    """
    models = models or default_models()
    extraction = extract(inputs, settings, models, progress)
    if store is None:
        stories = cluster_and_analyse(
            extraction.articles,
            models,
            aliases,
            analyse=analyse,
            one_story=one_story,
            steps=steps,
        )
        return Analysis(extraction.articles, stories, extraction.failures, extraction.duplicates)
    articles, stories = place_and_analyse(extraction, store, models, aliases, one_story, steps)
    return Analysis(articles, stories, extraction.failures, extraction.duplicates)
