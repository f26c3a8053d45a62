"""The analysis of one story: entities and labels, quotes, claims, conflicts and the brief."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsprism.analyze.brief import write_brief
from newsprism.analyze.claims import Told, find_facts, independent
from newsprism.analyze.entities import resolve
from newsprism.analyze.entities.aliases import AliasTable
from newsprism.analyze.mentions import MentionIndex
from newsprism.analyze.provenance.cites import find_cites, point_cites, upstream
from newsprism.analyze.provenance.outlets import outlet_keys
from newsprism.analyze.quotes import find_quotes, group_quotes
from newsprism.models import Models
from newsprism.records import Article, Entity, Provenance, Span, Story
from newsprism.settings import DEFAULT_ANALYSIS, AnalysisSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc


def analyze_story(
    story: Story,
    articles: Sequence[Article],
    docs: Sequence[Doc],
    models: Models,
    aliases: AliasTable,
    settings: AnalysisSettings = DEFAULT_ANALYSIS,
    told: Told | None = None,
) -> Story:
    """The story with its analysis (``docs`` parse ``articles``, in order), under the
    thresholds of ``settings`` (``newsprism.settings``); ``told``: its statements, read
    ahead under the same settings (``claims.read_statements``; None: read now)."""
    entities = tuple(resolve(articles, docs, models, aliases, settings))
    found = [q for a, d in zip(articles, docs, strict=True) for q in find_quotes(a, d)]
    quotes = tuple(group_quotes(found, models.embedder, speaker_finder(entities), settings))
    found_cites = {a.id: find_cites(a, d) for a, d in zip(articles, docs, strict=True)}
    cites = point_cites(articles, found_cites)
    keys = outlet_keys(articles)
    provenance = tuple(
        replace(p, cites=cites.get(p.article, ()), outlet_key=keys.get(p.article))
        for p in story.provenance
    )
    dependent = _dependent(provenance, upstream(articles, cites))
    facts = find_facts(articles, docs, entities, keys, dependent, models.embedder, settings, told)
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
