"""Batch fixtures: the example corpus and the seeds, batched once per module."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def corpus(examples_dir: Path, seeds_dir: Path) -> list[str]:
    return [str(examples_dir), str(seeds_dir)]
