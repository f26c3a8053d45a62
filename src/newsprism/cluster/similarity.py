"""How well an article fits a story: a logistic model over a few similarities.

The features compare an article with a story's centroid: embedding cosine,
content-term TF-IDF cosine, name TF-IDF cosine; the embedding cosine of its
nearest article in the story (rewrites and wire copies stand out there); the
story's size (a centroid of many articles is further from each of them);
closeness in time when both dates are known; and the kind of text: a short one (few
words) or an excerpt (cut off with an ellipsis, as feeds and aggregators give it), whose
similarities (and, for excerpts, times) are weighed their own way. Comparing with a
centroid rather than with single articles is what tells two earthquakes apart: a story's
centroid gathers the names and numbers of its event. The weights and thresholds are
learned on ../shared/eval (ECB+ dev and AllSides) by benchmarks/tune_clustering.py and
shipped in ``newsprism/data/clustering.json``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from newsprism.cluster.background import document_share
from newsprism.cluster.vectors import DocumentFrequencies

FEATURES = (
    "embedding",
    "terms",
    "names",
    "nearest",
    "log_size",
    "time_close",
    "time_known",
    "time_far",
    "short",
    "excerpt",
    "weekdays_apart",
)
"""``weekdays_apart``: the two sides name weekdays, none in common (an aggregator's item of a
ruling on Wednesday and one of an appeal on Friday), weighted by the pair's ``excerpt``
value: whole articles name the days of a story's background too, so a pair with no excerpt
on either side counts 0."""
INTERACTIONS = ("embedding", "terms", "names", "nearest")
"""Similarities whose weight depends on the kind of text: each also enters times ``short``
(few words) and times ``excerpt`` (cut off with an ellipsis), so short articles, excerpts
and whole articles each get their own slope."""
EXCERPT_INTERACTIONS = (*INTERACTIONS, "time_close", "time_known", "time_far")
"""Excerpts also weigh time their own way: an aggregator's excerpts of one news item come
within days, while whole articles of one event may follow it by months. Held out over
topics, with these time products ECB+ mixed F1 went from 0.904 to 0.911 and single events
alone from 0.946 to 0.961, AllSides 0.818 to 0.819 (benchmarks/README.md)."""
SIZED = ("embedding", "terms", "names")
"""Similarities whose weight depends on the story's size: each also enters times
``log_size``. Centroids of many articles come closer to each other than single articles do,
so one penalty for size alone either split one event's halves (two stories of 9 and 8
articles, centroid cosine 0.90: merge probability 0.16) or merged two events of one kind;
with these products, held out over topics on ECB+ dev (benchmarks/README.md), single
events clustered alone went from B-cubed recall 0.901 to 0.934 and ECB+ mixed F1 from 0.884
to 0.905."""
COEFFICIENTS = (
    *FEATURES,
    *(f"short*{name}" for name in INTERACTIONS),
    *(f"excerpt*{name}" for name in EXCERPT_INTERACTIONS),
    *(f"log_size*{name}" for name in SIZED),
)
_INTERACTING = tuple(FEATURES.index(name) for name in INTERACTIONS)
_EXCERPT_INTERACTING = tuple(FEATURES.index(name) for name in EXCERPT_INTERACTIONS)
_SIZED = tuple(FEATURES.index(name) for name in SIZED)
_SIZE = FEATURES.index("log_size")
_SHORT = FEATURES.index("short")
_EXCERPT = FEATURES.index("excerpt")

SHORT_WORDS = 60.0
"""Content words of a headline and snippet: AllSides texts hold 50-66 (10th to 90th
percentile, median 58)."""
LONG_WORDS = 120.0
"""Content words of a full article: the median of ECB+ dev articles is 119."""


def shortness(words: float) -> float:
    """1 for a headline and snippet, 0 for a full article, linear between (content words)."""
    return min(1.0, max(0.0, (LONG_WORDS - words) / (LONG_WORDS - SHORT_WORDS)))


@dataclass(frozen=True)
class SimilarityModel:
    coefficients: tuple[float, ...]
    """Article against story."""
    intercept: float
    merge_coefficients: tuple[float, ...]
    """Story against story: centroids of many articles compare differently than one article."""
    merge_intercept: float
    join_threshold: float
    """An article joins its best story when the probability reaches this."""
    merge_threshold: float
    """Two stories of whole articles merge when the probability between their centroids
    reaches this."""
    time_scale_days: float = 3.0
    max_gap_days: float = 30.0
    """Stories are bounded in time: never join across a larger gap when both dates are known."""
    neighbours: int = 20
    """Nearest articles looked up for candidate stories."""
    excerpt_merge_threshold: float | None = None
    """The merge threshold where a story is all excerpts (None: ``merge_threshold``); other
    pairs get a threshold between the two, by the larger share of excerpts of the two
    stories (the ``excerpt`` feature). Aggregators group excerpts of one news item
    (AllSides): of the same week and topic, items are stories apart."""
    background_documents: float = 0.0
    """Pseudo-documents of English at large blended into the input's term and name counts
    (``cluster.background``); 0 weighs terms by the input alone."""

    def __post_init__(self) -> None:
        for name in ("coefficients", "merge_coefficients"):
            count = len(getattr(self, name))
            if count != len(COEFFICIENTS):
                raise ValueError(f"expected {len(COEFFICIENTS)} {name}, got {count}")
        if self.background_documents < 0:
            raise ValueError(f"background_documents must be >= 0, got {self.background_documents}")
        for name in ("join_threshold", "merge_threshold", "excerpt_merge_threshold"):
            value = getattr(self, name)
            if value is not None and not 0.0 < value < 1.0:
                raise ValueError(f"{name} must be within (0, 1), got {value}")

    def probability(self, values: tuple[float, ...]) -> float:
        """That an article belongs to a story, from their feature values."""
        return _logistic(self.intercept, self.coefficients, self.expand(values))

    def merge_probability(self, values: tuple[float, ...]) -> float:
        """That two stories are one, from their feature values."""
        return _logistic(self.merge_intercept, self.merge_coefficients, self.expand(values))

    def merge_margin(self, values: tuple[float, ...]) -> float:
        """How far two stories are above the threshold for merging them, in log-odds (they
        merge at 0 or more): the threshold moves towards ``excerpt_merge_threshold`` with
        the pair's ``excerpt`` value."""
        odds = _odds(self.merge_intercept, self.merge_coefficients, self.expand(values))
        cut = _logit(self.merge_threshold)
        if self.excerpt_merge_threshold is not None:
            cut += values[_EXCERPT] * (_logit(self.excerpt_merge_threshold) - cut)
        return odds - cut

    @staticmethod
    def expand(values: tuple[float, ...]) -> tuple[float, ...]:
        """Feature values with their text-kind and size interactions, in the order of
        COEFFICIENTS."""
        short, excerpt, size = values[_SHORT], values[_EXCERPT], values[_SIZE]
        return (
            *values,
            *(short * values[i] for i in _INTERACTING),
            *(excerpt * values[i] for i in _EXCERPT_INTERACTING),
            *(size * values[i] for i in _SIZED),
        )

    def frequencies(self) -> tuple[DocumentFrequencies, DocumentFrequencies]:
        """Empty document frequencies for terms and for names, blended with the background
        as this model was trained."""
        return (
            DocumentFrequencies(document_share, self.background_documents),
            DocumentFrequencies(document_share, self.background_documents),
        )

    def time_features(self, gap_days: float | None) -> tuple[float, float, float]:
        """Closeness (days), whether both dates are known, and distance (log days, 1 = a year)."""
        if gap_days is None:
            return 0.0, 0.0, 0.0
        far = min(math.log1p(gap_days) / math.log1p(365.0), 1.5)
        return math.exp(-gap_days / self.time_scale_days), 1.0, far

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(COEFFICIENTS),
            "coefficients": list(self.coefficients),
            "intercept": self.intercept,
            "merge_coefficients": list(self.merge_coefficients),
            "merge_intercept": self.merge_intercept,
            "join_threshold": self.join_threshold,
            "merge_threshold": self.merge_threshold,
            "time_scale_days": self.time_scale_days,
            "excerpt_merge_threshold": self.excerpt_merge_threshold,
            "max_gap_days": self.max_gap_days,
            "neighbours": self.neighbours,
            "background_documents": self.background_documents,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SimilarityModel:
        if data.get("features") != list(COEFFICIENTS):
            raise ValueError(
                f"clustering model features {data.get('features')} != {list(COEFFICIENTS)}"
            )
        return cls(
            coefficients=tuple(float(c) for c in data["coefficients"]),
            intercept=float(data["intercept"]),
            merge_coefficients=tuple(float(c) for c in data["merge_coefficients"]),
            merge_intercept=float(data["merge_intercept"]),
            join_threshold=float(data["join_threshold"]),
            merge_threshold=float(data["merge_threshold"]),
            time_scale_days=float(data.get("time_scale_days", 3.0)),
            excerpt_merge_threshold=_optional(data.get("excerpt_merge_threshold")),
            max_gap_days=float(data.get("max_gap_days", 30.0)),
            neighbours=int(data.get("neighbours", 20)),
            background_documents=float(data.get("background_documents", 0.0)),
        )


def _odds(intercept: float, coefficients: tuple[float, ...], values: tuple[float, ...]) -> float:
    """The log-odds of a logistic model."""
    return intercept + sum(c * v for c, v in zip(coefficients, values, strict=True))


def _logistic(
    intercept: float, coefficients: tuple[float, ...], values: tuple[float, ...]
) -> float:
    z = _odds(intercept, coefficients, values)
    return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


def _logit(probability: float) -> float:
    return math.log(probability / (1.0 - probability))


def _optional(value: Any) -> float | None:
    return None if value is None else float(value)


@cache
def default_model() -> SimilarityModel:
    text = resources.files("newsprism").joinpath("data/clustering.json").read_text("utf-8")
    return SimilarityModel.from_json(json.loads(text)["model"])
