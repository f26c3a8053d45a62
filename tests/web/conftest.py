"""The app over the example corpus (six outlets on a dam collapse, one football item)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from newsprism.models import Models
from newsprism.store import Store
from newsprism.store.browse import StoryQuery
from newsprism.web import create_app


@pytest.fixture(scope="session")
def client(corpus_store: Store, models: Models) -> Iterator[TestClient]:
    with TestClient(create_app(corpus_store, models=models)) as test_client:
        yield test_client


def _only(store: Store, word: str) -> str:
    found = store.browse.find(StoryQuery(words=word))
    assert found.total == 1, f"{word!r} should be in one story"
    return found.stories[0].id


@pytest.fixture(scope="session")
def dam_id(corpus_store: Store) -> str:
    return _only(corpus_store, "Brenmoor")


@pytest.fixture(scope="session")
def football_id(corpus_store: Store) -> str:
    return _only(corpus_store, "semi-finals")
