"""Aligned statements and disputes become the story's claims and conflicts.

A claim is one group of aligned statements (``align``): its text is its most central
statement's words (the one most alike the others), its status
- ``conflicting`` when one of its statements is on a side of a conflict (the statements
  of the other sides are its contradicting evidence);
- ``corroborated`` when at least two independent sources state it;
- ``single_source`` otherwise: a fact one outlet alone reports is a claim too.

Independence: articles that copy each other (shared text) or that name another's outlet
as their source count once; so do two articles of one outlet (one outlet key,
``analyze.provenance.outlets.outlet_key``: "NY Post" and "New York Post" are one outlet).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from newsprism import lexicon
from newsprism.analyze.claims.assertions import STANCE_VERBS
from newsprism.analyze.claims.statements import Statement
from newsprism.analyze.claims.values import Value, apart
from newsprism.analyze.mentions import MentionIndex
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
from newsprism.settings import DEFAULT_ANALYSIS, AnalysisSettings


@dataclass(frozen=True)
class Sides:
    """A conflict as statement indices by side, with the record it becomes."""

    sides: tuple[tuple[int, ...], ...]
    conflict: Conflict
    partial: bool = False
    """Disputed are words inside the statements (a role, a home), not what they state: a
    claim is contradicted only when its own text holds them."""


def conflict_record(
    about: str,
    kind: ConflictKind,
    sides: Sequence[Sequence[tuple[Span, str | None]]],
) -> Conflict:
    """A conflict from its sides: each a list of (evidence span, the value's words); a
    clause is left out of a side that holds its whole sentence (one article's words shown
    once)."""
    sides = [_outermost(side) for side in sides]
    records = tuple(
        ConflictSide(own_words(side[0][0].text), tuple(s for s, _ in side), side[0][1])
        for side in sides
    )
    spans = [s for side in sides for s, _ in side]
    return Conflict(spans_id("c", spans), about, records, kind)


def _outermost(side: Sequence[tuple[Span, str | None]]) -> list[tuple[Span, str | None]]:
    """The side's evidence without the spans another of its spans holds (the first of two
    equal ones kept)."""

    def held(n: int, span: Span) -> bool:
        for m, (other, _) in enumerate(side):
            if m == n or other.article != span.article:
                continue
            inside = other.start <= span.start and span.end <= other.end
            if inside and ((other.start, other.end) != (span.start, span.end) or m < n):
                return True
        return False

    return [(span, words) for n, (span, words) in enumerate(side) if not held(n, span)]


def claims(
    statements: Sequence[Statement],
    values: Sequence[Sequence[Value]],
    groups: Sequence[Sequence[int]],
    disputes: Sequence[Sides],
    entities: Sequence[Entity],
    outlets: Mapping[str, str],
    dependent: Mapping[str, set[str]],
    alike: Callable[[int, int], float],
    settings: AnalysisSettings = DEFAULT_ANALYSIS,
) -> tuple[Claim, ...]:
    """One claim per group of aligned statements, and one per figure that only one member
    of a group gives; conflicting claims first, then the most widely stated.

    A group's text is its most central statement (the one most alike the others): the
    words the outlets share, not one outlet's fullest sentence; a statement that is already
    another claim's text is taken only when no other member can be. ``alike(i, j)`` is the
    similarity of statements i and j."""
    side_of: dict[int, list[tuple[Sides, int]]] = {}
    for dispute in disputes:
        for k, side in enumerate(dispute.sides):
            for member in side:
                side_of.setdefault(member, []).append((dispute, k))
    subject_at = subjects(entities, statements)
    by_key: dict[str, list[Value]] = {}
    for value in (v for vs in values for v in vs):
        by_key.setdefault(value.key, []).append(value)
    found = []
    group_of = {m: k for k, group in enumerate(groups) for m in group}
    heads: set[str] = set()
    figures: set[tuple[str, int, int]] = set()
    for group in groups:
        if _restated(group, statements, group_of):
            continue
        head = max(
            group,
            key=lambda m: (statements[m].span.text not in heads, _closeness(m, group, alike), -m),
        )
        heads.add(statements[head].span.text)
        supports, against = _stances(group, head, side_of, statements)
        articles = {statements[m].span.article for m in supports}
        status: ClaimStatus
        if against:
            status = "conflicting"
        elif independent(articles, outlets, dependent) >= 2:
            status = "corroborated"
        else:
            status = "single_source"
        evidence = [Evidence(statements[m].span, "supports") for m in supports]
        evidence += [Evidence(statements[m].span, "contradicts") for m in against]
        found.append(_claim(statements[head], values[head], status, evidence, subject_at))
        if len(articles) < 2:
            continue
        for m, value, clause in _lone_figures(group, values, by_key, settings):
            where = (value.span.article, value.span.start, value.span.end)
            if where in figures:  # read in a sentence and its clause, or in two groups
                continue
            figures.add(where)
            alone = [Evidence(clause, "supports")]
            found.append(_claim(statements[m], (value,), "single_source", alone, subject_at))
    order = {"conflicting": 0, "corroborated": 1, "single_source": 2}
    found.sort(key=lambda c: (order[c.status], -len(c.evidence)))
    return tuple(found)


def _restated(
    group: Sequence[int], statements: Sequence[Statement], group_of: Mapping[int, int]
) -> bool:
    """Whether a group of clauses says nothing its sentences' claim does not: a clause no
    other article states, or clauses whose sentences are grouped together as well."""
    if any(statements[m].sentence for m in group):
        return False
    if len(group) == 1:
        return True
    parents = {group_of.get(statements[m].parent, -1) for m in group}
    return len(parents) == 1 and -1 not in parents


def _closeness(member: int, group: Sequence[int], alike: Callable[[int, int], float]) -> float:
    others = [m for m in group if m != member]
    return sum(alike(member, m) for m in others) / len(others) if others else 0.0


def _stances(
    group: Sequence[int],
    head: int,
    side_of: Mapping[int, list[tuple[Sides, int]]],
    statements: Sequence[Statement],
) -> tuple[list[int], list[int]]:
    """The group's statements that support the head's reading (the head first), and the
    statements of the other sides of any conflict a member is on (articles that support
    it left out)."""
    opposing: list[int] = []
    for member in sorted(group, key=lambda m: m != head):
        for dispute, k in side_of.get(member, ()):
            if dispute.partial and member != head:
                continue  # another statement's role or home: not what this claim says
            mine = next((j for d, j in side_of.get(head, ()) if d is dispute), k)
            opposing += [
                m for j, side in enumerate(dispute.sides) if j != mine for m in side if m != head
            ]
    supports = [head] + [m for m in group if m not in opposing and m != head]
    articles = {statements[m].span.article for m in supports}
    against = sorted({m for m in opposing if statements[m].span.article not in articles})
    return supports, against


def _lone_figures(
    group: Sequence[int],
    values: Sequence[Sequence[Value]],
    by_key: Mapping[str, list[Value]],
    settings: AnalysisSettings,
) -> Iterator[tuple[int, Value, Span]]:
    """Counts that one statement of a group gives and no other article of the story does
    ("900 troops in Syria" beside "2,500 troops in Iraq"): single-source facts of their
    own, with the clause that states them."""
    for member in group:
        for value in values[member]:
            if value.clause is None:
                continue
            article = value.span.article
            if not any(
                o.span.article != article and not apart(o, value, settings)
                for o in by_key[value.key]
            ):
                yield member, value, value.clause


def _claim(
    statement: Statement,
    values: Sequence[Value],
    status: ClaimStatus,
    evidence: Sequence[Evidence],
    subject_at: Callable[[Statement, Span], str | None],
) -> Claim:
    records = tuple(_value_record(v) for v in values)
    words = evidence[0].span
    return Claim(
        id=spans_id("k", [e.span for e in evidence]),
        kind=_kind(statement, values),
        text=own_words(words.text),
        status=status,
        evidence=tuple(evidence),
        subject=subject_at(statement, words),
        value=records[0].normalized if records else None,
        statement="; ".join(v.normalized for v in records),
        predicate=statement.verb,
        values=records,
    )


def independent(
    article_ids: set[str], outlets: Mapping[str, str], dependent: Mapping[str, set[str]]
) -> int:
    """How many independent sources among the articles: copies, citers and one outlet's
    articles count once (``outlets``: article id to its outlet key)."""
    return len(set(source_roots(article_ids, outlets, dependent).values()))


def source_roots(
    article_ids: Iterable[str], outlets: Mapping[str, str], dependent: Mapping[str, set[str]]
) -> dict[str, str]:
    """Each article's source among the given articles: one for the articles of one outlet
    and for those that copy or cite one another, however many steps apart."""
    parent = {a: a for a in article_ids}

    def root(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    by_outlet: dict[str, str] = {}
    for article in sorted(parent):
        first = by_outlet.setdefault(outlets.get(article, article), article)
        parent[root(article)] = root(first)
        for other in dependent.get(article, ()):
            if other in parent:
                parent[root(article)] = root(other)
    return {a: root(a) for a in parent}


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


PERSON_PRONOUNS = lexicon.words("person_pronouns")
GENDERED = lexicon.pairs("gendered_words")
PRONOUN_REACH = 3
"""Sentences back (the sentences read as statements) a "he" or "she" subject looks for the
person it stands for: set by hand, a paragraph's reach (as for quotes' speakers)."""


def _pronoun(statement: Statement) -> str | None:
    """The personal pronoun ("he", "she") that is the statement's subject, if it is one."""
    span = statement.span
    for at in statement.subject[:1]:
        if span.start <= at < span.end:
            word = span.text[at - span.start :].split(maxsplit=1)[0].lower()
            return word if word in PERSON_PRONOUNS else None
    return None


def subjects(
    entities: Sequence[Entity], statements: Sequence[Statement], mentioned: bool = True
) -> Callable[[Statement, Span], str | None]:
    """The entity the words of a statement are about: the one named as its main verb's
    subject inside them ("U.S. President Trump said": Trump, not the United States; "Mr.
    Comey, who was fired": Comey); for a "he" or "she" that is the subject of a sentence,
    the person the statement before has as its subject, or its own "he" stood for, when no
    one is named between ("Luck found Wayne. He also set the record": Luck), for a "she"
    only one the story calls a woman ("the actress": news calls few people by gendered
    words, and a "she" after "Judge John Smith sentenced Reid" is as often Reid); else the
    person named last in the ``PRONOUN_REACH`` statements before; else (when ``mentioned``)
    the one the words mention first."""
    index = MentionIndex(entities)
    sentences: dict[str, list[Statement]] = {}
    for statement in statements:
        if statement.sentence:
            sentences.setdefault(statement.span.article, []).append(statement)
    for found in sentences.values():
        found.sort(key=lambda s: s.span.start)
    inside: dict[str, list[Statement]] = {}  # statements whose subject is a pronoun
    for statement in statements:
        if _pronoun(statement) is not None:
            inside.setdefault(statement.span.article, []).append(statement)

    resolved: dict[tuple[str, int], Entity | None] = {}

    def subject_at(statement: Statement, words: Span) -> str | None:
        article = statement.span.article
        named = (index.at(article, at) for at in statement.subject if words.start <= at < words.end)
        entity = next(filter(None, named), None)
        if entity is None and _pronoun(statement) is not None:
            entity = pronoun_subject(article, statement.subject[0], _pronoun(statement))
        if entity is None and mentioned:
            entity = index.first_within(words)
        return entity.id if entity is not None else None

    def pronoun_subject(article: str, at: int, pronoun: str | None) -> Entity | None:
        """The person the "he" or "she" written at ``at`` stands for: one answer for the
        pronoun, whichever statement (its sentence, a clause of it) asks."""
        key = (article, at)
        if key not in resolved:
            resolved[key] = None  # a pronoun never stands for itself
            resolved[key] = pronoun_person(article, at, GENDERED.get(pronoun or ""))
        return resolved[key]

    def pronoun_person(article: str, at: int, gender: str | None) -> Entity | None:
        own = next((s for s in sentences.get(article, []) if s.span.start <= at < s.span.end), None)
        leads = own is not None and own.subject[:1] == (at,)  # its sentence's subject
        start = own.span.start if own is not None and leads else at  # else a clause's
        before = [s for s in sentences.get(article, []) if s.span.start < start]
        last = before[-1] if leads and before else None
        if last is not None and not index.person_within(article, last.span.end, start):
            entity = main_subject(last)  # the sentence's subject; no one named between
            said = gender == "f"
            if (
                entity is not None
                and entity.type == "PERSON"
                and index.fits(entity, gender, said=said)
            ):
                return entity
        since = before[-PRONOUN_REACH].span.start if len(before) >= PRONOUN_REACH else 0
        return index.person_before(article, start, since, gender, others(own, at, gender))

    def others(own: Statement | None, at: int, gender: str | None) -> frozenset[str]:
        """Whom the subject pronouns of the other gender before ``at`` in its sentence stand
        for ("he stabbed his wife while she was visiting him": the "she" is not the "he")."""
        if own is None or gender is None:
            return frozenset()
        found = set()
        for statement in inside.get(own.span.article, ()):
            pronoun = _pronoun(statement)
            if (
                pronoun is not None
                and GENDERED.get(pronoun) not in (None, gender)
                and own.span.start <= statement.subject[0] < at
            ):
                other = pronoun_subject(own.span.article, statement.subject[0], pronoun)
                found |= {other.id} if other is not None else set()
        return frozenset(found)

    def main_subject(sentence: Statement) -> Entity | None:
        """Who the main verb's subject names: an actor, or the person its pronoun stands for."""
        if not sentence.subject:
            return None
        article, at = sentence.span.article, sentence.subject[0]
        entity = index.at(article, at)
        if entity is None and _pronoun(sentence) is not None:
            return pronoun_subject(article, at, _pronoun(sentence))
        return entity

    return subject_at
