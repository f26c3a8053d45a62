"""Does the brief tell first what the outlets tell most? Read off facts-dev's gold.

For each story analysed by ``benchmarks/facts.py`` (the JSON it writes), every brief
sentence that reports an agreed fact ("Reported by ...") is matched to the gold facts its
citations touch (the same overlap rule as facts-dev's ``score.py``). Its score is the number
of articles that state the most-told fact it touches, over the number that state the
story's most-told fact: 1 when the sentence tells what the most articles tell, 0 when it
touches no gold fact. Printed: the mean over stories of the first such sentence, and the
mean over all such sentences. Each sentence that says what only one outlet reports ("Only
...") is counted by the gold facts its first citation touches: among them a fact one
article states (right: the sentence tells something no other article does), only facts
two or more articles state (wrong, unless those articles copy one another), or no gold
fact.

    .venv/bin/python benchmarks/facts.py && .venv/bin/python benchmarks/brief_facts.py [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

from datasets import EVAL

FACTS = EVAL / "facts-dev"
OUT = Path(__file__).resolve().parent / "results" / "facts"
AGREED = "Reported by"
ALONE = "Only"


@cache
def _gold_rules() -> Any:
    """facts-dev's own quote location and overlap rules (its ``score.py``)."""
    sys.path.insert(0, str(FACTS))
    import score

    return score


Located = list[tuple[list[tuple[str, tuple[int, int]]], int]]
"""Each gold fact: where its quotes lie (article id, characters) and how many articles
state it."""


def located(story: dict[str, Any], analysis: dict[str, Any]) -> Located:
    return [
        (quotes_located(fact["support"], analysis), len({s["doc"] for s in fact["support"]}))
        for fact in story["facts"]
    ]


def quotes_located(
    support: list[dict[str, Any]], analysis: dict[str, Any]
) -> list[tuple[str, tuple[int, int]]]:
    """Where gold quotes ({doc, quote}) lie in an analysis: article id and characters, for
    those score.py's rule finds."""
    rules = _gold_rules()
    by_stem = {Path(a["source"]).stem: a["id"] for a in analysis["articles"]}
    text = {a["id"]: a["text"] for a in analysis["articles"]}
    found = []
    for item in support:
        article = by_stem.get(item["doc"])
        where = article and rules.locate(text[article], item["quote"])
        if article and where:
            found.append((article, where))
    return found


def told(facts: Located, citations: list[dict[str, Any]]) -> list[int]:
    """How many articles state each gold fact the citations touch."""
    rules = _gold_rules()
    return [
        count
        for found, count in facts
        if any(
            c["article"] == article and rules.overlaps(where, (c["start"], c["end"]))
            for c in citations
            for article, where in found
        )
    ]


def sentences(analysis: dict[str, Any], opening: str) -> list[dict[str, Any]]:
    return [
        s for part in analysis["stories"] for s in part["brief"] if s["text"].startswith(opening)
    ]


def story_scores(facts: Located, analysis: dict[str, Any]) -> list[float]:
    """The score of each agreed sentence of the story's brief, in the brief's order."""
    most = max((count for _, count in facts), default=0)
    if not most:
        return []
    return [max(told(facts, s["citations"]), default=0) / most for s in sentences(analysis, AGREED)]


def alone_counts(facts: Located, analysis: dict[str, Any]) -> Counter[str]:
    """The story's "only ... reports" sentences: on a fact one article states, only on facts
    that more state, on no gold fact."""
    counts: Counter[str] = Counter()
    for sentence in sentences(analysis, ALONE):
        counts_told = told(facts, sentence["citations"][:1])
        if not counts_told:
            counts["none"] += 1
        else:
            counts["one article" if min(counts_told) == 1 else "more articles"] += 1
    return counts


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where facts.py wrote analyses")
    parser.add_argument("-v", action="store_true", help="print each story's first sentence")
    args = parser.parse_args()
    gold = json.loads((FACTS / "gold.json").read_text("utf-8"))["stories"]
    firsts, every = [], []
    alone: Counter[str] = Counter()
    for story in gold:
        analysis = json.loads((args.out / f"{story['story']}.json").read_text("utf-8"))
        facts = located(story, analysis)
        scores = story_scores(facts, analysis)
        alone += alone_counts(facts, analysis)
        every += scores
        if scores:
            firsts.append(scores[0])
        if args.v:
            print(f"{story['story']:<12} {scores[0] if scores else '-':>5}")
    print(
        f"first agreed sentence {_mean(firsts):.3f} ({len(firsts)} stories); "
        f"every agreed sentence {_mean(every):.3f} ({len(every)} sentences)"
    )
    print(
        f"'only ... reports' sentences {sum(alone.values())}: on a fact of one article "
        f"{alone['one article']}, of more articles {alone['more articles']}, "
        f"on no gold fact {alone['none']}"
    )


if __name__ == "__main__":
    main()
