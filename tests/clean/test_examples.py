"""The bundled example corpus reads as its README says: outlets, dates, junk and captions."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.models import Models
from newsprism.pipeline import extract
from newsprism.records.results import Extraction

EXPECTED = {
    "harbor-ledger.html": ("Harbor Ledger", "2025-10-14"),
    "coastal-times.html": ("Coastal Times Online", "2025-10-15"),
    "northern-courier.txt": ("Northern Courier", None),  # its dateline says "Oct 15", no year
    "meridian.rss#item1": ("Meridian News Agency", "2025-10-14T21:10:00+00:00"),
    "meridian.rss#item2": ("Meridian News Agency", "2025-10-14T21:25:00+00:00"),
    "wire.jsonl:1": ("Valdoria Daily Wire", "2025-10-16"),
    "wire.jsonl:2": ("Riverside Bulletin", "2025-10-15"),
}


@pytest.fixture(scope="module")
def corpus(examples_dir: Path, models: Models) -> Extraction:
    return extract([str(examples_dir)], models=models)


def test_every_example_is_read(corpus: Extraction) -> None:
    assert corpus.failures == ()
    names = sorted(Path(a.source).name for a in corpus.articles)
    assert names == sorted(EXPECTED)


def test_outlets_and_dates(corpus: Extraction) -> None:
    for article in corpus.articles:
        assert (article.outlet, article.published) == EXPECTED[Path(article.source).name]


def test_junk_and_captions_gone(corpus: Extraction) -> None:
    text = "\n".join(a.text for a in corpus.articles)
    for junk in (
        "Leave a Reply",
        "Akismet",
        "All rights reserved",
        "Share this:",
        "We use cookies",
        "A fishing boat passes below",
        "Workers inspect the turbine hall",
        "seen from the Kessel ridge",
        "Saturday, 22 November 2025",
    ):
        assert junk not in text, junk
    courier = next(a for a in corpus.articles if a.source.endswith("northern-courier.txt"))
    assert {r.reason for r in courier.removed} >= {"photo caption", "comment box", "credit line"}
