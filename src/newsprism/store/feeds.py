"""What the store remembers of each watched feed, so a restarted watcher neither
fetches again what it has nor loses what it had not yet stored.

The state of a feed is written only after its new items are stored: a crash in
between fetches those items again, and the store keeps each article once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import (
    JSON,
    Column,
    Engine,
    Float,
    Integer,
    String,
    Table,
    Text,
    delete,
    insert,
    select,
)
from sqlalchemy.exc import SQLAlchemyError

from newsprism.errors import StoreError
from newsprism.store.schema import metadata

feed_state = Table(
    "feed_state",
    metadata,
    Column("url", String(2048), primary_key=True),
    Column("etag", Text, comment="the ETag of the last full response, for If-None-Match"),
    Column("last_modified", Text, comment="its Last-Modified, for If-Modified-Since"),
    Column("seen", JSON, nullable=False, comment="keys of the items already stored, newest last"),
    Column("failures", Integer, nullable=False, comment="consecutive failed polls"),
    Column("next_poll", Float, nullable=False, comment="seconds since the epoch"),
    Column("last_error", Text),
)


@dataclass(frozen=True)
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    seen: tuple[str, ...] = field(default=())
    failures: int = 0
    next_poll: float = 0.0
    last_error: str | None = None


class FeedStates:
    """The state of every watched feed (``Store.feeds``)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def load(self, url: str) -> FeedState:
        """The stored state of a feed; a fresh one for a feed never polled."""
        try:
            feed_state.create(self._engine, checkfirst=True)
            with self._engine.connect() as conn:
                row = conn.execute(select(feed_state).where(feed_state.c.url == url)).first()
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot read the state of feed {url}: {exc}") from exc
        if row is None:
            return FeedState(url)
        return FeedState(
            url=row.url,
            etag=row.etag,
            last_modified=row.last_modified,
            seen=tuple(row.seen or ()),
            failures=row.failures,
            next_poll=row.next_poll,
            last_error=row.last_error,
        )

    def save(self, state: FeedState) -> None:
        try:
            with self._engine.begin() as conn:
                conn.execute(delete(feed_state).where(feed_state.c.url == state.url))
                conn.execute(
                    insert(feed_state),
                    {
                        "url": state.url,
                        "etag": state.etag,
                        "last_modified": state.last_modified,
                        "seen": list(state.seen),
                        "failures": state.failures,
                        "next_poll": state.next_poll,
                        "last_error": state.last_error,
                    },
                )
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write the state of feed {state.url}: {exc}") from exc
