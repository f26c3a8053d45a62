"""Articles into the store, placed into the stored stories: ``ingest`` and its kin, and the
stored half of ``analyze`` (:func:`place_and_analyse`)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory

from newsprism.analyze.entities.aliases import AliasTable
from newsprism.cluster import place, place_together
from newsprism.errors import InputError
from newsprism.ingest import Input, read_all, read_input
from newsprism.ingest.jsonl import document_from_record
from newsprism.models import Models, default_models
from newsprism.pipeline.steps import (
    Progress,
    Steps,
    analyse_groups,
    clean_items,
    featurize_articles,
)
from newsprism.pipeline.stored import analyse_stored
from newsprism.records import Article, InputFailure, RawDocument, Story
from newsprism.records.features import ArticleFeatures
from newsprism.records.results import Extraction
from newsprism.settings import IngestSettings
from newsprism.store import AddResult, Store

log = logging.getLogger("newsprism.pipeline")


@dataclass(frozen=True)
class IngestReport:
    stored: AddResult
    failures: tuple[InputFailure, ...]
    placed: Mapping[str, str] = field(default_factory=dict)
    """The story id of every article read (new or already stored)."""


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
    extraction = clean_items(items, models, progress)
    with _placing:
        added, membership = store_and_place(extraction, store, models, together=one_story)
    placed = {a.id: membership[a.id] for a in extraction.articles}
    return IngestReport(added, extraction.failures, placed)


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


_placing = threading.Lock()
"""Placing reads the stored stories and writes new members: two ingests in one process
(the web app's) take turns, so each sees the other's articles."""


def place_and_analyse(
    extraction: Extraction,
    store: Store,
    models: Models,
    aliases: AliasTable | None = None,
    one_story: bool = False,
    steps: Steps | None = None,
) -> tuple[tuple[Article, ...], tuple[Story, ...]]:
    """Store the articles read, place them into the stored stories, and analyse every story
    they belong to with all its stored articles; returns those articles and stories."""
    _, membership = store_and_place(
        extraction, store, models, steps=steps, together=one_story, aliases=aliases
    )
    touched = {membership[a.id] for a in extraction.articles}
    members = [a for a, s in membership.items() if s in touched]
    articles = tuple(store.articles(members))
    groups: dict[str, list[str]] = {}
    for article_id in members:
        groups.setdefault(membership[article_id], []).append(article_id)
    stories = analyse_groups(
        articles, list(groups.values()), models, aliases, keys=membership, steps=steps
    )
    return articles, stories


def store_stories(
    store: Store,
    extraction: Extraction,
    features: Sequence[ArticleFeatures],
    stories: Sequence[Story],
    models: Models | None = None,
) -> AddResult:
    """Store a batch: its stories as found when the store holds none yet, else its new articles
    placed into the stored stories, as ``ingest`` does."""
    with store.writing(waiting=_waiting(store)):
        if not store.stories.memberships():
            added = store.add_articles(extraction.articles)
            store.add_failures(extraction.failures)
            mapping = {a: s.id for s in stories for a in s.article_ids}
            store.stories.save_placement(features, mapping)
            return added
    added, _ = store_and_place(extraction, store, models or default_models(), features)
    return added


def store_and_place(
    extraction: Extraction,
    store: Store,
    models: Models,
    features: Sequence[ArticleFeatures] | None = None,
    steps: Steps | None = None,
    together: bool = False,
    aliases: AliasTable | None = None,
) -> tuple[AddResult, dict[str, str]]:
    """Store articles and failures, then place every stored article that has no story yet
    into the stored stories (``together``: the articles read into one story); the
    recogniser reads new articles with the ruler of ``aliases``, the table their analysis
    uses (the shipped one when None).

    Those are the articles just read and any that an earlier run stored but did not place
    (it was killed, or failed): storing and placing never leave the store broken. One
    writer at a time holds the store's lock (``store.writing``); the features and stories
    of the placed articles are written in one transaction. Returns what was added and the
    story of every stored article."""
    with store.writing(waiting=_waiting(store)):
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
            [a for a in articles if a.id not in given], models, steps, aliases
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


def _waiting(store: Store) -> Callable[[], None]:
    def waiting() -> None:
        log.info("another process is writing to %s; waiting for it", store.name)

    return waiting
