"""Why gold disagreements are missed: each one facts-dev lists that no conflict finds, by cause.

Reads the analyses ``benchmarks/facts.py`` wrote (one JSON per story folder; a story without
one is named and left out) and facts-dev's gold. A gold disagreement is found as ``score.py``
finds it (one conflict with two sides touching two different gold sides). Each missed one
is put in one of three bins by the claims whose evidence touches its sides:
- a side in no claim: some side's words are in no claim at all;
- in one claim, not compared: one claim's evidence touches two sides, yet no conflict sets
  them apart (the values were not read, or no rule compares them);
- in different claims: the sides were never aligned as one fact.
and, apart, by the values the product read inside the sides' quotes: no value on some side
(who, what, whether: words no value rule reads), else the same kind on two sides (a number,
a day, ... that a rule could compare), else values of different kinds.

    .venv/bin/python benchmarks/missed_conflicts.py [--results DIR] [-v]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from brief_facts import FACTS, OUT, _gold_rules, quotes_located

Where = list[tuple[str, tuple[int, int]]]
"""Where a gold side's quotes lie: article id and characters."""


def _sides(disagreement: dict[str, Any], analysis: dict[str, Any]) -> list[Where]:
    return [quotes_located(side["support"], analysis) for side in disagreement["sides"]]


def _touches(spans: list[dict[str, Any]], where: Where) -> bool:
    rules = _gold_rules()
    return any(
        s["article"] == article and rules.overlaps(at, (s["start"], s["end"]))
        for s in spans
        for article, at in where
    )


def _found(conflicts: list[dict[str, Any]], sides: list[Where]) -> bool:
    for conflict in conflicts:
        evidence = [side.get("evidence", []) for side in conflict.get("sides", [])]
        for i, one in enumerate(evidence):
            for j, other in enumerate(evidence):
                if i != j and any(
                    a != b and _touches(one, sides[a]) and _touches(other, sides[b])
                    for a in range(len(sides))
                    for b in range(len(sides))
                ):
                    return True
    return False


def _bin(claims: list[dict[str, Any]], sides: list[Where]) -> str:
    holding = [{n for n, c in enumerate(claims) if _touches(c["evidence"], s)} for s in sides]
    if not all(holding):
        return "a side in no claim"
    if any(holding[a] & holding[b] for a in range(len(sides)) for b in range(a + 1, len(sides))):
        return "in one claim, not compared"
    return "in different claims"


def _kinds(claims: list[dict[str, Any]], sides: list[Where]) -> str:
    values = {
        (v["span"]["article"], v["span"]["start"], v["span"]["end"], v["kind"])
        for c in claims
        for v in c.get("values") or []
    }
    kinds = [
        {
            k
            for article, start, end, k in values
            for a, (low, high) in side
            if a == article and low <= start and end <= high
        }
        for side in sides
    ]
    if not all(kinds):
        return "no value on some side"
    common = {k for a, one in enumerate(kinds) for other in kinds[a + 1 :] for k in one & other}
    return "same kind: " + ", ".join(sorted(common)) if common else "values of different kinds"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--results", type=Path, default=OUT, help="facts.py's analyses")
    parser.add_argument("-v", "--verbose", action="store_true", help="list each missed one")
    args = parser.parse_args()
    gold = json.loads((FACTS / "gold.json").read_text("utf-8"))["stories"]
    bins: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    found = total = 0
    missing = []
    for story in gold:
        path = args.results / f"{story['story']}.json"
        if not path.exists():
            missing.append(story["story"])
            continue
        analysis = json.loads(path.read_text("utf-8"))
        claims = [c for s in analysis["stories"] for c in s.get("claims", [])]
        conflicts = [c for s in analysis["stories"] for c in s.get("conflicts", [])]
        for disagreement in story["disagreements"]:
            sides = _sides(disagreement, analysis)
            if sum(1 for s in sides if s) < 2:
                continue  # facts-dev's scorer leaves it out too
            total += 1
            if _found(conflicts, sides):
                found += 1
                continue
            where, what = _bin(claims, sides), _kinds(claims, sides)
            bins[where] += 1
            kinds[what.split(":")[0]] += 1
            if args.verbose:
                print(f"{disagreement['id']:<16} {where:<27} {what:<28} {disagreement['about']}")
    if missing:
        print(f"no analysis of {', '.join(missing)} in {args.results}: run benchmarks/facts.py")
    print(f"\ngold disagreements {total}, found {found}, missed {total - found}")
    for name, counter in (("where the sides are", bins), ("values read in the sides", kinds)):
        print(f"{name}: " + "; ".join(f"{k} {n}" for k, n in counter.most_common()))


if __name__ == "__main__":
    main()
