"""Coreference over given spans (the setting of the ECB+ benchmark)."""

from __future__ import annotations

from newsprism.evaluation.span_coreference import resolve_spans
from newsprism.models import Models

from .conftest import Parsed


def _spans(text: str, *words: str) -> list[tuple[int, int]]:
    found = []
    for word in words:
        start = text.index(word)
        found.append((start, start + len(word)))
    return found


def test_names_pronouns_and_descriptions(seeds_parsed: Parsed, models: Models) -> None:
    thin = seeds_parsed.by_outlet("Thin Line News")
    tasnim = seeds_parsed.by_outlet("Tasnim News Agency")
    doc_thin = seeds_parsed.docs[seeds_parsed.articles.index(thin)]
    doc_tasnim = seeds_parsed.docs[seeds_parsed.articles.index(tasnim)]
    thin_spans = _spans(thin.text, "Yahya Rasool", "He condemned", "Kataib Hezbollah", "Blinken")
    thin_spans[1] = (thin_spans[1][0], thin_spans[1][0] + 2)
    tasnim_spans = _spans(tasnim.text, "Yahya Rasool", "Kata'ib Hezbollah", "Joe Biden")
    labels = resolve_spans(
        [(thin, doc_thin, thin_spans), (tasnim, doc_tasnim, tasnim_spans)], models
    )
    rasool, he, kh, blinken = labels[0]
    rasool2, kh2, biden = labels[1]
    assert rasool == he == rasool2
    assert kh == kh2
    assert len({rasool, kh, blinken, biden}) == 4


def test_empty_articles_are_allowed(seeds_parsed: Parsed, models: Models) -> None:
    article, doc = seeds_parsed.articles[0], seeds_parsed.docs[0]
    assert resolve_spans([(article, doc, [])], models) == [[]]
