"""Facts across outlets: every story folder of facts-dev analysed on its own, then scored.

Each folder of ``../shared/eval/facts-dev/stories`` holds one real event's coverage (the
seeds and 26 ECB+ dev stories). It is analysed as ``newsprism analyze FOLDER --format json``
does it, with the models loaded once for all of them, and the JSON of each is written to
``--out``. Then facts-dev's own ``score.py`` scores them against its gold: corroboration
recall, alignment purity, conflict recall and precision, readable claims. The stories each
folder was clustered into are printed beside it: a folder split into several stories
cannot corroborate across the pieces.

    .venv/bin/python benchmarks/facts.py [--out benchmarks/results/facts] [--one-story]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from importlib.resources import files
from pathlib import Path

from jsonschema import Draft202012Validator

from datasets import EVAL
from newsprism import pipeline
from newsprism.models import Models
from newsprism.render import RENDERERS

FACTS = EVAL / "facts-dev"
SCHEMAS = (
    EVAL.parent / "contract" / "analysis.schema.json",
    files("newsprism") / "data" / "analysis.schema.json",
)
"""The shared contract and newsprism's extension of it: every analysis written must keep
both."""
OUT = Path(__file__).resolve().parent / "results" / "facts"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where the analyses are written")
    parser.add_argument(
        "--one-story", action="store_true", help="analyse each folder as one story, unclustered"
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    models = Models()
    folders = sorted(p for p in (FACTS / "stories").iterdir() if p.is_dir())
    total = 0.0
    invalid = 0
    validators = [Draft202012Validator(json.loads(p.read_text("utf-8"))) for p in SCHEMAS]
    print(f"{'story':<12} {'articles':>8} {'stories':>7} {'claims':>6} {'conflicts':>9} {'s':>6}")
    for folder in folders:
        start = time.perf_counter()
        result = pipeline.analyze([str(folder)], models=models, one_story=args.one_story)
        seconds = time.perf_counter() - start
        total += seconds
        written = RENDERERS["json"](result)
        (args.out / f"{folder.name}.json").write_text(written, "utf-8")
        broken = [e.message for v in validators for e in v.iter_errors(json.loads(written))]
        invalid += bool(broken)
        if broken:
            print(f"{folder.name}: breaks the contract: {broken[0]}", flush=True)
        claims = sum(len(s.claims) for s in result.stories)
        conflicts = sum(len(s.conflicts) for s in result.stories)
        print(
            f"{folder.name:<12} {len(result.articles):>8} {len(result.stories):>7} "
            f"{claims:>6} {conflicts:>9} {seconds:>6.1f}",
            flush=True,
        )
    print(f"analysed {len(folders)} story folders in {total:.0f} s", flush=True)
    print(f"analyses that break the contract: {invalid}\n", flush=True)
    scored = subprocess.run(
        [sys.executable, str(FACTS / "score.py"), str(FACTS / "gold.json"), str(args.out)],
        check=False,
    )
    sys.exit(scored.returncode)


if __name__ == "__main__":
    main()
