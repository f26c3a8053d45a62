"""The embedding pass: how its texts are batched, and what that costs.

The texts are the clustering pass's own passages (title and lead, then up to three body
chunks per article) of real articles from ../shared/eval: ECB+ dev and AllSides. Each
way of batching embeds the same passages; the table gives seconds, passages per second
and the largest difference from the first way's vectors (0 means the same vectors).

- input order, batches of N: the passages as they come, each batch padded to its longest;
- shortest first, batches of N: ``Embedder.embed``, which sorts by token count first.

The recogniser pass is timed the same way, with and without the shared token encoder
(``tok2vec``) that the English pipelines' recogniser does not listen to.

``--statements`` times the story analysis's sentence pass instead: the statements of the
same articles (``claims.read_statements``, story by story as ``analyze`` reads them)
embedded by the shipped model in batches of 8 and by its int8 graph
(``Models.story_embedder``, each text alone), on one thread (the side thread's share) and
on every core, with how alike each int8 vector is to the shipped model's and how far the
similarities of pairs of sentences move.

    .venv/bin/python benchmarks/embedding.py --articles 300 [--statements]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from datasets import allsides, ecbplus
from newsprism.analyze.claims import read_statements, sentence_parts
from newsprism.analyze.entities.aliases import default_aliases
from newsprism.cluster import features
from newsprism.models import Embedder, Models, _embedder_files, _story_files
from newsprism.nlp import parse
from newsprism.nlp.recognise import recogniser_pipes
from newsprism.records import Article

Vectors = np.ndarray[Any, np.dtype[np.float32]]


def in_input_order(embedder: Embedder, texts: list[str], size: int) -> Vectors:
    encodings = embedder._tokenizer.encode_batch(texts)
    batches = [
        embedder._embed_batch([e.ids for e in encodings[i : i + size]])
        for i in range(0, len(texts), size)
    ]
    return np.vstack(batches)


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = function()
    return time.perf_counter() - start, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="articles, half from each set")
    parser.add_argument(
        "--statements", action="store_true", help="time the statements' pass instead"
    )
    args = parser.parse_args()
    models = Models()
    half = args.articles // 2
    articles = [*ecbplus(models).articles[:half], *allsides(models).articles[:half]]
    if args.statements:
        statements_pass(articles, models)
        return
    texts, _ = features.embedding_passages(articles)
    embedder = models.embedder
    embedder.embed(texts[:8])
    tokens = sum(len(e.ids) for e in embedder._tokenizer.encode_batch(texts))
    print(f"{len(articles)} articles, {len(texts)} passages, {tokens} tokens\n")
    print("| batching | seconds | passages/s | largest difference |")
    print("| --- | ---: | ---: | ---: |")
    reference: Vectors | None = None
    ways: list[tuple[str, Callable[[], Vectors]]] = [
        ("input order, batches of 32", lambda: in_input_order(embedder, texts, 32)),
        ("input order, batches of 8", lambda: in_input_order(embedder, texts, 8)),
        ("shortest first, batches of 32", lambda: embedder.embed(texts, 32)),
        ("shortest first, batches of 8 (shipped)", lambda: embedder.embed(texts, 8)),
    ]
    for name, way in ways:
        seconds, vectors = timed(way)
        reference = vectors if reference is None else reference
        gap = float(np.abs(vectors - reference).max())
        print(f"| {name} | {seconds:.1f} | {len(texts) / seconds:.1f} | {gap:.2g} |", flush=True)
    nlp = models.nlp
    full = [features._full_text(a) for a in articles]
    print("\n| recogniser pass | seconds | articles/s |")
    print("| --- | ---: | ---: |")
    for keep in ({"tok2vec", "ner"}, recogniser_pipes(nlp)):
        off = [name for name in nlp.pipe_names if name not in keep]
        seconds, _ = timed(lambda off=off: list(nlp.pipe(full, disable=off, batch_size=32)))
        label = " + ".join(sorted(keep))
        print(f"| {label} | {seconds:.1f} | {len(full) / seconds:.1f} |", flush=True)


def statements_pass(articles: list[Article], models: Models) -> None:
    docs = list(parse(articles, models, default_aliases()))
    texts, parts = sentence_parts(read_statements(articles, docs))
    model, tokenizer = _embedder_files()
    int8, _ = _story_files()
    tokens = sum(len(e.ids) for e in models.embedder._tokenizer.encode_batch(texts))
    rows = sum(len(p) for p in parts)
    print(f"{len(articles)} articles, {len(texts)} sentences, {tokens} tokens, {rows} statements\n")
    print("| statements' pass | threads | seconds | sentences/s |")
    print("| --- | ---: | ---: | ---: |")
    found: dict[str, Vectors] = {}
    for threads in (1, 0):
        ways = [
            ("shipped model, batches of 8", Embedder(model, tokenizer, threads=threads)),
            ("int8 graph, each alone", Embedder(int8, tokenizer, threads=threads, alone=True)),
        ]
        for name, embedder in ways:
            embedder.embed(texts[:8])
            seconds, found[name] = timed(lambda e=embedder: e.embed_parts(texts, parts))
            shown = threads or "all"
            print(f"| {name} | {shown} | {seconds:.1f} | {len(texts) / seconds:.1f} |", flush=True)
    shipped, quantized = found.values()
    alike = (shipped * quantized).sum(axis=1)
    sample = np.random.default_rng(0).choice(len(shipped), min(3000, len(shipped)), replace=False)
    before = shipped[sample] @ shipped[sample].T
    moved = np.abs(quantized[sample] @ quantized[sample].T - before)[
        np.triu_indices(len(sample), 1)
    ]
    print(
        f"\nint8 against shipped, per statement: cosine mean {alike.mean():.4f}, least "
        f"{alike.min():.4f}; pairs' similarity moved by {moved.mean():.4f} on average, "
        f"{np.quantile(moved, 0.99):.4f} at the 99th percentile"
    )


if __name__ == "__main__":
    main()
