"""Conflicts on stories the conflict rules were not built on, written out to be read.

facts-dev's gold was read to write the conflict rules, so its precision is an in-sample
figure. This analyses every ECB+ dev story that facts-dev does not hold (40 stories), each
on its own as ``newsprism analyze FOLDER --one-story`` does it, with the models loaded
once, and prints every conflict with its sides' sentences, for a reader to judge against
the articles (there is no fact gold for these stories). The count of conflicts and of
those judged right are what ``benchmarks/README.md`` reports. ``--set allsides`` does the
same for the AllSides stories of two or more texts (493 stories; short title-and-snippet
texts of three leanings' outlets): a check that a rule does not fire where it should not.

    .venv/bin/python benchmarks/unseen_conflicts.py [--set ecbplus|allsides] [--width 160]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

from datasets import EVAL
from newsprism import pipeline
from newsprism.models import Models

ECBPLUS = EVAL / "ecbplus-dev"
FACTS = EVAL / "facts-dev" / "stories"
ALLSIDES = EVAL / "allsides"


def unseen_stories() -> dict[str, list[Path]]:
    """The ECB+ dev stories outside facts-dev: their article files, by story."""
    known = {p.name for p in FACTS.iterdir() if p.is_dir()}
    stories: dict[str, list[Path]] = defaultdict(list)
    for line in (ECBPLUS / "clusters.tsv").read_text("utf-8").splitlines()[1:]:
        doc, _, story = line.split("\t")
        path = ECBPLUS / "texts" / f"{doc}.txt"
        if story not in known and path.exists():
            stories[story].append(path)
    return dict(sorted(stories.items()))


def allsides_stories() -> dict[str, list[Path]]:
    """The AllSides stories of two or more texts: their text files, by story."""
    stories: dict[str, list[Path]] = defaultdict(list)
    for line in (ALLSIDES / "clusters.tsv").read_text("utf-8").splitlines()[1:]:
        doc, story = line.split("\t")[:2]
        path = ALLSIDES / "texts" / f"{doc}.txt"
        if path.exists():
            stories[story].append(path)
    return {k: v for k, v in sorted(stories.items()) if len(v) > 1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--width", type=int, default=160, help="characters of each side shown")
    parser.add_argument(
        "--set", choices=("ecbplus", "allsides"), default="ecbplus", help="which stories"
    )
    args = parser.parse_args()
    models = Models()
    total = 0
    stories = unseen_stories() if args.set == "ecbplus" else allsides_stories()
    for story, paths in stories.items():
        with tempfile.TemporaryDirectory() as folder:
            for path in paths:
                shutil.copy(path, folder)
            result = pipeline.analyze([folder], models=models, one_story=True)
        for found in result.stories:
            for conflict in found.conflicts:
                total += 1
                print(f"[{story}] {conflict.kind} {conflict.about}")
                for side in conflict.sides:
                    print(f"     - {side.text[: args.width]}")
    print(f"stories {len(stories)} conflicts {total}")


if __name__ == "__main__":
    main()
