"""Embedding passes run beside the parse, on a core the parse leaves idle.

spaCy parses on one core. The embedding passes need only their texts: the clustering's
passages (known before the recogniser runs) and a story's statements (known once the
story is parsed, before the rest of its analysis). Where a second core is free
(``Models.side_embedder``), they run on a thread of their own with a one-thread copy of
the model (onnxruntime frees the interpreter while it computes), while the main thread
recognises, parses and analyses. When the main thread needs answers the side thread has
not begun, it works them out itself with the same one-thread model while the side thread
goes on with what it has begun and what comes after: each thread on a core of its own.
Without a free core they run in the main thread, on every core, when their answer is
asked for. Either way the answers are the same vectors, in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Generic, TypeVar

from newsprism.models import Embedder, Models

T = TypeVar("T")


@dataclass(frozen=True)
class Job(Generic[T]):
    """Work started beside the caller (``future``: None when it runs in the caller)."""

    work: Callable[[Embedder], T]
    embedder: Embedder
    """The model the caller works it out with when it takes it back."""
    future: Future[T] | None = None

    def answer(self) -> T:
        """The work's answer: waited for, or worked out now in the caller when the side
        thread has not begun it."""
        if self.future is None or self.future.cancel():
            return self.work(self.embedder)
        return self.future.result()


class Beside:
    """Work started now and answered later, beside the main thread when a core is free."""

    def __init__(self, main: Embedder, side: tuple[ThreadPoolExecutor, Embedder] | None) -> None:
        self._main = main
        self._side = side

    def start(self, work: Callable[[Embedder], T]) -> Job[T]:
        """``work`` with an embedder: on the side thread now, or in the caller when asked."""
        if self._side is None:
            return Job(work, self._main)
        pool, side = self._side
        return Job(work, side, pool.submit(work, side))

    @staticmethod
    def gather(jobs: Sequence[Job[T]]) -> list[T]:
        """The answers of jobs the caller needs all at once, in order. What the side thread
        has not begun is taken back and worked out in the caller, on one thread beside the
        side thread's (an onnxruntime session runs calls from two threads at once); then
        the caller waits for what the side thread had begun. On the mixed input of
        ``benchmarks/pipeline_scale.py`` at 1,000 articles, run side by side in one
        process, ``analyze`` took 146.1 and 141.7 s when the caller waited for the side
        thread's job and then worked out the rest on every core, 127.1 and 132.4 s this
        way; at 300 articles the two could not be told apart (benchmarks/README.md)."""
        taken = [job.future is None or job.future.cancel() for job in jobs]
        answers = {n: job.work(job.embedder) for n, job in enumerate(jobs) if taken[n]}
        for n, job in enumerate(jobs):
            if not taken[n] and job.future is not None:
                answers[n] = job.future.result()
        return [answers[n] for n in range(len(jobs))]


@contextmanager
def beside(models: Models, story: bool = False) -> Iterator[Beside]:
    """A :class:`Beside` for one run of a stage, with the clustering's model, or with the
    story analysis's when ``story`` (``Models.story_embedder``); its thread ends with the
    run, and work not yet begun is dropped when the run stops early (an error, an
    interrupt)."""
    main = models.story_embedder if story else models.embedder
    side = models.side_story_embedder if story else models.side_embedder
    if side is None:
        yield Beside(main, None)
        return
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsprism-embed")
    try:
        yield Beside(main, (pool, side))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
