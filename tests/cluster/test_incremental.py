"""Placing new articles into stored stories: no recomputation, stable story keys."""

from __future__ import annotations

from pathlib import Path

from newsprism.cluster import _keyed, place_together
from newsprism.models import Models
from newsprism.pipeline import analyze, ingest
from newsprism.records import Article, Story
from newsprism.store import open_store


def test_ingest_places_new_articles_into_stored_stories(
    db: str,
    seeds_dir: Path,
    examples_dir: Path,
    models: Models,
    seed_articles: tuple[Article, ...],
) -> None:
    store = open_store(db)
    seeds = sorted(seeds_dir.glob("*.txt"))
    ingest([str(p) for p in seeds[:2]], store, models=models)
    first = store.stories.memberships()
    assert len(set(first.values())) == 1
    key = next(iter(first.values()))

    ingest([str(examples_dir), *(str(p) for p in seeds[2:])], store, models=models)
    after = store.stories.memberships()
    seed_ids = {a.id for a in seed_articles}
    assert {after[i] for i in seed_ids} == {key}, "later seeds join the stored story under its key"
    assert len(set(after.values())) == 3  # seeds, the dam collapse, the football match
    assert len(store.stories.features()) == len(after)

    report = ingest([str(seeds_dir)], store, models=models)
    assert report.stored.added == 0
    assert store.stories.memberships() == after


def test_analyze_with_a_store_returns_the_stories_of_the_new_articles(
    db: str, seeds_dir: Path, examples_dir: Path, models: Models
) -> None:
    store = open_store(db)
    first = analyze([str(examples_dir)], models=models, store=store)
    assert sorted(len(s.article_ids) for s in first.stories) == [1, 6]
    one_seed = sorted(seeds_dir.glob("*.txt"))[0]
    analyze([str(one_seed)], models=models, store=store)
    later = analyze([str(seeds_dir)], models=models, store=store)
    assert len(later.stories) == 1 and len(later.stories[0].article_ids) == 5
    assert {a.id for a in later.articles} == set(later.stories[0].article_ids)
    assert later.stories[0].id == store.stories.memberships()[later.stories[0].article_ids[0]]


def _partition(mapping: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for article, story in mapping.items():
        groups.setdefault(story, set()).add(article)
    return {frozenset(g) for g in groups.values()}


def test_several_ingests_give_the_stories_of_one_run(
    db: str, seeds_dir: Path, examples_dir: Path, ecb_topic: list[Path], models: Models
) -> None:
    """Two supermarket fires of one ECB+ topic, the seeds and the example corpus, ingested in
    three runs (newest files first), end in the stories one run over all of them finds."""
    paths = sorted([*ecb_topic, *seeds_dir.glob("*.txt")], reverse=True)
    every = [str(p) for p in paths] + [str(examples_dir)]
    whole = analyze(every, models=models, analyse=False)
    one_run = {a: s.id for s in whole.stories for a in s.article_ids}
    store = open_store(db)
    thirds = [every[: len(every) // 3], every[len(every) // 3 : -1], every[-1:]]
    for part in thirds:
        ingest(part, store, models=models)
    assert _partition(store.stories.memberships()) == _partition(one_run)


def test_one_story_is_kept_whole_by_later_ingests(
    db: str, seeds_dir: Path, examples_dir: Path, models: Models
) -> None:
    store = open_store(db)
    report = ingest([str(examples_dir)], store, models=models, one_story=True)
    assert len(set(report.placed.values())) == 1, "the user's one event, not two stories"
    pinned = next(iter(report.placed.values()))
    ingest([str(seeds_dir)], store, models=models)
    after = store.stories.memberships()
    assert {after[a] for a in report.placed} == {pinned}
    assert len(set(after.values())) == 2


def test_a_story_split_off_never_takes_the_key_of_the_rest() -> None:
    """A stored story keyed by its first two articles, later grown and now split: the two
    parts get two keys, the larger part keeps the stored one."""
    stored = Story.make_id(("a", "b"))
    membership = dict.fromkeys("abcdx", stored)
    keys = _keyed([["a", "b"], ["c", "d", "x"]], membership, ())
    assert keys["c"] == stored
    assert keys["a"] == keys["b"] != stored


def test_one_story_holds_exactly_the_articles_named() -> None:
    membership = {"a": "k1", "b": "k1", "c": "k1", "d": "k2"}
    placed = place_together(["a", "d"], membership)
    assert placed["a"] == placed["d"] not in ("k1", "k2")
    assert placed["b"] == placed["c"] == "k1"
    assert place_together(["a", "b", "c"], membership)["a"] == "k1", "already one story"
