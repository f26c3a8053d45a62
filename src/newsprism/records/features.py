"""What the story clusterer knows of an article, as plain data.

Features are computed by ``cluster.features`` and kept by the store, so placing new
articles into stored stories needs no model pass over the old ones.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # numpy is imported by the code that makes features, not by their type
    import numpy as np


@dataclass(frozen=True)
class ArticleFeatures:
    article_id: str
    timestamp: float | None
    """Publication time in days since the epoch, or None when unknown."""
    embedding: np.ndarray[Any, np.dtype[np.float32]]
    terms: Counter[str]
    names: Counter[str]
