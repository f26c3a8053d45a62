"""The statements of one article: the sentences a fact can be read from, verbatim.

A statement is one sentence of the parse, cut again at blank lines (a headline, a dateline
or a caption run into the next paragraph is not part of its sentence) and trimmed of
surrounding white space, so its Span is exactly the article's words. Fragments too short
to state a fact ("Read more", "12/16/08 1:30 AM EST") and page furniture ("Posted on
Friday, September 20, 2013") are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.records import Article, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as TokenSpan

MIN_WORDS = 5
"""Fewer alphabetic words than this state no checkable fact: bylines, datelines, "Read
more" (a sentence of facts-dev's gold needs at least five)."""
MAX_STATEMENTS = 80
"""Sentences read per article. Long articles' later sentences are rarely shared by other
outlets, and the pairwise alignment grows with the square of the statements."""
_BLANK_LINE = re.compile(r"\n\s*\n")
_METADATA = re.compile(
    r"(?:posted|published|updated|last updated|originally published|on behalf of)\b", re.I
)
"""Page furniture that states when a page was posted, not what happened."""
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Statement:
    """One sentence of one article, with what alignment and comparison read from it."""

    span: Span
    lemmas: frozenset[str]
    """Content-word lemmas and numbers, lower-cased: the statement's terms."""
    verb: str | None
    """The lemma of the sentence's main verb, when there is one."""
    proper: frozenset[int] = frozenset()
    """Where the proper nouns of the sentence start (character offsets in the article)."""


def statements(article: Article, doc: Doc) -> Iterator[Statement]:
    """The article's statements in text order; ``doc`` parses ``article.text``."""
    count = 0
    for sentence in doc.sents:
        for start, end in _pieces(article.text, sentence.start_char, sentence.end_char):
            words = article.text[start:end]
            if len(_WORD.findall(words)) < MIN_WORDS or _METADATA.match(words):
                continue
            tokens = doc.char_span(start, end, alignment_mode="expand")
            if tokens is None:
                continue
            yield Statement(
                Span.of(article, start, end),
                frozenset(
                    t.lemma_.lower() for t in tokens if (t.is_alpha and not t.is_stop) or t.like_num
                ),
                _main_verb(tokens),
                frozenset(t.idx for t in tokens if t.pos_ == "PROPN"),
            )
            count += 1
            if count >= MAX_STATEMENTS:
                return


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The parts of text[start:end] between blank lines, each trimmed of white space."""
    cut = start
    for gap in _BLANK_LINE.finditer(text, start, end):
        yield from _trimmed(text, cut, gap.start())
        cut = gap.end()
    yield from _trimmed(text, cut, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


def _main_verb(tokens: TokenSpan) -> str | None:
    for token in tokens:
        if token.dep_ == "ROOT" and token.pos_ in ("VERB", "AUX"):
            return str(token.lemma_.lower())
    return None
