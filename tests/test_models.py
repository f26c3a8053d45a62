"""The models install from PyPI packages and load once, lazily."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.models import Models, default_models


def test_models_load_lazily() -> None:
    fresh = Models()
    assert "nlp" not in vars(fresh) and "embedder" not in vars(fresh)


def test_default_models_is_one_instance() -> None:
    assert default_models() is default_models()


def test_embeddings_are_unit_vectors_that_track_meaning(models: Models) -> None:
    vectors = models.embedder.embed(
        [
            "A US drone strike killed a militia commander in Baghdad.",
            "An American drone killed a Kataib Hezbollah leader in the Iraqi capital.",
            "The football club won the cup final on penalties.",
        ]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    same_event, unrelated = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    assert same_event > 0.5 > unrelated


def test_embedding_is_batch_independent(models: Models) -> None:
    """Padding in a batch must not change a text's vector (mean pooling uses the mask)."""
    short = "Rescue teams searched flooded homes."
    alone = models.embedder.embed([short])[0]
    batched = models.embedder.embed([short, "A much longer sentence " * 20])[0]
    assert np.allclose(alone, batched, atol=1e-3)


def test_embedding_rows_follow_the_input_order(models: Models) -> None:
    """Texts run shortest first in small batches; the rows still come back in input order."""
    texts = [
        "A much longer sentence about the flood and the rescue " * 12,
        "Floods.",
        "Rescue teams searched flooded homes in the valley overnight.",
        "The dam gave way after three days of rain, officials said. " * 4,
        "Rain.",
    ]
    together = models.embedder.embed(texts, batch_size=2)
    one_by_one = np.vstack([models.embedder.embed([text]) for text in texts])
    assert np.allclose(together, one_by_one, atol=1e-3)
    assert models.embedder.embed([]).shape == (0, 384)


def test_spacy_pipeline_finds_entities(models: Models) -> None:
    doc = models.nlp("Yehia Rasool, a spokesperson for the Iraqi Prime Minister, spoke in Baghdad.")
    assert ("Yehia Rasool", "PERSON") in [(e.text, e.label_) for e in doc.ents]
    assert models.nlp is models.nlp


@pytest.mark.models  # loads the models without the fixture
def test_small_spacy_pipeline_loads() -> None:
    nlp = Models(spacy_size="sm").nlp
    assert "ner" in nlp.pipe_names


def test_a_repeated_text_is_embedded_once_with_the_same_vector(models: Models) -> None:
    """Sentences copied between articles run through the model once; every copy gets the
    vector the text gets alone, whole or in parts."""
    embedder = models.embedder
    texts = ["The strike killed three.", "A second sentence.", "The strike killed three."]
    alone = embedder.embed(texts[:1])[0]
    vectors = embedder.embed(texts)
    assert np.allclose(vectors[0], alone, atol=1e-6) and np.array_equal(vectors[0], vectors[2])
    parts = [[(0, 10), (0, 24)], [(0, 18)], [(0, 10), (0, 24)]]
    pooled = embedder.embed_parts(texts, parts)
    assert pooled.shape == (5, embedder.dimensions)
    assert np.array_equal(pooled[0:2], pooled[3:5])
    assert np.allclose(pooled[1], alone, atol=1e-6)
