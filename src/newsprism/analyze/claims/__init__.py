"""Facts across outlets: what each article states, aligned by meaning, compared by value.

The stages, in order:
1. ``statements``: each article's sentences, verbatim;
2. ``values``: the numbers, days, dates and times each statement gives, typed;
3. ``align``: statements of different articles that state one fact, grouped;
4. ``conflicts``: statements about one point whose values cannot both be true, and
   ``compare``: roles and positions the articles give one actor that exclude each other;
5. ``judge``: claims (one per group) with a status, and conflicts with a kind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from newsprism.analyze.claims.align import Similarity, align, extend
from newsprism.analyze.claims.assertions import (
    Assertion,
    attribute_assertions,
    statement_assertions,
)
from newsprism.analyze.claims.compare import compare
from newsprism.analyze.claims.conflicts import about, clashes, disputes
from newsprism.analyze.claims.copies import variant_about, variants
from newsprism.analyze.claims.judge import Sides, claims, conflict_record
from newsprism.analyze.claims.quantities import find_quantities
from newsprism.analyze.claims.statements import Statement, statements
from newsprism.analyze.claims.values import Value, statement_values
from newsprism.analyze.claims.when import article_day
from newsprism.records import Article, Claim, Conflict, Entity, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

Embed = Callable[[list[str]], np.ndarray]

__all__ = ["Facts", "find_facts"]


@dataclass(frozen=True)
class Facts:
    claims: tuple[Claim, ...]
    conflicts: tuple[Conflict, ...]


def find_facts(
    articles: Sequence[Article],
    docs: Sequence[Doc],
    entities: Sequence[Entity],
    dependent: Mapping[str, set[str]],
    embed: Embed,
) -> Facts:
    """The claims and conflicts of one story (``docs`` parse ``articles``, in order;
    ``dependent[a]`` are the articles ``a`` copied or cited, or that copied it)."""
    found: list[Statement] = []
    values: list[list[Value]] = []
    for article, doc in zip(articles, docs, strict=True):
        quantities = find_quantities(article, doc)
        for statement in statements(article, doc):
            found.append(statement)
            values.append(statement_values(article, doc, statement.span, quantities))
    similarity = Similarity(found, embed([s.span.text for s in found]))
    published = {a.id: article_day(a.published) for a in articles}
    sides = [
        Sides(
            tuple(tuple(i for i, _ in side) for side in dispute.sides),
            conflict_record(
                about(dispute),
                dispute.kind,
                [[(found[i].span, value.span.text) for i, value in side] for side in dispute.sides],
            ),
        )
        for dispute in disputes(values, similarity, published)
    ]
    sides += [
        Sides(
            tuple(tuple(i for i, _ in side) for side in variant.sides),
            conflict_record(
                variant_about(variant),
                "hard",
                [[(found[i].span, words.text) for i, words in side] for side in variant.sides],
            ),
        )
        for variant in variants(found, similarity)
    ]
    sides += _assertion_conflicts(articles, docs, entities, dependent, embed, found)
    outlets = {a.id: (a.outlet or a.id).lower() for a in articles}
    groups = extend(similarity, align(similarity, clashes(values)))
    story_claims = claims(
        found, values, groups, sides, entities, outlets, dependent, similarity.pair
    )
    return Facts(story_claims, tuple(s.conflict for s in sides))


def _assertion_conflicts(
    articles: Sequence[Article],
    docs: Sequence[Doc],
    entities: Sequence[Entity],
    dependent: Mapping[str, set[str]],
    embed: Embed,
    found: Sequence[Statement],
) -> Iterator[Sides]:
    """Roles and positions of one actor that exclude each other, with the statements that
    hold each side's words."""
    assertions = list(_assertions(articles, docs, entities))
    for conflict in compare(assertions, articles, dependent, embed).conflicts:
        by_side = tuple(
            tuple(i for span in side.evidence if (i := _holder(found, span)) is not None)
            for side in conflict.sides
        )
        yield Sides(by_side, conflict)


def _holder(found: Sequence[Statement], span: Span) -> int | None:
    """The statement whose words hold ``span``."""
    for index, statement in enumerate(found):
        own = statement.span
        if own.article == span.article and own.start <= span.start < own.end:
            return index
    return None


def _assertions(
    articles: Sequence[Article], docs: Sequence[Doc], entities: Sequence[Entity]
) -> Iterator[Assertion]:
    names = {e.id: e.name for e in entities}
    for article, doc in zip(articles, docs, strict=True):
        entity_at = _entity_tokens(article, doc, entities)
        yield from attribute_assertions(article, doc, entities)
        yield from statement_assertions(article, doc, entity_at, names)


def _entity_tokens(article: Article, doc: Doc, entities: Sequence[Entity]) -> dict[int, str]:
    """Entity id by the character offset of each token inside one of its mentions."""
    at: dict[int, str] = {}
    for entity in entities:
        for mention in entity.mentions:
            if mention.article != article.id:
                continue
            part = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if part is not None:
                at.update((token.idx, entity.id) for token in part)
    return at
