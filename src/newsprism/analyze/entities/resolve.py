"""One Entity per real-world actor across the articles of a story: the stages of who is who.

Names are found in each article (``mentions``) and linked into chains (``chains``); every
other occurrence of a chain's names becomes a mention (``completion``); each mention's
labels are read from the parse (``labels``); definite descriptions join the actor whose
label they repeat (``descriptions``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsprism import lexicon
from newsprism.analyze.entities.aliases import AliasTable
from newsprism.analyze.entities.chains import Chain, resolve_mentions
from newsprism.analyze.entities.completion import complete
from newsprism.analyze.entities.descriptions import label_heads, link_descriptions
from newsprism.analyze.entities.labels import find_labels
from newsprism.analyze.entities.mentions import find_mentions
from newsprism.models import Models
from newsprism.records import Article, Entity, Span, spans_id
from newsprism.settings import DEFAULT_ANALYSIS, AnalysisSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc

_ROLE_WORDS = lexicon.words("titles") | lexicon.words("person_role_nouns")
"""Words that come before a person's name without being part of it."""


def resolve(
    articles: Sequence[Article],
    docs: Sequence[Doc],
    models: Models,
    aliases: AliasTable,
    settings: AnalysisSettings = DEFAULT_ANALYSIS,
) -> list[Entity]:
    """Entities of a story's articles (``docs`` are their parses), largest first (``_order``)."""
    mentions = [find_mentions(a, d, aliases) for a, d in zip(articles, docs, strict=True)]
    chains = resolve_mentions(mentions, docs, models, aliases, settings)
    complete(chains, articles, docs, settings)
    parsed = {a.id: (a, d) for a, d in zip(articles, docs, strict=True)}
    labels = [_labels(chain, parsed, settings) for chain in chains]
    by_id = {a.id: d for a, d in zip(articles, docs, strict=True)}
    heads = [label_heads(found, by_id) for found in labels]
    link_descriptions(chains, labels, heads, articles, docs)
    entities = [_entity(c, found) for c, found in zip(chains, labels, strict=True)]
    return sorted(entities, key=_order)


def _order(entity: Entity) -> tuple[int, int, str, str]:
    """Most mentioned first, then in the most articles, then by name: an order that does
    not depend on the order the stages met the names in."""
    articles = len({m.article for m in entity.mentions})
    return -len(entity.mentions), -articles, entity.name, entity.id


def _labels(
    chain: Chain, parsed: dict[str, tuple[Article, Doc]], settings: AnalysisSettings
) -> tuple[Span, ...]:
    labels: dict[tuple[str, int, int], Span] = {}
    for mention in chain.mentions:
        article, doc = parsed[mention.span.article]
        for label in find_labels(article, doc, mention, settings):
            labels.setdefault((label.article, label.start, label.end), label)
    return tuple(labels[k] for k in sorted(labels))


def _entity(chain: Chain, labels: tuple[Span, ...]) -> Entity:
    named = [m.span for m in chain.mentions]
    spans = tuple(sorted([*named, *chain.descriptions], key=lambda s: (s.article, s.start)))
    return Entity(
        id=spans_id("e", spans),
        name=chain.alias or _fullest(chain),
        type=chain.type,
        mentions=spans,
        labels=labels,
        descriptions=tuple(sorted(chain.descriptions, key=lambda s: (s.article, s.start))),
    )


def _fullest(chain: Chain) -> str:
    """The name with the most words, the most used of equals; for a person, without the
    title or role words the recogniser ran in before it ("Coach Chuck Pagano", "CB Vontae
    Davis", "Deputy Luis Gerardo Ortiz": Chuck Pagano, Vontae Davis, Luis Gerardo Ortiz),
    as long as two words are left ("Prince Fielder" stays whole). Only such words are left
    out: "Charles de Gaulle" stays whole beside "de Gaulle"."""
    counts = Counter(" ".join(m.span.text.split()) for m in chain.mentions)
    name = max(counts, key=lambda t: (len(t.split()), counts[t], -len(t)))
    if chain.type != "PERSON":
        return name
    words = name.split()
    cut = 0
    while cut < len(words) - 2 and _run_in(words[cut]):
        cut += 1
    return " ".join(words[cut:])


def _run_in(word: str) -> bool:
    """A word a name does not start with: a title or role ("Coach", "Governor") or a short
    abbreviation in capitals ("QB", "CB")."""
    plain = word.strip(".,").lower()
    return plain in _ROLE_WORDS or (word.isupper() and word.isalpha() and len(word) <= 3)
