"""Watching feeds served by a real HTTP server on 127.0.0.1: conditional GET, backoff,
changed feeds, restarts, per-host pacing, stopping."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from newsprism.models import Models
from newsprism.scale.watch import Watcher, WatchSettings
from newsprism.settings import FetchSettings, IngestSettings
from newsprism.store import Store, open_store
from newsprism.store.schema import failures as failures_table
from tests.scale.feedserver import Answer, Feeds, rss, seed_items, serve

LOCAL = IngestSettings(fetch=FetchSettings(timeout=5.0, allow_private=True))


class Clock:
    """Wall time the test moves by hand: polls become due without waiting."""

    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def feeds() -> Iterator[Feeds]:
    with serve() as running:
        yield running


def watcher(urls: list[str], db: str, models: Models, clock: Clock, **settings: float) -> Watcher:
    options = {"interval": 10.0, "host_interval": 0.0, **settings}
    return Watcher(
        urls,
        open_store(db),
        WatchSettings(**options),
        LOCAL,
        models,
        clock,  # type: ignore[arg-type]
    )


def count(store: Store) -> int:
    return store.count_articles()


def test_not_modified_on_a_matching_etag(
    feeds: Feeds, db: str, models: Models, seeds_dir: Path
) -> None:
    feeds.answers["/a.rss"] = [Answer(rss("Wire", seed_items(seeds_dir, 2)), etag='"v1"')]
    clock = Clock()
    watch = watcher([feeds.url("/a.rss")], db, models, clock)
    (first,) = watch.poll_round()
    assert first.outcome == "new" and first.stored == 2
    assert watch.poll_round() == [], "not due yet: no request"
    clock.now += 10
    (second,) = watch.poll_round()
    assert second.outcome == "not-modified" and second.stored == 0
    hits = feeds.hits("/a.rss")
    assert len(hits) == 2
    assert hits[1].headers.get("If-None-Match") == '"v1"'
    assert "newsprism" in hits[0].headers.get("User-Agent", "")
    assert count(watch.store) == 2


def test_errors_back_off_then_recover(
    feeds: Feeds, db: str, models: Models, seeds_dir: Path
) -> None:
    good = Answer(rss("Wire", seed_items(seeds_dir, 1)), etag='"v1"')
    feeds.answers["/b.rss"] = [Answer(b"oops", status=500), Answer(b"oops", status=500), good]
    clock = Clock()
    watch = watcher([feeds.url("/b.rss")], db, models, clock)
    delays = []
    for _ in range(2):
        (result,) = watch.poll_round()
        assert result.outcome == "error" and "500" in result.failures[0].error
        delays.append(result.next_poll - clock.now)
        clock.now = result.next_poll
    assert delays == [10.0, 20.0], "the delay doubles with each error in a row"
    (recovered,) = watch.poll_round()
    assert recovered.outcome == "new" and recovered.stored == 1
    state = watch.store.feeds.load(feeds.url("/b.rss"))
    assert state.failures == 0 and state.last_error is None
    assert recovered.next_poll - clock.now == 10.0
    with watch.store.engine.connect() as conn:
        logged = conn.scalar(select(func.count()).select_from(failures_table))
    assert logged == 2
    assert len(feeds.hits("/b.rss")) == 3


def test_a_feed_failing_too_often_is_given_up(feeds: Feeds, db: str, models: Models) -> None:
    feeds.answers["/dead.rss"] = [Answer(b"gone", status=503)]
    clock = Clock()
    watch = watcher([feeds.url("/dead.rss")], db, models, clock, max_failures=2, max_backoff=15.0)
    outcomes = []
    for _ in range(4):
        for result in watch.poll_round():
            outcomes.append(result.outcome)
            assert result.next_poll - clock.now <= 15.0, "the backoff is capped"
        clock.now += 100
    assert outcomes == ["error", "given-up"]
    assert len(feeds.hits("/dead.rss")) == 2


def test_a_changed_feed_adds_only_its_new_item(
    feeds: Feeds, db: str, models: Models, seeds_dir: Path
) -> None:
    items = seed_items(seeds_dir, 3)
    feeds.answers["/c.rss"] = [
        Answer(rss("Wire", items[:2]), etag='"v1"'),
        Answer(rss("Wire", [items[2], *items[:2]]), etag='"v2"'),
    ]
    clock = Clock()
    watch = watcher([feeds.url("/c.rss")], db, models, clock)
    (first,) = watch.poll_round()
    clock.now += 10
    (second,) = watch.poll_round()
    assert (first.stored, second.stored) == (2, 1)
    assert count(watch.store) == 3
    placed = watch.store.stories.memberships()
    assert len(placed) == 3, "every stored article is placed into a story"
    state = watch.store.feeds.load(feeds.url("/c.rss"))
    assert sorted(state.seen) == sorted(f"id:{guid}" for guid, _, _ in items)
    assert state.etag == '"v2"'


def test_a_restart_repeats_no_work(feeds: Feeds, db: str, models: Models, seeds_dir: Path) -> None:
    """A server that ignores ETags sends the same items again: the stored keys keep them out."""
    body = rss("Wire", seed_items(seeds_dir, 2))
    feeds.answers["/d.rss"] = [Answer(body, etag='"v1"', honour_etag=False)]
    feeds.answers["/e.rss"] = [Answer(rss("Other", seed_items(seeds_dir, 3)[2:]), etag='"x"')]
    urls = [feeds.url("/d.rss"), feeds.url("/e.rss")]
    clock = Clock()
    first = watcher(urls, db, models, clock)
    assert sum(r.stored for r in first.poll_round()) == 3
    first.store.close()
    restarted = watcher(urls, db, models, clock)
    assert restarted.poll_round() == [], "the stored next poll time holds across a restart"
    clock.now += 10
    outcomes = {r.url: r for r in restarted.poll_round()}
    assert outcomes[urls[0]].outcome == "unchanged" and outcomes[urls[0]].stored == 0
    assert outcomes[urls[1]].outcome == "not-modified"
    assert count(restarted.store) == 3
    assert len(feeds.hits("/d.rss")) == 2 and len(feeds.hits("/e.rss")) == 2


def test_one_request_per_host_interval(
    feeds: Feeds, db: str, models: Models, seeds_dir: Path
) -> None:
    body = rss("Wire", seed_items(seeds_dir, 1))
    feeds.answers["/f.rss"] = [Answer(body, etag='"f"')]
    feeds.answers["/g.rss"] = [Answer(body, etag='"g"')]
    watch = watcher([feeds.url("/f.rss"), feeds.url("/g.rss")], db, models, Clock(),
                    host_interval=0.4)  # fmt: skip
    watch.poll_round()
    (f,), (g,) = feeds.hits("/f.rss"), feeds.hits("/g.rss")
    assert g.at - f.at >= 0.35


def test_run_stops_when_asked(feeds: Feeds, db: str, models: Models, seeds_dir: Path) -> None:
    feeds.answers["/h.rss"] = [Answer(rss("Wire", seed_items(seeds_dir, 1)), etag='"h"')]
    watch = watcher([feeds.url("/h.rss")], db, models, Clock())
    watch = Watcher(watch.feeds, watch.store, watch.settings, LOCAL, models)  # real clock
    seen = []
    thread = threading.Thread(target=watch.run, kwargs={"on_result": seen.append})
    thread.start()
    deadline = time.monotonic() + 60
    while not seen and time.monotonic() < deadline:
        time.sleep(0.05)
    watch.stop.set()
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert [r.outcome for r in seen] == ["new"]
    assert len(feeds.hits("/h.rss")) == 1
