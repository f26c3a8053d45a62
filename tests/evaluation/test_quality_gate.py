"""Quality gate: extraction F1 on the article-extraction benchmark must not fall below the
floor kept in benchmarks/baseline.json (figures and command in benchmarks/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

from newsprism.evaluation.extraction import match, score
from newsprism.models import Models
from newsprism.pipeline import extract

BASELINE = Path(__file__).resolve().parents[2] / "benchmarks" / "baseline.json"


def test_extraction_f1_stays_above_floor(aeb_dir: Path, models: Models) -> None:
    floor = json.loads(BASELINE.read_text())["extraction_aeb"]["shingle_f1_floor"]
    ids = [line.split("\t")[0] for line in (aeb_dir / "index.tsv").read_text().splitlines()[1:]]
    pages = []
    for page_id in ids:
        result = extract([str(aeb_dir / "html" / f"{page_id}.html.gz")], models=models)
        text = result.articles[0].text if result.articles else ""
        expected = (aeb_dir / "expected" / f"{page_id}.txt").read_text(encoding="utf-8")
        pages.append(match(expected, text))
    scores = score(pages)
    assert scores.pages == 181
    assert scores.f1 >= floor, f"extraction shingle F1 {scores.f1:.3f} fell below {floor}"
