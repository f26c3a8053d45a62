"""newsprism: one event, many outlets, many versions.

Reads articles from many outlets, groups them into stories and shows, for
each story, what the outlets agree on, where they contradict each other and
what only one of them claims, each finding with verbatim evidence.
"""

from __future__ import annotations

from newsprism.errors import (
    FetchError,
    InputError,
    ModelError,
    NewsprismError,
    StoreError,
    UsageError,
)
from newsprism.records import Article, InputFailure, RawDocument, Removal, Span
from newsprism.version import __version__

__all__ = [
    "Article",
    "FetchError",
    "InputError",
    "InputFailure",
    "ModelError",
    "NewsprismError",
    "RawDocument",
    "Removal",
    "Span",
    "StoreError",
    "UsageError",
    "__version__",
]
