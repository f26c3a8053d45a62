"""The JSON API: lists with the pages' filters, contract Story objects, articles, 404s."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator

from newsprism.pipeline import analysis_key
from newsprism.records.contract import story_data, story_from_data
from newsprism.store import Store
from newsprism.store.analyses import story_analyses


@pytest.fixture(scope="module")
def story_validator(schema_path: Path) -> Draft202012Validator:
    """The contract's Story definition, with the definitions it refers to."""
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    return Draft202012Validator({"$ref": "#/$defs/Story", "$defs": schema["$defs"]})


def test_list(client: TestClient, dam_id: str, football_id: str) -> None:
    body = client.get("/api/stories").json()
    assert body["total"] == 2 and body["pages"] == 1
    assert [s["id"] for s in body["stories"]] == [dam_id, football_id]
    dam = body["stories"][0]
    assert len(dam["article_ids"]) == 6 and len(dam["outlets"]) == 6
    assert dam["first_published"].startswith("2025-10-14")
    assert dam["last_published"].startswith("2025-10-16")


@pytest.mark.parametrize(
    ("params", "count"),
    [
        ({"q": "spillway"}, 1),
        ({"entity": "NVHA"}, 1),
        ({"outlet": "Meridian News Agency"}, 2),
        ({"since": "2025-10-15"}, 1),
        ({"until": "2025-10-13"}, 0),
    ],
)
def test_list_filters(client: TestClient, params: dict[str, str], count: int) -> None:
    assert client.get("/api/stories", params=params).json()["total"] == count


def test_an_unknown_parameter_is_refused_by_name(client: TestClient) -> None:
    """ "?actor=" is no filter of the list: it is refused, not ignored into every story."""
    response = client.get("/api/stories", params={"actor": "NVHA", "q": "dam"})
    assert response.status_code == 422
    (problem,) = response.json()["detail"]  # FastAPI's own shape, as for ?page=x
    assert problem["loc"] == ["query", "actor"] and problem["input"] == "NVHA"
    assert '"actor"' in problem["msg"] and "entity" in problem["msg"]


def test_list_pages(client: TestClient, dam_id: str, football_id: str) -> None:
    pages = [
        client.get("/api/stories", params={"per_page": 1, "page": n}).json() for n in (1, 2, 3)
    ]
    assert [[s["id"] for s in p["stories"]] for p in pages] == [[dam_id], [football_id], []]
    assert all(p["pages"] == 2 and p["total"] == 2 for p in pages)
    assert client.get("/api/stories", params={"per_page": 1000}).status_code == 422


def test_story_follows_the_contract(
    client: TestClient, corpus_store: Store, dam_id: str, story_validator: Draft202012Validator
) -> None:
    response = client.get(f"/api/stories/{dam_id}")
    assert response.status_code == 200
    story = response.json()
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in story_validator.iter_errors(story)]
    assert errors == []
    assert story["id"] == dam_id
    assert sorted(story["article_ids"]) == corpus_store.stories.members(dam_id)
    assert story["brief"] and story["entities"] and story["claims"]
    texts = {a.id: a.text for a in corpus_store.articles(story["article_ids"])}
    for sentence in story["brief"]:
        for span in sentence["citations"]:
            assert texts[span["article"]][span["start"] : span["end"]] == span["text"]


def test_story_analysis_cached(client: TestClient, corpus_store: Store, dam_id: str) -> None:
    """The analysis is kept with its key (members, version, alias table) and served again as
    it was."""
    first = client.get(f"/api/stories/{dam_id}").json()
    with corpus_store.engine.connect() as conn:
        row = conn.execute(story_analyses.select().where(story_analyses.c.story_id == dam_id)).one()
    assert row.signature == analysis_key(corpus_store.stories.members(dam_id))
    assert row.document == first
    assert story_data(story_from_data(row.document)) == first
    assert client.get(f"/api/stories/{dam_id}").json() == first


def test_article(client: TestClient, corpus_store: Store, dam_id: str) -> None:
    courier = next(a for a in corpus_store.articles() if a.outlet == "Northern Courier")
    body: dict[str, Any] = client.get(f"/api/articles/{courier.id}").json()
    assert body["id"] == courier.id and body["text"] == courier.text
    assert body["story_id"] == dam_id
    assert {r["reason"] for r in body["removed"]} == {r.reason for r in courier.removed}


@pytest.mark.parametrize(
    ("path", "kind"),
    [("/api/stories/sMISSING", "story"), ("/api/articles/aMISSING", "article")],
)
def test_not_found_names_the_id(client: TestClient, path: str, kind: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    missing = path.rsplit("/", 1)[1]
    assert response.json() == {"detail": f"no {kind} with id '{missing}' in the store"}
