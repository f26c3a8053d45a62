"""Which words of a parsed article name a source: an outlet, agency or organisation.

The cite patterns find the words in a source's role; whether those words name an
organisation is decided here, from the named entities and the table of known outlets.
NER often mistypes outlets ("Tasnim" as a person) and people ("Rasool" as an
organisation), hence the table and the check of an organisation's words against the
people the article names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newsprism import lexicon
from newsprism.analyze.provenance.outlets import (
    NEWS_WORDS,
    fold,
    listed_names,
    outlet_pattern,
    outlet_table,
)
from newsprism.nlp import text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as TokenSpan

__all__ = ["INSTITUTIONS", "PERSON_TITLES", "REPORT_NOUNS", "SourceNames", "authors"]

REPORT_NOUNS = lexicon.words("report_nouns")
"""Nouns whose author is a source ("the BBC's report", "a statement from the Pentagon")."""
INSTITUTIONS = lexicon.words("institution_nouns")
"""Common nouns that name an organisation speaking as a source ("the ministry said")."""
PERSON_TITLES = lexicon.words("titles") | lexicon.words("person_apposition_nouns")
"""Nouns that, in apposition, make a name a person's ("X, director general of the WHO")."""


class SourceNames:
    """What the patterns ask about a doc: known-outlet mentions, entities, person words."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.entity: dict[int, TokenSpan] = {t: e for e in doc.ents for t in range(e.start, e.end)}
        self.person_words = {
            w.lower() for e in doc.ents if e.label_ == "PERSON" for w in re.findall(r"\w+", e.text)
        }
        self.outlets: dict[int, tuple[int, int]] = {}
        for match in outlet_pattern().finditer(text_of(doc)):
            part = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if part is None:
                continue
            around = (self.entity.get(t.i) for t in part)  # "Michael Bloomberg" is a person
            if any(e and e.label_ == "PERSON" and len(e) > len(part) for e in around):
                continue
            start = match.start()  # "The Washington Post's" names "Washington Post"
            if match.group().startswith("The ") and match.group()[4:] in listed_names():
                start += 4
            for token in part:
                self.outlets[token.i] = start, match.end()

    def name(self, token: Token) -> tuple[int, int] | None:
        """Character offsets of the organisation ``token`` heads, if it names one."""
        if token.i in self.outlets:
            return self.outlets[token.i]
        entity = self.entity.get(token.i)
        unnamed = entity is None or entity.label_ not in ("PERSON", "GPE", "NORP", "LOC")
        if token.pos_ == "PROPN" and token.lower_ in NEWS_WORDS and unnamed:  # "the Harbor Ledger"
            return self.doc[_chain(self.doc, token.i, token.i + 1)].idx, token.idx + len(token)
        if entity is not None:
            if not self._organisation(entity):
                return None
            return self.doc[_chain(self.doc, entity.start, entity.end)].idx, entity.end_char
        if token.lower_ in INSTITUTIONS and token.tag_ in ("NN", "NNP"):
            first, last = max(token.left_edge.i, token.i - 6), token
            while first < token.i and self.doc[first].pos_ in ("DET", "PUNCT", "ADP", "CCONJ"):
                first += 1
            for of in (c for c in token.children if c.i == token.i + 1 and c.lower_ == "of"):
                last = of.right_edge  # "the office of New York's attorney general"
            return self.doc[first].idx, last.idx + len(last)
        return None

    def sources(self, token: Token, outlets_only: bool = False) -> list[tuple[int, int]]:
        """The sources a noun phrase names: itself, its conjuncts and appositions, or the
        author of a report it names ("a statement from the Pentagon")."""
        names: list[tuple[int, int]] = []
        for part in (token, *(c for c in token.children if c.dep_ == "conj")):
            if self._person(part):  # "Gov. Andrew Cuomo (D-N.Y.)" is a person
                continue
            name = self.name(part)
            if name is None and part.lemma_.lower() in REPORT_NOUNS:
                name = next(iter(authors(part, self)), None)
            if name is None:
                name = next(
                    filter(None, (self.name(c) for c in part.children if c.dep_ == "appos")), None
                )
            if name is not None and (not outlets_only or self._outlet(name)):
                names.append(name)
        return names

    def _person(self, token: Token) -> bool:
        """A person's name, or a name in apposition to a person or to a person's title
        ("Nick Clegg", "X, director general of the WHO")."""
        return self._named_person(token) or any(
            c.dep_ == "appos" and (c.lower_ in PERSON_TITLES or self._named_person(c))
            for c in token.children
        )

    def _named_person(self, token: Token) -> bool:
        entity = self.entity.get(token.i)
        return entity is not None and entity.label_ == "PERSON" and not self._organisation(entity)

    def _organisation(self, entity: TokenSpan) -> bool:
        words = [w.lower() for w in re.findall(r"\w+", entity.text) if w.lower() != "the"]
        if entity.label_ == "PERSON":  # one all-capital word is an acronym: "NVHA"
            return len(entity) == 1 and entity.text.isupper() and len(entity.text) > 1
        return entity.label_ == "ORG" and bool(words) and not set(words) <= self.person_words

    def _outlet(self, name: tuple[int, int]) -> bool:
        text = text_of(self.doc)[name[0] : name[1]]
        words = fold(text).split()
        return name[0] in {s for s, _ in self.outlets.values()} or (
            bool(words) and (words[-1] in NEWS_WORDS or fold(text) in outlet_table())
        )


def authors(noun: Token, names: SourceNames) -> Iterator[tuple[int, int]]:
    """Who made a report: "the BBC's report", "a statement from/by X"."""
    for child in noun.children:
        if child.dep_ == "poss":
            targets = [child]
        elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
            targets = [c for c in child.children if c.dep_ == "pobj"]
        else:
            continue
        yield from filter(None, map(names.name, targets))


def _chain(doc: Doc, start: int, end: int) -> int:
    """Where a name starts: proper nouns compounded onto it ("Harakat Hezbollah al" onto
    ORG "Nujaba") join it, a leading "the" does not."""
    first = start
    while first > 0 and doc[first - 1].head.i in range(first, end):
        before = doc[first - 1]
        if before.pos_ not in ("PROPN", "PUNCT") or before.dep_ not in ("compound", "punct"):
            break
        first -= 1
    while first < end - 1 and doc[first].pos_ in ("DET", "PUNCT"):
        first += 1
    return first
