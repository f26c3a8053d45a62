"""A cache of story analyses, keyed by the story and the exact set of its member articles.

Analysing a story takes a model pass over its articles; the web app shows the same
story many times, so the result is kept as contract JSON and reused while the story's
members are unchanged. A new article placed into the story changes its signature, and
the stale analysis is replaced the next time the story is asked for.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Engine, String, Table, Text, delete, insert, select
from sqlalchemy.exc import SQLAlchemyError

from newsprism.errors import StoreError
from newsprism.store.schema import metadata

story_analyses = Table(
    "story_analyses",
    metadata,
    Column("story_id", String(40), primary_key=True),
    Column("signature", String(64), nullable=False, comment="hash of the member article ids"),
    Column("document", JSON, nullable=False, comment="the Story as contract JSON"),
    Column("computed_at", DateTime(timezone=True), nullable=False),
)

analysis_names = Table(
    "analysis_names",
    metadata,
    Column("story_id", String(40), nullable=False, index=True),
    Column("name", Text, nullable=False, index=True, comment="lower-cased name or mention"),
)
"""Every name an analysed story's actors go by, so stories can be found by actor."""


ANALYSIS_VERSION = "3"
"""Raised when the analysis of a story changes its output, so cached analyses written by an
earlier version are made again (2: claims read in the articles' own words; 3: every
occurrence of a name, and descriptions, among an actor's mentions)."""


def signature(article_ids: Iterable[str]) -> str:
    """The same members in any order, analysed by the same version, give the same signature."""
    text = "\x1f".join([ANALYSIS_VERSION, *sorted(article_ids)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_analysis(engine: Engine, story_id: str, members_signature: str) -> dict[str, Any] | None:
    """The cached Story JSON, or None when there is none or its members have changed."""
    query = select(story_analyses.c.signature, story_analyses.c.document).where(
        story_analyses.c.story_id == story_id
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None or row.signature != members_signature:
        return None
    document: dict[str, Any] = row.document
    return document


def save_analysis(
    engine: Engine,
    story_id: str,
    members_signature: str,
    document: dict[str, Any],
    names: Iterable[str],
) -> None:
    """Replace the story's cached analysis and the names it is found by."""
    folded = sorted({" ".join(n.split()).lower() for n in names if n.strip()})
    try:
        with engine.begin() as conn:
            conn.execute(delete(story_analyses).where(story_analyses.c.story_id == story_id))
            conn.execute(delete(analysis_names).where(analysis_names.c.story_id == story_id))
            conn.execute(
                insert(story_analyses),
                {
                    "story_id": story_id,
                    "signature": members_signature,
                    "document": document,
                    "computed_at": datetime.now(UTC),
                },
            )
            if folded:
                conn.execute(
                    insert(analysis_names), [{"story_id": story_id, "name": n} for n in folded]
                )
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot cache the analysis of story {story_id!r}: {exc}") from exc
