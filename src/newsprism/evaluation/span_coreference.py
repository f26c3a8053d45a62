"""Coreference over given mention spans: names, descriptions and pronouns.

``resolve`` (in ``entities``) finds and links names. Evaluation sets such as ECB+
give every mention, names or not; ``resolve_spans`` clusters such spans with the
same machinery and simple rules for the rest:
- a name (a span holding a named entity or headed by a proper noun) is resolved
  as ``entities`` does;
- a description ("the actress") joins the name it labels in its own sentence
  (apposition, premodifier), else the one story-wide name whose labels share
  its head word, else the other descriptions with that head word;
- a personal pronoun joins the nearest earlier person in its article; "who" and
  "which" join the noun they attach to.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsprism import lexicon
from newsprism.analyze.entities.aliases import AliasTable, default_aliases
from newsprism.analyze.entities.chains import Chain, resolve_mentions
from newsprism.analyze.entities.labels import find_labels
from newsprism.analyze.entities.mentions import TYPES
from newsprism.models import Models
from newsprism.records import Article, EntityType, Mention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as TokenSpan

PERSONAL = lexicon.words("person_pronouns") | lexicon.words("person_pronoun_forms")
RELATIVE = lexicon.words("relative_pronouns")
Item = tuple[Article, "Doc", Sequence[tuple[int, int]]]


def resolve_spans(
    items: Sequence[Item], models: Models, aliases: AliasTable | None = None
) -> list[list[int]]:
    """For each article, one cluster label per given span (labels shared across articles)."""
    aliases = aliases or default_aliases()
    parts = [[_part(doc, s, e) for s, e in spans] for _, doc, spans in items]
    names: list[list[Mention]] = []
    where: dict[tuple[str, int, int], tuple[int, int]] = {}
    for index, (article, _, _) in enumerate(items):
        found = []
        for position, part in enumerate(parts[index]):
            named = _name(part)
            if named is not None:
                name_start, name_end, kind = named
                found.append(Mention(Span.of(article, name_start, name_end), kind))
                where[(article.id, name_start, name_end)] = (index, position)
        names.append(found)
    chains = resolve_mentions(names, [doc for _, doc, _ in items], models, aliases)
    labels: list[list[int]] = [[-1] * len(spans) for _, _, spans in items]
    heads: dict[str, int] = {}
    for number, chain in enumerate(chains):
        for mention in chain.mentions:
            index, position = where[(mention.span.article, mention.span.start, mention.span.end)]
            labels[index][position] = number
        for word in _label_heads(chain, items) | _name_heads(chain, items):
            heads[word] = number if heads.get(word, number) == number else -2
    next_label = len(chains)
    by_head: dict[str, int] = {}
    for index, (_, _, spans) in enumerate(items):
        for position in range(len(spans)):
            if labels[index][position] >= 0:
                continue
            part = parts[index][position]
            linked = _link(part, labels[index], parts[index], chains, heads) if part else None
            if linked is None:
                key = _head(part).lemma_.lower() if part is not None else f"#{index}:{position}"
                if key in RELATIVE:
                    key = f"#{index}:{position}"
                if key not in by_head:
                    by_head[key] = next_label
                    next_label += 1
                linked = by_head[key]
            labels[index][position] = linked
    return labels


def _part(doc: Doc, start: int, end: int) -> TokenSpan | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _name(part: TokenSpan | None) -> tuple[int, int, EntityType] | None:
    """The name a span holds, when its head word is part of one: character offsets, type."""
    if part is None:
        return None
    head = _head(part)
    for entity in part.ents:
        kind = TYPES.get(entity.label_)
        if kind is not None and entity.start <= head.i < entity.end:
            return entity.start_char, entity.end_char, kind
    if head.pos_ == "PROPN":
        return part.start_char, part.end_char, "OTHER"
    return None


def _head(part: TokenSpan) -> Token:
    """The span's head word; past a leading preposition ("in Pagliarelli prison")."""
    root = part.root
    if root.pos_ == "ADP":
        objects = [c for c in root.children if c.dep_ == "pobj" and part.start <= c.i < part.end]
        if objects:
            return objects[0]
    return root


def _label_heads(chain: Chain, items: Sequence[Item]) -> set[str]:
    by_id = {article.id: (article, doc) for article, doc, _ in items}
    words = set()
    for mention in chain.mentions:
        article, doc = by_id[mention.span.article]
        for label in find_labels(article, doc, mention):
            part = doc.char_span(label.start, label.end, alignment_mode="expand")
            if part is not None and part.root.pos_ == "NOUN":
                words.add(part.root.lemma_.lower())
    return words


def _name_heads(chain: Chain, items: Sequence[Item]) -> set[str]:
    """Common nouns heading the chain's names ("Wasilla Bible Church" -> church)."""
    docs = {article.id: doc for article, doc, _ in items}
    words = set()
    for mention in chain.mentions[:20]:
        doc = docs[mention.span.article]
        part = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if part is not None and len(part) > 1:
            words.add(part.root.lemma_.lower())
    return words


def _link(
    part: TokenSpan,
    own: list[int],
    parts: list[TokenSpan | None],
    chains: list[Chain],
    heads: dict[str, int],
) -> int | None:
    head = _head(part)
    word = head.lower_
    if word in RELATIVE:
        return _at_token(head.head.head.i, own, parts)
    if word in PERSONAL:
        return _earlier_person(part.start, own, parts, chains)
    if head.pos_ != "NOUN":
        return None
    for child in head.children:
        if child.dep_ == "appos":
            found = _at_token(child.i, own, parts)
            if found is not None:
                return found
    if head.dep_ in ("appos", "compound"):
        found = _at_token(head.head.i, own, parts)
        if found is not None:
            return found
    chain = heads.get(head.lemma_.lower())
    return chain if chain is not None and chain >= 0 else None


def _at_token(token: int, own: list[int], parts: list[TokenSpan | None]) -> int | None:
    for label, part in zip(own, parts, strict=True):
        if part is not None and label >= 0 and part.start <= token < part.end:
            return label
    return None


def _earlier_person(
    start: int, own: list[int], parts: list[TokenSpan | None], chains: list[Chain]
) -> int | None:
    best: tuple[int, int] | None = None
    for label, part in zip(own, parts, strict=True):
        if part is None or label < 0 or label >= len(chains) or part.end > start:
            continue
        if chains[label].type == "PERSON" and (best is None or part.start > best[0]):
            best = (part.start, label)
    return best[1] if best else None
