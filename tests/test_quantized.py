"""The story analysis's model: the shipped MiniLM quantized to int8 once, kept in the cache."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from newsprism import quantized
from newsprism.models import Embedder, Models, _embedder_files, _story_files
from newsprism.quantized import CACHE_VARIABLE, cache_folder, quantized_model

SENTENCES = [
    "A US drone strike killed a militia commander in Baghdad.",
    "An American drone killed a Kataib Hezbollah leader in the Iraqi capital.",
    "The football club won the cup final on penalties.",
    "Iraq's government said the strike was a blatant assassination.",
]


def test_the_cache_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_VARIABLE, "/somewhere/models")
    assert cache_folder() == Path("/somewhere/models")
    monkeypatch.delenv(CACHE_VARIABLE)
    monkeypatch.setenv("XDG_CACHE_HOME", "/xdg")
    assert cache_folder() == Path("/xdg/newsprism")


@pytest.mark.models  # quantizes the model without the fixture
def test_the_model_is_made_once_and_then_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path))
    source = _embedder_files()[0]
    made = quantized_model(source)
    assert made.parent == tmp_path and made.stat().st_size > 1_000_000
    assert [p.name for p in tmp_path.iterdir()] == [made.name]  # no work files left
    stamp = made.stat().st_mtime_ns
    monkeypatch.setattr(quantized, "_made", {})  # a new process: only the cache knows it
    assert quantized_model(source) == made and made.stat().st_mtime_ns == stamp


def test_int8_vectors_read_as_the_shipped_models_do(models: Models) -> None:
    """The same meaning, within quantization's error: each vector at least 0.97 alike to
    the shipped model's (0.993 on average over facts-dev's sentences), and the order of
    the pairs' similarities kept."""
    shipped = models.embedder.embed(SENTENCES)
    int8 = models.story_embedder.embed(SENTENCES)
    assert np.allclose(np.linalg.norm(int8, axis=1), 1.0, atol=1e-4)
    assert min(float(a @ b) for a, b in zip(shipped, int8, strict=True)) > 0.97
    assert not np.array_equal(shipped, int8)  # it is another graph, not the shipped one
    pairs = [(i, j) for i in range(len(SENTENCES)) for j in range(i + 1, len(SENTENCES))]
    before = [float(shipped[i] @ shipped[j]) for i, j in pairs]
    after = [float(int8[i] @ int8[j]) for i, j in pairs]
    assert after == pytest.approx(before, abs=0.03)
    assert np.argsort(after).tolist() == np.argsort(before).tolist()


def test_one_thread_gives_the_int8_vectors_of_every_core(models: Models) -> None:
    """A story's vectors are the same whichever thread embeds them (``pipeline.beside``)."""
    one = Embedder(*_story_files(), threads=1, alone=True)
    assert np.array_equal(one.embed(SENTENCES), models.story_embedder.embed(SENTENCES))


def test_an_int8_vector_does_not_depend_on_the_texts_run_with_it(models: Models) -> None:
    """Each text runs alone: in a batch, dynamic quantization would scale it by the others."""
    embedder = models.story_embedder
    together = embedder.embed([*SENTENCES, "A much longer sentence about the strike " * 12])
    alone = np.vstack([embedder.embed([text]) for text in SENTENCES])
    assert np.array_equal(together[: len(SENTENCES)], alone)
    parts = embedder.embed_parts(SENTENCES, [[(0, len(t)), (0, 9)] for t in SENTENCES])
    assert np.allclose(parts[::2], alone, atol=1e-6)  # pooled apart: the same up to rounding


@pytest.mark.models  # quantizes the model without the fixture
def test_a_cache_that_cannot_be_made_still_gives_a_model_with_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(CACHE_VARIABLE, str(blocker / "again"))
    source = _embedder_files()[0]
    with caplog.at_level(logging.WARNING):
        first, second = quantized_model(source), quantized_model(source)
    assert first == second and first.is_file() and tmp_path not in first.parents
    warned = [r for r in caplog.records if r.name == "newsprism.quantized"]
    assert len(warned) == 1 and CACHE_VARIABLE in warned[0].getMessage()
    assert not [r for r in caplog.records if "pre-processing" in r.getMessage()]
