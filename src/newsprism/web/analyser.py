"""Stored stories analysed in the background, so that no request waits for a model pass.

A page or API call for a story whose analysis is not cached asks for it here and answers
at once ("being analysed", 202); one worker thread analyses the stories asked for, each
once however often it is asked, in the order asked. Stories an ingest through the API
touched are asked for as soon as they are placed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor

from newsprism import pipeline
from newsprism.analyze.entities.aliases import AliasTable
from newsprism.models import Models
from newsprism.records import Article, Story
from newsprism.store import Store

log = logging.getLogger(__name__)


class Analyser:
    def __init__(self, store: Store, models: Models | None, aliases: AliasTable | None) -> None:
        self._store = store
        self._models = models
        self._aliases = aliases
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsprism-analysis")
        self._pending: dict[str, Future[None]] = {}
        self._failed: dict[str, str] = {}
        self._lock = threading.Lock()

    def story(self, story_id: str) -> tuple[Story, list[Article]] | None:
        """The story analysed, or None while it is being analysed (asked for now if it was
        not yet). Raises NotFoundError for no such story, RuntimeError when its analysis
        failed (the next call asks for it again)."""
        found = pipeline.analysed_story(self._store, story_id, self._aliases)
        if found is not None:
            return found
        with self._lock:
            if story_id in self._failed:
                raise RuntimeError(f"analysis failed: {self._failed.pop(story_id)}")
        self.ask(story_id)
        return None

    def ask(self, story_ids: Iterable[str] | str) -> None:
        """Have stories analysed in the background (each once while it is pending)."""
        for story_id in [story_ids] if isinstance(story_ids, str) else story_ids:
            with self._lock:
                pending = self._pending.get(story_id)
                if pending is None or pending.done():
                    self._pending[story_id] = self._pool.submit(self._analyse, story_id)

    def wait(self, story_id: str, timeout: float | None = None) -> None:
        """Block until the story asked for is analysed (for tests and tools)."""
        with self._lock:
            pending = self._pending.get(story_id)
        if pending is not None:
            pending.result(timeout)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _analyse(self, story_id: str) -> None:
        try:
            pipeline.stored_story(self._store, story_id, self._models, self._aliases)
        except Exception as exc:  # shown to the next reader of the story, and logged
            log.exception("analysis of story %s failed", story_id)
            with self._lock:
                self._failed[story_id] = f"{type(exc).__name__}: {exc}"
