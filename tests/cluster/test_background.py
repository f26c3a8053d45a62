"""Background term statistics: how common a word is in English at large, blended with the
input's own counts so that a small input is weighed as a large one would be."""

from __future__ import annotations

import math

import pytest

from newsprism.cluster.background import document_share
from newsprism.cluster.vectors import DocumentFrequencies


def test_common_words_are_in_more_articles_than_rare_ones_and_names_rarest() -> None:
    said, quake, kataib = (document_share(t) for t in ("said", "quake", "kataib"))
    assert 0.0 < kataib < quake < said <= 1.0
    assert document_share("^baghdad") == document_share("baghdad"), "name prefixes dropped"
    assert document_share("kataib hezbollah") <= document_share("hezbollah")


def test_without_background_weights_come_from_the_input_alone() -> None:
    frequencies = DocumentFrequencies()
    for words in (["quake", "town"], ["quake", "rubble"], ["quake"]):
        frequencies.add(words)
    assert frequencies.idf("quake") == pytest.approx(math.log(4 / 4) + 1.0)
    assert frequencies.idf("rubble") == pytest.approx(math.log(4 / 2) + 1.0)


def test_a_word_in_every_article_of_a_small_input_keeps_its_weight() -> None:
    """Five articles about one quake: input counts alone make 'quake' the least useful word
    there is; with the background it weighs far more than 'said', as in a large corpus."""
    alone = DocumentFrequencies()
    blended = DocumentFrequencies(document_share, prior_documents=1e4)
    for _ in range(5):
        for frequencies in (alone, blended):
            frequencies.add(["quake", "said", "magnitude"])
    assert alone.idf("quake") == alone.idf("said") == 1.0
    assert blended.idf("quake") > 2 * blended.idf("said")
    assert blended.idf("magnitude") > blended.idf("said")


def test_a_large_input_outweighs_the_background() -> None:
    """Once the input is much larger than the prior, its own counts decide."""
    frequencies = DocumentFrequencies(document_share, prior_documents=100.0)
    for n in range(10_000):
        frequencies.add(["quake"] if n % 2 else ["said"])
    assert frequencies.idf("quake") == pytest.approx(frequencies.idf("said"), rel=0.02)


def test_prior_must_not_be_negative() -> None:
    with pytest.raises(ValueError, match="prior_documents"):
        DocumentFrequencies(document_share, prior_documents=-1.0)
