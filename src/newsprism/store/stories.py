"""Stored clustering state: each article's features and its story.

Keeping features lets new articles be placed into stored stories without a
model pass over the stored ones. ``Store.stories`` is a :class:`StoryTable`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

import numpy as np
from sqlalchemy import Engine, bindparam, delete, insert, inspect, select, text, update
from sqlalchemy.exc import SQLAlchemyError

from newsprism.errors import StoreError
from newsprism.records.features import ArticleFeatures, is_excerpt
from newsprism.store.schema import (
    articles,
    features,
    story_members,
    story_pins,
    unfilled_features,
)

UPGRADE_BATCH = 1000
"""Feature rows filled per transaction when an older store is upgraded."""
UPGRADE_LOCK_SECONDS = 60
"""How long adding the column waits for PostgreSQL's lock on the features table, which an
open transaction of another connection (a web app's read) holds; then the open fails with
an error naming the store, and the next open tries again."""


class StoryTable:
    """The story of every placed article, the features it was placed by, and the stories a
    user pinned."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def save_placement(
        self,
        items: Iterable[ArticleFeatures],
        mapping: Mapping[str, str],
        pin: str | None = None,
    ) -> None:
        """Features of newly placed articles and the stories of every article that moved, in
        one transaction: a crash leaves either both or neither, and articles stored without
        them are placed by the next writer (``pipeline``)."""
        rows = [
            {
                "article_id": f.article_id,
                "timestamp": f.timestamp,
                "embedding": np.asarray(f.embedding, dtype="<f4").tobytes(),
                "terms": dict(f.terms),
                "names": dict(f.names),
                "excerpt": f.excerpt,
            }
            for f in items
        ]
        try:
            with self._engine.begin() as conn:
                if rows:
                    ids = [r["article_id"] for r in rows]
                    conn.execute(delete(features).where(features.c.article_id.in_(ids)))
                    conn.execute(insert(features), rows)
                if mapping:
                    moved = list(mapping)
                    conn.execute(delete(story_members).where(story_members.c.article_id.in_(moved)))
                    conn.execute(
                        insert(story_members),
                        [{"article_id": a, "story_id": s} for a, s in mapping.items()],
                    )
                if pin is not None:
                    conn.execute(delete(story_pins).where(story_pins.c.story_id == pin))
                    conn.execute(insert(story_pins), [{"story_id": pin}])
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write story placement: {exc}") from exc

    def save_features(self, items: Iterable[ArticleFeatures]) -> None:
        self.save_placement(items, {})

    def set_memberships(self, mapping: Mapping[str, str]) -> None:
        """Record the story of each given article (replacing what was stored for it)."""
        self.save_placement((), mapping)

    def pin(self, story_id: str) -> None:
        """Declare a story one event: clustering keeps its articles together."""
        self.save_placement((), {}, pin=story_id)

    def features(self) -> list[ArticleFeatures]:
        """The features of every placed article, by article id."""
        with self._engine.connect() as conn:
            return [
                ArticleFeatures(
                    article_id=row.article_id,
                    timestamp=row.timestamp,
                    embedding=np.frombuffer(row.embedding, dtype="<f4").astype(np.float32),
                    terms=Counter(row.terms),
                    names=Counter(row.names),
                    excerpt=bool(row.excerpt),
                )
                for row in conn.execute(select(features).order_by(features.c.article_id))
            ]

    def current(self) -> bool:
        """Whether every stored feature row has what this version reads: the ``excerpt``
        column, filled (an older store, an upgrade cut short, or rows an older version wrote
        since, leave it missing or null)."""
        if not self._has_excerpts():
            return False
        unfilled = select(features.c.article_id).where(features.c.excerpt.is_(None)).limit(1)
        with self._engine.connect() as conn:
            return conn.scalar(unfilled) is None

    def upgrade(self) -> bool:
        """Add the ``excerpt`` column where it is missing and fill it from the stored texts
        where it is null, a batch at a time: a run cut short is taken up by the next one.
        False when there was nothing to do. The caller holds the write lock."""
        if self.current():
            return False
        if not self._has_excerpts():
            with self._engine.begin() as conn:
                if self._engine.dialect.name == "postgresql":  # never wait on a reader forever
                    conn.execute(text(f"SET LOCAL lock_timeout = '{UPGRADE_LOCK_SECONDS}s'"))
                conn.execute(text(f"ALTER TABLE {features.name} ADD COLUMN excerpt BOOLEAN"))
        with self._engine.begin() as conn:
            unfilled_features.create(conn, checkfirst=True)
        query = (
            select(features.c.article_id, articles.c.text)
            .join(articles, articles.c.id == features.c.article_id)
            .where(features.c.excerpt.is_(None))
        )
        fill = (
            update(features)
            .where(features.c.article_id == bindparam("key"))
            .values(excerpt=bindparam("cut"))
        )
        with self._engine.connect() as reader:
            rows = reader.execution_options(yield_per=UPGRADE_BATCH).execute(query)
            for batch in rows.partitions():
                with self._engine.begin() as conn:
                    conn.execute(
                        fill, [{"key": r.article_id, "cut": is_excerpt(r.text)} for r in batch]
                    )
        with self._engine.begin() as conn:  # features of articles no longer stored
            conn.execute(update(features).where(features.c.excerpt.is_(None)).values(excerpt=False))
        return True

    def _has_excerpts(self) -> bool:
        return "excerpt" in {c["name"] for c in inspect(self._engine).get_columns(features.name)}

    def memberships(self) -> dict[str, str]:
        """The story of every placed article."""
        with self._engine.connect() as conn:
            return {r.article_id: r.story_id for r in conn.execute(select(story_members))}

    def unplaced(self) -> list[str]:
        """Stored articles that belong to no story yet, by id: those just stored, and those a
        run stored but could not place (it was killed, or failed)."""
        placed = select(story_members.c.article_id)
        query = select(articles.c.id).where(articles.c.id.not_in(placed)).order_by(articles.c.id)
        with self._engine.connect() as conn:
            return list(conn.scalars(query))

    def pinned(self) -> set[str]:
        """Stories a user declared one event: clustering keeps their articles together."""
        with self._engine.connect() as conn:
            return {r.story_id for r in conn.execute(select(story_pins))}

    def members(self, story_id: str) -> list[str]:
        """The ids of a story's articles, sorted (none for no such story)."""
        query = select(story_members.c.article_id).where(story_members.c.story_id == story_id)
        with self._engine.connect() as conn:
            return sorted(conn.scalars(query))

    def story_of(self, article_id: str) -> str | None:
        """The story an article belongs to (None before it has been placed)."""
        query = select(story_members.c.story_id).where(story_members.c.article_id == article_id)
        with self._engine.connect() as conn:
            found: str | None = conn.scalar(query)
        return found
