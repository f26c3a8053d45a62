"""A cache of story analyses, keyed by the story, the exact set of its member articles,
the version of newsprism and the alias table that analysed it.

Analysing a story takes a model pass over its articles; the web app shows the same
story many times, so the result is kept as contract JSON (``records.contract``) and
reused while the key is unchanged. A new article placed into the story, another release
or another alias table changes its signature, and the stale analysis is replaced the next
time the story is asked for. ``Store.analyses`` is an :class:`AnalysisCache`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import JSON, Column, DateTime, Engine, String, Table, Text, delete, insert, select
from sqlalchemy.exc import SQLAlchemyError

from newsprism.errors import StoreError
from newsprism.records import Story
from newsprism.records.contract import story_data, story_from_data
from newsprism.store.schema import metadata
from newsprism.version import __version__

story_analyses = Table(
    "story_analyses",
    metadata,
    Column("story_id", String(40), primary_key=True),
    Column(
        "signature",
        String(64),
        nullable=False,
        comment="hash of the members, the version and the alias table",
    ),
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


ANALYSIS_VERSION = "11"
"""Raised when the analysis of a story changes its output between releases of the same
version, so cached analyses written by an earlier one are made again (2: claims read in the
articles' own words; 3: every occurrence of a name, and descriptions, among an actor's
mentions; 4: each article's outlet key and the article each cite points to, which the graph
and the matrix go by; 5: an actor's descriptions told from its names; 6: claims give ages,
records and durations; 7: descriptions read from how the story uses them; 8: homes and
the days of one actor's act compared, claims the same in every run; 9: surnames read by
titles, descriptions by the words before their head, claims about their subject; 10: the
person a "he" or "she" stands for, the last one in reach). A new package
version makes them again by itself."""


def signature(article_ids: Iterable[str], *, aliases: str) -> str:
    """The same members in any order, analysed by the same version with the same alias
    table (``aliases``: a digest of the table, made by the pipeline), give the same
    signature."""
    text = "\x1f".join([ANALYSIS_VERSION, __version__, aliases, *sorted(article_ids)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class AnalysisCache:
    """Analysed stories as contract JSON, with the names their actors go by."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def load(self, story_id: str, members_signature: str) -> Story | None:
        """The cached analysis, or None when there is none or its signature has changed."""
        query = select(story_analyses.c.signature, story_analyses.c.document).where(
            story_analyses.c.story_id == story_id
        )
        with self._engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None or row.signature != members_signature:
            return None
        return story_from_data(row.document)

    def save(self, story_id: str, members_signature: str, story: Story) -> None:
        """Replace the story's cached analysis and the names it is found by (every actor's
        name and the names its mentions use; descriptions such as "the president" are not
        names)."""
        names = [n for e in story.entities for n in (e.name, *(m.text for m in e.names))]
        folded = sorted({" ".join(n.split()).lower() for n in names if n.strip()})
        try:
            with self._engine.begin() as conn:
                conn.execute(delete(story_analyses).where(story_analyses.c.story_id == story_id))
                conn.execute(delete(analysis_names).where(analysis_names.c.story_id == story_id))
                conn.execute(
                    insert(story_analyses),
                    {
                        "story_id": story_id,
                        "signature": members_signature,
                        "document": story_data(story),
                        "computed_at": datetime.now(UTC),
                    },
                )
                if folded:
                    conn.execute(
                        insert(analysis_names), [{"story_id": story_id, "name": n} for n in folded]
                    )
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot cache the analysis of story {story_id!r}: {exc}") from exc
