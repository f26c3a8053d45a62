"""The CLI's live display: failures always printed with their source; bars per stage."""

from __future__ import annotations

from io import StringIO

import pytest
from rich.console import Console

from newsprism.cli_progress import reporting
from newsprism.records import InputFailure


@pytest.mark.parametrize("show", [True, False])
def test_failures_are_printed_with_or_without_bars(show: bool) -> None:
    out = StringIO()
    console = Console(file=out, force_terminal=show, width=120)
    with reporting(console, show) as reporter:
        reporter.article(InputFailure("feeds/broken.xml", "not a feed"))
        reporter.step("featurizing articles", 256, 1000)
    assert "feeds/broken.xml: not a feed" in out.getvalue()


def test_stage_bars_count_up_to_their_total() -> None:
    out = StringIO()
    console = Console(file=out, force_terminal=True, width=120)
    with reporting(console, True) as reporter:
        reporter.step("analysing stories", 3, 7)
        tasks = {t.description: (t.completed, t.total) for t in reporter._bar.tasks}
        assert tasks == {"analysing stories": (3, 7)}
        reporter.step("analysing stories", 7, 7)
        assert reporter._bar.tasks[0].finished
