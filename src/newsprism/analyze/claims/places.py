"""The places a value is of: the named place a population describes ("Qeshm island, home to
120,000 people"), and the named place a distance is measured from ("1,150 kilometers
southeast of Tehran") and the one it is measured to ("Qeshm, located 1,150 kilometers ...").

Read from the parse: the subject of a verb that only places or describes it ("Qeshm has a
population of", "Qeshm lies 1,500 km south of Tehran"), or the noun the words hang on; else
a name set off by a comma right before them ("Kerman, a city of 500,000"). A name the
recogniser types as a person or a people is no place, and when the words do not say which
place, none is given: a value of no place is compared with no other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.analyze.claims.quantities import QUALIFIERS

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan
    from spacy.tokens import Token

PLACING_VERBS = frozenset({"be", "have", "lie", "sit", "locate", "situate", "remain"})
"""Verbs whose subject is the place their object or complement describes. Any other verb's
subject did something there ("Iran sent rescuers to the island, home to 120,000 people")."""
_APPOSED = frozenset({",", "a", "an", "the", "located", "situated", "lying"}) | frozenset(
    hedge for hedge, kind in QUALIFIERS.items() if kind in ("about", "nearly") and " " not in hedge
)
"""Words between a name and its population or distance set off by a comma ("Kerman, a city
of", "Qeshm, located about")."""
_NOT_PLACES = frozenset({"PERSON", "NORP"})
_HOLDING = frozenset({"has", "have", "had", "with"})
_STEPS = 6
"""Heads walked up from a value's words to the place they are of."""
_BEARINGS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
    | {"northeastern", "northwestern", "southeastern", "southwestern", "-", "away"}
)
"""Words between a distance and "of" or "from" ("1,150 kilometers southeast of Tehran")."""
_PAST = frozenset({"once", "formerly", "previously"})
_WHOLE = frozenset({"a", "an", "the", "its", "their", "his", "her", "total", "estimated"})
"""Words before "population" that leave it the whole one; any other ("a Muslim population
of") makes it a part."""


def place_described(words: TokenSpan) -> TokenSpan | None:
    """The named place a population or distance is of (``words``: the value's words, for a
    population from "home", "population", "city" or "has" on)."""
    token: Token = words.root
    for _ in range(_STEPS):
        if token.pos_ in ("VERB", "AUX"):
            if token.lemma_.lower() not in PLACING_VERBS:
                break
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects:
                break  # "... and is home to": whose, the parse does not say
            relative = subjects[0].tag_ in ("WDT", "WP") and token.dep_ == "relcl"
            token = token.head if relative else subjects[0]
        if (place := _named(token)) is not None:
            return place
        if token.head is token:
            break
        token = token.head
    return _apposed(words)


def population_place(words: TokenSpan) -> TokenSpan | None:
    """The named place a population is of (``place_described``); an organisation's
    "residents" are none ("Mount Sinai Hospital has 300 residents": its doctors)."""
    place = place_described(words)
    if place is not None and place.label_ == "ORG" and words[0].lower_ in _HOLDING:
        return None
    return place


def reference_place(distance: TokenSpan) -> TokenSpan | None:
    """The named place a distance is measured from, right after it ("1,500 kilometers south
    of Tehran", "60km from Bandar Abbas"), the outlet's conversion in brackets skipped
    ("1,150 kilometers (700 miles) southeast of Tehran")."""
    doc, at, end = distance.doc, distance.end, distance.sent.end
    if at < end and doc[at].text == "(":
        close = next((t.i for t in doc[at : min(at + 8, end)] if t.text == ")"), None)
        at = at if close is None else close + 1
    while at < end and doc[at].lower_ in _BEARINGS:
        at += 1
    if at + 1 >= end or doc[at].lower_ not in ("of", "from"):
        return None
    name = doc[at + 2] if doc[at + 1].lower_ == "the" and at + 2 < end else doc[at + 1]
    return _named(name) if name.pos_ == "PROPN" else None


def past_or_part(words: TokenSpan) -> bool:
    """Whether a population's words give a past one ("once home to 2 million") or a part of
    it ("a Muslim population of 5 million")."""
    first = words[0]
    before = words.doc[first.i - 1] if first.i > words.sent.start else None
    if before is None:
        return False
    if first.lower_ == "population":
        return before.lower_ not in _WHOLE and before.pos_ in ("ADJ", "NOUN", "PROPN")
    return before.lower_ in _PAST


def _apposed(words: TokenSpan) -> TokenSpan | None:
    """A name set off by a comma right before the words ("Qeshm island, home to"); not the
    second name of "Tampa, Florida, home to", which may be either's."""
    doc, sentence, before = words.doc, words.sent, words.start
    comma = False
    while before > sentence.start and doc[before - 1].lower_ in _APPOSED:
        comma = comma or doc[before - 1].text == ","
        before -= 1
    if not comma or before in (words.start, sentence.start):
        return None
    name = _named(doc[before - 1])
    if name is None or (
        name.start - 2 >= sentence.start
        and doc[name.start - 1].text == ","
        and doc[name.start - 2].pos_ == "PROPN"
    ):
        return None
    return name


def _named(token: Token) -> TokenSpan | None:
    """The name a noun is, is of ("the island of Qeshm") or carries ("Qeshm island"): the
    recogniser's entity around it, or the proper noun alone; None for a person's or a
    people's name."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    named = [token, *(c for c in token.children if c.dep_ == "compound")]
    named += [
        g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
    ]
    for word in named:
        if word.pos_ == "PROPN":
            entity = next((e for e in word.sent.ents if e.start <= word.i < e.end), None)
            if entity is not None:
                return None if entity.label_ in _NOT_PLACES else entity
            return word.doc[word.i : word.i + 1]
    return None
