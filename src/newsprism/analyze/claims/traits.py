"""Values that describe someone or something rather than count or date an event.

- how many children a parent has ("a mother of 12", "father-of-three"): the number after
  a parent noun counts that parent's children, not the people around it;
- a thing's colour ("a silver Toyota Camry", "a 2013 gray Camry"), keyed by the noun it
  describes;
- a telephone number ("0845 125 2222"), keyed by its first digits: two numbers that share
  them and differ after are one line written two ways.
``values`` reads them with the other values and keys a parent's children by the person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newsprism import lexicon
from newsprism.analyze.claims.numbers import NUMBER_WORDS
from newsprism.analyze.claims.quantities import PARENTS

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan
    from spacy.tokens import Token

CHILDREN = re.compile(
    r"\b(" + "|".join(sorted(PARENTS, key=len, reverse=True)) + r")\s*-?\s*of\s*-?\s*"
    rf"(\d{{1,2}}|{NUMBER_WORDS})\b(?!\s*-\s*(?:year|month|week|day)s?\b)",
    re.IGNORECASE,
)
"""How many children a parent has: "a mother of 12", "father-of-three"; not "the mother of
12-year-old Ann"."""
_CHILD_NOUNS = frozenset({"child", "kid", "grandchild", "children", "kids", "grandchildren"})
"""The nouns a parent's number may count ("mother of 12 children"); "father of two sons"
counts some of them only."""
COLOURS = lexicon.pairs("colour_words")
"""Colour words, each with the colour it names ("grey": gray)."""
_PEOPLE = lexicon.words("people_nouns") | lexicon.words("person_role_nouns")
"""Nouns of people: a colour given a person ("a white man") is no colour of a thing."""
PHONE = re.compile(
    r"(?<![\w$£€.,:/+-])"
    r"(\+?\(?\d{1,5}\)?(?:[ .-]\d{2,7}){1,3})"
    r"(?![\w,:/-]|\.\d)"
)
"""A telephone number in groups of digits ("0845 125 2222", "(202) 555-0100"); how many
digits it holds is checked apart (``phone_digits``)."""
_PHONE_DIGITS = (9, 13)
"""Digits a telephone number holds with its area code: 10 in North America and Britain, 9
to 13 elsewhere; a date ("2013-09-15") or a score holds fewer."""
LINE = 6
"""Leading digits that name one line: two numbers that share them and differ after are
one number written two ways, at most one of them right ("0845 125 2222" / "0845 125
222")."""
_YEAR_FIRST = re.compile(r"\(?(?:19|20)\d\d\b")


def phone_digits(written: str) -> str | None:
    """The digits of a telephone number as ``PHONE`` found it, or None when they are too
    few or too many for one, or it starts with a year."""
    digits = re.sub(r"\D", "", written)
    if not _PHONE_DIGITS[0] <= len(digits) <= _PHONE_DIGITS[1] or _YEAR_FIRST.match(written):
        return None
    return digits


def some_children(number: TokenSpan) -> bool:
    """Whether a parent's number counts only some of the children ("father of two young
    sons"): a common noun other than "children" follows it."""
    for token in number.doc[number.end : number.end + 3]:
        if token.pos_ != "ADJ":
            return token.pos_ == "NOUN" and token.lower_ not in _CHILD_NOUNS
    return False


def parent_named(noun: Token) -> TokenSpan | None:
    """The name of the person a parent noun describes, by the parse: in apposition
    ("Zurana Horton, 34, a mother of 12") or as what the person was ("Horton was the
    mother of 12", "Horton, who was a mother of 12")."""
    head = noun.head if noun.dep_ == "appos" else None
    if noun.dep_ == "attr":
        subjects = [c for c in noun.head.children if c.dep_.startswith("nsubj")]
        head = subjects[0] if subjects else None
        if head is not None and head.tag_ in ("WP", "WDT") and noun.head.dep_ == "relcl":
            head = noun.head.head
    if head is None or head.ent_type_ != "PERSON":
        return None
    return next((e for e in head.sent.ents if e.start <= head.i < e.end), None)


def colours(tokens: TokenSpan) -> Iterator[tuple[Token, str, str]]:
    """The colours the words give things ("a silver Toyota Camry"): each colour word, the
    colour it names and the lemma of the noun it describes (the last of the numbers,
    names and nouns right after it: the parse often takes such a colour for a noun).
    None inside a name ("the White House"), one of several ("black and white"), or a
    person's ("a black teenager")."""
    for token in tokens:
        colour = COLOURS.get(token.text)
        if colour is None or token.ent_type_ or _coordinated(token):
            continue
        thing = _described(token)
        if thing is None or thing.i >= tokens.end or thing.ent_type_ in ("PERSON", "NORP"):
            continue
        if (lemma := thing.lemma_.lower()) not in _PEOPLE:
            yield token, colour, lemma


def _coordinated(token: Token) -> bool:
    doc = token.doc
    near = [doc[k] for k in (token.i - 1, token.i + 1) if 0 <= k < len(doc)]
    return any(t.dep_ == "cc" or t.text in ("-", "/", "and", "or") for t in near)


def _described(colour: Token) -> Token | None:
    doc, last = colour.doc, None
    for token in doc[colour.i + 1 : colour.i + 5]:
        if token.pos_ not in ("NUM", "PROPN", "NOUN", "ADJ") or token.text in COLOURS:
            break
        last = token
    return last if last is not None and last.pos_ in ("NOUN", "PROPN") else None
