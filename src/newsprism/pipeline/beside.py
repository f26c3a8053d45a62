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
        """The answers of jobs the caller needs all at once, in order. The caller takes
        back jobs the side thread has not begun from the last one on, working each out on
        one thread beside the side thread's (an onnxruntime session runs calls from two
        threads at once), while the side thread goes on from the first; once it meets a
        job the side thread has begun (and so every one before it: the thread takes its
        jobs in the order they were started), it waits for those. The two threads finish
        together, where taking back every job not yet begun at once left the side thread
        idle once it had done the jobs started later: on the mixed input of
        ``benchmarks/pipeline_scale.py`` at 300 articles, featurizing took 17.4 to 18.0 s
        that way and 14.6 to 14.9 s this way, four runs each in turn in one process
        (benchmarks/README.md)."""
        answers: dict[int, T] = {}
        for n in reversed(range(len(jobs))):
            job = jobs[n]
            if job.future is not None and not job.future.cancel():
                break
            answers[n] = job.work(job.embedder)
        return [answers[n] if n in answers else job.answer() for n, job in enumerate(jobs)]


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
