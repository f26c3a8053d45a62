"""Small real inputs for the claims tests: articles, their statements, values and facts,
through the real parse and embeddings."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newsprism.analyze.claims import Facts, find_facts
from newsprism.analyze.claims.quantities import find_quantities
from newsprism.analyze.claims.statements import statements
from newsprism.analyze.claims.values import Value, statement_values
from newsprism.analyze.entities import resolve
from newsprism.analyze.entities.aliases import default_aliases
from newsprism.analyze.provenance.outlets import outlet_keys
from newsprism.models import Models
from newsprism.nlp import parse
from newsprism.records import Article, Conflict, Entity, Span


def story_article(outlet: str, text: str, published: str | None = None) -> Article:
    return Article(
        Article.make_id(outlet, None, text),
        f"{outlet}.txt",
        None,
        outlet,
        None,
        published,
        "en",
        text,
    )


def story_facts_and_entities(
    models: Models, articles: Sequence[Article]
) -> tuple[Facts, list[Entity]]:
    """The facts of a story with its actors resolved, as ``analyze`` finds them."""
    docs = list(parse(articles, models, default_aliases()))
    entities = resolve(articles, docs, models, default_aliases())
    facts = find_facts(articles, docs, entities, outlet_keys(articles), {}, models.embedder)
    return facts, entities


def two_outlet_conflicts(
    models: Models,
    one: str,
    other: str,
    about: Callable[[str], bool],
    days: tuple[str | None, str | None] = (None, None),
) -> list[Conflict]:
    """The conflicts whose ``about`` passes ``about`` in a story of two outlets' articles
    (published on ``days``); every side's evidence is checked to be the articles' own words
    at its offsets."""
    articles = [story_article("Alpha", one, days[0]), story_article("Beta", other, days[1])]
    facts, _ = story_facts_and_entities(models, articles)
    found = [c for c in facts.conflicts if about(c.about)]
    texts = {a.id: a.text for a in articles}
    for conflict in found:
        for side in conflict.sides:
            for span in side.evidence:
                assert span.text == texts[span.article][span.start : span.end]
    return found


def story_facts(models: Models, articles: Sequence[Article]) -> Facts:
    docs = list(parse(articles, models, default_aliases()))
    return find_facts(articles, docs, [], outlet_keys(articles), {}, models.embedder)


def read_values(models: Models, text: str) -> list[Value]:
    article = story_article("x", text)
    (doc,) = parse([article], models, default_aliases())
    quantities = find_quantities(article, doc)
    return [
        v
        for s in statements(article, doc)
        for v in statement_values(article, doc, s.span, quantities)
    ]


def statement_spans(models: Models, text: str) -> list[Span]:
    article = story_article("x", text)
    (doc,) = parse([article], models, default_aliases())
    return [s.span for s in statements(article, doc)]


def claim_about(facts: Facts, entities: list[Entity], opening: str) -> str | None:
    """The name of the actor the one claim opening with these words is about."""
    (claim,) = [c for c in facts.claims if c.text.startswith(opening)]
    return next((e.name for e in entities if e.id == claim.subject), None)
