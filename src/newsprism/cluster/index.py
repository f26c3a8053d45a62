"""Nearest-neighbour search over article embeddings (usearch HNSW, cosine).

usearch is imported when the first index is made, and onnxruntime just before it on
purpose: importing onnxruntime after usearch crashes the interpreter (segmentation
fault, usearch 2.26 with onnxruntime 1.32), and the embedder imports onnxruntime when
it loads, possibly after an index was made.
"""

from __future__ import annotations

from typing import Any

import numpy as np

Vector = np.ndarray[Any, np.dtype[np.float32]]


class VectorIndex:
    def __init__(self, dimensions: int) -> None:
        import onnxruntime  # noqa: F401  (before usearch: see the module docstring)
        from usearch.index import Index

        # A sparser graph than usearch's default: candidates need recall at k=20, not
        # exact order, and adding and searching get cheaper as the archive grows.
        self._index = Index(
            ndim=dimensions,
            metric="cos",
            dtype="f32",
            connectivity=16,
            expansion_add=64,
            expansion_search=48,
        )

    def __len__(self) -> int:
        return len(self._index)

    def add(self, key: int, vector: Vector) -> None:
        self._index.add(key, _aligned(vector))

    def nearest(self, vector: Vector, count: int) -> list[tuple[int, float]]:
        """Up to ``count`` (key, cosine similarity) pairs, most similar first."""
        if len(self._index) == 0 or count < 1:
            return []
        matches = self._index.search(_aligned(vector), min(count, len(self._index)))
        keys = np.atleast_1d(matches.keys)
        distances = np.atleast_1d(matches.distances)
        return [(int(k), 1.0 - float(d)) for k, d in zip(keys, distances, strict=True)]


def _aligned(vector: Vector) -> Vector:
    """The vector as usearch takes it: contiguous float32 at an aligned address.

    Arrays unpickled from a Dask message may sit at any byte offset of its buffer;
    usearch refuses those ("Incompatible scalars ... =f"), so they are copied.
    """
    return np.require(vector, dtype=np.float32, requirements=["C", "A"])
