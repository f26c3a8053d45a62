"""Small real inputs for the who-is-who tests: articles, mentions and a story's actors,
through the real parse."""

from __future__ import annotations

from newsprism.analyze.entities import resolve
from newsprism.analyze.entities.aliases import default_aliases
from newsprism.models import Models
from newsprism.nlp import parse
from newsprism.records import Article, Entity, Mention, Span


def holding(entities: list[Entity], surface: str) -> list[Entity]:
    return [e for e in entities if any(m.text == surface for m in e.mentions)]


def one_entity(entities: list[Entity], *surfaces: str) -> Entity:
    found = {e.id for s in surfaces for e in holding(entities, s)}
    assert len(found) == 1, f"{surfaces} fall into {len(found)} entities"
    return next(e for e in entities if e.id in found)


def story_entities(models: Models, *texts: str) -> list[Entity]:
    articles = [
        Article(f"a{n}", f"a{n}", None, f"Outlet {n}", None, None, "en", t)
        for n, t in enumerate(texts)
    ]
    return resolve(
        articles, list(parse(articles, models, default_aliases())), models, default_aliases()
    )


def resolved(models: Models, texts: list[str]) -> list[Entity]:
    """The entities of a story of these texts, one article each, through the real parse."""
    articles = plain_articles(texts)
    return resolve(
        articles, list(parse(articles, models, default_aliases())), models, default_aliases()
    )


def plain_articles(texts: list[str]) -> list[Article]:
    return [
        Article(f"a{n}", f"a{n}", None, f"O{n}", None, None, "en", t) for n, t in enumerate(texts)
    ]


def people_mentions(article: Article, *names: str) -> list[Mention]:
    """Each name's first occurrence at or after the previous one's, as a PERSON mention."""
    found, at = [], 0
    for name in names:
        at = article.text.index(name, at)
        found.append(Mention(Span.of(article, at, at + len(name)), "PERSON"))
        at += len(name)
    return found
