"""The vector index takes embeddings however they arrive, unaligned ones from Dask included."""

from __future__ import annotations

import subprocess
import sys

import numpy as np

from newsprism.cluster.index import VectorIndex


def _unaligned(values: np.ndarray) -> np.ndarray:
    """The same float32 values at an odd byte address, as an unpickled Dask frame gives."""
    raw = bytearray(1 + values.nbytes)
    raw[1:] = values.astype(np.float32).tobytes()
    vector = np.frombuffer(raw, dtype=np.float32, offset=1, count=values.size)
    assert not vector.flags["ALIGNED"]
    return vector


def test_unaligned_vectors_are_added_and_searched() -> None:
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(5, 384)).astype(np.float32)
    index = VectorIndex(384)
    for key, vector in enumerate(vectors):
        index.add(key, _unaligned(vector))
    assert len(index) == 5
    (key, similarity), *_ = index.nearest(_unaligned(vectors[3]), 2)
    assert key == 3 and similarity > 0.99


def test_the_embedder_may_load_after_an_index_is_made() -> None:
    """usearch is imported lazily, still after onnxruntime: importing onnxruntime after
    usearch crashes the interpreter (see ``newsprism.cluster.index``)."""
    script = (
        "import sys; from newsprism.cluster.index import VectorIndex; "
        "assert 'usearch' not in sys.modules; VectorIndex(4); "
        "assert 'onnxruntime' in sys.modules; import onnxruntime; print('ok')"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, "ok\n"), done.stderr
