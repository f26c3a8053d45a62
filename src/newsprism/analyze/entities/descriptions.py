"""Definite descriptions that stand for a named actor: "the president", "the North Korean
leader", "the former FBI director", "the Iraqi capital".

A description joins an actor only when the story supports it: its head noun is the head of
one of that actor's labels ("U.S. President Joe Biden", "Yehia Rasool, the military
spokesperson", "the Iraqi capital, Baghdad"). Within an article it joins the actor carrying
that label who was named last before it; with none named before it, the one actor of the
story that carries the label; otherwise it stays alone (it is then no mention of anyone).
A description that is itself a label (in apposition to a name, or a title before one) is
left to the labels.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsprism import lexicon
from newsprism.analyze.entities.names import TITLES
from newsprism.records import Article, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as TokenSpan

    from newsprism.analyze.entities.chains import Chain

DETERMINERS = frozenset({"the"})
"""Only definite descriptions: "a spokesperson" introduces someone, "the spokesperson" refers."""

ROLE_NOUNS: dict[str, frozenset[str]] = {
    "PERSON": lexicon.words("person_role_nouns"),
    "ORG": lexicon.words("group_role_nouns"),
    "GPE": lexicon.words("place_role_nouns"),
    "LOC": lexicon.words("place_role_nouns"),
}
"""Head nouns that can stand for an actor of each type. A label's head outside these
("the death" a man is charged with) says something of the actor without naming it."""


def label_heads(labels: Sequence[Span], docs: dict[str, Doc]) -> set[str]:
    """The lemmas of the nouns heading an actor's labels (a title read as a proper noun, as
    in "President Joe Biden", counts as the noun it is)."""
    heads = set()
    for label in labels:
        doc = docs.get(label.article)
        part = doc.char_span(label.start, label.end, alignment_mode="expand") if doc else None
        if part is None:
            continue
        word = part.root.lemma_.lower()
        if part.root.pos_ == "NOUN" or word in TITLES:
            heads.add(word)
    return heads


def link_descriptions(
    chains: Sequence[Chain],
    labels: Sequence[Sequence[Span]],
    heads: Sequence[set[str]],
    articles: Sequence[Article],
    docs: Sequence[Doc],
) -> None:
    """Add to each chain the descriptions that stand for it (``labels[i]`` are the labels of
    ``chains[i]``, ``heads[i]`` their head nouns), in place; a phrase that is itself a label
    ("Rasool is the military spokesperson") stays a label."""
    carriers: dict[str, list[int]] = {}
    for index, words in enumerate(heads):
        for word in words & ROLE_NOUNS.get(chains[index].type, frozenset()):
            carriers.setdefault(word, []).append(index)
    named_in: dict[str, list[tuple[int, int, int]]] = {}
    for index, chain in enumerate(chains):
        for m in chain.mentions:
            named_in.setdefault(m.span.article, []).append((m.span.start, m.span.end, index))
    labelled_in: dict[str, list[tuple[int, int]]] = {}
    for spans in labels:
        for label in spans:
            labelled_in.setdefault(label.article, []).append((label.start, label.end))
    for article, doc in zip(articles, docs, strict=True):
        named = sorted(named_in.get(article.id, ()))
        found = [
            (chunk.start_char, chunk.root.idx + len(chunk.root.text), chunk.root.lemma_.lower())
            for chunk in doc.noun_chunks
            if _description(chunk, named)
        ]
        found += [(m.start(), m.end(), m[1].lower()) for m in ADDRESS.finditer(article.text)]
        taken = [(s, e) for s, e, _ in named] + labelled_in.get(article.id, [])
        for start, end, word in found:
            candidates = carriers.get(word)
            if candidates and not any(s < end and start < e for s, e in taken):
                chosen = _nearest(candidates, named, start)
                if chosen is not None:
                    chains[chosen].descriptions.append(Span.of(article, start, end))


ADDRESS = re.compile(r"\b(?:Mr|Mister|Madam|Madame)\.? (President|Speaker|Secretary|Chairman)\b")
"""A title used in address, "Mr. President": a description as definite as "the president"."""


def _description(chunk: TokenSpan, named: list[tuple[int, int, int]]) -> bool:
    """A definite noun phrase headed by a common noun, not part of a name nor a label of one."""
    if chunk[0].lower_ not in DETERMINERS or chunk.root.pos_ != "NOUN" or len(chunk) < 2:
        return False
    if chunk.root.tag_ != "NN":
        return False  # "the groups" are several actors, not one
    if any(t.dep_ == "cc" for t in chunk):
        return False  # "the mother and her daughter" are two
    if any(s < chunk.end_char and chunk.start_char < e for s, e, _ in named):
        return False
    root = chunk.root
    near = [root.head] if root.dep_ == "appos" else []
    near += [c for c in root.children if c.dep_ == "appos"]
    return not any(s <= t.idx < e for t in near for s, e, _ in named)


def _nearest(candidates: list[int], named: list[tuple[int, int, int]], start: int) -> int | None:
    before = [index for s, _, index in named if s < start and index in candidates]
    if before:
        return before[-1]
    return candidates[0] if len(candidates) == 1 else None
