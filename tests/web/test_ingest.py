"""POST /api/ingest: off without a token, 401 for a wrong one, stores and places with it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.errors import UsageError
from newsprism.models import Models
from newsprism.store import Store, open_store
from newsprism.web import create_app
from newsprism.web.security import load_token

TOKEN = "correct-horse-battery-staple-42"
FLOOD = (
    "Floodwater from the Brenmoor Dam reached the Quayside district of Aldmouth on Tuesday, "
    "the provincial governor Ilyas Demirkhanov said, after a section of the spillway failed."
)


def item(n: int, text: str = FLOOD) -> dict[str, str]:
    return {
        "text": f"{text}\n\nReporter {n} spoke to residents along the River Alde.",
        "title": f"Dam collapse floods Aldmouth, report {n}",
        "url": f"https://outlet{n}.test/dam",
        "outlet": f"Outlet {n}",
        "published": "2025-10-15",
    }


@pytest.fixture
def store(db: str) -> Iterator[Store]:
    opened = open_store(db)
    yield opened
    opened.close()


def client_for(store: Store, models: Models, token: str | None) -> TestClient:
    return TestClient(create_app(store, models=models, token=token))


def test_without_token_forbidden(store: Store, models: Models) -> None:
    client = client_for(store, models, None)
    response = client.post(
        "/api/ingest", json={"articles": [item(1)]}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code == 403
    assert "--token-file" in response.json()["detail"]
    assert store.count_articles() == 0


@pytest.mark.parametrize("header", [None, "Bearer wrong-token-of-some-length", f"Basic {TOKEN}"])
def test_wrong_token_unauthorised(store: Store, models: Models, header: str | None) -> None:
    client = client_for(store, models, TOKEN)
    headers = {"Authorization": header} if header else {}
    response = client.post("/api/ingest", json={"articles": [item(1)]}, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert store.count_articles() == 0


def test_right_token_stores_and_places(store: Store, models: Models) -> None:
    client = client_for(store, models, TOKEN)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = client.post("/api/ingest", json={"articles": [item(1), item(2)]}, headers=auth)
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["stored"], body["already_stored"], body["errors"]) == (2, 0, [])
    placed = {a["id"]: a["story_id"] for a in body["articles"]}
    assert len(placed) == 2
    assert len(set(placed.values())) == 1, "two tellings of one flood are one story"
    for article_id, story_id in placed.items():
        assert store.stories.story_of(article_id) == story_id
        assert client.get(f"/api/articles/{article_id}").json()["story_id"] == story_id
    again = client.post("/api/ingest", json={"articles": [item(1)]}, headers=auth).json()
    assert (again["stored"], again["already_stored"]) == (0, 1)


def test_bad_items_named_the_rest_stored(store: Store, models: Models) -> None:
    client = client_for(store, models, TOKEN)
    articles = [item(1), {"title": "no text"}, "not an object", {**item(3), "published": 2025}]
    response = client.post(
        "/api/ingest", json={"articles": articles}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["stored"] == 1
    errors = {e["source"]: e["error"] for e in body["errors"]}
    assert set(errors) == {"articles[1]", "articles[2]", "articles[3]"}
    assert "text" in errors["articles[1]"] and "published" in errors["articles[3]"]


@pytest.mark.parametrize(
    ("body", "message"),
    [(b"{not json", "not JSON"), (b'{"items": []}', "'articles'"), (b"[1, 2]", "'articles'")],
)
def test_bad_body(store: Store, models: Models, body: bytes, message: str) -> None:
    client = client_for(store, models, TOKEN)
    response = client.post(
        "/api/ingest",
        content=body,
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_upload(store: Store, models: Models) -> None:
    client = client_for(store, models, TOKEN)
    text = f"Dam collapse floods Aldmouth\n\n{FLOOD}\n\nResidents were moved to schools."
    response = client.post(
        "/api/ingest",
        files=[
            ("files", ("../../etc/report.txt", text.encode(), "text/plain")),
            ("files", ("empty.txt", b"", "text/plain")),
        ],
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["stored"] == 1
    assert [e["source"] for e in body["errors"]] == ["upload:empty.txt"]
    (stored,) = store.articles()
    assert stored.source == "upload:report.txt"


def test_load_token(tmp_path: Path) -> None:
    path = tmp_path / "token"
    path.write_text(f"{TOKEN}\n", encoding="utf-8")
    assert load_token(path, {}) == TOKEN
    assert load_token(None, {"NEWSPRISM_TOKEN": TOKEN}) == TOKEN
    assert load_token(None, {}) is None
    path.write_text("short\n", encoding="utf-8")
    with pytest.raises(UsageError, match="shorter than 16"):
        load_token(path, {})
    with pytest.raises(UsageError, match="cannot read token file"):
        load_token(tmp_path / "absent", {})


def test_body_too_large(store: Store, models: Models, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsprism.web.api.MAX_BODY_BYTES", 1000)
    client = client_for(store, models, TOKEN)
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit is met while reading
        yield b'{"articles": [{"text": "'
        yield b"x" * 2000
        yield b'"}]}'

    response = client.post("/api/ingest", content=chunks(), headers=auth)
    assert response.status_code == 413
    assert store.count_articles() == 0


def test_one_story_places_every_article_into_one_story(store: Store, models: Models) -> None:
    client = client_for(store, models, TOKEN)
    football = {
        "text": "Varnholt won the cup semi-final on penalties after a goalless draw.",
        "title": "Varnholt through to the final",
        "outlet": "Sports Desk",
    }
    response = client.post(
        "/api/ingest",
        json={"articles": [item(1), item(2), football], "one_story": True},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 200, response.text
    assert len({a["story_id"] for a in response.json()["articles"]}) == 1
    bad = client.post(
        "/api/ingest",
        json={"articles": [item(3)], "one_story": "yes"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert bad.status_code == 400


def test_upload_one_story_field_is_checked(store: Store, models: Models) -> None:
    client = client_for(store, models, TOKEN)
    files = [("files", ("dam.txt", f"Dam report\n\n{FLOOD}".encode(), "text/plain"))]
    auth = {"Authorization": f"Bearer {TOKEN}"}
    bad = client.post("/api/ingest", files=files, data={"one_story": "yes"}, headers=auth)
    assert bad.status_code == 400 and "one_story" in bad.json()["detail"]
    good = client.post("/api/ingest", files=files, data={"one_story": "True"}, headers=auth)
    assert good.status_code == 200, good.text
    assert store.count_articles() == 1


def test_chunked_upload_over_the_cap_is_refused(
    store: Store, models: Models, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A multipart upload sent chunked (no Content-Length) meets the same cap while read."""
    monkeypatch.setattr("newsprism.web.api.MAX_BODY_BYTES", 1000)
    client = client_for(store, models, TOKEN)
    boundary = "newsprismboundary"

    def chunks() -> Iterator[bytes]:
        yield (
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
            f'filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n'
        ).encode()
        yield b"x" * 5000
        yield f"\r\n--{boundary}--\r\n".encode()

    headers = {
        "Authorization": f"Bearer {TOKEN}",
        "Content-Type": f"multipart/form-data; boundary={boundary}",
    }
    response = client.post("/api/ingest", content=chunks(), headers=headers)
    assert response.status_code == 413
    assert store.count_articles() == 0


def test_too_many_articles_in_one_request(
    store: Store, models: Models, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("newsprism.web.api.MAX_ARTICLES", 3)
    client = client_for(store, models, TOKEN)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    many = client.post("/api/ingest", json={"articles": [item(n) for n in range(4)]}, headers=auth)
    assert many.status_code == 413 and "more than 3 articles" in many.json()["detail"]
    files = [("files", (f"{n}.txt", FLOOD.encode(), "text/plain")) for n in range(4)]
    uploads = client.post("/api/ingest", files=files, headers=auth)
    assert uploads.status_code == 413
    assert store.count_articles() == 0


def test_deeply_nested_json_is_a_bad_request(store: Store, models: Models) -> None:
    client = client_for(store, models, TOKEN)
    deep = b"[" * 100_000 + b"]" * 100_000
    response = client.post(
        "/api/ingest",
        content=deep,
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert "nested" in response.json()["detail"]
