"""End to end at scale: articles per second of `analyze` and of `batch`, against the
model-bound floor.

Inputs are JSONL files mixed from the real articles of ../shared/eval (ECB+ dev and
AllSides, read through newsprism's own extraction): article i is real article i mod n;
from the second round through the pool on, it is moved 40 days later per round, a seeded
tenth of its sentences is left out and its outlet carries the round number, so no two
articles are the same.

For each size, in a fresh process each:
- `analyze`: ``pipeline.analyze`` over the JSONL file (one process, everything in it);
- `batch`: ``scale.run_batch`` with 1 and 2 local worker processes (one thread each), the
  peak resident memory of each worker from ``getrusage`` on the worker;
- the floor: the model passes alone over the same cleaned texts, one process: one spaCy
  pass (the whole pipeline, with the alias ruler) and the clustering's embedding pass;
  and apart, the statements' embedding pass (the sentences the claims compare, as
  ``analyze.claims.statement_vectors`` runs it), model time too, so the table gives the
  ratio to both; and the floor's two passes once more side by side, as ``analyze`` runs
  them where a core is free (``pipeline.beside``), a third ratio. (Floors recorded before
  2026-12-01 held the recogniser twice: in the clustering pass and in the parse, as
  ``analyze`` then ran it.)
With ``--pairs N``, each size's `analyze` runs N times, each run beside a floor measured
just before or just after it (in turn), and the median of the N ratios is printed: this
machine's speed drifts by a third over a day, and a ratio is only fair between two runs
made at one time.
The growth exponent between two sizes is log(t2/t1) / log(n2/n1): 1 is linear.

    .venv/bin/python benchmarks/pipeline_scale.py --analyze 1000,10000 --batch 10000,100000
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from datasets import allsides, ecbplus
from newsprism import pipeline
from newsprism.analyze.claims import statement_vectors
from newsprism.analyze.claims.statements import Statement, statements
from newsprism.analyze.entities.aliases import default_aliases
from newsprism.cluster.features import embedding_passages
from newsprism.models import Models, default_models
from newsprism.nlp import parse
from newsprism.nlp.parse import pipeline as spacy_pipeline
from newsprism.nlp.recognise import names_in
from newsprism.records import Article
from newsprism.settings import DEFAULT_ANALYSIS

ROUND_DAYS = 40
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def mixed(pool: list[Article], size: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    out = []
    for i in range(size):
        base, round_ = pool[i % len(pool)], i // len(pool)
        if round_ == 0:
            out.append(base)
            continue
        sentences = _SENTENCE.split(base.text)
        kept = [s for s in sentences if rng.random() > 0.1] or sentences[:1]
        published = base.published
        if published:
            moved = date.fromisoformat(published[:10]) + timedelta(days=ROUND_DAYS * round_)
            published = moved.isoformat()
        outlet = f"{base.outlet or 'outlet'} {round_}"
        out.append(replace(base, text=" ".join(kept), published=published, outlet=outlet))
    return out


def real_articles() -> list[Article]:
    models = Models()
    return [*ecbplus(models).articles, *allsides(models).articles]


def write_input(size: int, pool: list[Article], folder: Path) -> Path:
    path = folder / f"mixed-{size}.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for article in mixed(pool, size):
            record = {
                "text": article.text,
                "title": article.title,
                "outlet": article.outlet,
                "published": article.published,
                "url": article.url,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_analyze(path: Path) -> dict[str, Any]:
    """Models are loaded before the clock starts (their load time is printed apart), the
    one-thread copies run beside the parse too (before 2026-12-02 these were loaded on the
    clock: two onnxruntime sessions, 0.44 s in a profile at 300 articles); a batch counts
    starting its cluster and loading the models on its workers."""
    began = time.perf_counter()
    models = default_models()
    for embedder in (
        models.embedder,
        models.story_embedder,
        models.side_embedder,  # the one-thread copies run beside the parse (None: one core)
        models.side_story_embedder,
    ):
        if embedder is not None:
            embedder.embed(["warm up"])
    models.language("warm up")
    warm_up = Article("a", "x", None, None, None, None, "en", "Warm up.")
    list(parse([warm_up], models, default_aliases()))
    load = time.perf_counter() - began
    start = time.perf_counter()
    result = pipeline.analyze([str(path)], models=models)
    seconds = time.perf_counter() - start
    return {
        "articles": len(result.articles),
        "stories": len(result.stories),
        "seconds": seconds,
        "load_seconds": load,
        "peak_mib": peak_mib(),
    }


def run_batch(path: Path, workers: int) -> dict[str, Any]:
    from newsprism.scale import BatchSettings
    from newsprism.scale import run_batch as batch

    start = time.perf_counter()
    result = batch([str(path)], BatchSettings(workers=workers))
    seconds = time.perf_counter() - start
    return {
        "articles": len(result.analysis.articles),
        "stories": len(result.analysis.stories),
        "seconds": seconds,
        "stages": result.seconds,
        "worker_peak_mib": [s.peak_rss_bytes / 2**20 for s in result.workers.values()],
        "client_peak_mib": peak_mib(),
    }


def run_floor(path: Path) -> dict[str, Any]:
    """The model passes alone over the cleaned texts (reading and cleaning not counted):
    the floor is one spaCy pass (the whole pipeline, its alias ruler with it) and the
    clustering's embedding pass; apart, the statements' embedding pass
    (``STATEMENT_CHUNK`` articles' statements at a time, their texts found off the clocks)
    and the recogniser's pass alone (which the floor used before counted twice: once for
    the clustering, once inside the parse)."""
    models = Models()
    aliases = default_aliases()
    articles = pipeline.extract([str(path)], models=models).articles
    nlp = spacy_pipeline(models, aliases)
    passages, _ = embedding_passages(articles)
    models.embedder.embed(passages[:4])
    models.story_embedder.embed(passages[:4])
    list(nlp.pipe(a.text for a in articles[:4]))  # models loaded before timing
    start = time.perf_counter()
    models.embedder.embed(passages)
    embedded = time.perf_counter()
    names_in([a.text for a in articles], models, aliases)
    recognised = time.perf_counter()
    found: list[Statement] = []
    off_clock = embedding = 0.0  # finding the statements, and embedding them
    docs = nlp.pipe(article.text for article in articles)
    for n, (article, doc) in enumerate(zip(articles, docs, strict=True), start=1):
        began = time.perf_counter()
        found.extend(statements(article, doc, DEFAULT_ANALYSIS))
        if n % STATEMENT_CHUNK == 0 or n == len(articles):
            embedding += _embedded(found, models)
            found = []
        off_clock += time.perf_counter() - began
    parse_pass = time.perf_counter() - recognised - off_clock
    return {
        "articles": len(articles),
        "seconds": embedded - start + parse_pass,
        "embedding_pass": embedded - start,
        "parse_pass": parse_pass,
        "recogniser_pass": recognised - embedded,
        "statement_pass": embedding,
        "side_by_side": _side_by_side(articles, passages, models, nlp),
    }


def _side_by_side(
    articles: Sequence[Article], passages: list[str], models: Models, nlp: Any
) -> float | None:
    """Seconds of the floor's two passes run as ``analyze`` runs them where a core is free
    (``pipeline.beside``): the embedding pass on a thread of its own with the one-thread
    model, the spaCy pass in the main thread; None without a free core."""
    side = models.side_embedder
    if side is None:
        return None
    side.embed(passages[:4])
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=1) as pool:
        embedded = pool.submit(side.embed, passages)
        for _ in nlp.pipe(article.text for article in articles):
            pass
        embedded.result()
    return time.perf_counter() - start


STATEMENT_CHUNK = 256
"""Articles whose statements are embedded in one call. ``analyze`` embeds a story's at once,
a sentence two of its articles share only once; a chunk of the input holds no two copies
of one pool article (``mixed`` repeats the pool in order), so it repeats no more than a
story would, and the floor does not keep the statements of the whole input."""


def _embedded(found: list[Statement], models: Models) -> float:
    """Seconds to embed these statements as ``analyze`` does (with the story analysis's
    int8 model, ``Models.story_embedder``)."""
    began = time.perf_counter()
    statement_vectors(found, models.story_embedder)
    return time.perf_counter() - began


def child(kind: str, path: Path, workers: int) -> None:
    if kind == "analyze":
        row = run_analyze(path)
    elif kind == "batch":
        row = run_batch(path, workers)
    else:
        row = run_floor(path)
    print(json.dumps(row))


def measure(kind: str, path: Path, workers: int = 0) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", kind, str(path), str(workers)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{kind} {path} failed:\n{done.stderr[-3000:]}")
    row: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return row


def sizes(text: str) -> list[int]:
    return [int(s) for s in text.split(",") if s.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--analyze", type=sizes, default=[1000, 10000], help="sizes, 1000,10000")
    parser.add_argument("--batch", type=sizes, default=[10000, 100000], help="sizes for batch")
    parser.add_argument("--workers", type=sizes, default=[1, 2], help="worker counts: 1,2")
    parser.add_argument(
        "--record",
        type=Path,
        help="append each run's figures to this JSONL file as soon as it ends",
    )
    parser.add_argument(
        "--floor-from",
        type=Path,
        help="take each size's floor from this --record file (a run on the same machine "
        "over the same generated input) instead of measuring it again",
    )
    parser.add_argument(
        "--pairs",
        type=int,
        default=1,
        help="runs of analyze per size, each beside a floor measured next to it (the order "
        "alternating: floor first, then analyze first): the median ratio of the pairs is "
        "printed, since the machine's speed drifts between runs",
    )
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), int(args.child[2]))
        return
    with tempfile.TemporaryDirectory() as folder:
        pool = real_articles()
        wanted = sorted({*args.analyze, *args.batch})
        paths = {n: write_input(n, pool, Path(folder)) for n in wanted}
        floors = _recorded_floors(args.floor_from, wanted)
        recorded = set(floors)
        for n in paths:
            if n not in floors and n not in args.analyze:
                floors[n] = measure("floor", paths[n])
                _record(args.record, "floor", n, 0, floors[n])
        print(
            "| run | articles | stories | seconds | articles/s | floor s | total/floor "
            "| total/(floor + statements) | total/(floor side by side) | peak MiB |"
        )
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        timings: dict[str, list[tuple[int, float]]] = {}
        ratios: dict[int, list[float]] = {}
        for n in args.analyze:
            for k in range(max(args.pairs, 1)):
                if n in recorded:
                    row = measure("analyze", paths[n])
                else:  # the floor beside it: before it, then after it, in turn
                    if k % 2 == 0:
                        floors[n] = measure("floor", paths[n])
                    row = measure("analyze", paths[n])
                    if k % 2 == 1:
                        floors[n] = measure("floor", paths[n])
                    _record(args.record, "floor", n, 0, floors[n])
                _record(args.record, "analyze", n, 0, row)
                ratios.setdefault(n, []).append(row["seconds"] / floors[n]["seconds"])
                if k == 0:
                    timings.setdefault("analyze", []).append((n, row["seconds"]))
                _print("analyze", row, floors[n], f"{row['peak_mib']:.0f}")
                print(
                    f"|   models loaded first, in {row['load_seconds']:.0f} s; floor "
                    f"{floors[n]['seconds']:.1f} s | | | | | | | | | |"
                )
        for n, workers in itertools.product(args.batch, args.workers):
            row = measure("batch", paths[n], workers)
            _record(args.record, "batch", n, workers, row)
            name = f"batch, {workers} worker(s)"
            timings.setdefault(name, []).append((n, row["seconds"]))
            peaks = ", ".join(f"{p:.0f}" for p in row["worker_peak_mib"])
            stages = ", ".join(f"{k} {v:.0f} s" for k, v in row["stages"].items())
            _print(name, row, floors[n], f"workers {peaks}; client {row['client_peak_mib']:.0f}")
            print(f"|   stages | | | {stages} | | | | | | |")
        for n, floor in floors.items():
            rate = floor["articles"] / floor["seconds"]
            statement_pass = floor.get("statement_pass")
            told = "not recorded" if statement_pass is None else f"{statement_pass:.1f} s"
            if "embedding_pass" in floor:
                passes = (
                    f"embedding pass {floor['embedding_pass']:.1f} s, spaCy pass "
                    f"{floor['parse_pass']:.1f} s (of it alone, the recogniser's "
                    f"{floor['recogniser_pass']:.1f} s)"
                )
            else:  # recorded before: the clustering pass held the recogniser too
                passes = (
                    f"clustering pass {floor['cluster_pass']:.1f} s, "
                    f"parse {floor['parse_pass']:.1f} s"
                )
            beside = floor.get("side_by_side")
            together = "not measured" if beside is None else f"{beside:.1f} s"
            print(
                f"floor at {n}: {floor['seconds']:.1f} s ({rate:.1f} articles/s): {passes}; "
                f"statements' embedding pass {told}; the floor's passes side by side {together}"
            )
        for n, found in ratios.items():
            if len(found) > 1:
                listed = ", ".join(f"{r:.2f}" for r in found)
                print(
                    f"total/floor at {n}, {len(found)} pairs: median "
                    f"{statistics.median(found):.2f} ({listed})"
                )
        for name, points in timings.items():
            for (n1, t1), (n2, t2) in itertools.pairwise(points):
                exponent = math.log(t2 / t1) / math.log(n2 / n1)
                print(f"growth exponent of {name}, {n1} -> {n2}: {exponent:.2f}")


def _recorded_floors(path: Path | None, wanted: list[int]) -> dict[int, dict[str, Any]]:
    if path is None:
        return {}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    found = {r["size"]: r for r in rows if r["kind"] == "floor" and r["size"] in wanted}
    for size, row in found.items():
        taken = time.strftime("%Y-%m-%d %H:%M", time.gmtime(row["at"]))
        print(f"floor at {size} taken from {path}, measured {taken} UTC")
    return found


def _record(path: Path | None, kind: str, size: int, workers: int, row: dict[str, Any]) -> None:
    """One line per run, written when the run ends: a long series keeps what it measured."""
    if path is None:
        return
    line = {"kind": kind, "size": size, "workers": workers, "at": time.time(), **row}
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(line) + "\n")


def _print(name: str, row: dict[str, Any], floor: dict[str, Any], peak: str) -> None:
    rate = row["articles"] / row["seconds"]
    statement_pass = floor.get("statement_pass")  # not in floors recorded before it was timed
    wider = (
        "-"
        if statement_pass is None
        else f"{row['seconds'] / (floor['seconds'] + statement_pass):.2f}"
    )
    beside = floor.get("side_by_side")
    overlapped = "-" if beside is None else f"{row['seconds'] / beside:.2f}"
    print(
        f"| {name} | {row['articles']} | {row['stories']} | {row['seconds']:.1f} | {rate:.2f} "
        f"| {floor['seconds']:.1f} | {row['seconds'] / floor['seconds']:.2f} | {wider} "
        f"| {overlapped} | {peak} |",
        flush=True,
    )


if __name__ == "__main__":
    main()
