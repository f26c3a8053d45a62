"""Triangulation on ECB+ dev: `analyze` over its 772 articles, timed, with claim statistics.

One whole run of the pipeline (read, clean, cluster, parse, analyse every story), as
`newsprism analyze` does it, with the model passes timed where they happen: every spaCy
pass (clustering features and the full parse) and every embedding pass. The rest of the
time is everything else (reading, cleaning, clustering, entity resolution, quotes,
claims, conflicts, the brief). Then, per story of two or more articles: claims,
conflicts and single-source claims; and a fixed random sample of conflicts, written out
for a person to judge (the judgements are kept in benchmarks/README.md).

    .venv/bin/python benchmarks/triangulation.py [--sample 20] [--seed 3] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from datasets import EVAL
from newsprism import pipeline
from newsprism.analyze.entities.aliases import default_aliases
from newsprism.models import Models
from newsprism.nlp.parse import pipeline as spacy_pipeline


class Clock:
    """Seconds spent inside the model calls. A call made from inside another call of the
    same name (spaCy's ``pipe`` calls itself for ``as_tuples``) is counted once."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {"spacy": 0.0, "embeddings": 0.0}
        self.depth: dict[str, int] = {"spacy": 0, "embeddings": 0}

    def _enter(self, name: str) -> float:
        self.depth[name] += 1
        return time.perf_counter()

    def _leave(self, name: str, start: float) -> None:
        self.depth[name] -= 1
        if self.depth[name] == 0:
            self.seconds[name] += time.perf_counter() - start

    def calls(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = self._enter(name)
            try:
                return function(*args, **kwargs)
            finally:
                self._leave(name, start)

        return timed

    def iterations(self, name: str, function: Callable[..., Iterator[Any]]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
            iterator = iter(function(*args, **kwargs))
            while True:
                start = self._enter(name)
                try:
                    item = next(iterator)
                except StopIteration:
                    return
                finally:
                    self._leave(name, start)
                yield item

        return timed


def timed_models(clock: Clock) -> Models:
    models = Models()
    nlp = spacy_pipeline(models, default_aliases())
    nlp.pipe = clock.iterations("spacy", nlp.pipe)  # type: ignore[method-assign]
    embedder = models.embedder
    embedder.embed = clock.calls("embeddings", embedder.embed)  # type: ignore[method-assign]
    return models


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/triangulation.json"))
    args = parser.parse_args()
    texts = sorted((EVAL / "ecbplus-dev" / "texts").glob("*.txt"))
    clock = Clock()
    start = time.perf_counter()
    models = timed_models(clock)
    loaded = time.perf_counter() - start
    result = pipeline.analyze([str(p) for p in texts], models=models)
    total = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    model_time = clock.seconds["spacy"] + clock.seconds["embeddings"]
    print(f"articles {len(result.articles)}, stories {len(result.stories)}")
    print("| part | seconds | share |\n| --- | ---: | ---: |")
    for name, seconds in (
        ("model loading", loaded),
        ("spaCy passes", clock.seconds["spacy"]),
        ("embedding passes", clock.seconds["embeddings"]),
        ("everything else", total - loaded - model_time),
        ("whole process", total),
    ):
        print(f"| {name} | {seconds:.1f} | {seconds / total:.0%} |")
    print(f"peak memory {peak:.0f} MiB; {len(result.articles) / total:.2f} articles/s")
    multi = [s for s in result.stories if len(s.article_ids) >= 2]
    rows = [
        (
            len(s.claims),
            len(s.conflicts),
            sum(c.status == "single_source" for c in s.claims),
            sum(c.status == "corroborated" for c in s.claims),
        )
        for s in multi
    ]
    print(f"\nstories with 2+ articles: {len(multi)}")
    for index, name in enumerate(("claims", "conflicts", "single-source", "corroborated")):
        values = [r[index] for r in rows]
        print(
            f"{name}: total {sum(values)}, per story mean {statistics.mean(values):.1f}, "
            f"median {statistics.median(values):.0f}, max {max(values)}"
        )
    by_id = {a.id: a for a in result.articles}
    conflicts = [(s, c) for s in multi for c in s.conflicts]
    sample = random.Random(args.seed).sample(conflicts, min(args.sample, len(conflicts)))
    print(f"\nsample of {len(sample)} conflicts (of {len(conflicts)}):")
    written = []
    for number, (story, conflict) in enumerate(sample, start=1):
        print(f"\n{number}. [{story.title[:60]}] {conflict.about}")
        sides = []
        for side in conflict.sides:
            evidence = [(Path(by_id[s.article].source).stem, s.text) for s in side.evidence]
            sides.append({"text": side.text, "evidence": evidence})
            for doc, text in evidence[:2]:
                print(f"   {doc}: {' '.join(text.split())[:200]}")
        written.append({"story": story.title, "about": conflict.about, "sides": sides})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps({"seconds": clock.seconds, "total": total, "sample": written}, indent=1),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
