"""The analysis cache: reused while a story's members are unchanged, redone when they
change; analysed actors' names find their stories."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from newsprism.errors import NotFoundError
from newsprism.models import Models
from newsprism.pipeline import stored_article, stored_story
from newsprism.records import Article
from newsprism.store import Store
from newsprism.store.analyses import load_analysis, save_analysis, signature, story_analyses
from newsprism.store.browse import StoryQuery, find_stories
from newsprism.store.stories import set_memberships
from tests.web.hostile import STORY_ID, store_hostile


def test_signature_ignores_order() -> None:
    assert signature(["a1", "a2"]) == signature(["a2", "a1"]) != signature(["a1"])


def test_stale_analysis_not_returned(store: Store) -> None:
    save_analysis(store.engine, "s1", signature(["a1"]), {"id": "s1"}, ["Ilyas Demirkhanov"])
    assert load_analysis(store.engine, "s1", signature(["a1"])) == {"id": "s1"}
    assert load_analysis(store.engine, "s1", signature(["a1", "a2"])) is None
    assert load_analysis(store.engine, "s2", signature(["a1"])) is None


def test_analysed_names_find_the_story(store: Store) -> None:
    """An actor's name from the analysis finds the story even with no features stored."""
    articles = store_hostile(store)
    save_analysis(store.engine, STORY_ID, signature(a.id for a in articles), {}, ["NVHA  Board"])
    assert find_stories(store.engine, StoryQuery(entity="nvha board")).total == 1
    assert find_stories(store.engine, StoryQuery(entity="NVHA Bored")).total == 0


def test_members_change_analysis_redone(store: Store, models: Models) -> None:
    first_two = store_hostile(store)
    story, members = stored_story(store, STORY_ID, models)
    assert story.id == STORY_ID and {a.id for a in members} == {a.id for a in first_two}
    assert story.entities, "the governor is named in both articles"
    assert find_stories(store.engine, StoryQuery(entity="demirkhanov")).total == 1
    again, _ = stored_story(store, STORY_ID, models)
    assert again == story

    third = replace(first_two[0], text=first_two[0].text + "\n\nMore rain is expected.")
    third = replace(third, id=Article.make_id(third.outlet, third.title, third.text))
    store.add_articles([third])
    set_memberships(store.engine, {third.id: STORY_ID})
    grown, members = stored_story(store, STORY_ID, models)
    assert len(grown.article_ids) == 3 and third.id in {a.id for a in members}
    with store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(story_analyses)) == 1
    article, summary = stored_article(store, third.id)
    assert article == third and summary is not None and summary.id == STORY_ID


def test_missing_ids(store: Store, models: Models) -> None:
    with pytest.raises(NotFoundError, match="no story with id 'sNONE'"):
        stored_story(store, "sNONE", models)
    with pytest.raises(NotFoundError, match="no article with id 'aNONE'"):
        stored_article(store, "aNONE")
