"""Embedding passes run beside the parse give the vectors and stories of running them in turn."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from functools import partial

import numpy as np
import pytest

from newsprism import pipeline
from newsprism.analyze import story as story_module
from newsprism.analyze.claims import statement_vectors
from newsprism.analyze.entities.aliases import default_aliases
from newsprism.analyze.story import analyze_story
from newsprism.cluster.features import article_vectors
from newsprism.models import THREADS_VARIABLE, Embedder, Models
from newsprism.nlp import parse
from newsprism.pipeline.beside import beside
from newsprism.records import Article
from newsprism.records.features import ArticleFeatures


def test_no_side_model_where_a_thread_count_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(THREADS_VARIABLE, "1")
    assert Models().side_embedder is None


def test_side_work_runs_on_its_own_thread_with_equal_vectors(models: Models) -> None:
    if models.side_embedder is None:
        pytest.skip("one core: nothing runs beside the parse")
    texts = ["Three militants were killed in the strike.", "Kataib Hezbollah denied it."]
    threads: list[str] = []

    def work(embedder: Embedder) -> np.ndarray:
        threads.append(threading.current_thread().name)
        return embedder.embed(texts)

    with beside(models) as side:
        vectors = side.start(work).answer()
    assert threads and threads[0] != threading.current_thread().name
    assert np.array_equal(vectors, models.embedder.embed(texts))


def test_work_not_begun_is_taken_back_by_the_caller(models: Models) -> None:
    if models.side_embedder is None:
        pytest.skip("one core: nothing runs beside the parse")
    busy, release = threading.Event(), threading.Event()

    def block(embedder: Embedder) -> Embedder:
        busy.set()
        release.wait(timeout=30)
        return embedder

    threads: list[str] = []
    with beside(models) as side:
        first = side.start(block)
        assert busy.wait(timeout=30)
        second = side.start(lambda e: threads.append(threading.current_thread().name) or e)
        assert second.answer() is models.side_embedder  # the one-thread model, in the caller
        release.set()
        assert first.answer() is models.side_embedder
    assert threads == [threading.current_thread().name]


def test_a_story_runs_beside_on_the_story_model(models: Models) -> None:
    """The int8 model: its one-thread copy where a core is free, else the caller's."""
    expected = models.side_story_embedder or models.story_embedder
    with beside(models, story=True) as side:
        assert side.start(lambda e: e).answer() is expected


def test_gathered_jobs_not_begun_run_in_the_caller_beside_the_one_running(
    models: Models,
) -> None:
    """The caller works out what the side thread has not begun, on one thread, while the
    side thread's job runs; then it waits for that job."""
    if models.side_embedder is None:
        pytest.skip("one core: nothing runs beside the parse")
    busy, release = threading.Event(), threading.Event()
    order: list[str] = []

    def block(embedder: Embedder) -> str:
        busy.set()
        release.wait(timeout=30)
        order.append("side")
        return "first"

    def later(embedder: Embedder) -> str:
        order.append(threading.current_thread().name)
        return "one thread" if embedder is models.side_embedder else "every core"

    with beside(models) as side:
        jobs = [side.start(block), side.start(later), side.start(later)]
        assert busy.wait(timeout=30)
        running = jobs[0].future
        assert running is not None
        waited = running.result
        running.result = lambda *a, **k: release.set() or waited(*a, **k)  # type: ignore[method-assign]
        assert side.gather(jobs) == ["first", "one thread", "one thread"]
    caller = threading.current_thread().name
    assert order == [caller, caller, "side"]


def test_the_caller_takes_back_from_the_last_job_while_the_side_thread_goes_on(
    models: Models,
) -> None:
    """The caller works out the last job while the side thread, freed, runs the ones
    before it; the caller then takes back no job the side thread has begun."""
    if models.side_embedder is None:
        pytest.skip("one core: nothing runs beside the parse")
    busy, release, before_ran = threading.Event(), threading.Event(), threading.Event()
    ran: dict[str, str] = {}

    def block(embedder: Embedder) -> str:
        busy.set()
        release.wait(timeout=30)
        return "first"

    def middle(name: str) -> Callable[[Embedder], str]:
        def work(embedder: Embedder) -> str:
            ran[name] = threading.current_thread().name
            if name == "third":
                before_ran.set()
            return name

        return work

    def last(embedder: Embedder) -> str:
        ran["last"] = threading.current_thread().name
        release.set()
        before_ran.wait(timeout=30)  # the side thread, freed, has run the jobs before
        return "last"

    with beside(models) as side:
        jobs = [side.start(block), side.start(middle("second")), side.start(middle("third"))]
        jobs.append(side.start(last))
        assert busy.wait(timeout=30)
        assert side.gather(jobs) == ["first", "second", "third", "last"]
    caller = threading.current_thread().name
    assert ran["last"] == caller
    assert ran["second"] != caller and ran["third"] != caller


def test_without_a_free_core_work_runs_in_the_caller_when_asked(
    monkeypatch: pytest.MonkeyPatch, models: Models
) -> None:
    monkeypatch.setenv(THREADS_VARIABLE, "1")
    alone = Models()
    alone.__dict__["embedder"] = models.embedder  # the loaded model, not a second load
    threads: list[str] = []
    with beside(alone) as side:
        job = side.start(lambda e: threads.append(threading.current_thread().name) or e)
        assert threads == []
        assert job.answer() is models.embedder
    assert threads == [threading.current_thread().name]


def test_featurized_vectors_equal_one_pass_of_the_main_model(
    mixed_features: list[ArticleFeatures],
    seed_articles: tuple[Article, ...],
    example_articles: tuple[Article, ...],
    models: Models,
) -> None:
    vectors = article_vectors([*seed_articles, *example_articles], models.embedder)
    assert np.array_equal(np.array([f.embedding for f in mixed_features]), vectors)


def test_featurized_in_many_parts_and_chunks_equal_one_pass(
    monkeypatch: pytest.MonkeyPatch,
    seed_articles: tuple[Article, ...],
    example_articles: tuple[Article, ...],
    models: Models,
) -> None:
    monkeypatch.setattr(pipeline.steps, "EMBEDDING_PART", 2)
    monkeypatch.setattr(pipeline.steps, "FEATURIZE_CHUNK", 5)
    articles = [*seed_articles, *example_articles]
    assert len(articles) > 5
    features = pipeline.featurize_articles(articles, models)
    assert [f.article_id for f in features] == [a.id for a in articles]
    vectors = article_vectors(articles, models.embedder)
    assert np.array_equal(np.array([f.embedding for f in features]), vectors)


def test_stories_analysed_ahead_in_many_jobs_equal_stories_analysed_in_turn(
    monkeypatch: pytest.MonkeyPatch,
    seed_articles: tuple[Article, ...],
    example_articles: tuple[Article, ...],
    models: Models,
) -> None:
    monkeypatch.setattr(story_module, "AHEAD_SENTENCES", 3)
    articles = [*seed_articles, *example_articles]
    ahead = pipeline.cluster_and_analyse(articles, models)
    assert len(ahead) >= 2
    by_id = {a.id: a for a in articles}
    aliases = default_aliases()
    for story in ahead:
        members = [by_id[i] for i in story.article_ids]
        bare = pipeline.stories_from_groups(articles, [story.article_ids])[0]
        docs = list(parse(members, models, aliases))
        in_turn = analyze_story(bare, members, docs, models, aliases)
        assert story.quotes == in_turn.quotes
        assert story.claims == in_turn.claims
        assert story.conflicts == in_turn.conflicts
        assert story.brief == in_turn.brief


def test_a_story_read_ahead_in_jobs_gives_each_statement_its_vector(
    monkeypatch: pytest.MonkeyPatch, seed_articles: tuple[Article, ...], models: Models
) -> None:
    """A sentence copied between articles runs once, in one job; every statement still gets
    the vector a single pass gives it, in order."""
    monkeypatch.setattr(story_module, "AHEAD_SENTENCES", 3)
    copy = replace(seed_articles[0], id="copy", outlet="Wire copy")
    articles = [*seed_articles[:2], copy]
    docs = list(parse(articles, models, default_aliases()))
    with beside(models, story=True) as side:
        ahead = story_module.read_ahead(
            articles, docs, lambda works: partial(side.gather, [side.start(w) for w in works])
        )
        vectors = ahead.told.vectors()
    statements = ahead.told.statements
    assert len(statements) > 6
    assert np.array_equal(vectors, statement_vectors(statements, models.story_embedder))
