"""The analysis of one story: entities and labels, quotes, claims, conflicts and the brief."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, partial
from typing import TYPE_CHECKING

from newsprism.analyze.brief import write_brief
from newsprism.analyze.claims import (
    Told,
    find_facts,
    independent,
    position_phrases,
    read_statements,
    statement_vectors,
)
from newsprism.analyze.entities import resolve
from newsprism.analyze.entities.aliases import AliasTable
from newsprism.analyze.mentions import MentionIndex
from newsprism.analyze.provenance.cites import find_cites, point_cites, upstream
from newsprism.analyze.provenance.outlets import outlet_keys
from newsprism.analyze.quotes import FoundQuote, find_quotes, group_quotes
from newsprism.models import Embeds, Known, Models, Vector
from newsprism.records import Article, Entity, Provenance, Span, Story
from newsprism.settings import DEFAULT_ANALYSIS, AnalysisSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsprism.analyze.claims.statements import Statement


Embedded = tuple[Vector, dict[str, Vector]]
"""A story's statement vectors (``claims.statement_vectors``), and other texts' vectors."""


@dataclass(frozen=True)
class ReadAhead:
    """What a story's analysis reads before its actors are known, so that its embeddings
    can be worked out beside other work (``pipeline.beside``): its statements, the quotes
    of its articles, and the vectors of both and of the verb phrases positions are
    compared by (``claims.position_phrases``). Asking for the vectors waits for them."""

    told: Told
    quotes: list[FoundQuote]
    known: Callable[[], Mapping[str, Vector]]


def read_ahead(
    articles: Sequence[Article],
    docs: Sequence[Doc],
    start: Callable[[Callable[[Embeds], Embedded]], Callable[[], Embedded]],
) -> ReadAhead:
    """A story's :class:`ReadAhead` (``docs`` parse ``articles``, in order), its vectors
    worked out by the work ``start`` is given, whose answer is asked for once."""
    found = read_statements(articles, docs)
    quotes = [q for a, d in zip(articles, docs, strict=True) for q in find_quotes(a, d)]
    texts = [q.span.text for q in quotes] + [p for d in docs for p in position_phrases(d)]
    answer = cache(start(partial(_embedded, found, texts)))
    return ReadAhead(Told(found, lambda: answer()[0]), quotes, lambda: answer()[1])


def _embedded(found: Sequence[Statement], texts: list[str], embedder: Embeds) -> Embedded:
    vectors = dict(zip(texts, embedder.embed(texts), strict=True))
    return statement_vectors(found, embedder), vectors


def analyze_story(
    story: Story,
    articles: Sequence[Article],
    docs: Sequence[Doc],
    models: Models,
    aliases: AliasTable,
    settings: AnalysisSettings = DEFAULT_ANALYSIS,
    ahead: ReadAhead | None = None,
) -> Story:
    """The story with its analysis (``docs`` parse ``articles``, in order), under the
    thresholds of ``settings`` (``newsprism.settings``); ``ahead``: what it reads before
    its actors are known, read ahead under the default settings (None: read now)."""
    entities = tuple(resolve(articles, docs, models, aliases, settings))
    embedder: Embeds = models.embedder
    told: Told | None = None
    if ahead is None:
        found = [q for a, d in zip(articles, docs, strict=True) for q in find_quotes(a, d)]
    else:
        embedder, told, found = Known(embedder, ahead.known), ahead.told, ahead.quotes
    quotes = tuple(group_quotes(found, embedder, speaker_finder(entities), settings))
    found_cites = {a.id: find_cites(a, d) for a, d in zip(articles, docs, strict=True)}
    cites = point_cites(articles, found_cites)
    keys = outlet_keys(articles)
    provenance = tuple(
        replace(p, cites=cites.get(p.article, ()), outlet_key=keys.get(p.article))
        for p in story.provenance
    )
    dependent = _dependent(provenance, upstream(articles, cites))
    facts = find_facts(articles, docs, entities, keys, dependent, embedder, settings, told)
    brief = write_brief(
        facts.claims,
        facts.conflicts,
        articles,
        settings,
        lambda ids: independent(ids, keys, dependent),
        facts.alone,
    )
    return replace(
        story,
        entities=entities,
        quotes=quotes,
        claims=facts.claims,
        conflicts=facts.conflicts,
        brief=brief,
        provenance=provenance,
    )


def _dependent(
    provenance: Sequence[Provenance], cited: Mapping[str, set[str]]
) -> dict[str, set[str]]:
    """Articles that share text or cite one another's outlet, both ways."""
    dependent: dict[str, set[str]] = {}
    pairs = [(p.article, o.article) for p in provenance for o in p.overlaps]
    pairs += [(a, b) for a, sources in cited.items() for b in sources]
    for a, b in pairs:
        dependent.setdefault(a, set()).add(b)
        dependent.setdefault(b, set()).add(a)
    return dependent


def speaker_finder(entities: Sequence[Entity]) -> Callable[[Span], str | None]:
    """The entity a speaker's words name: the one with a mention overlapping them. A
    nationality or group (NORP) counts only when it is all the words: "Iraqi
    authorities" are not the Iraqis, so the text names no one."""
    index = MentionIndex(entities)

    def speaker_of(span: Span) -> str | None:
        best: tuple[int, str] | None = None
        for start, end, entity in index.overlapping(span):
            if entity.type == "NORP" and (start > span.start or end < span.end):
                continue
            overlap = min(end, span.end) - max(start, span.start)
            if best is None or overlap > best[0]:
                best = (overlap, entity.id)
        return best[1] if best else None

    return speaker_of
