"""The recogniser's pass over each article's text, run once for clustering and parse.

The story clustering needs each article's names before the analysis parses it; the
parse needs the same names. The recogniser (with the ruler of the run's alias table
before it) is about half of a full parse's time (``benchmarks/README.md``), so it runs
once: :func:`recognise` runs the ruler and the recogniser alone and keeps each article's
entities; :func:`known_entities` gives them to the parse, which runs the other components
only. The English pipelines give the recogniser its own token encoder, so it needs none
of them. It reads the whole text, not sentence by sentence: inside a full pipeline the
parser's sentences would bound its entities ("Yahoo! Sports" cut to "Yahoo!" where the
parser starts a sentence after the "!"). An article whose entities are not kept (a
batch's worker featurized it, or it was parsed before) gets the same pass at its parse
(:func:`entities_of`), so every path reads the same entities.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprism.models import Models
from newsprism.records import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from newsprism.nlp.parse import NameTable

KEPT_ARTICLES = 20_000
"""Articles whose entities are kept for their parse: a run featurizes every article
before it parses the first story, so this bounds memory on a large run (an entry is about
a kilobyte: its offsets as an array, its labels spaCy's own strings, its text the
article's); past it the oldest are dropped, and their articles parsed whole."""


@dataclass(frozen=True)
class Recognised:
    """One article's entities: character offsets (start, end per row) and labels."""

    text: str
    table: NameTable | None
    """The alias table whose ruler ran before the recogniser (None: none)."""
    offsets: np.ndarray[Any, np.dtype[np.int32]]
    labels: tuple[str, ...]

    def entities(self) -> list[tuple[int, int, str]]:
        return [
            (int(s), int(e), label) for (s, e), label in zip(self.offsets, self.labels, strict=True)
        ]


_KEPT: OrderedDict[str, Recognised] = OrderedDict()


def recognise(
    articles: Sequence[Article],
    models: Models,
    aliases: NameTable | None,
    batch_size: int = 32,
) -> list[list[tuple[str, str]]]:
    """Each article's names as the recogniser reads them in its text (the ruler of
    ``aliases`` first): (text, label) per entity, in order. The entities are kept for the
    article's parse."""
    found: list[list[tuple[str, str]]] = []
    for article, doc in zip(articles, _passes(articles, models, aliases, batch_size), strict=True):
        offsets = np.array([(e.start_char, e.end_char) for e in doc.ents], dtype=np.int32)
        labels = tuple(e.label_ for e in doc.ents)
        _keep(article.id, Recognised(article.text, aliases, offsets.reshape(-1, 2), labels))
        found.append([(e.text, e.label_) for e in doc.ents])
    return found


def entities_of(
    articles: Sequence[Article], models: Models, aliases: NameTable | None, batch_size: int = 32
) -> list[list[tuple[int, int, str]]]:
    """Each article's entities as (start, end, label), by the same pass, kept nowhere."""
    return [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for doc in _passes(articles, models, aliases, batch_size)
    ]


def _passes(
    articles: Sequence[Article], models: Models, aliases: NameTable | None, batch_size: int
) -> Iterator[Doc]:
    from newsprism.nlp.parse import pipeline

    nlp = pipeline(models, aliases)
    disabled = [name for name in nlp.pipe_names if name not in recogniser_pipes(nlp)]
    return nlp.pipe((a.text for a in articles), disable=disabled, batch_size=batch_size)


def recogniser_pipes(nlp: Language) -> set[str]:
    """The recogniser, the alias ruler before it, and the shared token encoder only when
    the recogniser listens to it (the English pipelines give it its own)."""
    from newsprism.nlp.parse import RULER

    config = nlp.get_pipe_config("ner")["model"]["tok2vec"]["@architectures"]
    pipes = {"ner", RULER}
    return pipes | {"tok2vec"} if "Listener" in str(config) else pipes


def known_entities(
    articles: Sequence[Article], aliases: NameTable | None
) -> list[list[tuple[int, int, str]]] | None:
    """The kept entities of every article, read with ``aliases``'s ruler, taken out of the
    keep; None (and nothing taken) when any article's are not kept."""
    kept = [_KEPT.get(a.id) for a in articles]
    if not articles or any(
        k is None or k.text != a.text or k.table is not aliases
        for k, a in zip(kept, articles, strict=True)
    ):
        return None
    for article in articles:
        _KEPT.pop(article.id, None)
    return [k.entities() for k in kept if k is not None]


def _keep(article_id: str, recognised: Recognised) -> None:
    _KEPT[article_id] = recognised
    _KEPT.move_to_end(article_id)
    while len(_KEPT) > KEPT_ARTICLES:
        _KEPT.popitem(last=False)
