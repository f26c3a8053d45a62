"""What the CLI shows while it works: live bars on stderr and one line per failed input.

The bars show only on a terminal and not with ``--quiet``; failures are printed always.
One reporter serves every command: ``article`` counts what was read (``pipeline.Progress``),
``step`` advances a stage's bar (``pipeline.Steps``, and a batch's stages), ``failure``
names an input that could not be read.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from newsprism.display import printable
from newsprism.records import Article, InputFailure


class Reporter:
    def __init__(self, bar: Progress) -> None:
        self._bar = bar
        self._tasks: dict[str, TaskID] = {}
        self._read = 0

    def article(self, item: Article | InputFailure) -> None:
        """One input read: an article, or a failure, printed with its source."""
        if isinstance(item, InputFailure):
            self.failure(item)
        self._read += 1
        self._advance("reading inputs", self._read, None)

    def step(self, stage: str, done: int, total: int) -> None:
        self._advance(stage, done, total)

    def failure(self, failure: InputFailure) -> None:
        line = Text.assemble(("error", "red"), printable(f" {failure.source}: {failure.error}"))
        self._bar.console.print(line, highlight=False, soft_wrap=True)

    def _advance(self, stage: str, done: int, total: int | None) -> None:
        if stage not in self._tasks:
            self._tasks[stage] = self._bar.add_task(stage, total=total)
        self._bar.update(self._tasks[stage], completed=done, total=total)


@contextmanager
def reporting(console: Console, show: bool) -> Iterator[Reporter]:
    """A reporter whose bars vanish when the work is done."""
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=console, transient=True, disable=not show,
    ) as bar:  # fmt: skip
        yield Reporter(bar)
