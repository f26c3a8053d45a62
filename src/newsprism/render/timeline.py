"""When each article of a story came out, on a scale from the first date to the last.

Only articles whose own date is known take part; with fewer than two such dates there is
no timeline to draw.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from newsprism.records import Article, Story
from newsprism.render.views import outlet_name, shown_published


@dataclass(frozen=True)
class TimelineEntry:
    article: str
    outlet: str
    title: str
    published: str
    day: int
    """Days after the first dated article."""
    position: float
    """``day`` as a share of the timeline's span, 0..1."""


@dataclass(frozen=True)
class Timeline:
    first: str
    last: str
    days: int
    entries: tuple[TimelineEntry, ...]
    undated: int
    """Articles of the story without a known date."""


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def story_timeline(story: Story, articles: Sequence[Article]) -> Timeline | None:
    by_id = {a.id: a for a in articles}
    dated = [(d, by_id[i]) for i in story.article_ids if (d := _day(by_id[i].published))]
    if len(dated) < 2:
        return None
    dated.sort(key=lambda pair: pair[0])
    first, last = dated[0][0], dated[-1][0]
    days = (last - first).days
    entries = tuple(
        TimelineEntry(
            a.id,
            outlet_name(a),
            a.title or "(untitled)",
            shown_published(a.published),
            (d - first).days,
            (d - first).days / days if days else 0.0,
        )
        for d, a in dated
    )
    return Timeline(
        first.isoformat(), last.isoformat(), days, entries, len(story.article_ids) - len(dated)
    )
