"""The embedding pass: how its texts are batched, and what that costs.

The texts are the clustering pass's own passages (title and lead, then up to three body
chunks per article) of real articles from ../shared/eval: ECB+ dev and AllSides. Each
way of batching embeds the same passages; the table gives seconds, passages per second
and the largest difference from the first way's vectors (0 means the same vectors).

- input order, batches of N: the passages as they come, each batch padded to its longest;
- shortest first, batches of N: ``Embedder.embed``, which sorts by token count first.

The recogniser pass is timed the same way, with and without the shared token encoder
(``tok2vec``) that the English pipelines' recogniser does not listen to.

    .venv/bin/python benchmarks/embedding.py --articles 300
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from datasets import allsides, ecbplus
from newsprism.cluster import features
from newsprism.models import Embedder, Models

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
    args = parser.parse_args()
    models = Models()
    half = args.articles // 2
    articles = [*ecbplus(models).articles[:half], *allsides(models).articles[:half]]
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
    for keep in ({"tok2vec", "ner"}, features._ner_inputs(nlp)):
        off = [name for name in nlp.pipe_names if name not in keep]
        seconds, _ = timed(lambda off=off: list(nlp.pipe(full, disable=off, batch_size=32)))
        label = " + ".join(sorted(keep))
        print(f"| {label} | {seconds:.1f} | {len(full) / seconds:.1f} |", flush=True)


if __name__ == "__main__":
    main()
