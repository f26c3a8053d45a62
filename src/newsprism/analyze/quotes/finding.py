"""Direct quotations in one article: the quoted words, the speech cue and who spoke.

This module decides what counts as a quote and in what order its speaker is
sought; ``marks`` pairs the marks (never confusing them with apostrophes) and
``speakers`` links a quote to its speech verb and resolves the speaker.

What is not a quote: indirect speech (no marks at all); scare quotes, nicknames
and titles, that is quoted fragments inside a sentence that no speech or labelling
verb governs ('chanted “death to America”', 'part of a regional "axis of
resistance"', 'criticized the "reforms"') and quoted words that are all capitalised
('Wissam Mohammed “Abu Bakr” al-Saadi', a quoted headline). A fragment that such a
verb governs is a quote with ``partial=True``, however short: what it says
('cautioned that Washington's actions would have "disastrous consequences..."'),
its object or its "as" complement ('condemned the ‘blatant assassination’', 'called
it "a disgrace"', 'what Democrats have dubbed “human infrastructure”', 'has been
labeled as a “blatant assassination” by a spokesperson'). A quoted sentence without
a cue in its own sentence is still a quote when it ends like a sentence; it is
attributed, in this order, to the subject of a sentence ending in a colon just
before it ('X was blunt: "..."'), to the speaker of the quote in the sentence before
it ('"...," one of them said. "Everybody knew."'), or to the speech verb of the
sentence before it ('Yeager said. "She was so at ease."').
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsprism.analyze.quotes.marks import ALL_MARKS, Pair, mark_pairs, paragraphs, trim
from newsprism.analyze.quotes.speakers import Speakers, is_cue, linked_cue, near_cue
from newsprism.nlp import text_of
from newsprism.records import Article, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["FoundQuote", "find_quotes"]


@dataclass(frozen=True)
class FoundQuote:
    """One quotation as one article prints it."""

    span: Span
    """The quoted words, without the quote marks (or a trailing comma)."""
    cue: Span | None
    """The speech verb or phrase: "said", "told", "according to"."""
    speaker: Span | None
    """The name of the speaker in this article; for a pronoun or a description, the
    name it refers to; the description itself when it names no one earlier."""
    partial: bool
    """A quoted fragment inside a reporter's sentence, not a whole utterance."""


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def find_quotes(article: Article, doc: Doc) -> list[FoundQuote]:
    """Direct quotations of ``article``, in text order. ``doc`` is its spaCy parse."""
    if text_of(doc) != article.text:
        raise ValueError(f"the parse given for article {article.id} is not of its text")
    return _Finder(article, doc).quotes()


class _Finder:
    """The state shared by the quotes of one article: marks, paragraphs, entities."""

    def __init__(self, article: Article, doc: Doc) -> None:
        self.article, self.doc, self.text = article, doc, article.text
        self.bounds = paragraphs(self.text)
        self.paragraph_starts = [a for a, _ in self.bounds]
        self.pairs = mark_pairs(self.text, self.bounds)
        self.starts = [t.idx for t in doc]
        self.quoted = {t.i for a, b in self.pairs for t in self._tokens(a + 1, b)}
        self.speakers = Speakers(article, doc, self.quoted, self._paragraph)

    def quotes(self) -> list[FoundQuote]:
        result: list[FoundQuote] = []
        last = -1
        for n, pair in enumerate(self.pairs):
            found = self._quote(n, pair)
            if found is None:
                continue
            quote, inherits = found
            if inherits and last == n - 1:
                quote = replace(quote, speaker=result[-1].speaker)
            result.append(quote)
            last = n
        return result

    def _tokens(self, start: int, end: int) -> list[Token]:
        """Tokens that start within [start, end)."""
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [self.doc[i] for i in range(first, last)]

    def _paragraph(self, offset: int) -> int:
        return max(0, bisect_right(self.paragraph_starts, offset) - 1)

    def _region(self, n: int, pair: Pair) -> Pair:
        """The reporter's words around a quote: its sentences, within its paragraphs,
        up to the neighbouring quotes."""
        doc, (open_at, close_at) = self.doc, pair
        left = self.bounds[self._paragraph(open_at)][0]
        right = self.bounds[self._paragraph(close_at)][1]
        if n > 0:
            left = max(left, self.pairs[n - 1][1] + 1)
        if n + 1 < len(self.pairs):
            right = min(right, self.pairs[n + 1][0])
        after_open = self._tokens(open_at, close_at + 1)
        if after_open:
            sentence = after_open[0].sent
            start = sentence.start_char
            split_at_colon = self.text[:start].rstrip().endswith(":")  # 'He said:' cut off
            if sentence.start > 0 and split_at_colon and not self.text[start:open_at].strip():
                start = doc[sentence.start - 1].sent.start_char
            left = max(left, start)
        after_close = self._tokens(close_at + 1, right)
        if after_close:
            right = min(right, after_close[0].sent.end_char)
        return left, max(left, right)

    def _quote(self, n: int, pair: Pair) -> tuple[FoundQuote, bool] | None:
        """The quote between a pair of marks, and whether it takes the speaker of the
        quote before it; None for scare quotes, nicknames and titles."""
        start, end = trim(self.text, pair[0] + 1, pair[1])
        words = _WORD.findall(self.text[start:end])
        if not words:
            return None
        closing = self.text[pair[0] + 1 : pair[1]].rstrip().rstrip("’'\"”»")[-1:]
        ends_sentence = closing in (".", "?", "!", "…")
        left, right = self._region(n, pair)
        inside = [t for t in self._tokens(start, end) if t.text not in ALL_MARKS]
        region = [t for t in self._tokens(left, right) if t.i not in self.quoted]
        region = [t for t in region if t.text not in ALL_MARKS]
        lead = self.text[left : pair[0]].strip()
        in_sentence = not (lead == "" or lead[-1] in ":.!?")
        strict = in_sentence and lead[-1] != ","
        cue = linked_cue(inside, {t.i for t in region}, strict)
        partial = in_sentence and not (lead[-1] == "," and cue is not None)
        if _is_title(words) and (
            partial or len(words) > 3 or not (ends_sentence or closing == ",")
        ):
            return None  # a name or a title: 'Wissam Mohammed “Abu Bakr” al-Saadi'
        if cue is None and (not partial or len(words) >= 4):
            cue = near_cue(region, pair, before_only=partial)
        inherits, token = False, None
        if cue is None:
            if partial or len(words) < 4 or not ends_sentence:
                return None
            token = self._colon_subject(pair)
            if token is None:
                cue, inherits = self._cue_before(n, pair, left)
        if cue is not None:
            token = self.speakers.speaker_token(cue)
        quote = FoundQuote(
            Span.of(self.article, start, end),
            self.speakers.cue_span(cue) if cue is not None else None,
            self.speakers.speaker_span(token) if token is not None else None,
            partial,
        )
        return quote, inherits

    def _colon_subject(self, pair: Pair) -> Token | None:
        """The subject of a sentence that ends in a colon before the quote, speech verb
        or not: 'Andrew Wetzler was blunt: "We will see them in court."'."""
        before = self.text[: pair[0]].rstrip()
        colon = self._tokens(len(before) - 1, len(before))
        if not before.endswith(":") or not colon:
            return None
        root = colon[0].sent.root
        subjects = [c for c in root.children if c.dep_ == "nsubj" and c.i not in self.quoted]
        return subjects[0] if subjects else None

    def _cue_before(self, n: int, pair: Pair, left: int) -> tuple[Token | None, bool]:
        """For a quoted sentence without a cue: the speech verb of the sentence before
        it, or (second) whether that sentence holds the quote before it."""
        para = self._paragraph(pair[0])
        limit = self.bounds[para][0]
        if para > 0 and not self.text[limit : pair[0]].strip():
            limit = self.bounds[para - 1][0]
        before = [t for t in self._tokens(limit, left) if not t.is_space]
        if not before:
            return None, False
        sentence_start = max(before[-1].sent.start_char, limit)
        if n > 0 and self.pairs[n - 1][1] >= sentence_start:
            return None, True
        verbs = [t for t in self._tokens(sentence_start, left) if is_cue(t)]
        return (verbs[-1] if verbs else None), False


def _is_title(words: list[str]) -> bool:
    """Every word of four letters or more capitalised: a name or a title, not speech."""
    long = [w for w in words if len(w) >= 4]
    return bool(long) and all(w[0].isupper() for w in long)
