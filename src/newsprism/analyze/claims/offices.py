"""A person's office, as a company's chief officer, given by a title before the name.

"CEO Larry Lucchino" in one outlet and "COO Larry Lucchino" in another cannot both be
right: one person holds one chief office of one company at a time (``officer_titles``,
"CEO", "chief operating officer", ...; not "president", which a CEO often is too). A
title said to be held once or for a while only ("former CEO", "interim CEO",
``tenure_words``) says nothing of the office now, and one of two titles given together
("CEO and COO Jane Doe") is not the whole of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan

OFFICES = lexicon.pairs("officer_titles")
"""Chief officers' titles (lower case) and the office each names ("chief executive": ceo)."""
_LONGEST = max(len(t.split()) for t in OFFICES)
_TENURE = lexicon.words("tenure_words")
_JOINED = frozenset({"and", "&", "/", ","})
"""Words that join two titles given one person ("CEO and COO")."""


@dataclass(frozen=True)
class Office:
    """One person's office as a title before the name gives it."""

    title: TokenSpan
    """The title as written ("COO")."""
    office: str
    """The office it names ("coo")."""
    name: TokenSpan
    """The person's name after it."""
    company: frozenset[str]
    """The names right before the title (lower case): whose office it is ("Apple CEO Tim
    Cook": apple); "SpaceX CTO" and "Tesla CEO" are offices of two companies."""


def offices(tokens: TokenSpan) -> Iterator[Office]:
    """The offices titles right before people's names give them, within the words."""
    for entity in _people(tokens):
        found = _title(entity, tokens.start)
        if found is None:
            continue
        title, office, name = found
        company = _company(title)
        if not _qualified(title, len(company)):
            yield Office(
                title, office, name, frozenset(t.lower_ for t in company if t.tag_ != "POS")
            )


def _people(tokens: TokenSpan) -> Iterator[TokenSpan]:
    """The names the recogniser types as people that start within the words and end
    within their sentence: read from the words' own tokens, for ``Doc.ents`` walks the
    whole text at every call."""
    doc = tokens.doc
    for token in tokens:
        if token.ent_iob_ != "B" or token.ent_type_ != "PERSON":
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if end <= tokens.sent.end:
            yield doc[token.i : end]


def _title(entity: TokenSpan, first: int) -> tuple[TokenSpan, str, TokenSpan] | None:
    """The title right before a person's name, its office and the name: before the entity,
    or at its start where the recognizer took the title in ("CEO Larry Lucchino" as one
    name); ``first``: the first token the title may start at."""
    doc = entity.doc
    for end in range(entity.start, min(entity.start + _LONGEST, entity.end - 1) + 1):
        for size in range(_LONGEST, 0, -1):
            start = end - size
            if start < first:
                continue
            title = doc[start:end]
            office = OFFICES.get(" ".join(t.lower_ for t in title))
            if office is not None:
                return title, office, doc[end : entity.end]
    return None


def _company(title: TokenSpan) -> TokenSpan:
    """The proper nouns right before a title ("former Boston Red Sox CEO": Boston Red Sox),
    with a possessive's "'s" ("Apple's CEO")."""
    doc, start = title.doc, title.start
    while (
        start > title.sent.start
        and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].tag_ == "POS")
        and doc[start - 1].lower_ not in _TENURE  # "Interim" at a sentence's start
    ):
        start -= 1
    return doc[start : title.start]


def _qualified(title: TokenSpan, company: int) -> bool:
    """Whether the words before a title and the ``company`` words right before it say it
    was held once or for a while only ("former CEO", "former Apple COO", "interim CEO")
    or join it to another ("CEO and COO")."""
    doc = title.doc
    first = title.start - company
    before = [t.lower_ for t in doc[max(title.sent.start, first - 1 - _LONGEST) : first]]
    if before and before[-1] in _TENURE | {"-"}:
        return True
    return not company and bool(before) and before[-1] in _JOINED and _titled(title, len(before))


def _titled(title: TokenSpan, reach: int) -> bool:
    """Whether another chief officer's title ends right before the word before a title."""
    doc, end = title.doc, title.start - 1
    return any(
        " ".join(t.lower_ for t in doc[end - size : end]) in OFFICES
        for size in range(1, min(_LONGEST, reach - 1) + 1)
        if end - size >= title.sent.start
    )
