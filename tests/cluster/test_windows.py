"""Stories per time window, joined across windows: the same stories as one pass when the
windows cut through a story, and none that depend on the order the articles came in."""

from __future__ import annotations

import random
from dataclasses import replace

from newsprism.cluster.windows import cluster_windows, split_windows
from newsprism.pipeline import group_features
from newsprism.records.features import ArticleFeatures


def _sets(groups: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset(g) for g in groups}


def test_windows_cut_by_date_undated_last(mixed_features: list[ArticleFeatures]) -> None:
    windows = split_windows(mixed_features, 3.0)
    assert len(windows) > 2
    assert all(f.timestamp is None for f in windows[-1])
    for window in windows[:-1]:
        stamps = [f.timestamp or 0.0 for f in window]
        assert max(stamps) - min(stamps) < 3.0


def test_a_story_cut_by_a_window_is_joined_again(mixed_features: list[ArticleFeatures]) -> None:
    """The seeds' story runs from 8 to 11 February 2024: three-day windows cut it in two."""
    whole = _sets(group_features(mixed_features))
    cut = split_windows(mixed_features, 3.0)
    seeds_story = max(whole, key=len)
    assert sum(1 for w in cut if seeds_story & {f.article_id for f in w}) > 1
    assert _sets(group_features(mixed_features, window_days=3.0)) == whole


def test_stories_out_of_reach_stay_apart(mixed_features: list[ArticleFeatures]) -> None:
    """With one-day windows and reach, articles three days apart cannot be joined."""
    joined = _sets(cluster_windows(mixed_features, 1.0))
    assert joined != _sets(group_features(mixed_features))
    assert len(joined) > len(_sets(group_features(mixed_features)))


def test_input_order_does_not_matter(mixed_features: list[ArticleFeatures]) -> None:
    shuffled = list(mixed_features)
    random.Random(7).shuffle(shuffled)
    for window in (None, 3.0):
        assert group_features(shuffled, window) == group_features(mixed_features, window)


def test_mapper_runs_the_windows(mixed_features: list[ArticleFeatures]) -> None:
    seen: list[int] = []

    def mapper(function, windows):  # type: ignore[no-untyped-def]
        seen.append(len(windows))
        return [function(w) for w in windows]

    undated = [replace(f, timestamp=None) for f in mixed_features]
    assert _sets(cluster_windows(undated, 3.0, mapper=mapper)) == _sets(group_features(undated))
    assert seen == [1]
