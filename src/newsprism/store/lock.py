"""One writer at a time per store, across processes: two `ingest` runs, or `watch` beside
`serve`, take turns placing articles instead of racing each other.

The lock belongs to the store, not to a process: a SQLite store is locked through a file
beside it (``<db>.lock``, ``flock``, released by the kernel when the holder dies, so a
killed writer never leaves it locked), a PostgreSQL store through an advisory lock on its
own connection. Other databases, and in-memory SQLite, have no second writer to wait for.
"""

from __future__ import annotations

import fcntl
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text

from newsprism.errors import StoreError

WAIT_SECONDS = 600.0
"""How long a writer waits for another one to finish before giving up with an error."""
_POLL = 0.2


@contextmanager
def writing(
    engine: Engine, waiting: Callable[[], None] | None = None, wait: float = WAIT_SECONDS
) -> Iterator[None]:
    """Hold the store's write lock for the block; ``waiting`` is called once when another
    writer holds it."""
    if engine.dialect.name == "sqlite":
        database = engine.url.database
        if not database or database == ":memory:":
            yield
            return
        with _file_lock(Path(f"{database}.lock"), waiting, wait):
            yield
    elif engine.dialect.name == "postgresql":
        with _advisory_lock(engine, waiting, wait):
            yield
    else:
        yield


@contextmanager
def _file_lock(path: Path, waiting: Callable[[], None] | None, wait: float) -> Iterator[None]:
    try:
        handle = path.open("a+")
    except OSError as exc:
        raise StoreError(f"cannot open the store's lock file {str(path)!r}: {exc}") from exc
    with handle:
        _acquire(lambda: _try_flock(handle.fileno()), waiting, wait, str(path))
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _try_flock(descriptor: int) -> bool:
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@contextmanager
def _advisory_lock(
    engine: Engine, waiting: Callable[[], None] | None, wait: float
) -> Iterator[None]:
    key = zlib.crc32(b"newsprism-store-writer")
    with engine.connect() as conn:
        _acquire(
            lambda: bool(conn.scalar(text("SELECT pg_try_advisory_lock(:k)"), {"k": key})),
            waiting,
            wait,
            str(engine.url.database),
        )
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
            conn.commit()


def _acquire(
    attempt: Callable[[], bool], waiting: Callable[[], None] | None, wait: float, name: str
) -> None:
    deadline = time.monotonic() + wait
    told = False
    while not attempt():
        if not told and waiting is not None:
            waiting()
            told = True
        if time.monotonic() >= deadline:
            raise StoreError(
                f"another process has been writing to the store {name!r} for over {wait:.0f} s"
            )
        time.sleep(_POLL)
