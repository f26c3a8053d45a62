"""Values that describe someone or something rather than count or date an event.

- how many children a parent has ("a mother of 12", "father-of-three"): the number after
  a parent noun counts that parent's children, not the people around it;
- a named thing's colour ("a silver Toyota Camry", "a 2013 gray Camry"), keyed by the
  name it describes;
- a telephone number ("0845 125 2222"), keyed by its first digits: two numbers that share
  them and differ in one digit more are one line written two ways.
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
    rf"(\d{{1,2}}|{NUMBER_WORDS})\b(?!\s*-\s*(?:year|month|week|day)s?\b)(?!\s+of\b)",
    re.IGNORECASE,
)
"""How many children a parent has: "a mother of 12", "father-of-three"; not "the mother of
12-year-old Ann" nor "the mother of one of the victims"."""
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
_DIALLED = re.compile(r"[0+(]")
"""How a number written to be dialled starts: a trunk 0, a country's +, an area code in
brackets."""
_PHONE_CUE = re.compile(
    r"\b(?:call|calls|calling|ring|contact|phone|telephone|tel|hotline|helpline|line|dial|"
    r"number|text)\b[^.!?]{0,40}$",
    re.IGNORECASE,
)
"""Words before a number that say it is one to call ("call police on", "the hotline,")."""


def phone_digits(written: str, before: str) -> str | None:
    """The digits of a telephone number as ``PHONE`` found it (``before``: the text before
    it), or None when they are too few or too many for one, it starts with a year, or it
    neither starts as a dialled number does nor follows a word of calling (scores, case
    numbers and big figures written in groups are none)."""
    digits = re.sub(r"\D", "", written)
    if not _PHONE_DIGITS[0] <= len(digits) <= _PHONE_DIGITS[1] or _YEAR_FIRST.match(written):
        return None
    if not _DIALLED.match(written) and not _PHONE_CUE.search(before[-60:]):
        return None
    return digits


def one_line(a: str, b: str) -> bool:
    """Whether two telephone numbers' digits are one number written two ways: one digit
    left out, added or changed ("0845 125 2222" / "0845 125 222"); two numbers of one
    exchange ("0161 856 1234" / "0161 856 9876") are two lines."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


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
        colour = COLOURS.get(token.lower_)
        if colour is None or token.ent_type_ or _coordinated(token):
            continue
        thing = _described(token)
        if thing is None or thing.i >= tokens.end or thing.ent_type_ in ("PERSON", "NORP"):
            continue
        if (lemma := thing.lemma_.lower()) not in _PEOPLE:
            yield token, colour, lemma


def _coordinated(token: Token) -> bool:
    """Whether a colour is one of several given one thing ("black and white", "red-blue")."""
    doc = token.doc
    pairs = [(token.i + step, token.i + 2 * step) for step in (-1, 1)]
    return any(
        min(joint, other) >= 0
        and max(joint, other) < len(doc)
        and doc[joint].text in ("-", "/", "and", "or")
        and doc[other].lower_ in COLOURS
        for joint, other in pairs
    )


def _described(colour: Token) -> Token | None:
    """The named thing a colour describes: the last of the numbers, names and nouns right
    after it, when it is a proper noun ("gray 2013 Toyota Camry": a make and model). A
    common noun is not enough to say which thing: two suspects' hoodies, a gold and a
    silver medal, gold and silver prices."""
    doc, last = colour.doc, None
    for token in doc[colour.i + 1 : colour.i + 5]:
        if token.pos_ not in ("NUM", "PROPN", "NOUN", "ADJ") or token.text in COLOURS:
            break
        last = token
    return last if last is not None and last.pos_ == "PROPN" else None
