"""Finding stored stories: newest first, by word, actor, outlet and date, a page at a time.

The web app's list page and ``GET /api/stories`` read these queries (``Store.browse``, a
:class:`Browser`). Every value from a
request reaches SQL as a bound parameter; ``%`` and ``_`` in search words match
themselves.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, String, and_, cast, func, or_, select, union
from sqlalchemy.sql import ColumnElement, Select

from newsprism.errors import UsageError
from newsprism.records import Story
from newsprism.store.analyses import analysis_names
from newsprism.store.schema import articles, features, story_members

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_PER_PAGE = 100
MAX_PAGE = 1_000_000
"""Pages past this are refused: a page number is an offset the database must count to."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
"""Control characters in searched words are spaces: a NUL would cut the pattern short."""


@dataclass(frozen=True)
class StoryQuery:
    """What the reader asks for; empty strings count as not given."""

    words: str | None = None
    """Every word must occur in the story's titles or texts (case-insensitive)."""
    entity: str | None = None
    """Part of a name an actor goes by (in analysed stories) or a name spaCy found."""
    outlet: str | None = None
    since: str | None = None
    """YYYY-MM-DD: stories with an article published on or after this day."""
    until: str | None = None
    """YYYY-MM-DD: stories with an article published on or before this day."""
    page: int = 1
    per_page: int = 20

    def __post_init__(self) -> None:
        if self.page < 1:
            raise UsageError(f"page must be >= 1, got {self.page}")
        if not 1 <= self.per_page <= MAX_PER_PAGE:
            raise UsageError(f"per_page must be within 1..{MAX_PER_PAGE}, got {self.per_page}")
        if not self.page <= MAX_PAGE:
            raise UsageError(f"page must be at most {MAX_PAGE}, got {self.page}")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value and not (_DAY.fullmatch(value) and _real_day(value)):
                raise UsageError(f"{name} must be a day as YYYY-MM-DD, got {value!r}")


@dataclass(frozen=True)
class ArticleSummary:
    id: str
    title: str | None
    outlet: str | None
    published: str | None


@dataclass(frozen=True)
class StorySummary:
    id: str
    title: str
    articles: tuple[ArticleSummary, ...]
    """Oldest first, as in the story."""

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.outlet for a in self.articles if a.outlet))

    @property
    def first(self) -> str | None:
        return min((a.published for a in self.articles if a.published), default=None)

    @property
    def last(self) -> str | None:
        return max((a.published for a in self.articles if a.published), default=None)


@dataclass(frozen=True)
class StoryPage:
    query: StoryQuery
    stories: tuple[StorySummary, ...]
    total: int
    """Stories matching the query, on all pages."""

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.per_page))


class Browser:
    """The stored stories as a reader finds them: a page at a time, searched and filtered."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def find(self, query: StoryQuery) -> StoryPage:
        """One page of the stories that match, the most recently published first."""
        last = func.max(articles.c.published).label("last")
        grouped = (
            select(story_members.c.story_id, last)
            .join(articles, articles.c.id == story_members.c.article_id)
            .group_by(story_members.c.story_id)
        )
        for condition in _conditions(query):
            grouped = grouped.where(story_members.c.story_id.in_(condition))
        page = (
            grouped.order_by(last.desc().nulls_last(), story_members.c.story_id)
            .limit(query.per_page)
            .offset((query.page - 1) * query.per_page)
        )
        total_query = select(func.count()).select_from(grouped.subquery())
        with self._engine.connect() as conn:
            ids = [row.story_id for row in conn.execute(page)]
            total = int(conn.scalar(total_query) or 0)
        return StoryPage(query, self.summaries(ids), total)

    def summaries(self, story_ids: list[str]) -> tuple[StorySummary, ...]:
        """The stories with these ids, in the order given (ids with no members left out)."""
        if not story_ids:
            return ()
        query = (
            select(
                story_members.c.story_id,
                articles.c.id,
                articles.c.title,
                articles.c.outlet,
                articles.c.published,
                func.substr(articles.c.text, 1, 200).label("lead"),
            )
            .join(articles, articles.c.id == story_members.c.article_id)
            .where(story_members.c.story_id.in_(story_ids))
        )
        members: dict[str, list[ArticleSummary]] = {}
        leads: dict[str, str] = {}
        with self._engine.connect() as conn:
            for row in conn.execute(query):
                summary = ArticleSummary(row.id, row.title, row.outlet, row.published)
                members.setdefault(row.story_id, []).append(summary)
                leads[row.id] = row.lead
        summaries = []
        for story_id in story_ids:
            if story_id not in members:
                continue
            ordered = tuple(sorted(members[story_id], key=_chronological))
            title = Story.make_title([a.title for a in ordered], leads[ordered[0].id])
            summaries.append(StorySummary(story_id, title, ordered))
        return tuple(summaries)

    def outlets(self) -> list[str]:
        """Every outlet with a stored article, for the outlet filter."""
        query = select(articles.c.outlet).where(articles.c.outlet.is_not(None)).distinct()
        with self._engine.connect() as conn:
            return sorted(conn.scalars(query), key=str.casefold)


def _chronological(article: ArticleSummary) -> tuple[bool, str, str]:
    """Oldest first, undated last, as a story orders its articles."""
    return (article.published is None, article.published or "", article.id)


def _conditions(query: StoryQuery) -> list[Select[Any]]:
    """One sub-select of story ids per filter; a story must be in all of them."""
    by_article = select(story_members.c.story_id).join(
        articles, articles.c.id == story_members.c.article_id
    )
    conditions = []
    for word in _CONTROL.sub(" ", query.words or "").split():
        needle = word.lower()
        conditions.append(
            by_article.where(
                or_(
                    func.lower(articles.c.title).contains(needle, autoescape=True),
                    func.lower(articles.c.text).contains(needle, autoescape=True),
                )
            )
        )
    if query.entity and query.entity.strip():
        conditions.append(_by_entity(" ".join(query.entity.split()).lower()))
    if query.outlet:
        conditions.append(by_article.where(articles.c.outlet == query.outlet))
    day = func.substr(articles.c.published, 1, 10)
    if query.since or query.until:
        bounds: list[ColumnElement[bool]] = [articles.c.published.is_not(None)]
        if query.since:
            bounds.append(day >= query.since)
        if query.until:
            bounds.append(day <= query.until)
        conditions.append(by_article.where(and_(*bounds)))
    return conditions


def _real_day(value: str) -> bool:
    """Whether a YYYY-MM-DD string names a day of the calendar (not 2024-13-45)."""
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _by_entity(name: str) -> Select[Any]:
    """Stories whose analysis names the actor, or whose articles' features carry the name.

    Features keep names as the keys of a JSON object, stored with non-ASCII letters
    escaped; the needle is escaped the same way so it matches them.
    """
    analysed = select(analysis_names.c.story_id).where(
        analysis_names.c.name.contains(name, autoescape=True)
    )
    escaped = json.dumps(name)[1:-1]
    featured = (
        select(story_members.c.story_id)
        .join(features, features.c.article_id == story_members.c.article_id)
        .where(func.lower(cast(features.c.names, String)).contains(escaped, autoescape=True))
    )
    return select(union(analysed, featured).subquery().c.story_id)
