"""The analysis of one story: entities and labels, quotes, claims, conflicts and the brief."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, partial
from typing import TYPE_CHECKING, TypeVar

import numpy as np

from newsprism.analyze.brief import write_brief
from newsprism.analyze.claims import (
    Told,
    find_facts,
    independent,
    position_phrases,
    read_statements,
    sentence_parts,
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
    embedded = start([partial(_embed_texts, part) for part in _cut(texts)])
    told = _sentences(found)
    sentences = list(dict.fromkeys(told))  # a sentence copied between articles once
    statements = start([partial(_embed_sentences, part) for part in _cut(sentences)])
    known = cache(lambda: dict(zip(texts, _joined(embedded()), strict=True)))
    vectors = cache(lambda: _in_order(told, sentences, statements()))
    return ReadAhead(Told(found, vectors), quotes, known)


Sentence = tuple[str, tuple[tuple[int, int], ...]]
"""A sentence and the characters of its statements within it (``claims.sentence_parts``)."""
T = TypeVar("T")


def _sentences(found: Sequence[Statement]) -> list[Sentence]:
    texts, parts = sentence_parts(found)
    return [(text, tuple(ranges)) for text, ranges in zip(texts, parts, strict=True)]


def _embed_texts(texts: list[str], embedder: Embeds) -> Vector:
    return embedder.embed(texts)


def _embed_sentences(sentences: list[Sentence], embedder: Embeds) -> Vector:
    return embedder.embed_parts([t for t, _ in sentences], [list(r) for _, r in sentences])


def _cut(items: list[T]) -> list[list[T]]:
    return [items[s : s + AHEAD_SENTENCES] for s in range(0, len(items), AHEAD_SENTENCES)]


def _in_order(told: list[Sentence], unique: list[Sentence], parts: list[Vector]) -> Vector:
    """The statements' vectors in the order they are ``told``, from those of the ``unique``
    sentences (each sentence's rows: the whole, then its clauses)."""
    rows = _joined(parts)
    first: dict[Sentence, int] = {}
    at = 0
    for sentence in unique:
        first[sentence] = at
        at += len(sentence[1])
    order = [first[s] + n for s in told for n in range(len(s[1]))]
    return rows[order] if order else rows


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
    embedder: Embeds = models.story_embedder
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
