"""What the story clusterer knows of an article, as plain data.

Features are computed by ``cluster.features`` and kept by the store, so placing new
articles into stored stories needs no model pass over the old ones.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # numpy is imported by the code that makes features, not by their type
    import numpy as np


_CUT_OFF = re.compile(r"(?:\.\.\.|…)[\])]?\s*$")


def is_excerpt(text: str) -> bool:
    """Whether a text is cut off with an ellipsis ("...", "…", "[…]"), as feeds and news
    aggregators cut an article to its first lines."""
    return _CUT_OFF.search(text) is not None


@dataclass(frozen=True)
class ArticleFeatures:
    article_id: str
    timestamp: float | None
    """Publication time in days since the epoch, or None when unknown."""
    embedding: np.ndarray[Any, np.dtype[np.float32]]
    terms: Counter[str]
    names: Counter[str]
    excerpt: bool = False
    """The text is an excerpt, cut off with an ellipsis (a feed's or an aggregator's summary):
    the story clusterer compares excerpts with weights of their own."""
