"""The similarity of statements: the same in every run, whatever Python's string hashing."""

from __future__ import annotations

import os
import subprocess
import sys

_SCRIPT = """
import numpy as np
from newsprism.analyze.claims.align import Similarity
from newsprism.analyze.claims.statements import Statement
from newsprism.records import Span

words = ["quake", "magnitude", "island", "village", "toll", "rescue", "tremor", "coast",
         "governor", "shelter", "aftershock", "damage", "province", "resident"]
statements = [
    Statement(Span(f"a{n}", 0, 4, "text"), frozenset(words[n % 5 : n % 5 + 6 + n % 4]), None)
    for n in range(12)
]
similarity = Similarity(statements, np.zeros((12, 4), dtype=np.float32))
ones, others = frozenset(words[:9]), frozenset(words[3:])
print([repr(s) for s, _, _ in similarity.above(0.0)], repr(similarity.overlap(ones, others)))
"""


def _run(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def test_similarities_are_bit_for_bit_the_same_whatever_the_string_hashing() -> None:
    # Sums taken in set order differ in their last bits from run to run, and two copies of
    # one sentence then swap places as a claim's first evidence.
    assert _run("1") == _run("2") == _run("3")
