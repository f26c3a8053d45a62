"""What the story clusterer knows of an article.

- an embedding of the title and lead plus the pooled body (MiniLM, ONNX);
- content terms (a bag of words without stop words);
- names: spaCy entities (people, organisations, places, events) and numbers,
  plus capitalised words inside sentences, which catch names the model misses;
- the publication time, when known;
- whether the text is an excerpt (cut off with an ellipsis).

(Shared text between articles is found separately, in ``cluster.overlap``.)

Features are plain data (``records.features``) so they can be stored and reloaded:
placing new articles into stored stories needs no model pass over the old ones.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import datetime
from functools import cache
from typing import Any

import numpy as np
from unidecode import unidecode

from newsprism.models import Embedder
from newsprism.records import Article
from newsprism.records.features import ArticleFeatures, is_excerpt

NAME_LABELS = {
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "FAC",
    "NORP",
    "EVENT",
    "PRODUCT",
    "WORK_OF_ART",
    "LAW",
}
NUMBER_LABELS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SENTENCE = re.compile(r"(?<=[.!?:;\"”])\s+|\n+")
_TOKEN = re.compile(r"[\w'’-]+")
LEAD_WORDS = 120
CHUNK_WORDS = 180
MAX_CHUNKS = 3
"""Body chunks pooled into the embedding: enough to see past the lead, bounded in cost."""


def feature_order(item: ArticleFeatures) -> tuple[bool, float, str]:
    """Dated articles oldest first, undated last; the id breaks ties, so the order in which
    articles arrive never changes the stories."""
    return (item.timestamp is None, item.timestamp or 0.0, item.article_id)


Entities = Sequence[Sequence[tuple[str, str]]]
"""Per article, the (text, label) of each entity the recogniser finds in its text."""


def featurize(
    articles: Sequence[Article],
    entities: Entities,
    titles: Entities,
    embeddings: np.ndarray[Any, np.dtype[np.float32]],
) -> list[ArticleFeatures]:
    """Features of many articles: their names from the recogniser's reading of each text
    and title (``entities``, ``titles``: ``nlp.recognise`` runs it, with the alias ruler,
    for the parse too) and their vectors (``article_vectors``, one row per article)."""
    names = list(_names(articles, entities, titles))
    return [
        ArticleFeatures(
            article_id=article.id,
            timestamp=days(article.published),
            embedding=embeddings[index],
            terms=terms(_full_text(article)),
            names=names[index],
            excerpt=is_excerpt(article.text),
        )
        for index, article in enumerate(articles)
    ]


def days(published: str | None) -> float | None:
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.timestamp() / 86400.0 if moment.tzinfo else moment.toordinal() - 719163.0


@cache
def _stop_words() -> frozenset[str]:
    """spaCy's English stop words, imported on first use (importing spaCy takes a second)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def terms(text: str) -> Counter[str]:
    words = _WORD.findall(unidecode(text).lower())
    stop = _stop_words()
    return Counter(
        w for w in words if (len(w) > 2 and w not in stop and not w.isdigit()) or _year(w)
    )


def _year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


def name_key(text: str) -> str:
    key = unidecode(text).lower().strip()
    key = re.sub(r"^(the|a|an)\s+", "", key)
    key = re.sub(r"['’]s$", "", key)
    return " ".join(re.sub(r"[^a-z0-9. ]", " ", key).split())


def capitalised(text: str) -> Iterator[str]:
    """Capitalised words that do not start a sentence: mostly names."""
    for sentence in _SENTENCE.split(text):
        for word in _TOKEN.findall(sentence)[1:]:
            if word[0].isupper():
                yield word


def _full_text(article: Article) -> str:
    return f"{article.title}\n\n{article.text}" if article.title else article.text


def _names(
    articles: Sequence[Article], entities: Entities, titles: Entities
) -> Iterator[Counter[str]]:
    """Names of the text's and the title's entities, numbers, and capitalised words inside
    sentences."""
    stop = _stop_words()
    for article, found, title in zip(articles, entities, titles, strict=True):
        bag: Counter[str] = Counter()
        for text, label in [*title, *found]:
            if label in NAME_LABELS:
                bag[name_key(text)] += 1
            elif label in NUMBER_LABELS:
                bag["#" + name_key(text)] += 1
        for word in capitalised(_full_text(article)):
            key = name_key(word)
            if key and key not in stop:
                bag["^" + key] += 1
        bag.pop("", None)
        yield bag


def embedding_passages(
    articles: Sequence[Article],
) -> tuple[list[str], list[tuple[int, bool]]]:
    """The texts the embedding pass runs, and whose each is: (article index, is the lead)."""
    passages: list[str] = []
    owners: list[tuple[int, bool]] = []
    for index, article in enumerate(articles):
        words = article.text.split()
        lead = " ".join(words[:LEAD_WORDS])
        passages.append(f"{article.title}. {lead}" if article.title else lead)
        owners.append((index, True))
        body = words[LEAD_WORDS:]
        for start in range(0, min(len(body), CHUNK_WORDS * MAX_CHUNKS), CHUNK_WORDS):
            passages.append(" ".join(body[start : start + CHUNK_WORDS]))
            owners.append((index, False))
    return passages, owners


def article_vectors(
    articles: Sequence[Article], embedder: Embedder
) -> np.ndarray[Any, np.dtype[np.float32]]:
    """One embedding pass over the articles: title and lead as one passage, up to
    MAX_CHUNKS body chunks pooled, then averaged."""
    passages, owners = embedding_passages(articles)
    vectors = embedder.embed(passages)
    lead_part = np.zeros((len(articles), vectors.shape[1]), dtype=np.float32)
    body_part = np.zeros_like(lead_part)
    for (index, is_lead), vector in zip(owners, vectors, strict=True):
        (lead_part if is_lead else body_part)[index] += vector
    body_norms = np.linalg.norm(body_part, axis=1, keepdims=True)
    body_part = np.where(body_norms > 0, body_part / np.clip(body_norms, 1e-12, None), lead_part)
    pooled = lead_part + body_part
    pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
    return pooled.astype(np.float32)
