"""The seeds analysed once for every render test that needs a real analysis."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.models import Models
from newsprism.pipeline import analyze
from newsprism.records.results import Analysis


@pytest.fixture(scope="session")
def seeds_analysis(seeds_dir: Path, models: Models) -> Analysis:
    return analyze([str(seeds_dir)], models=models)
