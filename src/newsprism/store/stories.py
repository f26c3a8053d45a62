"""Stored clustering state: each article's features and its story.

Keeping features lets new articles be placed into stored stories without a
model pass over the stored ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

import numpy as np
from sqlalchemy import Engine, delete, insert, select
from sqlalchemy.exc import SQLAlchemyError

from newsprism.cluster.features import ArticleFeatures
from newsprism.errors import StoreError
from newsprism.store.schema import features, story_members, story_pins


def save_features(engine: Engine, items: Iterable[ArticleFeatures]) -> None:
    rows = [
        {
            "article_id": f.article_id,
            "timestamp": f.timestamp,
            "embedding": np.asarray(f.embedding, dtype="<f4").tobytes(),
            "terms": dict(f.terms),
            "names": dict(f.names),
        }
        for f in items
    ]
    if not rows:
        return
    try:
        with engine.begin() as conn:
            conn.execute(
                delete(features).where(features.c.article_id.in_([r["article_id"] for r in rows]))
            )
            conn.execute(insert(features), rows)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot write article features: {exc}") from exc


def load_features(engine: Engine) -> list[ArticleFeatures]:
    with engine.connect() as conn:
        return [
            ArticleFeatures(
                article_id=row.article_id,
                timestamp=row.timestamp,
                embedding=np.frombuffer(row.embedding, dtype="<f4").astype(np.float32),
                terms=Counter(row.terms),
                names=Counter(row.names),
            )
            for row in conn.execute(select(features).order_by(features.c.article_id))
        ]


def memberships(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        return {r.article_id: r.story_id for r in conn.execute(select(story_members))}


def set_memberships(engine: Engine, mapping: Mapping[str, str]) -> None:
    """Record the story of each given article (replacing what was stored for it)."""
    if not mapping:
        return
    try:
        with engine.begin() as conn:
            conn.execute(delete(story_members).where(story_members.c.article_id.in_(list(mapping))))
            conn.execute(
                insert(story_members),
                [{"article_id": a, "story_id": s} for a, s in mapping.items()],
            )
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot write story memberships: {exc}") from exc


def pinned_stories(engine: Engine) -> set[str]:
    """Stories a user declared one event: clustering keeps their articles together."""
    with engine.connect() as conn:
        return {r.story_id for r in conn.execute(select(story_pins))}


def pin_story(engine: Engine, story_id: str) -> None:
    try:
        with engine.begin() as conn:
            conn.execute(delete(story_pins).where(story_pins.c.story_id == story_id))
            conn.execute(insert(story_pins), [{"story_id": story_id}])
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot pin story {story_id}: {exc}") from exc
