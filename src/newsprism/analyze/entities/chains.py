"""Chains of mentions taken to be one actor: within each article, then across articles.

First within each article: a name joins the chain of an earlier name it matches
(a surname joins the nearest earlier full name it ends). Then across articles:
chains with matching full forms, one spelling (case and punctuation aside), the
same alias-table entry or an acronym and its spelled-out name become one; a
chain known only by a short form joins the one story-wide full name it fits, or,
when several fit, the one whose sentences read most like its own (sentence
embeddings).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from newsprism.analyze.entities.aliases import AliasTable, compatible
from newsprism.analyze.entities.matching import (
    Form,
    Match,
    acronym_of,
    forms,
    given_name,
    match,
    words_equal,
)
from newsprism.analyze.entities.names import TITLES, ascii_words, is_acronym, plain_key
from newsprism.models import Models
from newsprism.records import EntityType, Mention, Span
from newsprism.settings import DEFAULT_ANALYSIS, AnalysisSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Chain:
    """Mentions taken to be one actor; within one article, then merged across articles."""

    mentions: list[Mention]
    forms: set[Form]
    alias: str | None = None
    types: Counter[EntityType] = field(default_factory=Counter)
    full_person: bool = False
    """Named as a person in more than one word somewhere: a person, whatever else it is typed."""
    descriptions: list[Span] = field(default_factory=list)
    """Definite descriptions that stand for the actor ("the spokesperson"): mentions, not names."""

    @property
    def type(self) -> EntityType:
        if self.full_person:
            return "PERSON"
        return self.types.most_common(1)[0][0]

    @property
    def full(self) -> bool:
        """Known by more than a one-word form."""
        return any(len(f) > 1 for f in self.forms) or self.type != "PERSON"

    def add(self, mention: Mention, mention_forms: set[Form]) -> None:
        self.mentions.append(mention)
        self.forms |= mention_forms
        self.types[mention.type] += 1
        if mention.type == "PERSON" and any(len(f) > 1 for f in mention_forms):
            self.full_person = True


def resolve_mentions(
    mentions: Sequence[Sequence[Mention]],
    docs: Sequence[Doc],
    models: Models,
    aliases: AliasTable,
    settings: AnalysisSettings = DEFAULT_ANALYSIS,
) -> list[Chain]:
    """Chains of the mentions of each article (``mentions[i]`` are in ``docs[i]``)."""
    places = _place_words(mentions)
    per_article = [_within(found, aliases, places) for found in mentions]
    chains = [c for found in per_article for c in found]
    return _across(chains, docs, models, places, settings.context_mentions)


def _place_words(mentions: Sequence[Sequence[Mention]]) -> frozenset[str]:
    words: set[str] = set()
    for found in mentions:
        for mention in found:
            if mention.type in ("GPE", "NORP", "LOC"):
                for form in forms(mention.span.text, mention.type):
                    words.update(form)
    return frozenset(words)


def _within(found: Sequence[Mention], aliases: AliasTable, places: frozenset[str]) -> list[Chain]:
    chains: list[Chain] = []
    by_alias: dict[str, Chain] = {}
    for mention in found:
        text = mention.span.text
        mention_forms = forms(text, mention.type)
        known = aliases.lookup(text, mention.type)
        chain = by_alias.get(known.canonical) if known else None
        if chain is None:
            chain = _fitting(chains, mention, mention_forms, places)
        if chain is None:
            chain = Chain([], set(), known.canonical if known else None)
            chains.append(chain)
        if known and chain.alias is None:
            chain.alias = known.canonical
        if chain.alias:
            by_alias[chain.alias] = chain
        chain.add(mention, mention_forms)
    return chains


def _fitting(
    chains: list[Chain], mention: Mention, mention_forms: set[Form], places: frozenset[str]
) -> Chain | None:
    """The most recent chain the mention fits by the same name; else the chain it fits as a
    short form (a surname) that was named most often so far, the most recent of equals."""
    short: list[Chain] = []
    for chain in reversed(chains):
        kind = chain.type
        result = _best_match(mention_forms, chain.forms, kind, places)
        loose = kind == "PERSON" and result is Match.SHORT and len(mention.span.text.split()) == 1
        if not (compatible(kind, mention.type) or loose):
            continue
        if result is Match.SAME:
            return chain
        if kind == "PERSON" and _different_given_names(mention_forms, chain.forms, places):
            continue
        if result is Match.SHORT:
            short.append(chain)
        if is_acronym(mention.span.text) and any(
            acronym_of(mention.span.text, m.span.text) for m in chain.mentions
        ):
            return chain
    if short:
        return max(short, key=lambda c: len(c.mentions))
    return _by_given_name(chains, mention.type, [mention.span.text])


def _by_given_name(chains: Sequence[Chain], kind: EntityType, texts: list[str]) -> Chain | None:
    """The one chain of a person whose given name, as written, a one-word person name is
    ("Kimani" of "Kimani Gray"); None when no person or several have it (two Johns stay
    apart). A titled name ("Pope Francis", "Prince Harry") is no given name of anyone."""
    if kind != "PERSON":
        return None
    words = {given_name(text) for text in texts}
    if len(words) != 1 or None in words:
        return None
    fits = [c for c in chains if c.type == "PERSON" and c.full_person and words & _given(c)]
    return fits[0] if len(fits) == 1 else None


def _given(chain: Chain) -> set[str | None]:
    """The first given names of a chain's untitled names of two words or more."""
    found: set[str | None] = set()
    for mention in chain.mentions:
        words = ascii_words(mention.span.text)
        if len(words) > 1 and words[0] not in TITLES:
            found.add(words[0])
    return found


def _best_match(
    a: set[Form], b: set[Form], kind: EntityType, places: frozenset[str]
) -> Match | None:
    best: Match | None = None
    for x in a:
        for y in b:
            found = match(x, y, kind, places)
            if found is Match.SAME:
                return found
            best = best or found
    return best


def _across(
    chains: list[Chain],
    docs: Sequence[Doc],
    models: Models,
    places: frozenset[str],
    context_mentions: int,
) -> list[Chain]:
    merged: list[Chain] = []
    # People named in full first: a surname the recogniser typed as an organisation in one
    # article then joins them by its spelling, instead of holding a full name apart.
    for chain in sorted(chains, key=lambda c: (not c.full_person, not c.full)):
        target = _target(merged, chain, docs, models, places, context_mentions)
        if target is None:
            merged.append(
                Chain(
                    list(chain.mentions),
                    set(chain.forms),
                    chain.alias,
                    Counter(chain.types),
                    chain.full_person,
                )
            )
        else:
            target.mentions.extend(chain.mentions)
            target.forms |= chain.forms
            target.types.update(chain.types)
            target.alias = target.alias or chain.alias
            target.full_person = target.full_person or chain.full_person
    return merged


def _target(
    merged: list[Chain],
    chain: Chain,
    docs: Sequence[Doc],
    models: Models,
    places: frozenset[str],
    context_mentions: int,
) -> Chain | None:
    if chain.alias:
        for other in merged:
            if other.alias == chain.alias:
                return other
    short: list[Chain] = []
    for other in merged:
        if other.alias and chain.alias and other.alias != chain.alias:
            continue
        fits = compatible(other.type, chain.type)
        # One spelling is one actor, but a person's bare surname is left to the rules below.
        if (not fits or "PERSON" not in (chain.type, other.type)) and _same_spelling(chain, other):
            return other
        if not fits:
            continue
        if _namesakes(chain, other, places):
            continue
        result = _best_match(chain.forms, other.forms, other.type, places)
        if result is Match.SAME:
            return other
        if result is Match.SHORT or _acronym_pair(chain, other):
            short.append(other)
    if len(short) > 1:
        return _closest(chain, short, docs, models, context_mentions)
    if short:
        return short[0]
    texts = [m.span.text for m in chain.mentions]
    return None if chain.full else _by_given_name(merged, chain.type, texts)


def _namesakes(a: Chain, b: Chain, places: frozenset[str]) -> bool:
    """Two people who share a surname and whose full names never agree (Melania and Donald
    Trump, Kim Jong-un and Kim Jong-il) are two people, whatever short forms each also has."""
    if "PERSON" not in (a.type, b.type):
        return False
    return _different_given_names(a.forms, b.forms, places)


def _different_given_names(a: set[Form], b: set[Form], places: frozenset[str]) -> bool:
    pairs = [(x, y) for x in a if len(x) > 1 for y in b if len(y) > 1]
    shared = any(words_equal(x[-1], y[-1]) for x, y in pairs)
    return shared and not any(match(x, y, "PERSON", places) is Match.SAME for x, y in pairs)


def _same_spelling(a: Chain, b: Chain) -> bool:
    """The same name written the same way, case and punctuation aside ("SEACOM" / "Seacom",
    where the transliteration key reads capitals as an acronym), whatever type the model
    gave each: the model's type is the weaker evidence (a nationality and its country are
    still kept apart)."""
    if "NORP" in (a.type, b.type):
        return False
    return bool({_plain(t) for t in _texts(a)} & {_plain(t) for t in _texts(b)})


def _acronym_pair(a: Chain, b: Chain) -> bool:
    """Whether one chain has an acronym that spells a name of the other."""
    one, other = _texts(a), _texts(b)
    return any(
        acronym_of(short, long)
        for shorts, longs in ((one, other), (other, one))
        for short in shorts
        if is_acronym(short)
        for long in longs
    )


def _texts(chain: Chain) -> set[str]:
    """The chain's mentions as written, each once."""
    return {m.span.text for m in chain.mentions}


_plain = lru_cache(maxsize=65536)(plain_key)
"""``plain_key``, each spelling folded once: chains are compared pair by pair."""


def _closest(
    chain: Chain,
    candidates: list[Chain],
    docs: Sequence[Doc],
    models: Models,
    context_mentions: int,
) -> Chain:
    """The candidate whose mentions' sentences read most like the chain's own (the sentences
    of the first ``context_mentions`` mentions of each)."""
    by_id = {d.user_data.get("article_id"): d for d in docs}
    groups = [_sentences(c, by_id, context_mentions) for c in (chain, *candidates)]
    vectors = models.embedder.embed([s for group in groups for s in group])
    means, start = [], 0
    for group in groups:
        mean = vectors[start : start + len(group)].mean(axis=0)
        means.append(mean / max(float(np.linalg.norm(mean)), 1e-12))
        start += len(group)
    scores = [float(means[0] @ other) for other in means[1:]]
    return candidates[int(np.argmax(scores))]


def _sentences(chain: Chain, by_id: dict[object, Doc], count: int) -> list[str]:
    """The sentences around a chain's first ``count`` mentions: its context."""
    sentences = []
    for mention in chain.mentions[:count]:
        doc = by_id.get(mention.span.article)
        if doc is not None:
            part = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
            if part is not None:
                sentences.append(part.sent.text)
    return sentences or [m.span.text for m in chain.mentions[:count]]
