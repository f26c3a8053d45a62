"""An article's text cut into segments, each covered by the evidence spans over it.

Findings overlap (a quote inside a claim's evidence, a label inside a quote), and HTML
marks cannot: the text is split at every span boundary so each segment is one ``<mark>``
(or plain text) whose classes are the kinds of every span covering it. Joining the
segments gives back the article's text exactly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from newsprism.records import Article, Span, Story
from newsprism.render.views import span_anchor

KINDS = ("claim", "quote", "label", "source")
"""Kinds of highlighted evidence, in the order their classes are written."""


@dataclass(frozen=True)
class Segment:
    text: str
    kinds: tuple[str, ...]
    """Kinds of the spans covering the segment; empty for plain text."""
    anchors: tuple[str, ...]
    """Ids of the spans that begin here (a link to a span lands on its first segment)."""

    @property
    def classes(self) -> str:
        return " ".join(f"hl-{k}" for k in self.kinds)


def segments(article: Article, spans: Iterable[tuple[Span, str]]) -> tuple[Segment, ...]:
    """The article's text split at the bounds of ``spans`` (each with its kind); spans of
    other articles, empty ones and ones outside the text are skipped."""
    text = article.text
    kinds: dict[tuple[int, int], set[str]] = {}
    for span, kind in spans:
        if span.article == article.id and 0 <= span.start < span.end <= len(text):
            kinds.setdefault((span.start, span.end), set()).add(kind)
    bounds = sorted({0, len(text)} | {b for key in kinds for b in key})
    starts: dict[int, list[tuple[int, int]]] = {}
    ends: dict[int, list[tuple[int, int]]] = {}
    for key in sorted(kinds):
        starts.setdefault(key[0], []).append(key)
        ends.setdefault(key[1], []).append(key)
    # One sweep over the bounds: the spans covering a segment are those begun and not ended.
    active: Counter[str] = Counter()
    out = []
    for left, right in pairwise(bounds):
        for key in ends.get(left, []):
            active.subtract(kinds[key])
        for key in starts.get(left, []):
            active.update(kinds[key])
        covering = {k for k, n in active.items() if n > 0}
        anchors = tuple(
            span_anchor(Span(article.id, s, e, text[s:e])) for s, e in starts.get(left, [])
        )
        out.append(Segment(text[left:right], _ordered(covering), anchors))
    return tuple(out)


def _ordered(kinds: set[str]) -> tuple[str, ...]:
    return tuple(k for k in KINDS if k in kinds) + tuple(sorted(kinds - set(KINDS)))


def story_spans(story: Story) -> list[tuple[Span, str]]:
    """Every span the story's findings point to, with the kind it is highlighted as."""
    out: list[tuple[Span, str]] = []
    out += [(e.span, "claim") for claim in story.claims for e in claim.evidence]
    out += [(s, "claim") for c in story.conflicts for side in c.sides for s in side.evidence]
    out += [(s, "claim") for sentence in story.brief for s in sentence.citations]
    out += [(s, "quote") for quote in story.quotes for s in quote.variants]
    out += [(s, "label") for entity in story.entities for s in entity.labels]
    out += [(c.span, "source") for p in story.provenance for c in p.cites]
    return out
