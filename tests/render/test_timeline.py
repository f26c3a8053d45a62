"""The timeline: dated articles on the story's scale; none with fewer than two dates."""

from __future__ import annotations

from newsprism.records import Article, Story
from newsprism.render.timeline import story_timeline


def article(article_id: str, published: str | None) -> Article:
    return Article(article_id, "s", None, f"O{article_id}", None, published, "en", "x")


def test_scale_and_order() -> None:
    articles = [
        article("a1", "2024-02-11"),
        article("a2", "2024-02-07T09:30:00+00:00"),
        article("a3", None),
        article("a4", "2024-02-09"),
        article("a5", "not a date"),
    ]
    timeline = story_timeline(Story("s", "T", tuple(a.id for a in articles)), articles)
    assert timeline is not None
    assert (timeline.first, timeline.last, timeline.days, timeline.undated) == (
        "2024-02-07",
        "2024-02-11",
        4,
        2,
    )
    assert [(e.article, e.day, e.position) for e in timeline.entries] == [
        ("a2", 0, 0.0),
        ("a4", 2, 0.5),
        ("a1", 4, 1.0),
    ]
    assert timeline.entries[0].title == "(untitled)" and timeline.entries[0].outlet == "Oa2"


def test_same_day() -> None:
    articles = [article("a1", "2024-02-11"), article("a2", "2024-02-11")]
    timeline = story_timeline(Story("s", "T", ("a1", "a2")), articles)
    assert timeline is not None and timeline.days == 0
    assert [e.position for e in timeline.entries] == [0.0, 0.0]


def test_fewer_than_two_dates() -> None:
    articles = [article("a1", "2024-02-11"), article("a2", None)]
    assert story_timeline(Story("s", "T", ("a1", "a2")), articles) is None
