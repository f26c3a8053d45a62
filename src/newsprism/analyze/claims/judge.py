"""Aligned statements and disputes become the story's claims and conflicts.

A claim is one group of aligned statements (``align``): its text is its first
statement's words, its status
- ``conflicting`` when one of its statements is on a side of a conflict (the statements
  of the other sides are its contradicting evidence);
- ``corroborated`` when at least two independent sources state it;
- ``single_source`` otherwise: a fact one outlet alone reports is a claim too.

Independence: articles that copy each other (shared text) or that name another's outlet
as their source count once; so do two articles of one outlet.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from newsprism.analyze.claims.assertions import STANCE_VERBS
from newsprism.analyze.claims.statements import Statement
from newsprism.analyze.claims.values import Value
from newsprism.records import (
    Claim,
    ClaimKind,
    ClaimStatus,
    ClaimValue,
    Conflict,
    ConflictKind,
    ConflictSide,
    Entity,
    Evidence,
    Span,
    spans_id,
)


@dataclass(frozen=True)
class Sides:
    """A conflict as statement indices by side, with the record it becomes."""

    sides: tuple[tuple[int, ...], ...]
    conflict: Conflict


def conflict_record(
    about: str,
    kind: ConflictKind,
    sides: Sequence[Sequence[tuple[Span, str | None]]],
) -> Conflict:
    """A conflict from its sides: each a list of (evidence span, the value's words)."""
    records = tuple(
        ConflictSide(own_words(side[0][0].text), tuple(s for s, _ in side), side[0][1])
        for side in sides
    )
    spans = [s for side in sides for s, _ in side]
    return Conflict(spans_id("c", spans), about, records, kind)


def claims(
    statements: Sequence[Statement],
    values: Sequence[Sequence[Value]],
    groups: Sequence[Sequence[int]],
    disputes: Sequence[Sides],
    entities: Sequence[Entity],
    outlets: Mapping[str, str],
    dependent: Mapping[str, set[str]],
) -> tuple[Claim, ...]:
    """One claim per group of aligned statements, conflicting ones first, then the most
    widely stated."""
    side_of: dict[int, list[tuple[Sides, int]]] = {}
    for dispute in disputes:
        for k, side in enumerate(dispute.sides):
            for member in side:
                side_of.setdefault(member, []).append((dispute, k))
    subject_at = _subjects(entities)
    found = []
    for group in groups:
        head = statements[group[0]]
        supports = list(group)
        against: list[int] = []
        for dispute, k in (d for m in group for d in side_of.get(m, ())):
            others = [m for j, side in enumerate(dispute.sides) if j != k for m in side]
            against += [m for m in others if m not in group and m not in against]
            supports = [m for m in supports if m not in others or m == group[0]]
        evidence = [Evidence(statements[m].span, "supports") for m in supports]
        evidence += [Evidence(statements[m].span, "contradicts") for m in against]
        status: ClaimStatus
        if against:
            status = "conflicting"
        elif independent({statements[m].span.article for m in supports}, outlets, dependent) >= 2:
            status = "corroborated"
        else:
            status = "single_source"
        head_values = tuple(_value_record(v) for v in values[group[0]])
        found.append(
            Claim(
                id=spans_id("k", [e.span for e in evidence]),
                kind=_kind(head, values[group[0]]),
                text=own_words(head.span.text),
                status=status,
                evidence=tuple(evidence),
                subject=subject_at(head.span),
                value=head_values[0].normalized if head_values else None,
                statement="; ".join(v.normalized for v in head_values),
                predicate=head.verb,
                values=head_values,
            )
        )
    order = {"conflicting": 0, "corroborated": 1, "single_source": 2}
    found.sort(key=lambda c: (order[c.status], -len(c.evidence)))
    return tuple(found)


def independent(
    article_ids: set[str], outlets: Mapping[str, str], dependent: Mapping[str, set[str]]
) -> int:
    """How many independent sources among the articles: copies, citers and one outlet's
    articles count once."""
    parent = {a: a for a in article_ids}

    def root(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    by_outlet: dict[str, str] = {}
    for article in sorted(article_ids):
        first = by_outlet.setdefault(outlets.get(article, article), article)
        parent[root(article)] = root(first)
        for other in dependent.get(article, ()):
            if other in parent:
                parent[root(article)] = root(other)
    return len({root(a) for a in article_ids})


def own_words(text: str) -> str:
    """An article's words as a reader sees them in one line: whitespace folded, nothing
    else changed."""
    return " ".join(text.split())


def _kind(statement: Statement, values: Sequence[Value]) -> ClaimKind:
    if any(v.kind == "count" for v in values):
        return "quantity"
    if statement.verb in STANCE_VERBS:
        return "statement"
    return "attribute" if statement.verb in (None, "be", "have") else "event"


def _value_record(value: Value) -> ClaimValue:
    return ClaimValue(value.kind, value.span, value.normalized, value.low, value.high)


def _subjects(entities: Sequence[Entity]) -> Callable[[Span], str | None]:
    """The entity a statement is about: the one it mentions first."""
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for entity in entities:
        for mention in entity.mentions:
            by_article.setdefault(mention.article, []).append(
                (mention.start, mention.end, entity.id)
            )
    for mentions in by_article.values():
        mentions.sort()

    def subject_at(span: Span) -> str | None:
        for start, end, entity_id in by_article.get(span.article, ()):
            if start >= span.start and end <= span.end:
                return entity_id
        return None

    return subject_at
