"""The analysis cache: reused while a story's members, the version and the alias table are
unchanged, redone when they change; analysed actors' names find their stories."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import func, select

from newsprism.analyze.entities.aliases import default_aliases, parse_table
from newsprism.errors import NotFoundError
from newsprism.models import Models
from newsprism.pipeline import analysed_story, analysis_key, stored, stored_article, stored_story
from newsprism.records import Article, Entity, Story
from newsprism.store import Store, analyses
from newsprism.store.analyses import signature, story_analyses
from newsprism.store.browse import StoryQuery
from tests.web.hostile import STORY_ID, store_hostile


def test_signature_ignores_order() -> None:
    one, other = signature(["a1", "a2"], aliases="t"), signature(["a2", "a1"], aliases="t")
    assert one == other != signature(["a1"], aliases="t")


def test_signature_holds_the_version_and_the_alias_table(monkeypatch: pytest.MonkeyPatch) -> None:
    key = signature(["a1"], aliases="t")
    assert signature(["a1"], aliases="u") != key
    monkeypatch.setattr(analyses, "__version__", "0.0.0-another")
    assert signature(["a1"], aliases="t") != key


def test_the_key_names_the_alias_table() -> None:
    shipped = default_aliases()
    extended = shipped.extended(parse_table("Vortak Brennisvald\tORG\tVBR\n", "mine.tsv"))
    assert analysis_key(["a2", "a1"]) == analysis_key(["a1", "a2"], shipped)
    assert analysis_key(["a1", "a2"], extended) != analysis_key(["a1", "a2"], shipped)


def test_stale_analysis_not_returned(store: Store) -> None:
    story = Story("s1", "Dam fails", ("a1",))
    key = signature(["a1"], aliases="t")
    store.analyses.save("s1", key, story)
    assert store.analyses.load("s1", key) == story
    assert store.analyses.load("s1", signature(["a1", "a2"], aliases="t")) is None
    assert store.analyses.load("s1", signature(["a1"], aliases="u")) is None
    assert store.analyses.load("s2", key) is None


def test_analysed_names_find_the_story(store: Store) -> None:
    """An actor's name from the analysis finds the story even with no features stored."""
    articles = store_hostile(store)
    board = Entity("e1", "NVHA  Board", "ORG", ())
    story = Story(STORY_ID, "Dam fails", tuple(a.id for a in articles), entities=(board,))
    store.analyses.save(STORY_ID, signature(story.article_ids, aliases="t"), story)
    assert store.browse.find(StoryQuery(entity="nvha board")).total == 1
    assert store.browse.find(StoryQuery(entity="NVHA Bored")).total == 0


def test_members_change_analysis_redone(
    store: Store, models: Models, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second view is a cache hit (no analysis runs); new members make it run again."""
    runs: list[int] = []
    real = stored.analyse_groups

    def counted(*args: Any, **kwargs: Any) -> Any:
        runs.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(stored, "analyse_groups", counted)
    first_two = store_hostile(store)
    story, members = stored_story(store, STORY_ID, models)
    assert len(runs) == 1
    assert story.id == STORY_ID and {a.id for a in members} == {a.id for a in first_two}
    assert story.entities, "the governor is named in both articles"
    assert store.browse.find(StoryQuery(entity="demirkhanov")).total == 1
    again, _ = stored_story(store, STORY_ID, models)
    assert again == story and len(runs) == 1, "the second view reads the cache"
    assert analysed_story(store, STORY_ID) == (story, members)
    mine = default_aliases().extended(parse_table("Dam Board\tORG\tDB\n", "mine.tsv"))
    assert analysed_story(store, STORY_ID, mine) is None, "another table, another analysis"

    third = replace(first_two[0], text=first_two[0].text + "\n\nMore rain is expected.")
    third = replace(third, id=Article.make_id(third.outlet, third.title, third.text))
    store.add_articles([third])
    store.stories.set_memberships({third.id: STORY_ID})
    grown, members = stored_story(store, STORY_ID, models)
    assert len(runs) == 2, "a new member makes the analysis run again"
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
