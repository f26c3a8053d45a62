"""Script in every article field stays text: in the app's pages and in the static report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from newsprism.models import Models
from newsprism.pipeline import analyse_stored, stored_story
from newsprism.records.results import Analysis
from newsprism.render.html import render_html
from newsprism.store import Store, open_store
from tests.e2e.conftest import Shoot, Watched, serving
from tests.web.hostile import STORY_ID, store_hostile

pytestmark = pytest.mark.browser

JS_HREFS = """() => Array.from(document.querySelectorAll('[href], [src], [action]'))
    .map(e => (e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action')))
    .filter(v => v.trim().toLowerCase().startsWith('javascript:')).length"""
ACTIVE = "() => document.querySelectorAll('script, img, iframe, object, embed, [onerror]').length"


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory, models: Models) -> Iterator[Store]:
    store = open_store(str(tmp_path_factory.mktemp("xss") / "news.db"))
    store_hostile(store)
    analyse_stored(store, [STORY_ID], models)  # as `ingest` does: pages show it at once
    yield store
    store.close()


def assert_inert(watched: Watched, where: str) -> None:
    page: Page = watched.page
    for details in page.locator("details").all():  # show every hidden piece too
        details.evaluate("d => { d.open = true; }")
    assert page.evaluate("() => window.__xss") is None, where
    assert watched.dialogs == [], where
    assert page.evaluate(JS_HREFS) == 0, where
    assert page.evaluate(ACTIVE) == 0, where
    assert "window.__xss=1" in page.inner_text("body"), f"{where}: the payload shows as text"


def test_app_pages(hostile_store: Store, models: Models, watched: Watched, shoot: Shoot) -> None:
    with serving(hostile_store, models) as url:
        page = watched.page
        page.goto(url + "/")
        assert_inert(watched, "list")
        page.goto(f"{url}/stories/{STORY_ID}")
        assert_inert(watched, "story")
        shoot(page, "xss-story")
        hrefs = [a.get_attribute("href") for a in page.locator("a.article-link").all()]
        assert len(hrefs) == 2
        for href in hrefs:
            page.goto(url + str(href))
            assert_inert(watched, str(href))
        shoot(page, "xss-article")
    assert not [m for m in watched.console if "Content Security Policy" in m]


def test_report(
    hostile_store: Store, models: Models, tmp_path: Path, watched: Watched, shoot: Shoot
) -> None:
    story, articles = stored_story(hostile_store, STORY_ID, models)
    report = tmp_path / "hostile.html"
    report.write_text(render_html(Analysis(tuple(articles), (story,), ())), encoding="utf-8")
    watched.page.goto(report.as_uri())
    assert_inert(watched, "report")
    shoot(watched.page, "xss-report")
