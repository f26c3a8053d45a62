"""A reader's path through the app and the static report, in chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from newsprism.models import Models
from newsprism.pipeline import stored_story
from newsprism.records.results import Analysis
from newsprism.render.html import render_html
from newsprism.store import Store
from newsprism.store.browse import StoryQuery
from tests.e2e.conftest import Shoot, Watched

pytestmark = pytest.mark.browser

DAM_TITLE = "Brenmoor Dam spillway collapse floods villages near Aldmouth, 12 dead"


def reveal_first_citation(page: Page) -> None:
    """Open a brief sentence's citations: its evidence, hidden before, shows."""
    cite = page.locator("details.cite").first
    evidence = cite.locator("ul.evidence")
    expect(evidence).to_be_hidden()
    cite.locator("summary").click()
    expect(evidence).to_be_visible()
    expect(evidence.locator("q").first).not_to_be_empty()


def test_list_story_article_and_back(app_url: str, watched: Watched, shoot: Shoot) -> None:
    page = watched.page
    page.goto(app_url + "/")
    expect(page.locator("h1")).to_have_text("Stories")
    links = page.locator("a.story-link")
    expect(links).to_have_count(2)
    expect(links.first).to_have_text(DAM_TITLE)
    shoot(page, "list")

    links.first.click()
    expect(page).to_have_url(re.compile(r"/stories/s[0-9a-f]+$"))
    story_url = page.url
    expect(page.locator("section.story h2").first).to_have_text(DAM_TITLE)
    expect(page.locator("section.story article")).to_have_count(6)
    shoot(page, "story")

    first_article = page.locator("a.article-link").first
    title = first_article.inner_text()
    first_article.click()
    expect(page).to_have_url(re.compile(r"/articles/a[0-9a-f]+$"))
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator("section.removed li").first).to_be_visible()
    shoot(page, "article")

    page.go_back()
    expect(page).to_have_url(story_url)
    reveal_first_citation(page)
    shoot(page, "story-citation")
    assert watched.dialogs == []
    assert not [m for m in watched.console if "Content Security Policy" in m]


def test_search_form(app_url: str, watched: Watched) -> None:
    page = watched.page
    page.goto(app_url + "/")
    page.get_by_label("Actor").fill("Demirchanow")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"entity=Demirchanow"))
    expect(page.locator("a.story-link")).to_have_text([DAM_TITLE])
    page.get_by_label("Outlet").select_option("Riverside Bulletin")
    page.get_by_label("Actor").fill("")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("a.story-link")).to_have_text([DAM_TITLE])


def test_docs_page(app_url: str, watched: Watched, shoot: Shoot) -> None:
    page = watched.page
    page.goto(app_url + "/docs")
    expect(page.locator("code", has_text="/api/stories/{story_id}")).to_be_visible()
    shoot(page, "docs")


def test_static_report(
    sqlite_corpus_store: Store, models: Models, tmp_path: Path, watched: Watched, shoot: Shoot
) -> None:
    ids = [s.id for s in sqlite_corpus_store.browse.find(StoryQuery()).stories]
    analysed = [stored_story(sqlite_corpus_store, story_id, models) for story_id in ids]
    articles = tuple(a for _, members in analysed for a in members)
    report = tmp_path / "report.html"
    report.write_text(
        render_html(Analysis(articles, tuple(s for s, _ in analysed), ())), encoding="utf-8"
    )
    page = watched.page
    page.goto(report.as_uri())
    expect(page.locator("section.story h2").first).to_have_text(DAM_TITLE)
    reveal_first_citation(page)
    shoot(page, "report")
    assert watched.dialogs == []
