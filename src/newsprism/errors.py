"""The one exception hierarchy of newsprism.

    NewsprismError
     ├── InputError      an input could not be read (names the input and the reason)
     │    └── FetchError a URL could not be fetched, or was refused
     ├── ModelError      a model package is missing or failed to load
     ├── StoreError      the database could not be opened or written
     ├── ClusterError    the Dask cluster of a batch could not be started or reached
     └── UsageError      the caller asked for something impossible
          └── NotFoundError  no stored story or article has the id asked for

Errors about one input never stop a run: the pipeline turns them into
:class:`~newsprism.records.InputFailure` records and goes on. Only usage and
store errors end a command.
"""

from __future__ import annotations


class NewsprismError(Exception):
    """Base class of every error newsprism raises on purpose."""


class InputError(NewsprismError):
    """One input (file, URL, feed item, JSONL line, WARC record) could not be read."""

    def __init__(self, source: str, reason: str, stage: str = "ingest") -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
        self.stage = stage


class FetchError(InputError):
    """A URL could not be fetched: refused, unreachable, too large, or not http(s)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(source, reason, stage="fetch")


class ModelError(NewsprismError):
    """A model package is not installed or could not be loaded."""


class StoreError(NewsprismError):
    """The store could not be opened, migrated or written."""


class ClusterError(NewsprismError):
    """The Dask cluster of a batch could not be started, reached, or failed as a whole."""


class UsageError(NewsprismError):
    """Options that cannot work together, or a value out of its allowed range."""


class NotFoundError(UsageError):
    """No stored story or article has the id asked for (the web app answers 404)."""

    def __init__(self, kind: str, key: str) -> None:
        super().__init__(f"no {kind} with id {key!r} in the store")
        self.kind = kind
        self.key = key
