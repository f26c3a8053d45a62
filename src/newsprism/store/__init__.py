"""The store: articles (and what failed) in SQLite by default, any SQLAlchemy URL otherwise.

Articles are keyed by their content hash, so storing the same article twice
stores it once. SQLite runs in WAL mode so readers (the web app) never block
a writer (an ingest).

A :class:`Store` offers every operation on what it keeps, as a database object does its
tables': its own methods for articles, failures and the write lock; ``stories`` for the
placement of articles into stories (``store.stories``), ``browse`` for finding stories
(``store.browse``), ``analyses`` for the analysis cache (``store.analyses``) and
``feeds`` for the state of watched feeds (``store.feeds``). Nothing outside the store
needs its engine.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, func, inspect, select
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from newsprism.errors import StoreError
from newsprism.records import Article, InputFailure, Removal
from newsprism.records.contract import article_data
from newsprism.settings import DEFAULT_DB
from newsprism.store.analyses import AnalysisCache
from newsprism.store.browse import Browser
from newsprism.store.lock import WAIT_SECONDS, writing
from newsprism.store.schema import articles, failures, metadata
from newsprism.store.stories import StoryTable

if TYPE_CHECKING:
    from newsprism.store.feeds import FeedStates

__all__ = ["DEFAULT_DB", "AddResult", "Store", "open_store"]


@dataclass(frozen=True)
class AddResult:
    added: int
    already_stored: int


_LOCKED_TRIES = 5
_LOCKED_PAUSE = 1.0
"""Seconds before the first try again, growing by as much each time (1 + 2 + 3 + 4 s in
all, on top of each try's own 10 s busy timeout). Set by hand: the two-ingests test of
``tests/store/test_recovery.py`` failed so once in five fresh-clone runs on a loaded
machine, and passed in the others."""


def database_url(db: str) -> str:
    """A SQLAlchemy URL from ``--db``: a URL as given, anything else a SQLite file path."""
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def open_store(db: str = DEFAULT_DB) -> Store:
    url = database_url(db)
    try:
        engine = create_engine(url)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(f"cannot open store {db!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    store = Store(engine, db)
    store.create()
    return store


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    """The busy timeout first: switching a new store to WAL needs the file to itself, and
    a second process opening it at that moment must wait, not fail ("database is
    locked")."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class Store:
    def __init__(self, engine: Engine, name: str) -> None:
        self.engine = engine
        self.name = name
        self.stories = StoryTable(engine)
        """Which story each article belongs to, and the features it was placed by."""
        self.browse = Browser(engine)
        """The stored stories a page at a time, searched and filtered."""
        self.analyses = AnalysisCache(engine)
        """Analysed stories, kept while their members, version and alias table are unchanged."""

    @cached_property
    def feeds(self) -> FeedStates:
        """The state of each watched feed (its table is made when first read, so a store
        that watches no feed has none)."""
        from newsprism.store.feeds import FeedStates

        return FeedStates(self.engine)

    def writing(
        self, waiting: Callable[[], None] | None = None, wait: float = WAIT_SECONDS
    ) -> AbstractContextManager[None]:
        """Hold the store's write lock for the block, one writer at a time across processes
        (``store.lock``); ``waiting`` is called once when another writer holds it."""
        return writing(self.engine, waiting, wait)

    def create(self) -> None:
        """Create the tables that are missing and add the columns an older store lacks, one
        process at a time (two processes opening a new store at once would both try to
        create them); a complete store is opened without waiting for a writer. A SQLite
        store another process is switching to WAL or writing to can answer "database is
        locked" past its busy timeout; each step is safe to repeat, so it is tried again
        (``_LOCKED_TRIES``)."""
        for attempt in range(_LOCKED_TRIES):
            try:
                self._create()
                return
            except OperationalError as exc:
                if "locked" not in str(exc) or attempt == _LOCKED_TRIES - 1:
                    raise StoreError(f"cannot create tables in {self.name!r}: {exc}") from exc
                time.sleep(_LOCKED_PAUSE * (attempt + 1))
            except SQLAlchemyError as exc:
                raise StoreError(f"cannot create tables in {self.name!r}: {exc}") from exc

    def _create(self) -> None:
        tables = set(inspect(self.engine).get_table_names())
        if set(metadata.tables) <= tables and self.stories.current():
            return
        with writing(self.engine):
            metadata.create_all(self.engine)
            self.stories.upgrade()

    def add_articles(self, items: Iterable[Article]) -> AddResult:
        """Store new articles; those already stored (same id) are left as they are."""
        batch = {a.id: a for a in items}
        if not batch:
            return AddResult(0, 0)
        now = datetime.now(UTC)
        try:
            with self.engine.begin() as conn:
                existing = set(
                    conn.scalars(select(articles.c.id).where(articles.c.id.in_(list(batch))))
                )
                rows = [_row(a, now) for key, a in batch.items() if key not in existing]
                if rows:
                    conn.execute(articles.insert(), rows)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write articles to {self.name!r}: {exc}") from exc
        return AddResult(len(rows), len(existing))

    def add_failures(self, items: Iterable[InputFailure]) -> None:
        now = datetime.now(UTC)
        rows = [{"source": f.source, "error": f.error, "stage": f.stage, "at": now} for f in items]
        if not rows:
            return
        try:
            with self.engine.begin() as conn:
                conn.execute(failures.insert(), rows)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write failures to {self.name!r}: {exc}") from exc

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Stored articles (those with the given ids, when given), oldest first."""
        query = select(articles).order_by(articles.c.published, articles.c.id)
        if ids is not None:
            query = query.where(articles.c.id.in_(list(ids)))
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                yield _article(row)

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        with self.engine.connect() as conn:
            return set(conn.scalars(select(articles.c.id).where(articles.c.id.in_(list(ids)))))

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(articles)) or 0)

    def close(self) -> None:
        self.engine.dispose()


def _row(article: Article, now: datetime) -> dict[str, Any]:
    """The article as the contract writes it, with what the store adds."""
    return {**article_data(article), "kind": article.kind, "ingested_at": now}


def _article(row: Any) -> Article:
    return Article(
        id=row["id"],
        source=row["source"],
        url=row["url"],
        outlet=row["outlet"],
        title=row["title"],
        published=row["published"],
        language=row["language"],
        text=row["text"],
        kind=row["kind"],
        removed=tuple(Removal(r["reason"], r["text"]) for r in row["removed"] or []),
    )
