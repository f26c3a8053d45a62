"""Online story clustering (after Miranda et al., 2018, with our own features).

Articles arrive in time order (undated ones last). Each is compared with the
stories that hold its nearest articles (a vector index keeps this near-linear)
and joins the best one when the similarity model says it fits; otherwise it
opens a new story. Every ``merge_every`` articles, stories touched since the
last merge are compared with their neighbours and merged when their centroids
match, which repairs early splits. A final pass moves articles that fit
another story better and merges once more.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from newsprism import lexicon
from newsprism.cluster.features import feature_order
from newsprism.cluster.index import VectorIndex
from newsprism.cluster.similarity import SimilarityModel, shortness
from newsprism.cluster.vectors import DocumentFrequencies, SparseVector, add_into, dot, weigh
from newsprism.records.features import ArticleFeatures

Vector = np.ndarray[Any, np.dtype[np.float32]]
NEAREST_SCAN = 64
WEEKDAYS = lexicon.words("weekdays")


@dataclass
class _Doc:
    features: ArticleFeatures
    terms: SparseVector
    names: SparseVector
    words: float
    """Content words (with repeats): how long the article is, for ``shortness``."""
    excerpt: float
    """1 for an excerpt (``ArticleFeatures.excerpt``), 0 for a whole article."""
    weekdays: frozenset[str] = frozenset()
    """The weekdays its words name ("monday"): when its news happened, for an excerpt."""
    story: int = -1


@dataclass
class _Story:
    id: int
    members: set[int] = field(default_factory=set)
    embedding: Vector | None = None
    terms: SparseVector = field(default_factory=dict)
    names: SparseVector = field(default_factory=dict)
    terms_norm2: float = 0.0
    names_norm2: float = 0.0
    words: float = 0.0
    """Content words of all members together, for their mean length."""
    excerpts: float = 0.0
    """How many members are excerpts."""
    weekdays: Counter[str] = field(default_factory=Counter)
    """How many members name each weekday."""
    times: list[float] = field(default_factory=list)
    span: tuple[float, float] | None = None
    """Earliest and latest known date, kept with ``times`` so no lookup scans them."""

    def add_time(self, timestamp: float) -> None:
        self.times.append(timestamp)
        low, high = self.span or (timestamp, timestamp)
        self.span = (min(low, timestamp), max(high, timestamp))

    def remove_time(self, timestamp: float) -> None:
        self.times.remove(timestamp)
        self.span = (min(self.times), max(self.times)) if self.times else None


class OnlineClusterer:
    def __init__(
        self,
        model: SimilarityModel,
        term_frequencies: DocumentFrequencies,
        name_frequencies: DocumentFrequencies,
        merge_every: int = 50,
    ) -> None:
        if merge_every < 1:
            raise ValueError(f"merge_every must be >= 1, got {merge_every}")
        self.model = model
        self.term_frequencies = term_frequencies
        self.name_frequencies = name_frequencies
        self.merge_every = merge_every
        self.docs: list[_Doc] = []
        self.stories: dict[int, _Story] = {}
        self._index: VectorIndex | None = None
        self._neighbours: list[dict[int, float]] = []
        """Each article's nearest articles (both directions of every search): a kNN graph
        that the repair pass reads instead of searching the index again."""
        self._next_story = 0
        self._touched: set[int] = set()
        self._fixed: set[int] = set()
        """Articles the repair never moves (stories a user declared one event)."""

    # -- public ---------------------------------------------------------------

    def add_all(self, items: Iterable[ArticleFeatures]) -> None:
        for features in sorted(items, key=feature_order):
            self.add(features)
        self.finish()

    def restore(self, features: ArticleFeatures, story: int, fixed: bool = False) -> None:
        """Put an article into a known story without scoring (stored stories, training);
        ``fixed``: the repair never moves it out."""
        position = self._append(features)
        if fixed:
            self._fixed.add(position)
        self._link(position)
        while self._next_story <= story:
            self._next_story += 1
        if story not in self.stories:
            self.stories[story] = _Story(story)
        self._attach(position, story)
        self._index_add(position, features.embedding)
        self._touched.discard(story)

    def add(self, features: ArticleFeatures) -> int:
        """Place one article; return the number of its story."""
        position = self._append(features)
        doc = self.docs[position]
        self._link(position)
        best, probability = self._best_story(position, self.candidates(position))
        story = best if best is not None and probability >= self.model.join_threshold else None
        self._attach(position, story if story is not None else self._new_story())
        self._index_add(position, features.embedding)
        if len(self.docs) % self.merge_every == 0:
            self._merge(self._touched)
            self._touched = set()
        return doc.story

    def finish(self, rounds: int = 2) -> None:
        """Repair: merge, move misplaced articles, merge again."""
        self._merge(set(self.stories))
        for _ in range(rounds):
            if not self._refine():
                break
        self._merge(set(self.stories))
        self._touched = set()

    def settle(self) -> None:
        """Merge only the stories touched since the last merge (incremental placement)."""
        self._merge(self._touched)
        self._touched = set()

    def merge_stories(self, story_ids: Iterable[int]) -> None:
        """Merge the given stories into their nearest neighbours where the model says they
        tell one event: how stories found in separate time windows are joined."""
        self._merge(set(story_ids))
        self._touched = set()

    def memberships(self) -> dict[str, int]:
        """The story number of every article (numbers as given to :meth:`restore`)."""
        return {doc.features.article_id: doc.story for doc in self.docs}

    def groups(self) -> list[list[str]]:
        """Article ids per story, stories in order of their first article."""
        ordered = sorted(self.stories.values(), key=lambda s: min(s.members))
        return [[self.docs[m].features.article_id for m in sorted(s.members)] for s in ordered]

    # -- scoring --------------------------------------------------------------

    def feature_values(
        self, position: int, story_id: int, nearest: float | None = None
    ) -> tuple[float, ...] | None:
        """The model's features for an article and a story (the article itself left out of
        the story); None when the story is out of reach (too far in time, or only itself)."""
        doc, story = self.docs[position], self.stories[story_id]
        inside = position in story.members
        if inside and len(story.members) == 1:
            return None
        gap = _gap(doc.features.timestamp, story.span)
        if gap is not None and gap > self.model.max_gap_days:
            return None
        sign = -1.0 if inside else 1.0
        assert story.embedding is not None
        centroid = story.embedding - doc.features.embedding if inside else story.embedding
        embedding = _cosine(doc.features.embedding, centroid)
        terms = _sparse_cosine(doc.terms, story.terms, story.terms_norm2, sign)
        names = _sparse_cosine(doc.names, story.names, story.names_norm2, sign)
        others = len(story.members) - (1 if inside else 0)
        size = math.log1p(others)
        if nearest is None:
            nearest = self._nearest_member(position, story)
        mean = (story.words - (doc.words if inside else 0.0)) / others
        share = (story.excerpts - (doc.excerpt if inside else 0.0)) / others
        kind = (shortness(min(doc.words, mean)), max(doc.excerpt, share))
        own = Counter(doc.weekdays) if inside else Counter()
        days = _apart(doc.weekdays, set(story.weekdays - own)) * kind[1]
        return (embedding, terms, names, nearest, size, *self.model.time_features(gap), *kind, days)

    def _nearest_member(self, position: int, story: _Story) -> float:
        """Cosine of the article's most similar other member of the story (among its first
        NEAREST_SCAN members: bounded cost in very large stories)."""
        vector = self.docs[position].features.embedding
        members = sorted(m for m in story.members if m != position)[:NEAREST_SCAN]
        others = [self.docs[m].features.embedding for m in members]
        return float(np.max(np.stack(others) @ vector)) if others else 0.0

    def _probability(self, position: int, story: _Story, nearest: float | None) -> float:
        values = self.feature_values(position, story.id, nearest)
        return 0.0 if values is None else self.model.probability(values)

    def story_feature_values(
        self, a_id: int, b_id: int, nearest: float
    ) -> tuple[float, ...] | None:
        """The model's features for two stories; None when too far apart in time."""
        a, b = self.stories[a_id], self.stories[b_id]
        assert a.embedding is not None and b.embedding is not None
        gap = _range_gap(a.span, b.span)
        if gap is not None and gap > self.model.max_gap_days:
            return None
        embedding = _cosine(a.embedding, b.embedding)
        terms = _sums_cosine(a.terms, a.terms_norm2, b.terms, b.terms_norm2)
        names = _sums_cosine(a.names, a.names_norm2, b.names, b.names_norm2)
        size = math.log1p(min(len(a.members), len(b.members)))
        short = shortness(min(a.words / len(a.members), b.words / len(b.members)))
        excerpt = max(a.excerpts / len(a.members), b.excerpts / len(b.members))
        kind = (short, excerpt)
        days = _apart(set(a.weekdays), set(b.weekdays)) * excerpt
        return (embedding, terms, names, nearest, size, *self.model.time_features(gap), *kind, days)

    def story_candidates(self, story_id: int) -> dict[int, float]:
        """Other stories near a story's centroid, each with its nearest article's cosine."""
        story = self.stories[story_id]
        assert story.embedding is not None
        centroid = story.embedding / max(float(np.linalg.norm(story.embedding)), 1e-12)
        found = self._candidates(centroid.astype(np.float32))
        found.pop(story_id, None)
        return found

    def _best_story(
        self, position: int, candidates: dict[int, float | None] | dict[int, float]
    ) -> tuple[int | None, float]:
        best, best_p = None, -1.0
        for story_id, nearest in candidates.items():
            p = self._probability(position, self.stories[story_id], nearest)
            if p > best_p:
                best, best_p = story_id, p
        return best, best_p

    def _candidates(self, embedding: Vector, exclude: int = -1) -> dict[int, float]:
        """Stories of the nearest articles, each with its most similar article's cosine."""
        found: dict[int, float] = {}
        if self._index is None:
            return found
        for key, similarity in self._index.nearest(embedding, self.model.neighbours + 1):
            if key != exclude:
                story = self.docs[key].story
                found[story] = max(found.get(story, -1.0), similarity)
        return found

    # -- state ------------------------------------------------------------------

    def _append(self, features: ArticleFeatures) -> int:
        self.docs.append(
            _Doc(
                features,
                weigh(features.terms, self.term_frequencies),
                weigh(features.names, self.name_frequencies),
                float(sum(features.terms.values())),
                1.0 if features.excerpt else 0.0,
                frozenset(w for w in features.terms if w in WEEKDAYS),
            )
        )
        return len(self.docs) - 1

    def candidates(self, position: int) -> dict[int, float]:
        """Stories holding the article's nearest other articles, with the best cosine of each."""
        found: dict[int, float] = {}
        for key, similarity in self._neighbours[position].items():
            story = self.docs[key].story
            if story >= 0:
                found[story] = max(found.get(story, -1.0), similarity)
        return found

    def _link(self, position: int) -> None:
        """Record the article's nearest earlier articles, and it as theirs."""
        self._neighbours.append({})
        if self._index is None:
            return
        limit = self.model.neighbours
        for key, similarity in self._index.nearest(self.docs[position].features.embedding, limit):
            self._neighbours[position][key] = similarity
            theirs = self._neighbours[key]
            theirs[position] = similarity
            if len(theirs) > 2 * limit:
                weakest = min(theirs, key=theirs.__getitem__)
                del theirs[weakest]

    def _new_story(self) -> int:
        story = _Story(self._next_story)
        self.stories[story.id] = story
        self._next_story += 1
        return story.id

    def _attach(self, position: int, story_id: int, sign: float = 1.0) -> None:
        doc, story = self.docs[position], self.stories[story_id]
        vector = doc.features.embedding * sign
        story.embedding = vector.copy() if story.embedding is None else story.embedding + vector
        story.terms_norm2 += 2 * sign * dot(doc.terms, story.terms) + (1.0 if doc.terms else 0.0)
        story.names_norm2 += 2 * sign * dot(doc.names, story.names) + (1.0 if doc.names else 0.0)
        add_into(story.terms, doc.terms, sign)
        story.words += sign * doc.words
        story.excerpts += sign * doc.excerpt
        if sign > 0:
            story.weekdays.update(doc.weekdays)
        else:
            story.weekdays.subtract(doc.weekdays)
            story.weekdays = +story.weekdays
        add_into(story.names, doc.names, sign)
        timestamp = doc.features.timestamp
        if sign > 0:
            story.members.add(position)
            doc.story = story_id
            if timestamp is not None:
                story.add_time(timestamp)
        else:
            story.members.discard(position)
            if timestamp is not None:
                story.remove_time(timestamp)
        self._touched.add(story_id)

    def _move(self, position: int, target: int) -> None:
        source = self.docs[position].story
        self._attach(position, source, sign=-1.0)
        if not self.stories[source].members:
            del self.stories[source]
        self._attach(position, target)

    def _absorb(self, keep: int, gone: int) -> None:
        for position in list(self.stories[gone].members):
            self._move(position, keep)

    def _index_add(self, position: int, embedding: Vector) -> None:
        if self._index is None:
            self._index = VectorIndex(embedding.shape[0])
        self._index.add(position, embedding)

    # -- repair ---------------------------------------------------------------

    def _merge(self, story_ids: set[int]) -> None:
        for story_id in sorted(story_ids):
            if story_id not in self.stories:
                continue
            best, best_margin = None, -math.inf
            for other_id, nearest in self.story_candidates(story_id).items():
                values = self.story_feature_values(story_id, other_id, nearest)
                margin = -math.inf if values is None else self.model.merge_margin(values)
                if margin > best_margin:
                    best, best_margin = other_id, margin
            if best is not None and best_margin >= 0.0:
                if self._fixed and (self._holds_fixed(story_id) or self._holds_fixed(best)):
                    continue  # a story a user declared one event neither absorbs nor is absorbed
                keep, gone = sorted((story_id, best), key=lambda s: -len(self.stories[s].members))
                self._absorb(keep, gone)

    def _holds_fixed(self, story_id: int) -> bool:
        return not self._fixed.isdisjoint(self.stories[story_id].members)

    def _refine(self) -> int:
        moved = 0
        for position, doc in enumerate(self.docs):
            if position in self._fixed:
                continue
            own = doc.story
            candidates: dict[int, float | None] = dict(self.candidates(position))
            candidates.setdefault(own, None)
            best, best_p = self._best_story(position, candidates)
            own_p = self._probability(position, self.stories[own], candidates[own])
            if (
                best is not None
                and best != own
                and best_p >= self.model.join_threshold
                and best_p > own_p
            ):
                self._move(position, best)
                moved += 1
        return moved


def _apart(one: Iterable[str], other: Iterable[str]) -> float:
    """1 when both name weekdays and none in common (an excerpt's news of Wednesday and
    another's of Friday are two events of one week), else 0."""
    a, b = set(one), set(other)
    return 1.0 if a and b and not a & b else 0.0


def _cosine(a: Vector, b: Vector) -> float:
    denominator = float(np.linalg.norm(a)) * float(np.linalg.norm(b))
    return float(a @ b) / denominator if denominator > 1e-12 else 0.0


def _sparse_cosine(doc: SparseVector, total: SparseVector, norm2: float, sign: float) -> float:
    """Cosine of a unit vector with a story's sum, the article itself taken out when sign < 0."""
    if not doc:
        return 0.0
    overlap = dot(doc, total)
    if sign < 0:
        overlap, norm2 = overlap - 1.0, norm2 - 2.0 * overlap + 1.0
    return overlap / math.sqrt(norm2) if norm2 > 1e-9 else 0.0


def _sums_cosine(a: SparseVector, a2: float, b: SparseVector, b2: float) -> float:
    if a2 <= 1e-9 or b2 <= 1e-9:
        return 0.0
    return dot(a, b) / math.sqrt(a2 * b2)


def _gap(timestamp: float | None, span: tuple[float, float] | None) -> float | None:
    if timestamp is None or span is None:
        return None
    return max(0.0, span[0] - timestamp, timestamp - span[1])


def _range_gap(a: tuple[float, float] | None, b: tuple[float, float] | None) -> float | None:
    if a is None or b is None:
        return None
    return max(0.0, b[0] - a[1], a[0] - b[1])
