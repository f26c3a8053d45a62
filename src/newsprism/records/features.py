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


_CUT_OFF = re.compile(r"(?:\.\.\.|…|\. \. \.)[\])]?[\"'”’]?\s*$")
"""An ellipsis at the very end, bracketed or inside a closing quote; after a full stop too
("the doctrine...." is how aggregators cut after a whole sentence)."""
_MORE = re.compile(r"(?:\[\+\d+ chars\]|Continue reading\b[^\n]*)\s*$", re.IGNORECASE)
"""What a feed puts where it cut an article: "[+2345 chars]", "Continue reading ..."."""
_TRAILER = re.compile(r"\n[^\n]*\bappeared first on\b[^\n]*\s*$", re.IGNORECASE)
"""A line feeds add after an article whole or cut: "The post X appeared first on Y."."""


def is_excerpt(text: str) -> bool:
    """Whether a text is cut off, as feeds and news aggregators cut an article to its first
    lines: it ends with an ellipsis ("...", "…", "[…]"), "[+2345 chars]" or "Continue
    reading", a line "The post X appeared first on Y." aside."""
    body = _TRAILER.sub("", text.rstrip())
    return _MORE.search(body) is not None or _CUT_OFF.search(body) is not None


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
