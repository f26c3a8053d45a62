"""The Markdown report of the seeds, compared line by line with the reviewed copy in
``golden/seeds.md``: any change to what a reader of the seeds' report sees shows up here.

After a deliberate change, write the new report with ``NEWSPRISM_UPDATE_GOLDEN=1 pytest
tests/render/test_golden.py``, read the diff, and commit it with the change.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from newsprism.pipeline import Analysis
from newsprism.render.markdown import render_markdown

GOLDEN = Path(__file__).parent / "golden" / "seeds.md"


def test_the_seeds_report_is_the_reviewed_one(seeds_analysis: Analysis) -> None:
    report = render_markdown(seeds_analysis)
    if os.environ.get("NEWSPRISM_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(report, encoding="utf-8")
    if not GOLDEN.exists():
        pytest.fail(f"{GOLDEN} is missing: write it with NEWSPRISM_UPDATE_GOLDEN=1")
    expected = GOLDEN.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            report.splitlines(keepends=True),
            "golden/seeds.md",
            "now",
            n=1,
        )
    )
    assert not diff, f"the seeds' report changed:\n{diff[:4000]}"
