"""How each outlet's version of a quote differs, word by word, from the fullest version.

Words are compared case-folded and without surrounding punctuation, so typographic
quotes, a trailing comma or a capital at the start of a partial quote do not count as a
change; what is shown is each version's own words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from newsprism.records import Article, Story
from newsprism.render.views import outlet_name, span_anchor, speaker_names

Op = Literal["same", "ins", "del"]
_WORD = re.compile(r"\S+")
_EDGE = re.compile(r"^\W+|\W+$")


@dataclass(frozen=True)
class Piece:
    op: Op
    """``same``: in both; ``ins``: only in this version; ``del``: only in the fullest."""
    text: str


@dataclass(frozen=True)
class Variant:
    outlet: str
    anchor: str
    """Id of the span in the article text."""
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class QuoteDiff:
    speaker: str
    base: Variant
    """The fullest version (most words), shown as it is."""
    others: tuple[Variant, ...]


def _key(word: str) -> str:
    return _EDGE.sub("", word).casefold() or word


def word_diff(base: str, other: str) -> tuple[Piece, ...]:
    """``other`` against ``base``: its words in order, with the words of ``base`` it lacks
    placed where they would be."""
    a, b = _WORD.findall(base), _WORD.findall(other)
    matcher = SequenceMatcher(None, [_key(w) for w in a], [_key(w) for w in b], autojunk=False)
    pieces: list[Piece] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(Piece("same", " ".join(b[j1:j2])))
            continue
        if i2 > i1:
            pieces.append(Piece("del", " ".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("ins", " ".join(b[j1:j2])))
    return tuple(pieces)


def quote_diffs(story: Story, articles: Sequence[Article]) -> list[QuoteDiff]:
    """Every quote of the story; the versions after the fullest one carry their differences."""
    by_id = {a.id: a for a in articles}
    speakers = speaker_names(story)
    out = []
    for quote in story.quotes:
        if not quote.variants:
            continue
        spans = sorted(quote.variants, key=lambda s: -len(_WORD.findall(s.text)))
        base, rest = spans[0], [s for s in quote.variants if s is not spans[0]]
        out.append(
            QuoteDiff(
                speakers[quote.id],
                Variant(
                    outlet_name(by_id[base.article]),
                    span_anchor(base),
                    (Piece("same", " ".join(_WORD.findall(base.text))),),
                ),
                tuple(
                    Variant(
                        outlet_name(by_id[s.article]),
                        span_anchor(s),
                        word_diff(base.text, s.text),
                    )
                    for s in rest
                ),
            )
        )
    return out
