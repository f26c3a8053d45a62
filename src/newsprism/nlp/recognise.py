"""The recogniser's pass over each article's text, run once for clustering and parse.

The story clustering needs each article's names before the analysis parses it; the
parse needs the same names. The recogniser (with the ruler of the run's alias table
before it) is about half of a full parse's time (``benchmarks/README.md``), so it runs
once: :func:`recognise` runs the ruler and the recogniser alone and keeps each article's
entities; :func:`entities` gives them to the parse, which runs the other components
only. The English pipelines give the recogniser its own token encoder, so it needs none
of them. It reads the whole text, not the parser's sentences: the clustering's names hold
"Yahoo! Sports" whole, and the parse cuts such an entity where the parser starts a
sentence ("Yahoo!"), as the recogniser inside the full pipeline did. An article whose
entities are not kept (a
batch's worker featurized it, or it was parsed before) gets the same pass at its parse,
so every path reads the same entities.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from threading import Lock
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprism.models import Models
from newsprism.records import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from newsprism.nlp.parse import NameTable

KEPT_ARTICLES = 20_000
"""Articles whose entities are kept for their parse. A run featurizes every article before
it parses the first story, so this bounds memory on a large run: an entry is a few hundred
bytes (offsets as an array, labels spaCy's own strings, the text as its length and hash),
so 20,000 hold about 10 MB (set by hand: more articles than one ``analyze`` of the
benchmarks reads, ``pipeline_scale.py`` at 10,000). Past it the oldest are dropped and
their articles get the pass again at their parse."""


@dataclass(frozen=True)
class Recognised:
    """One article's entities: character offsets (start, end per row) and labels."""

    text: tuple[int, int]
    """The text's length and hash: entities kept for another text are never taken."""
    table: NameTable | None
    """The alias table whose ruler ran before the recogniser (None: none)."""
    offsets: np.ndarray[Any, np.dtype[np.int32]]
    labels: tuple[str, ...]

    def entities(self) -> list[tuple[int, int, str]]:
        return [
            (int(s), int(e), label) for (s, e), label in zip(self.offsets, self.labels, strict=True)
        ]


_KEPT: OrderedDict[str, Recognised] = OrderedDict()
_LOCK = Lock()
"""The keep is shared by the threads of one process (the web app's ingest and analysis)."""


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
    texts = [a.text for a in articles]
    for article, doc in zip(articles, _passes(texts, models, aliases, batch_size), strict=True):
        ents = doc.ents  # worked out from every token at each call: read once
        offsets = np.array([(e.start_char, e.end_char) for e in ents], dtype=np.int32)
        labels = tuple(e.label_ for e in ents)
        _keep(
            article.id,
            Recognised(_fingerprint(article.text), aliases, offsets.reshape(-1, 2), labels),
        )
        found.append([(e.text, e.label_) for e in ents])
    return found


def names_in(
    texts: Sequence[str], models: Models, aliases: NameTable | None, batch_size: int = 32
) -> list[list[tuple[str, str]]]:
    """The same pass over plain texts (titles), kept nowhere: (text, label) per entity."""
    return [
        [(e.text, e.label_) for e in doc.ents]
        for doc in _passes(texts, models, aliases, batch_size)
    ]


def entities(
    articles: Sequence[Article], models: Models, aliases: NameTable | None, batch_size: int = 32
) -> list[list[tuple[int, int, str]]]:
    """Each article's entities as (start, end, label), read with ``aliases``'s ruler: the
    kept ones, taken out of the keep; for the others, the same pass run now."""
    fingerprint = [_fingerprint(a.text) for a in articles]
    with _LOCK:
        kept = [_KEPT.get(a.id) for a in articles]
        found: list[list[tuple[int, int, str]] | None] = []
        for article, entry, text in zip(articles, kept, fingerprint, strict=True):
            if entry is not None and entry.text == text and entry.table == aliases:
                del _KEPT[article.id]
                found.append(entry.entities())
            else:
                found.append(None)
    missing = [a.text for a, f in zip(articles, found, strict=True) if f is None]
    fresh = iter(_passes(missing, models, aliases, batch_size)) if missing else iter(())
    return [
        f if f is not None else [(e.start_char, e.end_char, e.label_) for e in next(fresh).ents]
        for f in found
    ]


def _passes(
    texts: Sequence[str], models: Models, aliases: NameTable | None, batch_size: int
) -> Iterator[Doc]:
    from newsprism.nlp.parse import pipeline

    nlp = pipeline(models, aliases)
    disabled = [name for name in nlp.pipe_names if name not in recogniser_pipes(nlp)]
    return nlp.pipe(texts, disable=disabled, batch_size=batch_size)


def recogniser_pipes(nlp: Language) -> set[str]:
    """The recogniser, the alias ruler before it, and the shared token encoder only when
    the recogniser listens to it (the English pipelines give it its own)."""
    from newsprism.nlp.parse import RULER

    config = nlp.get_pipe_config("ner")["model"]["tok2vec"]["@architectures"]
    pipes = {"ner", RULER}
    return pipes | {"tok2vec"} if "Listener" in str(config) else pipes


def is_kept(article: Article, aliases: NameTable | None) -> bool:
    """Whether the article's entities, read with ``aliases``'s ruler, are kept."""
    with _LOCK:
        entry = _KEPT.get(article.id)
    return entry is not None and entry.text == _fingerprint(article.text) and entry.table == aliases


def _fingerprint(text: str) -> tuple[int, int]:
    return len(text), hash(text)


def _keep(article_id: str, recognised: Recognised) -> None:
    with _LOCK:
        _KEPT[article_id] = recognised
        _KEPT.move_to_end(article_id)
        while len(_KEPT) > KEPT_ARTICLES:
            _KEPT.popitem(last=False)
