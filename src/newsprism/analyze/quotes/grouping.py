"""One utterance, many versions: grouping the quotes of a story's articles.

Outlets copy a quote verbatim, trim it to a fragment, retype its punctuation, or
translate it in their own words ("This path pushes the Iraqi government more than
ever before to end the coalition's mission" / "This trajectory compels the Iraqi
government more than ever to terminate the mission of this coalition"). Two found
quotes from different articles are taken as one utterance when one of these holds
(LEX is rapidfuzz ``ratio`` of the texts with case, punctuation and apostrophes
folded; COS the cosine of their MiniLM embeddings):

The bars are settings (``newsprism.settings``), here at their defaults:

- LEX >= 0.85 (``quote_lexical``): verbatim and retyped copies score 0.93-1.0.
- CONTAINED >= 0.92 (``quote_contained``): rapidfuzz ``partial_ratio`` of the shorter
  text against the longer, when the shorter has at least 6 words
  (``quote_contained_min_words``): a fragment or one sentence of a
  longer statement ("felt this was the best move" inside "So I think on all fronts
  ... felt this was the best move"). Shorter fragments are too common to prove it.
- (COS + LEX) / 2 >= 0.67 (``quote_blend``): rewordings and translations. Neither measure
  alone separates them from other sentences of the same speaker on the same topic:
  in ECB+ (topics 1-35) two different sentences of one Obama statement have COS
  0.83 but LEX 0.41, while the governor's "We will not rest / stop until every /
  each family..." in the example corpus has COS only 0.67 (LEX 0.75). Their mean
  puts the true pairs seen at 0.68-0.77 (the Rasool translation in the seeds 0.74,
  the governor 0.71, ECB+ "Within one minute or two, the whole roof was ablaze" /
  "Within a moment or two, the entire roof was engulfed in flame" 0.74) and the
  closest different utterances at 0.65 (ECB+ Weitz), 0.63 (DeGeneres' statement
  and her tweet), 0.62 (Obama); the seeds' closest different pair of one speaker
  (Rasool) is at 0.53.
- COS >= 0.88 (``quote_semantic``): a deep rewording with few shared words; no different
  utterances reached 0.85 in the sets above.

Speakers must agree when both are known, and a quote of fewer than four words
(``quote_short_words``; "Yes", "mother ship") is joined only to one of the same known
speaker or to the same phrase in another article (:func:`same_phrase`: the same words once case,
punctuation and a leading article are folded; 'condemning it as "a blatant
assassination"' / 'labeled as a “blatant assassination”'). Blended or fuzzy scores
do not join short phrases: "unacceptable" and "acceptable" have a ``ratio`` of 0.91.
Two quotes of one article are never one utterance unless the article repeats the
same words (see :func:`repeats`): a changed word there is a second statement, not a
variant. Pairs are merged strongest first, and a merge that would join two known
speakers, or two different quotes of one article, is skipped, so a chain of weak
links cannot glue two utterances together.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from rapidfuzz import fuzz

from newsprism.records import Quote, Span, spans_id
from newsprism.settings import DEFAULT_ANALYSIS, AnalysisSettings

if TYPE_CHECKING:
    from newsprism.analyze.quotes.finding import FoundQuote
    from newsprism.models import Embeds

_APOSTROPHE = re.compile(r"\s*['’]\s*")
_PUNCT = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")
_LEADING_ARTICLE = re.compile(r"^(?:a|an|the) ")


def normalise(text: str) -> str:
    """The words of a quote, lower case, without punctuation or apostrophes."""
    text = _APOSTROPHE.sub("", text.casefold())
    return _SPACE.sub(" ", _PUNCT.sub(" ", text)).strip()


def quote_id(variants: Sequence[Span]) -> str:
    """A stable id: the same variant spans always give the same quote id."""
    return spans_id("q", variants)


def group_quotes(
    found: Sequence[FoundQuote],
    embedder: Embeds,
    speaker_of: Callable[[Span], str | None],
    settings: AnalysisSettings = DEFAULT_ANALYSIS,
) -> list[Quote]:
    """One :class:`Quote` per utterance, in order of first appearance in ``found``."""
    if not found:
        return []
    texts = [normalise(q.span.text) for q in found]
    vectors = embedder.embed([q.span.text for q in found])
    speakers = [speaker_of(q.speaker) if q.speaker is not None else None for q in found]
    links = _links(found, texts, vectors, speakers, settings)
    group = list(range(len(found)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(found))}
    for _, i, j in sorted(links, key=lambda link: (-link[0], link[1], link[2])):
        a, b = group[i], group[j]
        if a == b or not _can_merge(members[a], members[b], found, texts, speakers, settings):
            continue
        for k in members[b]:
            group[k] = a
        members[a].extend(members.pop(b))
    ordered = sorted(members.values(), key=min)
    return [_quote(sorted(m), found, texts, speakers) for m in ordered]


def similarity(
    a: str, b: str, cosine: float, settings: AnalysisSettings = DEFAULT_ANALYSIS
) -> float:
    """How strongly two normalised quote texts look like one utterance (0..1), or 0."""
    lexical = fuzz.ratio(a, b) / 100
    short, long = sorted((a, b), key=len)
    contained = 0.0
    if len(short.split()) >= settings.quote_contained_min_words:
        contained = fuzz.partial_ratio(short, long) / 100
    blend = (cosine + lexical) / 2
    passes = (
        lexical >= settings.quote_lexical
        or contained >= settings.quote_contained
        or blend >= settings.quote_blend
        or cosine >= settings.quote_semantic
    )
    return max(lexical, contained, blend, cosine) if passes else 0.0


def _links(
    found: Sequence[FoundQuote],
    texts: list[str],
    vectors: np.ndarray[Any, np.dtype[np.float32]],
    speakers: list[str | None],
    settings: AnalysisSettings,
) -> list[tuple[float, int, int]]:
    cosines = vectors @ vectors.T
    links = []
    for i in range(len(found)):
        for j in range(i + 1, len(found)):
            if not _agree(speakers[i], speakers[j]):
                continue
            if found[i].span.article == found[j].span.article:
                if repeats(texts[i], texts[j], settings):
                    links.append((1.0, i, j))
                continue
            short = min(len(texts[i].split()), len(texts[j].split())) < settings.quote_short_words
            if short and same_phrase(texts[i], texts[j]):
                links.append((1.0, i, j))
                continue
            if short and (speakers[i] is None or speakers[j] is None):
                continue
            score = similarity(texts[i], texts[j], float(cosines[i, j]), settings)
            if score > 0:
                links.append((score, i, j))
    return links


def same_phrase(a: str, b: str) -> bool:
    """Whether two normalised quotes are one phrase once a leading article is dropped
    ('condemning it as "a blatant assassination"' / 'the ‘blatant assassination’'):
    outlets draw the quote marks inside or outside the article."""
    return _LEADING_ARTICLE.sub("", a) == _LEADING_ARTICLE.sub("", b)


def repeats(a: str, b: str, settings: AnalysisSettings = DEFAULT_ANALYSIS) -> bool:
    """Whether one article says the same words twice: equal normalised texts, or a
    fragment of at least ``settings.quote_contained_min_words`` words repeated inside the
    longer quote."""
    short, long = sorted((a, b), key=len)
    if short == long:
        return True
    return len(short.split()) >= settings.quote_contained_min_words and f" {short} " in f" {long} "


def _agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _can_merge(
    a: list[int],
    b: list[int],
    found: Sequence[FoundQuote],
    texts: list[str],
    speakers: list[str | None],
    settings: AnalysisSettings,
) -> bool:
    if len({speakers[k] for k in a + b} - {None}) > 1:
        return False
    return all(
        found[i].span.article != found[j].span.article or repeats(texts[i], texts[j], settings)
        for i in a
        for j in b
    )


def _quote(
    members: list[int], found: Sequence[FoundQuote], texts: list[str], speakers: list[str | None]
) -> Quote:
    variants = tuple(found[k].span for k in members)
    articles: dict[str, set[str]] = {}
    for k in members:
        articles.setdefault(texts[k], set()).add(found[k].span.article)
    best = max(members, key=lambda k: (len(articles[texts[k]]), len(texts[k]), -k))
    known = Counter(s for s in (speakers[k] for k in members) if s is not None)
    speaker = known.most_common(1)[0][0] if known else None
    return Quote(quote_id(variants), speaker, found[best].span.text, variants)
