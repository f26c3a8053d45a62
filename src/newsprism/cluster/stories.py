"""From groups of article ids to Story records, with the text their articles share."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsprism.cluster.overlap import Overlap
from newsprism.records import Article, Provenance, SharedText, Story


def build_stories(
    articles: Sequence[Article],
    groups: Sequence[Sequence[str]],
    shared: Mapping[str, Sequence[Overlap]],
    keys: Mapping[str, str] | None = None,
) -> tuple[Story, ...]:
    """Stories in order of their earliest article; ``keys`` gives stored story ids."""
    by_id = {a.id: a for a in articles}
    stories = []
    for group in groups:
        members = sorted((by_id[i] for i in group), key=_chronological)
        ids = tuple(a.id for a in members)
        inside = set(ids)
        provenance = tuple(
            Provenance(
                article=a.id,
                overlaps=tuple(
                    SharedText(o.other, o.similarity)
                    for o in shared.get(a.id, ())
                    if o.other in inside
                ),
            )
            for a in members
        )
        story_id = keys[ids[0]] if keys and ids[0] in keys else Story.make_id(ids)
        stories.append(Story(story_id, story_title(members), ids, provenance))
    return sort_stories(stories, articles)


def sort_stories(stories: Sequence[Story], articles: Sequence[Article]) -> tuple[Story, ...]:
    """Stories in order of their earliest article (each story's articles already in order)."""
    by_id = {a.id: a for a in articles}
    return tuple(sorted(stories, key=lambda s: _chronological(by_id[s.article_ids[0]])))


def _chronological(article: Article) -> tuple[bool, str, str]:
    return (article.published is None, article.published or "", article.id)


def story_title(articles: Sequence[Article]) -> str:
    """The title most articles share, else the earliest article's, else its first line."""
    return Story.make_title([a.title for a in articles], articles[0].text)
