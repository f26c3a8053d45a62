"""Stored stories analysed, and their analyses cached in the store (``store.analyses``).

A cached analysis is used while the story's members, the version of newsprism and the
alias table are those it was made with (:func:`analysis_key`).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterable
from functools import lru_cache

from newsprism.analyze.entities.aliases import AliasTable, default_aliases
from newsprism.errors import NotFoundError
from newsprism.models import Models
from newsprism.pipeline.steps import analyse_groups
from newsprism.records import Article, Story
from newsprism.store import Store
from newsprism.store.analyses import signature
from newsprism.store.browse import StorySummary

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

    The analysis comes from the store's cache while it is current; otherwise the story is
    analysed now, with all its stored articles and keeping its stored id, and cached.
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
                read = [a.id for a in members]
                (story,) = analyse_groups(
                    members, [read], models, aliases, keys=dict.fromkeys(read, story_id)
                )
                store.analyses.save(story_id, key, story)
    return story, _in_story_order(story, members)


def stored_article(store: Store, article_id: str) -> tuple[Article, StorySummary | None]:
    """A stored article and the story it belongs to (None before it has been placed)."""
    found = list(store.articles([article_id]))
    if not found:
        raise NotFoundError("article", article_id)
    story_id = store.stories.story_of(article_id)
    summaries = store.browse.summaries([story_id]) if story_id else ()
    return found[0], (summaries[0] if summaries else None)


def _in_story_order(story: Story, members: list[Article]) -> list[Article]:
    order = {article_id: i for i, article_id in enumerate(story.article_ids)}
    return sorted(members, key=lambda a: order.get(a.id, len(order)))
