"""The embedding model's thread count comes from NEWSPRISM_MODEL_THREADS, checked."""

from __future__ import annotations

import pytest

from newsprism.errors import ModelError
from newsprism.models import THREADS_VARIABLE, Models


def test_a_bad_thread_count_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(THREADS_VARIABLE, "many")
    with pytest.raises(ModelError, match=THREADS_VARIABLE):
        _ = Models().embedder


@pytest.mark.models  # loads the models without the fixture
def test_one_thread_embeds_as_many(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["Floods closed the coastal road.", "The council met on Tuesday."]
    default = Models().embedder.embed(texts)
    monkeypatch.setenv(THREADS_VARIABLE, "1")
    embedder = Models().embedder
    assert embedder._session.get_session_options().intra_op_num_threads == 1
    single = embedder.embed(texts)
    assert single.shape == default.shape
    assert abs(single - default).max() < 1e-4
