"""Embedding passes run beside the parse, on a core the parse leaves idle.

spaCy parses on one core. The embedding passes need only their texts: the clustering's
passages (known before the recogniser runs) and a story's statements (known once the
story is parsed, before the rest of its analysis). Where a second core is free
(``Models.side_embedder``), they run on a thread of their own with a one-thread copy of
the model (onnxruntime frees the interpreter while it computes), while the main thread
recognises, parses and analyses; elsewhere they run in the main thread when their answer
is asked for. Either way the answers are the same vectors, in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

from newsprism.models import Embedder, Models

T = TypeVar("T")

Later = Callable[[], T]
"""An answer being worked out: calling it waits for it."""


class Beside:
    """Work started now and answered later, beside the main thread when a core is free."""

    def __init__(self, models: Models, side: tuple[ThreadPoolExecutor, Embedder] | None) -> None:
        self._models = models
        self._side = side

    def start(self, work: Callable[[Embedder], T]) -> Later[T]:
        """``work`` with an embedder: on the side thread now, or in the caller when asked.
        Work the side thread has not begun when its answer is asked for is taken back and
        done in the caller with the main model, which then has every core it can get."""
        embedder = self._models.embedder
        if self._side is None:
            return lambda: work(embedder)
        pool, side = self._side
        future = pool.submit(work, side)

        def answer() -> T:
            return work(embedder) if future.cancel() else future.result()

        return answer


@contextmanager
def beside(models: Models) -> Iterator[Beside]:
    """A :class:`Beside` for one run of a stage; its thread ends with the run, and work
    not yet begun is dropped when the run stops early (an error, an interrupt)."""
    side = models.side_embedder
    if side is None:
        yield Beside(models, None)
        return
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsprism-embed")
    try:
        yield Beside(models, (pool, side))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
