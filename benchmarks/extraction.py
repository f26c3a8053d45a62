"""Extraction quality and speed on ../shared/eval/extraction-aeb.

Runs `newsprism extract`'s pipeline (read + trafilatura + cleaning) and plain
trafilatura (`trafilatura.extract`, default settings) over the same 181 pages in
the same run and prints shingle F1 (the benchmark's own measure), token F1 and
pages per second for each.

    .venv/bin/python benchmarks/extraction.py [--aeb DIR] [--json OUT]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

import trafilatura

from newsprism.evaluation.extraction import Counts, match, score
from newsprism.models import Models
from newsprism.pipeline import extract

DEFAULT_AEB = Path(__file__).resolve().parents[2] / "shared" / "eval" / "extraction-aeb"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--aeb", type=Path, default=DEFAULT_AEB)
    parser.add_argument("--json", type=Path, help="write per-page results here")
    args = parser.parse_args()
    ids = [line.split("\t")[0] for line in (args.aeb / "index.tsv").read_text().splitlines()[1:]]
    expected = {i: (args.aeb / "expected" / f"{i}.txt").read_text(encoding="utf-8") for i in ids}
    paths = {i: args.aeb / "html" / f"{i}.html.gz" for i in ids}

    models = Models()
    models.language("warm up the language model before timing")
    ours: dict[str, str] = {}
    start = time.perf_counter()
    for page_id in ids:
        result = extract([str(paths[page_id])], models=models)
        ours[page_id] = result.articles[0].text if result.articles else ""
    ours_seconds = time.perf_counter() - start

    plain: dict[str, str] = {}
    start = time.perf_counter()
    for page_id in ids:
        html = gzip.decompress(paths[page_id].read_bytes())
        plain[page_id] = trafilatura.extract(html) or ""
    plain_seconds = time.perf_counter() - start

    rows = []
    for name, texts, seconds in (
        ("newsprism extract", ours, ours_seconds),
        ("plain trafilatura", plain, plain_seconds),
    ):
        shingles = score([match(expected[i], texts[i], 4) for i in ids])
        tokens = score([match(expected[i], texts[i], 1) for i in ids])
        empty = sum(1 for i in ids if not texts[i].strip())
        rows.append((name, shingles, tokens, len(ids) / seconds, empty))

    print(f"extraction-aeb: {len(ids)} pages")
    header = ("extractor", "shingle P", "R", "F1", "token F1", "pages/s", "empty")
    print("{:<20} {:>9} {:>6} {:>6}  {:>8}  {:>8}  {}".format(*header))
    for name, sh, tok, pps, empty in rows:
        print(
            f"{name:<20} {sh.precision:9.3f} {sh.recall:6.3f} {sh.f1:6.3f}  "
            f"{tok.f1:8.3f}  {pps:8.1f}  {empty}"
        )
    if args.json:
        per_page = {
            i: {
                "ours": _as_dict(match(expected[i], ours[i])),
                "plain": _as_dict(match(expected[i], plain[i])),
            }
            for i in ids
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(per_page, indent=1))


def _as_dict(c: Counts) -> dict[str, float]:
    return {"tp": round(c.tp, 4), "fp": round(c.fp, 4), "fn": round(c.fn, 4)}


if __name__ == "__main__":
    main()
