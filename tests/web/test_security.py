"""Security headers on every response; hostile article fields come out as inert text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.models import Models
from newsprism.pipeline import analyse_stored
from newsprism.store import open_store
from newsprism.web import create_app
from newsprism.web.security import CONTENT_SECURITY_POLICY, http_url
from tests.web.hostile import STORY_ID, store_hostile

EXPECTED_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, models: Models) -> Iterator[TestClient]:
    store = open_store(str(tmp_path_factory.mktemp("hostile") / "news.db"))
    store_hostile(store)
    analyse_stored(store, [STORY_ID], models)
    with TestClient(create_app(store, models=models, token="t" * 32)) as client:
        yield client
    store.close()


def test_headers_on_every_response(client: TestClient, dam_id: str) -> None:
    assert CONTENT_SECURITY_POLICY == EXPECTED_CSP
    responses = [
        client.get(path)
        for path in (
            "/", "/?q=dam", f"/stories/{dam_id}", "/stories/nope", "/articles/nope",
            "/docs", "/openapi.json", "/api/stories", "/api/stories/nope", "/static/report.css",
            "/static/app.css", "/missing", "/?page=0", "/api/stories?page=x",
        )
    ]  # fmt: skip
    responses.append(client.post("/api/ingest", json={"articles": []}))
    assert {r.status_code for r in responses} == {200, 400, 403, 404, 422}
    for response in responses:
        assert response.headers["content-security-policy"] == EXPECTED_CSP, response.url
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"


def test_no_inline_script_or_style(client: TestClient, dam_id: str) -> None:
    """Nothing the policy would have to forbid: no scripts, handlers or style attributes."""
    for path in ("/", f"/stories/{dam_id}", "/docs", "/stories/nope"):
        html = client.get(path).text
        assert "<script" not in html and "<style" not in html, path
        assert not re.search(r"<[^>]*\s(on[a-z]+|style)\s*=", html), path


def test_hostile_fields_escaped(hostile: TestClient) -> None:
    pages = {"list": hostile.get("/").text, "story": hostile.get(f"/stories/{STORY_ID}").text}
    article_ids = hostile.get("/api/stories").json()["stories"][0]["article_ids"]
    assert len(article_ids) == 2
    for article_id in article_ids:
        pages[article_id] = hostile.get(f"/articles/{article_id}").text
    for name, html in pages.items():
        assert "<script>" not in html, name
        assert "<img src=x" not in html, name
        assert 'href="javascript:' not in html, name
        assert 'onmouseover="x' not in html, name
        assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html, name


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://a.test/x?y=1", "https://a.test/x?y=1"),
        ("HTTP://a.test", "HTTP://a.test"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,hi", None),
        ("//a.test/x", None),
        ("http:///nohost", None),
        ("", None),
        (None, None),
    ],
)
def test_only_http_links(url: str | None, link: str | None) -> None:
    assert http_url(url) == link


def test_article_links_safe(tmp_path: Path, models: Models) -> None:
    store = open_store(str(tmp_path / "links.db"))
    articles = store_hostile(store)
    with TestClient(create_app(store, models=models)) as client:
        for article in articles:
            html = client.get(f"/articles/{article.id}").text
            assert "(not an http link)" in html or 'rel="noopener noreferrer nofollow"' in html
            assert f'href="{article.url}"' not in html
    store.close()


def test_headers_on_unhandled_error(tmp_path: Path, models: Models) -> None:
    """An error no handler knows still answers 500 with the security headers."""
    store = open_store(str(tmp_path / "news.db"))
    app = create_app(store, models=models)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("boom")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom")
    store.close()
    assert response.status_code == 500
    assert response.headers["content-security-policy"] == EXPECTED_CSP
    assert response.headers["x-content-type-options"] == "nosniff"
