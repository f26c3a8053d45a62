"""Facts across outlets: what each article states, aligned by meaning, compared by value.

The stages, in order:
1. ``statements``: each article's sentences, verbatim;
2. ``values``: the numbers, days, dates and times each statement gives, typed;
3. ``align``: statements of different articles that state one fact, grouped;
4. ``conflicts``: statements about one point whose values cannot both be true, and
   ``compare``: roles and positions the articles give one actor that exclude each other
   (``assertions``), and acts one outlet says were done and another says were not
   (``acts``);
5. ``judge``: claims (one per group) with a status, and conflicts with a kind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprism.analyze.claims.acts import act_assertions
from newsprism.analyze.claims.align import Similarity, align, extend
from newsprism.analyze.claims.assertions import (
    Assertion,
    attribute_assertions,
    nation_states,
    position_phrases,
    residence_assertions,
    statement_assertions,
)
from newsprism.analyze.claims.compare import compare
from newsprism.analyze.claims.conflicts import about, aside, clashes, disputes
from newsprism.analyze.claims.copies import variant_about, variants
from newsprism.analyze.claims.disclosures import Disclosure, disclosure_conflicts, disclosures
from newsprism.analyze.claims.judge import (
    Sides,
    claims,
    conflict_record,
    independent,
    source_roots,
    subjects,
)
from newsprism.analyze.claims.qualities import Quality, qualities, quality_conflicts
from newsprism.analyze.claims.quantities import find_quantities
from newsprism.analyze.claims.spellings import Spelling, spellings
from newsprism.analyze.claims.statements import Statement, statements
from newsprism.analyze.claims.states import State, state_conflicts, thing_states
from newsprism.analyze.claims.values import People, Value, statement_values
from newsprism.analyze.claims.when import article_day
from newsprism.analyze.mentions import MentionIndex
from newsprism.models import Embeds
from newsprism.records import Article, Claim, Conflict, ConflictKind, Entity, Span
from newsprism.settings import DEFAULT_ANALYSIS, AnalysisSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc

Embed = Callable[[list[str]], np.ndarray]

Vectors = np.ndarray[Any, Any]

__all__ = [
    "Facts",
    "Told",
    "find_facts",
    "independent",
    "position_phrases",
    "read_statements",
    "sentence_parts",
    "statement_vectors",
]


@dataclass(frozen=True)
class Facts:
    claims: tuple[Claim, ...]
    conflicts: tuple[Conflict, ...]
    alone: frozenset[str] | None = None
    """Ids of the single-source claims that no other independent article tells in words
    alike (``settings.alone_below``): what only one outlet reports (None: not read)."""


@dataclass(frozen=True)
class Told:
    """A story's statements (``read_statements``) and their vectors (``statement_vectors``),
    read ahead of the rest of its analysis: the vectors may still be being worked out, and
    asking for them waits."""

    statements: list[Statement]
    vectors: Callable[[], Vectors]


def read_statements(
    articles: Sequence[Article], docs: Sequence[Doc], settings: AnalysisSettings = DEFAULT_ANALYSIS
) -> list[Statement]:
    """The story's statements, article by article in text order, each clause after its
    sentence and pointing to it (``Statement.parent``)."""
    found: list[Statement] = []
    for article, doc in zip(articles, docs, strict=True):
        for statement in statements(article, doc, settings):
            if statement.sentence:
                sentence = len(found)
            else:
                statement = replace(statement, parent=sentence)
            found.append(statement)
    return found


def find_facts(
    articles: Sequence[Article],
    docs: Sequence[Doc],
    entities: Sequence[Entity],
    outlets: Mapping[str, str],
    dependent: Mapping[str, set[str]],
    embedder: Embeds,
    settings: AnalysisSettings = DEFAULT_ANALYSIS,
    told: Told | None = None,
) -> Facts:
    """The claims and conflicts of one story (``docs`` parse ``articles``, in order;
    ``outlets[a]`` is the outlet key of article ``a``; ``dependent[a]`` are the articles
    ``a`` copied or cited, or that copied it). ``told``: its statements read ahead, under
    the same ``settings`` (None: read now)."""
    if told is None:
        read = read_statements(articles, docs, settings)
        told = Told(read, lambda: statement_vectors(read, embedder))
    found = told.statements
    people = _people(entities)
    parsed = {a.id: (a, d) for a, d in zip(articles, docs, strict=True)}
    quantities = {a.id: find_quantities(a, d, settings) for a, d in parsed.values()}
    values: list[list[Value]] = [
        statement_values(
            *parsed[s.span.article], s.span, quantities[s.span.article], settings, people
        )
        for s in found
    ]
    vectors = told.vectors()
    cuts = (settings.copy_candidate, settings.compare_floor, settings.join, settings.also)
    similarity = Similarity(found, vectors, settings, least=min(cuts))
    published = {a.id: article_day(a.published) for a in articles}
    actors = _persons(found, values, entities)
    disputed = disputes(values, similarity, published, settings, _leads(found), actors)
    sides = [
        _worded(found, about(d), d.kind, [[(i, v.span) for i, v in side] for side in d.sides])
        for d in disputed
    ]
    asides = {s.conflict.id for s, d in zip(sides, disputed, strict=True) if aside(d)}
    copied = variants(found, similarity, settings)
    for variant in copied:
        worded = _worded(found, variant_about(variant), "hard", variant.sides)
        if not _covered(worded.sides, sides):
            sides.append(worded)
    copied_names = [
        {side[0][1].text.lower().rstrip(".") for side in v.sides}
        for v in copied
        if v.kind == "name"
    ]
    sides += [
        spelled
        for words, spelling in spellings(entities, outlets, settings)
        if not any(names <= words for names in copied_names)
        and (spelled := _spelled(found, spelling)) is not None
        and not _covered(spelled.sides, sides)
    ]
    embed = _reusing(found, vectors, embedder.embed)
    sides += _assertion_conflicts(
        articles, docs, entities, outlets, dependent, embed, found, published, settings
    )
    clash = clashes(values, settings)
    groups = extend(similarity, align(similarity, clash, settings), settings)
    stances = [s for s in sides if s.conflict.id not in asides]  # an aside is no stance
    story_claims = claims(
        found, values, groups, stances, entities, outlets, dependent, similarity.pair, settings
    )
    sources = source_roots(similarity.articles, outlets, dependent)
    alone = _alone(story_claims, found, similarity, sources, settings.alone_below)
    return Facts(story_claims, tuple(s.conflict for s in sides), alone)


def _alone(
    story_claims: Sequence[Claim],
    found: Sequence[Statement],
    similarity: Similarity,
    sources: Mapping[str, str],
    below: float,
) -> frozenset[str]:
    """The single-source claims that no statement of another source (``sources``: each
    article's) is ``below`` or more alike to. A claim whose figure no other outlet gives
    ("at least 16 Iraqis") is not told apart when another outlet tells its sentence's
    other fact ("US airstrikes"): read against facts-dev, keeping such figures brought
    back more sentences that call a fact several outlets tell one outlet's than it kept
    right (benchmarks/README.md)."""
    exact = {(s.span.article, s.span.start, s.span.end): i for i, s in enumerate(found)}
    asked: dict[int, list[tuple[str, np.ndarray[Any, Any]]]] = {}
    for claim in story_claims:
        if claim.status != "single_source":
            continue
        own = {sources.get(e.span.article, e.span.article) for e in claim.evidence}
        others = np.array([sources[a] not in own for a in similarity.articles], dtype=bool)
        for span in (e.span for e in claim.evidence):
            told = exact.get((span.article, span.start, span.end))
            if told is None:
                told = _holder(found, span)
            if told is not None and others.any():
                asked.setdefault(told, []).append((claim.id, others))
    alike: set[str] = set()
    for index, row in similarity.rows(sorted(asked)):
        alike.update(c for c, others in asked[index] if float(row[others].max()) >= below)
    return frozenset(c.id for c in story_claims if c.status == "single_source") - alike


def statement_vectors(found: Sequence[Statement], embedder: Embeds) -> np.ndarray[Any, Any]:
    """The statements' embeddings: one model pass per sentence, its clauses pooled from
    the tokens of that pass (a clause follows its sentence in ``found``)."""
    return embedder.embed_parts(*sentence_parts(found))


def sentence_parts(found: Sequence[Statement]) -> tuple[list[str], list[list[tuple[int, int]]]]:
    """The sentences of ``found`` and, for each, the characters of its statements within
    it: the whole sentence, then its clauses (``Embeds.embed_parts`` gives one vector per
    part, in the order of ``found``)."""
    texts: list[str] = []
    parts: list[list[tuple[int, int]]] = []
    base = 0
    for statement in found:
        span = statement.span
        if statement.sentence or not texts:
            texts.append(span.text)
            parts.append([(0, len(span.text))])
            base = span.start
        else:
            parts[-1].append((span.start - base, span.end - base))
    return texts, parts


def _reusing(found: Sequence[Statement], vectors: np.ndarray[Any, Any], embed: Embed) -> Embed:
    """``embed``, answering a whole sentence's text with the vector it already has (the
    model pass of a text alone gives that vector), so no sentence runs through it twice."""
    known = {s.span.text: vectors[i] for i, s in enumerate(found) if s.sentence}

    def reuse(texts: list[str]) -> np.ndarray[Any, Any]:
        if not texts:
            return np.zeros((0, vectors.shape[1]), dtype=np.float32)
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        fresh = dict(zip(missing, embed(missing), strict=True)) if missing else {}
        return np.array([known[t] if t in known else fresh[t] for t in texts], dtype=np.float32)

    return reuse


def _covered(apart: Sequence[Sequence[int]], found: Sequence[Sides]) -> bool:
    """Whether the statements a near-copy variant or a spelling sets apart (statement
    indices by side) are already on two sides of a conflict found before."""
    pairs = {
        (a, b)
        for sides in found
        for k, one in enumerate(sides.sides)
        for other in sides.sides[k + 1 :]
        for a in one
        for b in other
    }
    return all(
        (a, b) in pairs or (b, a) in pairs
        for k, one in enumerate(apart)
        for other in apart[k + 1 :]
        for a in one
        for b in other
    )


def _worded(
    found: Sequence[Statement],
    about_it: str,
    kind: ConflictKind,
    sides: Sequence[Sequence[tuple[int, Span]]],
    partial: bool = False,
) -> Sides:
    """A conflict from its sides, each (statement index, the disputed words) pairs."""
    return Sides(
        tuple(tuple(i for i, _ in side) for side in sides),
        conflict_record(
            about_it, kind, [[(found[i].span, words.text) for i, words in side] for side in sides]
        ),
        partial,
    )


def _spelled(found: Sequence[Statement], spelling: Sequence[Spelling]) -> Sides | None:
    """A name spelled two ways as a conflict: each side the statements that hold its
    mentions, the mentions' words its value."""
    sides = [
        [(i, span) for span in side if (i := _holder(found, span)) is not None] for side in spelling
    ]
    sides = [side for side in sides if side]
    if len(sides) < 2:
        return None
    words = " / ".join(f"“{side[0][1].text}”" for side in sides)
    return _worded(found, f"the spelling of a name: {words}", "hard", sides, partial=True)


def _assertion_conflicts(
    articles: Sequence[Article],
    docs: Sequence[Doc],
    entities: Sequence[Entity],
    outlets: Mapping[str, str],
    dependent: Mapping[str, set[str]],
    embed: Embed,
    found: Sequence[Statement],
    published: Mapping[str, date | None],
    settings: AnalysisSettings,
) -> Iterator[Sides]:
    """Roles and positions of one actor that exclude each other, and acts said done and
    not done, with the statements that hold each side's words (``published[a]``: the day
    article ``a`` was published); then information one outlet says was kept back and
    another says was made known (``disclosures``), what two outlets say at opposite
    poles (``qualities``: "well equipped" / "ill-equipped"), and a harm one says left a
    thing whole and another says ruined it (``states``: "left largely intact" /
    "destroyed much of"), where those do not already hold it."""
    told: list[Disclosure] = []
    said: list[Quality] = []
    harmed: list[State] = []
    assertions = list(_assertions(articles, docs, entities, told, said, harmed))
    comparison = compare(assertions, outlets, dependent, embed, settings, published)
    given: list[Sides] = []
    for conflict in comparison.conflicts:
        given.append(Sides(_by_side(found, conflict), conflict, conflict.id in comparison.partial))
    more = [
        *disclosure_conflicts(told, outlets, published),
        *quality_conflicts(said, outlets),
        *state_conflicts(harmed, outlets),
    ]
    for conflict in more:
        by_side = _by_side(found, conflict)
        if not _covered(by_side, given):
            given.append(Sides(by_side, conflict))
    yield from given


def _by_side(found: Sequence[Statement], conflict: Conflict) -> tuple[tuple[int, ...], ...]:
    """The statements that hold each side's evidence."""
    return tuple(
        tuple(i for span in side.evidence if (i := _holder(found, span)) is not None)
        for side in conflict.sides
    )


def _holder(found: Sequence[Statement], span: Span) -> int | None:
    """The statement whose words hold ``span``."""
    for index, statement in enumerate(found):
        own = statement.span
        if own.article == span.article and own.start <= span.start < own.end:
            return index
    return None


def _assertions(
    articles: Sequence[Article],
    docs: Sequence[Doc],
    entities: Sequence[Entity],
    told: list[Disclosure] | None = None,
    said: list[Quality] | None = None,
    harmed: list[State] | None = None,
) -> Iterator[Assertion]:
    """Each article's assertions; its ``disclosures`` added to ``told``, its
    ``qualities`` to ``said``, its ``states`` to ``harmed``."""
    names = {e.id: e.name for e in entities}
    states = nation_states(entities)
    for article, doc in zip(articles, docs, strict=True):
        entity_at = _entity_tokens(article, doc, entities)
        yield from attribute_assertions(article, doc, entities)
        yield from residence_assertions(article, entities)
        yield from statement_assertions(article, doc, entity_at, names, states)
        yield from act_assertions(article, doc, entity_at, names, states)
        if told is not None:
            told.extend(disclosures(article, doc, entity_at, names, states))
        if said is not None:
            said.extend(qualities(article, doc, entity_at, names, states))
        if harmed is not None:
            harmed.extend(thing_states(article, doc, entity_at, names, states))


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


def _persons(
    found: Sequence[Statement], values: Sequence[Sequence[Value]], entities: Sequence[Entity]
) -> list[str | None]:
    """The person each statement tells the clock time of an act of: the subject of the
    verbs its clock times are the times of, named or a "he" or "she", read as the claim of
    a statement with that subject reads it (``judge.subjects``; "Jackson failed sobriety
    tests shortly after 2 a.m., an officer said": Jackson; "By 6:40 a.m. the fire was under
    control, Owen said": no one); None when that is no person."""
    subject_at = subjects(entities, found, mentioned=False)
    people = {e.id for e in entities if e.type == "PERSON"}
    by_subject = {(s.span.article, s.subject[0]): s for s in found if s.subject}
    actors: list[str | None] = []
    for statement, told in zip(found, values, strict=True):
        doers = {v.doer for v in told if v.kind == "time"}
        doer = doers.pop() if len(doers) == 1 else None
        owner = by_subject.get((statement.span.article, doer)) if doer is not None else None
        actor = subject_at(owner, owner.span) if owner is not None else None
        actors.append(actor if actor in people else None)
    return actors


def _people(entities: Sequence[Entity]) -> People:
    """The person whose mention overlaps some words."""
    index = MentionIndex(entities)

    def whose(words: Span) -> str | None:
        found = (e.id for _, _, e in index.overlapping(words) if e.type == "PERSON")
        return next(found, None)

    return whose


def _leads(found: Sequence[Statement]) -> frozenset[int]:
    """Each article's first sentence and its clauses."""
    leads: set[int] = set()
    seen: set[str] = set()
    for index, statement in enumerate(found):
        article = statement.span.article
        if statement.sentence and article in seen:
            continue
        if statement.sentence:
            seen.add(article)
            leads.add(index)
        elif statement.parent in leads:
            leads.add(index)
    return frozenset(leads)
