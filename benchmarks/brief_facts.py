"""Does the brief tell first what the outlets tell most? Read off facts-dev's gold.

For each story analysed by ``benchmarks/facts.py`` (the JSON it writes), every brief
sentence that reports an agreed fact ("Reported by ...") is matched to the gold facts its
citations touch (the same overlap rule as facts-dev's ``score.py``). Its score is the number
of articles that state the most-told fact it touches, over the number that state the
story's most-told fact: 1 when the sentence tells what the most articles tell, 0 when it
touches no gold fact. Printed: the mean over stories of the first such sentence, and the
mean over all such sentences.

    .venv/bin/python benchmarks/facts.py && .venv/bin/python benchmarks/brief_facts.py [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from datasets import EVAL

FACTS = EVAL / "facts-dev"
OUT = Path(__file__).resolve().parent / "results" / "facts"
AGREED = "Reported by"


def _gold_rules() -> Any:
    """facts-dev's own quote location and overlap rules (its ``score.py``)."""
    sys.path.insert(0, str(FACTS))
    import score

    return score


def story_scores(story: dict[str, Any], analysis: dict[str, Any]) -> list[float]:
    """The score of each agreed sentence of the story's brief, in the brief's order."""
    rules = _gold_rules()
    by_stem = {Path(a["source"]).stem: a["id"] for a in analysis["articles"]}
    text = {a["id"]: a["text"] for a in analysis["articles"]}
    facts: list[tuple[list[tuple[str, tuple[int, int]]], int]] = []
    for fact in story["facts"]:
        found = []
        for support in fact["support"]:
            article = by_stem.get(support["doc"])
            where = article and rules.locate(text[article], support["quote"])
            if article and where:
                found.append((article, where))
        facts.append((found, len({s["doc"] for s in fact["support"]})))
    most = max(told for _, told in facts)
    scores = []
    for part in analysis["stories"]:
        for sentence in part["brief"]:
            if not sentence["text"].startswith(AGREED):
                continue
            touched = [
                told
                for found, told in facts
                if any(
                    c["article"] == article and rules.overlaps(where, (c["start"], c["end"]))
                    for c in sentence["citations"]
                    for article, where in found
                )
            ]
            scores.append(max(touched, default=0) / most)
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where facts.py wrote analyses")
    parser.add_argument("-v", action="store_true", help="print each story's first sentence")
    args = parser.parse_args()
    gold = json.loads((FACTS / "gold.json").read_text("utf-8"))["stories"]
    firsts, every = [], []
    for story in gold:
        analysis = json.loads((args.out / f"{story['story']}.json").read_text("utf-8"))
        scores = story_scores(story, analysis)
        every += scores
        if scores:
            firsts.append(scores[0])
        if args.v:
            print(f"{story['story']:<12} {scores[0] if scores else '-':>5}")
    print(
        f"first agreed sentence {sum(firsts) / len(firsts):.3f} ({len(firsts)} stories); "
        f"every agreed sentence {sum(every) / len(every):.3f} ({len(every)} sentences)"
    )


if __name__ == "__main__":
    main()
