"""The analysis of one story: entities and labels, quotes, claims, conflicts and the brief."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, partial
from typing import TYPE_CHECKING

import numpy as np

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
from newsprism.models import Embedder, Embeds, Known, Models, Vector
from newsprism.records import Article, Entity, Provenance, Span, Story
from newsprism.settings import DEFAULT_ANALYSIS, AnalysisSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsprism.analyze.claims.statements import Statement


AHEAD_SENTENCES = 64
"""Sentences (or other texts) per embedding job of a story read ahead: small enough that
the caller, needing a story's vectors, waits little for the job the side thread is on
before it takes back the rest (``pipeline.beside``: on 300 mixed articles, one job per
story kept the main thread waiting 9.9 s of a profiled 84 s), large enough that a job's
batches of 8 stay full."""

Start = Callable[[list[Callable[[Embeds], Vector]]], Callable[[], list[Vector]]]
"""Starts embedding jobs and gives what answers them all, in order (``Beside``: taking
back what the side thread has not begun)."""


@dataclass(frozen=True)
class ReadAhead:
    """What a story's analysis reads before its actors are known, so that its embeddings
    can be worked out beside other work (``pipeline.beside``): its statements, the quotes
    of its articles, and the vectors of both and of the verb phrases positions are
    compared by (``claims.position_phrases``). Asking for the vectors waits for them."""

    told: Told
    quotes: list[FoundQuote]
    known: Callable[[], Mapping[str, Vector]]


def read_ahead(articles: Sequence[Article], docs: Sequence[Doc], start: Start) -> ReadAhead:
    """A story's :class:`ReadAhead` (``docs`` parse ``articles``, in order), its vectors
    worked out in jobs of ``AHEAD_SENTENCES`` texts begun by ``start``: the quotes' and
    phrases' first, as the analysis asks for them first."""
    found = read_statements(articles, docs)
    quotes = [q for a, d in zip(articles, docs, strict=True) for q in find_quotes(a, d)]
    phrases = [p for d in docs for p in position_phrases(d)]
    texts = list(dict.fromkeys([q.span.text for q in quotes] + phrases))
    embedded = start([partial(_texts, part) for part in _parts(texts)])
    statements = start([partial(statement_vectors, part) for part in _sentence_parts(found)])
    known = cache(lambda: dict(zip(texts, _joined(embedded()), strict=True)))
    vectors = cache(lambda: _joined(statements()))
    return ReadAhead(Told(found, vectors), quotes, known)


def _texts(texts: list[str], embedder: Embeds) -> Vector:
    return embedder.embed(texts)


def _parts(texts: list[str]) -> list[list[str]]:
    return [texts[s : s + AHEAD_SENTENCES] for s in range(0, len(texts), AHEAD_SENTENCES)]


def _sentence_parts(found: Sequence[Statement]) -> list[list[Statement]]:
    """``found`` cut into parts of about ``AHEAD_SENTENCES`` sentences, each sentence's
    clauses in its part (``statement_vectors`` reads a clause within its sentence)."""
    parts: list[list[Statement]] = []
    sentences = AHEAD_SENTENCES
    for statement in found:
        if statement.sentence or not parts:
            if sentences == AHEAD_SENTENCES:
                parts.append([])
                sentences = 0
            sentences += 1
        parts[-1].append(statement)
    return parts


def _joined(vectors: list[Vector]) -> Vector:
    if not vectors:
        return np.zeros((0, Embedder.dimensions), dtype=np.float32)
    return np.concatenate(vectors)


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
