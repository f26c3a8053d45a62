"""Watching RSS/Atom feeds: new items placed into the stored stories as they appear.

Polite polling: a conditional GET (If-None-Match, If-Modified-Since; 304 means
nothing new), a User-Agent that names newsprism, at most one request per host
every ``host_interval`` seconds, and after an error a delay that doubles up to
``max_backoff``; a feed that fails ``max_failures`` times in a row is left alone
until the watcher restarts. Each feed's state (validators, the keys of the items
stored, failures, next poll) is kept in the store and written only after the
items are stored, so a restart neither duplicates nor loses anything.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Literal
from urllib.parse import urlsplit

from newsprism import pipeline
from newsprism.errors import FetchError, InputError, UsageError
from newsprism.ingest.feeds import item_keys, read_feed
from newsprism.ingest.fetch import fetch
from newsprism.models import Models
from newsprism.records import InputFailure, RawDocument
from newsprism.settings import IngestSettings
from newsprism.store import Store
from newsprism.store.feeds import FeedState

Outcome = Literal["new", "unchanged", "not-modified", "error", "given-up"]


@dataclass(frozen=True)
class WatchSettings:
    interval: float = 300.0
    """Seconds between two polls of a feed that answered."""
    host_interval: float = 5.0
    """Fewest seconds between two requests to one host."""
    max_backoff: float = 6 * 3600.0
    """Longest delay after errors (the delay doubles with each error in a row)."""
    max_failures: int = 8
    """Errors in a row after which a feed is not polled again until the watcher restarts."""
    seen_limit: int = 10_000
    """Item keys remembered per feed: far more than any feed lists at once."""

    def __post_init__(self) -> None:
        if self.interval <= 0 or self.host_interval < 0:
            raise UsageError(
                f"interval must be > 0 and host interval >= 0, got {self.interval} "
                f"and {self.host_interval}"
            )
        if self.max_backoff < self.interval:
            raise UsageError(f"max backoff must be >= the interval, got {self.max_backoff}")
        if self.max_failures < 1:
            raise UsageError(f"max failures must be >= 1, got {self.max_failures}")


@dataclass(frozen=True)
class PollResult:
    url: str
    outcome: Outcome
    stored: int = 0
    """New articles stored from this poll."""
    failures: tuple[InputFailure, ...] = ()
    next_poll: float = 0.0


@dataclass
class Watcher:
    """Polls feeds into a store. ``poll_round`` polls every feed that is due; ``run`` loops
    until ``stop`` is set."""

    feeds: list[str]
    store: Store
    settings: WatchSettings = field(default_factory=WatchSettings)
    ingest: IngestSettings = field(default_factory=IngestSettings)
    models: Models | None = None
    clock: Callable[[], float] = time.time
    stop: threading.Event = field(default_factory=threading.Event)
    _last_request: dict[str, float] = field(default_factory=dict, repr=False)
    _given_up: set[str] = field(default_factory=set, repr=False)

    def run(self, on_result: Callable[[PollResult], None] | None = None) -> None:
        """Poll until ``stop`` is set, sleeping until the next feed is due."""
        while not self.stop.is_set():
            for result in self.poll_round():
                if on_result is not None:
                    on_result(result)
            due = [self.store.feeds.load(url).next_poll for url in self._active()]
            if not due:
                return
            self.stop.wait(max(0.0, min(due) - self.clock()))

    def poll_round(self) -> list[PollResult]:
        """Every active feed whose next poll time has come, polled once."""
        results = []
        for url in self._active():
            if self.stop.is_set():
                break
            state = self.store.feeds.load(url)
            if state.next_poll <= self.clock():
                results.append(self.poll(state))
        return results

    def poll(self, state: FeedState) -> PollResult:
        self._wait_for_host(state.url)
        conditional = {}
        if state.etag:
            conditional["If-None-Match"] = state.etag
        if state.last_modified:
            conditional["If-Modified-Since"] = state.last_modified
        try:
            fetched = fetch(state.url, self.ingest.fetch, conditional)
            if fetched.status == 304:
                return self._answered(state, "not-modified", 0, ())
            keys = item_keys(fetched.content)
            seen = set(state.seen)
            new = [k for k in keys if k not in seen]
            items = list(
                read_feed(state.url, fetched.content, self.ingest, wanted=set(new).__contains__)
            )
        except (FetchError, InputError) as exc:
            return self._failed(state, f"{exc}")
        report = pipeline.ingest_items(_documents(items), self.store, self.models)
        failures = (*(i for i in items if isinstance(i, InputFailure)), *report.failures)
        stored_keys = _stored_keys(keys, items)
        updated = replace(
            state,
            etag=fetched.etag,
            last_modified=fetched.last_modified,
            seen=(*state.seen, *stored_keys)[-self.settings.seen_limit :],
        )
        outcome: Outcome = "new" if stored_keys else "unchanged"
        return self._answered(updated, outcome, report.stored.added, failures)

    def _answered(
        self, state: FeedState, outcome: Outcome, stored: int, failures: tuple[InputFailure, ...]
    ) -> PollResult:
        next_poll = self.clock() + self.settings.interval
        self.store.feeds.save(replace(state, failures=0, next_poll=next_poll, last_error=None))
        self.store.add_failures(failures)
        return PollResult(state.url, outcome, stored, failures, next_poll)

    def _failed(self, state: FeedState, error: str) -> PollResult:
        failures = state.failures + 1
        delay = min(self.settings.interval * 2 ** (failures - 1), self.settings.max_backoff)
        next_poll = self.clock() + delay
        self.store.feeds.save(
            replace(state, failures=failures, next_poll=next_poll, last_error=error)
        )
        failure = InputFailure(state.url, error, "watch")
        self.store.add_failures([failure])
        outcome: Outcome = "error"
        if failures >= self.settings.max_failures:
            self._given_up.add(state.url)
            outcome = "given-up"
        return PollResult(state.url, outcome, 0, (failure,), next_poll)

    def _active(self) -> list[str]:
        return [url for url in dict.fromkeys(self.feeds) if url not in self._given_up]

    def _wait_for_host(self, url: str) -> None:
        """At most one request per host every ``host_interval`` seconds."""
        host = urlsplit(url).netloc.lower()
        last = self._last_request.get(host)
        if last is not None:
            self.stop.wait(max(0.0, last + self.settings.host_interval - time.monotonic()))
        self._last_request[host] = time.monotonic()


def _documents(items: Iterable[RawDocument | InputFailure]) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


def _stored_keys(keys: list[str], items: list[RawDocument | InputFailure]) -> list[str]:
    """Keys of the items read (all of them new): an item that failed is tried again next time.

    ``read_feed`` names items ``URL#itemN`` by their place in the feed, the place of their
    key in ``keys``."""
    read = sorted(
        {
            int(i.source.rsplit("#item", 1)[1])
            for i in items
            if isinstance(i, RawDocument) and "#item" in i.source
        }
    )
    return [keys[number - 1] for number in read if 0 < number <= len(keys)]
