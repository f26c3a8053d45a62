"""The one place that knows the order of the stages:

    ingest ──► clean ──► (store) ──► features ──► stories (clustering, shared text)
           ──► parse ──► per story: entities, labels, quotes ──► render

Each stage is a plain function over records; this module wires them, feeds
them the shared models, and collects failures so one bad input never stops a
run. The CLI and the web app call these functions and nothing else.

A batch (``newsprism.scale``) runs the same stages in the same order on a Dask
cluster: ``clean_items`` and ``featurize_articles`` per partition,
``group_features`` over all the features, ``stories_from_groups`` and
``analyze_stories`` per group of stories.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from tempfile import TemporaryDirectory

from newsprism.analyze.aliases import AliasTable, default_aliases
from newsprism.analyze.story import analyze_story
from newsprism.clean import clean
from newsprism.cluster import cluster_features, featurize, place, place_together
from newsprism.cluster.features import feature_order
from newsprism.cluster.overlap import overlaps
from newsprism.cluster.stories import build_stories
from newsprism.cluster.windows import Mapper, cluster_windows
from newsprism.errors import InputError, NotFoundError
from newsprism.ingest import Input, read_all, read_input
from newsprism.ingest.jsonl import document_from_record
from newsprism.models import Models, default_models
from newsprism.nlp import parse
from newsprism.records import Article, Duplicate, InputFailure, RawDocument, Story
from newsprism.records.features import ArticleFeatures
from newsprism.records.results import Analysis, Extraction
from newsprism.settings import IngestSettings
from newsprism.store import AddResult, Store
from newsprism.store.analyses import signature
from newsprism.store.browse import StorySummary

Progress = Callable[[Article | InputFailure], None]
"""Called once per article read or input failed, for progress bars and logs."""

Steps = Callable[[str, int, int], None]
"""Called as a long stage advances: the stage's name, units done, units in all."""

FEATURIZE_CHUNK = 256
"""Articles per featurizing step: each article's features are its own, so steps change
nothing but how often progress is told."""


@dataclass(frozen=True)
class IngestReport:
    stored: AddResult
    failures: tuple[InputFailure, ...]
    placed: Mapping[str, str] = field(default_factory=dict)
    """The story id of every article read (new or already stored)."""


def extract(
    inputs: list[str],
    settings: IngestSettings | None = None,
    models: Models | None = None,
    progress: Progress | None = None,
) -> Extraction:
    """Read and clean every input. An article read twice in one run is kept once."""
    return clean_items(read_all(inputs, settings), models, progress)


def clean_items(
    items: Iterable[RawDocument | InputFailure],
    models: Models | None = None,
    progress: Progress | None = None,
) -> Extraction:
    """Clean what the readers found (a batch partition calls this on its own shard)."""
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


def ingest(
    inputs: list[str],
    store: Store,
    settings: IngestSettings | None = None,
    models: Models | None = None,
    progress: Progress | None = None,
    one_story: bool = False,
    analyse: bool = False,
) -> IngestReport:
    """Extract, store, and place the new articles into the stored stories (``one_story``:
    every article read into one story, as the user says they tell one event;
    ``analyse``: the stories they joined analysed and cached too, so no reader waits)."""
    report = ingest_items(read_all(inputs, settings), store, models, progress, one_story)
    if analyse:
        analyse_stored(store, report.placed.values(), models)
    return report


def ingest_items(
    items: Iterable[RawDocument | InputFailure],
    store: Store,
    models: Models | None = None,
    progress: Progress | None = None,
    one_story: bool = False,
) -> IngestReport:
    """Clean, store and place what a reader found (a watched feed's new items)."""
    models = models or default_models()
    return _ingest(clean_items(items, models, progress), store, models, one_story)


def ingest_records(
    records: Sequence[object],
    store: Store,
    models: Models | None = None,
    name: str = "articles",
    one_story: bool = False,
) -> IngestReport:
    """Store articles given as JSON objects (the JSONL fields); a bad one is a failure
    named ``articles[i]`` and the others are stored."""
    items: list[RawDocument | InputFailure] = []
    for index, record in enumerate(records):
        try:
            items.append(document_from_record(f"{name}[{index}]", record))
        except InputError as exc:
            items.append(InputFailure.from_error(exc))
    return ingest_items(items, store, models, one_story=one_story)


def ingest_uploads(
    files: Sequence[tuple[str, bytes]],
    store: Store,
    models: Models | None = None,
    one_story: bool = False,
) -> IngestReport:
    """Store uploaded files (any kind ``ingest`` reads), each named ``upload:NAME``.

    Feed items are read from their own content only: following their links would let
    an upload make the server read local files or fetch URLs.
    """
    settings = IngestSettings(follow_feed_links=False)
    items: list[RawDocument | InputFailure] = []
    with TemporaryDirectory(prefix="newsprism-upload-") as folder:
        for index, (filename, data) in enumerate(files):
            base = Path(filename.replace("\\", "/")).name or "upload"
            path = Path(folder) / str(index) / base
            path.parent.mkdir()
            path.write_bytes(data)
            items.extend(read_input(Input(name=f"upload:{base}", path=path), settings))
    return ingest_items(items, store, models, one_story=one_story)


log = logging.getLogger(__name__)

_placing = threading.Lock()
"""Placing reads the stored stories and writes new members: two ingests in one process
(the web app's) take turns, so each sees the other's articles."""


def _ingest(
    extraction: Extraction, store: Store, models: Models, one_story: bool = False
) -> IngestReport:
    with _placing:
        added, membership = _store_and_place(extraction, store, models, together=one_story)
    placed = {a.id: membership[a.id] for a in extraction.articles}
    return IngestReport(added, extraction.failures, placed)


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

    Without a store, the articles read are clustered among themselves. With one,
    they are stored, placed into the stored stories, and the stories they belong
    to are analysed with all their stored articles. ``analyse=False`` stops after
    clustering (stories without entities and quotes). ``one_story`` skips clustering: the
    user says the inputs tell one event, so every article read is one story (stored as one
    with a store). ``steps`` hears how featurizing and the story analysis advance.
    """
    models = models or default_models()
    extraction = extract(inputs, settings, models, progress)
    aliases = aliases or default_aliases()
    if store is None:
        if one_story:
            every = [[a.id for a in extraction.articles]] if extraction.articles else []
            stories = stories_from_groups(extraction.articles, every)
        else:
            stories = find_stories(extraction.articles, models, steps=steps)
        if analyse:
            stories = analyze_stories(extraction.articles, stories, models, aliases, steps)
        return Analysis(extraction.articles, stories, extraction.failures, extraction.duplicates)
    _, membership = _store_and_place(extraction, store, models, steps=steps, together=one_story)
    touched = {membership[a.id] for a in extraction.articles}
    members = [a for a, s in membership.items() if s in touched]
    articles = tuple(store.articles(members))
    groups: dict[str, list[str]] = {}
    for article_id in members:
        groups.setdefault(membership[article_id], []).append(article_id)
    stories = build_stories(articles, list(groups.values()), overlaps(articles), membership)
    analysed = analyze_stories(articles, stories, models, aliases, steps)
    return Analysis(articles, analysed, extraction.failures, extraction.duplicates)


def analyze_stories(
    articles: Sequence[Article],
    stories: Sequence[Story],
    models: Models,
    aliases: AliasTable,
    steps: Steps | None = None,
) -> tuple[Story, ...]:
    """Each story with its entities, labels and quotes: one parse per article."""
    by_id = {a.id: a for a in articles}
    analysed = []
    for story in stories:
        members = [by_id[i] for i in story.article_ids]
        docs = list(parse(members, models, aliases))
        analysed.append(analyze_story(story, members, docs, models, aliases))
        if steps is not None:
            steps("analysing stories", len(analysed), len(stories))
    return tuple(analysed)


def find_stories(
    articles: Sequence[Article],
    models: Models,
    features: Sequence[ArticleFeatures] | None = None,
    window_days: float | None = None,
    mapper: Mapper | None = None,
    steps: Steps | None = None,
) -> tuple[Story, ...]:
    """Cluster articles into stories and find the text they share.

    ``features`` may come precomputed (batch featurizes on the workers). With
    ``window_days``, stories are found per time window and joined across windows
    (``mapper`` runs the windows, on a cluster for a batch).
    """
    if not articles:
        return ()
    if features is None:
        features = featurize_articles(articles, models, steps)
    return stories_from_groups(articles, group_features(features, window_days, mapper))


def featurize_articles(
    articles: Sequence[Article], models: Models, steps: Steps | None = None
) -> list[ArticleFeatures]:
    """What the story clustering knows of each article: the model-bound pass, one per article."""
    features: list[ArticleFeatures] = []
    for start in range(0, len(articles), FEATURIZE_CHUNK):
        features.extend(featurize(articles[start : start + FEATURIZE_CHUNK], models))
        if steps is not None:
            steps("featurizing articles", len(features), len(articles))
    return features


def group_features(
    features: Sequence[ArticleFeatures],
    window_days: float | None = None,
    mapper: Mapper | None = None,
) -> list[list[str]]:
    """Article ids per story. Features are taken by date then id, so the order in which the
    articles were read does not change the stories."""
    ordered = sorted(features, key=feature_order)
    if window_days is None:
        return cluster_features(ordered)
    return cluster_windows(ordered, window_days, mapper=mapper)


def stories_from_groups(
    articles: Sequence[Article], groups: Sequence[Sequence[str]]
) -> tuple[Story, ...]:
    """Story records for groups of article ids, with the text their articles share."""
    return build_stories(articles, groups, overlaps(articles))


def store_stories(
    store: Store,
    extraction: Extraction,
    features: Sequence[ArticleFeatures],
    stories: Sequence[Story],
    models: Models | None = None,
) -> AddResult:
    """Store a batch: its stories as found when the store holds none yet, else its new articles
    placed into the stored stories, as ``ingest`` does."""
    with store.writing(waiting=_log_waiting(store)):
        if not store.stories.memberships():
            added = store.add_articles(extraction.articles)
            store.add_failures(extraction.failures)
            mapping = {a: s.id for s in stories for a in s.article_ids}
            store.stories.save_placement(features, mapping)
            return added
    added, _ = _store_and_place(extraction, store, models or default_models(), features)
    return added


def _store_and_place(
    extraction: Extraction,
    store: Store,
    models: Models,
    features: Sequence[ArticleFeatures] | None = None,
    steps: Steps | None = None,
    together: bool = False,
) -> tuple[AddResult, dict[str, str]]:
    """Store articles and failures, then place every stored article that has no story yet
    into the stored stories (``together``: the articles read into one story).

    Those are the articles just read and any that an earlier run stored but did not place
    (it was killed, or failed): storing and placing never leave the store broken. One
    writer at a time holds the store's lock (``store.writing``); the features and stories of
    the placed articles are written in one transaction. Returns what was added and the
    story of every stored article."""
    with store.writing(waiting=_log_waiting(store)):
        added = store.add_articles(extraction.articles)
        store.add_failures(extraction.failures)
        before = store.stories.memberships()
        read = {a.id: a for a in extraction.articles}
        pending = store.stories.unplaced()
        left = [i for i in pending if i not in read]
        articles = [read[i] for i in pending if i in read] + list(store.articles(left))
        given = {f.article_id: f for f in features or ()}
        new_features = [given[a.id] for a in articles if a.id in given]
        new_features += featurize_articles(
            [a for a in articles if a.id not in given], models, steps
        )
        stored = [f for f in store.stories.features() if f.article_id in before]
        pinned = store.stories.pinned()
        pin = None
        if together:
            earlier = [f for f in new_features if f.article_id not in read]
            placed = place(earlier, stored, before, pinned=pinned) if earlier else before
            membership = place_together(list(read), placed)
            pin = membership[extraction.articles[0].id] if extraction.articles else None
        else:
            membership = place(new_features, stored, before, pinned=pinned)
        moved = {a: s for a, s in membership.items() if before.get(a) != s}
        store.stories.save_placement(new_features, moved, pin)
    return added, membership


def _log_waiting(store: Store) -> Callable[[], None]:
    def waiting() -> None:
        log.info("another process is writing to %s; waiting for it", store.name)

    return waiting


_analysing = threading.Lock()
"""One story analysis at a time: the models are shared and a story asked for twice at
once is analysed once."""


def analysis_key(article_ids: Iterable[str], aliases: AliasTable | None = None) -> str:
    """What a story's cached analysis is keyed by: its members, the version of newsprism and
    the alias table (the shipped one when None)."""
    return signature(article_ids, aliases=_digest(aliases or default_aliases()))


@lru_cache(maxsize=8)
def _digest(table: AliasTable) -> str:
    """The alias table's content as a hash: equal tables, equal digests, in any process."""
    entries = [[e.canonical, e.type, list(e.names)] for e in table.entries]
    text = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def analysed_story(
    store: Store, story_id: str, aliases: AliasTable | None = None
) -> tuple[Story, list[Article]] | None:
    """A stored story with its articles (oldest first) when its analysis with ``aliases`` is
    cached and still current; None when it still has to be analysed."""
    ids = store.stories.members(story_id)
    if not ids:
        raise NotFoundError("story", story_id)
    story = store.analyses.load(story_id, analysis_key(ids, aliases))
    if story is None:
        return None
    return story, _in_story_order(story, list(store.articles(ids)))


def analyse_stored(
    store: Store,
    story_ids: Iterable[str],
    models: Models | None = None,
    aliases: AliasTable | None = None,
) -> int:
    """Analyse the stored stories whose analysis is missing or stale, and cache it (after
    an ingest, so that no reader waits for it); returns how many were analysed."""
    done = 0
    for story_id in sorted(set(story_ids)):
        if analysed_story(store, story_id, aliases) is None:
            stored_story(store, story_id, models, aliases)
            done += 1
    return done


def stored_story(
    store: Store,
    story_id: str,
    models: Models | None = None,
    aliases: AliasTable | None = None,
) -> tuple[Story, list[Article]]:
    """A stored story, analysed, with its articles (oldest first).

    The analysis comes from the store's cache while it is current (``analysis_key``);
    otherwise the story is analysed now and the result cached.
    """
    ids = store.stories.members(story_id)
    if not ids:
        raise NotFoundError("story", story_id)
    members = list(store.articles(ids))
    key = analysis_key(ids, aliases)
    story = store.analyses.load(story_id, key)
    if story is None:
        with _analysing:  # asked for twice at once: the second finds the first's result
            story = store.analyses.load(story_id, key)
            if story is None:
                story = _analyse_stored(story_id, members, models, aliases)
                store.analyses.save(story_id, key, story)
    return story, _in_story_order(story, members)


def _in_story_order(story: Story, members: list[Article]) -> list[Article]:
    order = {article_id: i for i, article_id in enumerate(story.article_ids)}
    return sorted(members, key=lambda a: order.get(a.id, len(order)))


def stored_article(store: Store, article_id: str) -> tuple[Article, StorySummary | None]:
    """A stored article and the story it belongs to (None before it has been placed)."""
    found = list(store.articles([article_id]))
    if not found:
        raise NotFoundError("article", article_id)
    story_id = store.stories.story_of(article_id)
    summaries = store.browse.summaries([story_id]) if story_id else ()
    return found[0], (summaries[0] if summaries else None)


def _analyse_stored(
    story_id: str,
    members: list[Article],
    models: Models | None,
    aliases: AliasTable | None,
) -> Story:
    """One stored story analysed with all its articles, keeping its stored id."""
    ids = [a.id for a in members]
    clustered = build_stories(members, [ids], overlaps(members), dict.fromkeys(ids, story_id))
    (story,) = analyze_stories(
        members, clustered, models or default_models(), aliases or default_aliases()
    )
    return story
