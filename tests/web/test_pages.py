"""The HTML pages: list (search, filters, pages), story, article, docs, errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.models import Models
from newsprism.pipeline import ingest
from newsprism.store import Store, open_store
from newsprism.web import create_app

DAM_TITLE = "Brenmoor Dam spillway collapse floods villages near Aldmouth, 12 dead"


def story_links(html: str) -> list[str]:
    return re.findall(r'<a class="story-link" href="/stories/([^"]+)"', html)


def test_list_newest_first(client: TestClient, dam_id: str, football_id: str) -> None:
    response = client.get("/")
    assert response.status_code == 200
    # the dam story runs to 16 October, the football item is from 14 October
    assert story_links(response.text) == [dam_id, football_id]
    assert DAM_TITLE in response.text
    assert "2 stories" in response.text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "spillway"}, ["dam"]),
        ({"q": "SEMI-FINALS"}, ["football"]),
        ({"q": "spillway semi-finals"}, []),
        ({"q": "100%"}, []),
        ({"entity": "Demirchanow"}, ["dam"]),
        ({"entity": "Lisk Athletic"}, ["football"]),
        ({"entity": "Nobody Atall"}, []),
        ({"outlet": "Riverside Bulletin"}, ["dam"]),
        ({"outlet": "Meridian News Agency"}, ["dam", "football"]),
        ({"since": "2025-10-15"}, ["dam"]),
        ({"until": "2025-10-14"}, ["dam", "football"]),
        ({"since": "2025-10-15", "until": "2025-10-15"}, ["dam"]),
        ({"since": "2025-10-17"}, []),
        ({"q": "flood", "outlet": "Harbor Ledger", "since": "2025-10-14"}, ["dam"]),
    ],
)
def test_search_and_filters(
    client: TestClient,
    dam_id: str,
    football_id: str,
    params: dict[str, str],
    expected: list[str],
) -> None:
    ids = {"dam": dam_id, "football": football_id}
    response = client.get("/", params=params)
    assert response.status_code == 200
    assert story_links(response.text) == [ids[name] for name in expected]
    for value in params.values():  # the form keeps what was asked
        assert f'value="{value}"' in response.text


def test_outlet_choices(client: TestClient) -> None:
    html = client.get("/").text
    for outlet in ("Harbor Ledger", "Northern Courier", "Valdoria Daily Wire"):
        assert f'<option value="{outlet}">' in html


def test_pages(client: TestClient, dam_id: str, football_id: str) -> None:
    first = client.get("/", params={"per_page": 1}).text
    assert story_links(first) == [dam_id]
    assert 'href="/?per_page=1&amp;page=2"' in first and 'rel="prev"' not in first
    second = client.get("/", params={"per_page": 1, "page": 2}).text
    assert story_links(second) == [football_id]
    assert 'rel="prev"' in second and 'rel="next"' not in second
    assert story_links(client.get("/", params={"page": 3}).text) == []


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"since": "14/10/2025"}, "since must be a day"),
        ({"since": "2024-13-45"}, "since must be a day"),
        ({"page": 0}, "page must be"),
        ({"page": "99999999999999999999"}, "page must be at most"),
    ],
)
def test_bad_parameters(client: TestClient, params: dict[str, object], message: str) -> None:
    response = client.get("/", params=params)
    assert response.status_code == 400
    assert message in response.text


def test_story_page(client: TestClient, corpus_store: Store, dam_id: str) -> None:
    response = client.get(f"/stories/{dam_id}")
    assert response.status_code == 200
    html = response.text
    assert f"<h2>{DAM_TITLE}</h2>" in html
    titles = [a.title for a in corpus_store.articles() if "Brenmoor" in a.text]
    assert len(titles) == 6
    for article in corpus_store.articles():
        if "Brenmoor" in article.text:
            assert f'<article id="{article.id}"' in html
            assert f'href="/articles/{article.id}"' in html
    assert html.count('<details class="cite">') >= 4
    assert 'href="/static/report.css"' in html


def test_article_page(client: TestClient, corpus_store: Store, dam_id: str) -> None:
    ledger = next(a for a in corpus_store.articles() if a.outlet == "Harbor Ledger")
    html = client.get(f"/articles/{ledger.id}").text
    assert f"<h1>{ledger.title}</h1>" in html
    assert "2025-10-14" in html
    assert f'href="/stories/{dam_id}"' in html
    assert "Brenmoor" in html
    assert "Removed by cleaning" in html
    assert len(ledger.removed) > 0
    for piece in ledger.removed[:3]:
        assert piece.reason in html
    assert 'rel="noopener noreferrer nofollow"' in html  # its URL is an https link


@pytest.mark.parametrize(
    ("path", "kind"),
    [("/stories/s0000nothing", "story"), ("/articles/a0000nothing", "article")],
)
def test_not_found_names_the_id(client: TestClient, path: str, kind: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert f"no {kind} with id &#39;{path.rsplit('/', 1)[1]}&#39;" in response.text


def test_unknown_page(client: TestClient) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "/no/such/page" in response.text


def test_docs_offline(client: TestClient) -> None:
    """No Swagger UI from a CDN: a page built from the OpenAPI description, no scripts."""
    html = client.get("/docs").text
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}"):
        assert f"<code>{path}</code>" in html
    assert "<script" not in html and "cdn" not in html.lower()
    spec = client.get("/openapi.json").json()
    assert {"/api/stories", "/api/ingest"} <= spec["paths"].keys()
    assert client.get("/redoc").status_code == 404


def test_stylesheets(client: TestClient) -> None:
    for path in ("/static/report.css", "/static/app.css"):
        response = client.get(path)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/css")
        assert "{" in response.text


def test_a_query_the_page_cannot_take_is_an_html_error_page(client: TestClient) -> None:
    response = client.get("/", params={"per_page": "many"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert "per_page" in response.text


def test_head_on_pages(client: TestClient, dam_id: str) -> None:
    for path in ("/", f"/stories/{dam_id}", "/docs"):
        response = client.head(path)
        assert response.status_code == 200, path
        assert response.content == b""


def test_a_nul_in_the_search_is_no_wildcard(client: TestClient) -> None:
    everything = story_links(client.get("/").text)
    assert len(everything) > 1
    assert story_links(client.get("/", params={"q": "\x00zzqqxx"}).text) == []


def test_a_story_not_yet_analysed_is_analysed_in_the_background(
    db: str, examples_dir: Path, models: Models
) -> None:
    """No request waits for an analysis: the first view says the story is being analysed
    (202, Retry-After), the background worker analyses it, and the next view shows it."""
    store = open_store(db)
    report = ingest([str(examples_dir)], store, models=models)  # placed, not analysed
    story_id = next(iter(set(report.placed.values())))
    app = create_app(store, models=models)
    with TestClient(app) as client:
        first = client.get(f"/stories/{story_id}")
        assert first.status_code == 202
        assert first.headers["retry-after"] == "5"
        assert "being analysed" in first.text
        api = client.get(f"/api/stories/{story_id}")
        assert api.status_code == 202 and api.json()["detail"] == "being analysed"
        app.state.newsprism.analyser.wait(story_id, timeout=300)
        assert client.get(f"/stories/{story_id}").status_code == 200
        assert client.get(f"/api/stories/{story_id}").json()["id"] == story_id
    store.close()
