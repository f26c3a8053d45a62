"""Stories found per time window, then joined across windows.

An archive too large to cluster in one pass is cut into time windows of the
articles' publication dates (undated articles form the last window). Each
window is clustered on its own, fully repaired (``cluster_features``), so the
windows can be clustered in parallel. Then, window after window, its stories
are set beside the stories still active (with an article within ``reach_days``
of the window's start) and merged with them where the similarity model's story
merge says they tell one event.

The windows come from the features sorted by date then id, so the stories do not
depend on how the input was split or in which order it was read.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence

from newsprism.cluster import cluster_features, document_frequencies
from newsprism.cluster.features import feature_order
from newsprism.cluster.online import OnlineClusterer
from newsprism.cluster.similarity import SimilarityModel, default_model
from newsprism.records.features import ArticleFeatures

Groups = list[list[str]]
Mapper = Callable[
    [Callable[[list[ArticleFeatures]], Groups], list[list[ArticleFeatures]]], Iterable[Groups]
]
"""Runs the per-window clustering over the windows: ``map`` here, or on a Dask cluster."""


def split_windows(
    features: Iterable[ArticleFeatures], window_days: float
) -> list[list[ArticleFeatures]]:
    """Consecutive windows of ``window_days`` from the earliest date; undated ones last."""
    if not window_days > 0:
        raise ValueError(f"window_days must be > 0, got {window_days}")
    ordered = sorted(features, key=feature_order)
    dated = [f for f in ordered if f.timestamp is not None]
    windows: dict[int, list[ArticleFeatures]] = {}
    if dated:
        first = dated[0].timestamp or 0.0
        for item in dated:
            number = math.floor(((item.timestamp or 0.0) - first) / window_days)
            windows.setdefault(number, []).append(item)
    result = [windows[n] for n in sorted(windows)]
    undated = [f for f in ordered if f.timestamp is None]
    return [*result, undated] if undated else result


def cluster_window(window: list[ArticleFeatures]) -> Groups:
    """One window's stories (a plain function, so a worker can run it)."""
    return cluster_features(window)


def cluster_windows(
    features: Sequence[ArticleFeatures],
    window_days: float,
    reach_days: float | None = None,
    model: SimilarityModel | None = None,
    mapper: Mapper | None = None,
) -> Groups:
    """Article ids grouped into stories, window by window; see the module docstring."""
    model = model or default_model()
    reach = window_days if reach_days is None else reach_days
    windows = split_windows(features, window_days)
    run = mapper or (lambda function, items: map(function, items))
    found = list(run(cluster_window, windows))
    by_id = {f.article_id: f for f in features}
    position = {f.article_id: i for i, f in enumerate(w for ws in windows for w in ws)}
    joined = _Joined()
    for window, groups in zip(windows, found, strict=True):
        start = window[0].timestamp
        active = joined.active(None if start is None else start - reach)
        joined.merge(active, groups, by_id, model)
    stories = [sorted(g, key=position.__getitem__) for g in joined.members.values()]
    return sorted(stories, key=lambda g: position[g[0]])


class _Joined:
    """The stories found so far, by number, with each one's latest date."""

    def __init__(self) -> None:
        self.members: dict[int, list[str]] = {}
        self.latest: dict[int, float | None] = {}
        self.next = 0

    def active(self, since: float | None) -> list[int]:
        """Stories with an article on or after ``since`` (all of them when None)."""
        return [
            s
            for s, latest in self.latest.items()
            if since is None or (latest is not None and latest >= since)
        ]

    def merge(
        self,
        active: list[int],
        groups: Groups,
        by_id: dict[str, ArticleFeatures],
        model: SimilarityModel,
    ) -> None:
        ids = [a for s in active for a in self.members[s]] + [a for g in groups for a in g]
        terms, names = document_frequencies((by_id[a] for a in ids), model)
        clusterer = OnlineClusterer(model, terms, names)
        for story in sorted(active):
            for article_id in self.members[story]:
                clusterer.restore(by_id[article_id], story)
        fresh = []
        for group in groups:
            fresh.append(self.next)
            for article_id in group:
                clusterer.restore(by_id[article_id], self.next)
            self.next += 1
        clusterer.merge_stories(fresh)
        for story in [*active, *fresh]:
            self.members.pop(story, None)
            self.latest.pop(story, None)
        for article_id, story in clusterer.memberships().items():
            self.members.setdefault(story, []).append(article_id)
            stamp = by_id[article_id].timestamp
            if stamp is not None:
                known = self.latest.get(story)
                self.latest[story] = stamp if known is None else max(known, stamp)
            else:
                self.latest.setdefault(story, None)
