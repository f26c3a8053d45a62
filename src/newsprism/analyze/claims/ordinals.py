"""A person's place in a sequence: "Cheeks is the fourth head coach since King took over".

An ordinal before a noun ("the fifth Sixers coach", "Philadelphia's 21st head coach") is
a value when the noun phrase says who the person is, as a whole: the complement of a
copula ("Cheeks will be the fifth Sixers coach", "became the first woman to head the
Academy"), an apposition that says what sequence it is ("Cheeks, the fourth coach since
King took over"; not "the third victim, Bryant Dalton", the order of telling) or what
someone was taken on "as" ("hired as the 21st head coach"). One person holds one
place in one sequence, so two outlets' places of one person in one sequence cannot both
be true. A thing the person has or did gives none: "her second marriage" and "her third
marriage" are two marriages, "his second goal" and "his third goal" two goals.

The sequence is the noun's lemma, with what sets it apart:
- the verb of a participle or infinitive after the noun ("the fifth coach fired this
  season", "the 14th player to reach 13,000 yards"): a sequence of those who did it;
- a bound in time ("since King took over", "in four years", "under his watch",
  ``ordinal_bounds``): a sequence that starts late, not the whole one ("the 21st head
  coach in team history"). Any bound in time is one mark: two outlets bound one story's
  sequence alike more often than not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan
    from spacy.tokens import Token

ORDINALS = {w: int(n) for w, n in lexicon.pairs("ordinal_words").items()}
"""Ordinal words and the place each names ("fifth": 5)."""
_FIGURED = re.compile(r"(\d{1,3})(?:st|nd|rd|th)", re.IGNORECASE)
"""An ordinal written in figures ("21st", "4th")."""
_BOUNDS = lexicon.words("ordinal_bounds")
BOUNDED = "bounded"
"""The mark of a sequence bounded in time."""
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_NAMED = frozenset({"PROPN", "NOUN"})
"""Parts of speech of a name's head: the tagger takes some surnames for common nouns
("Cheeks")."""
_SAID = frozenset({"attr", "oprd", "pobj"})
"""How a noun phrase that says who a person is hangs in a copula ("Cheeks is the fourth
coach") or after "as"; in apposition ("the second suspect, John Smith", "the first lady,
Michelle Obama") an ordinal often numbers people in the order the article tells of them,
or is part of a title, and gives a place only with what defines the sequence: what those
counted did, a bound in time or whose sequence it is ("the 21st coach of the 76ers")."""
_DEFINING = frozenset({"acl", "relcl"})
"""Dependencies of a participle, infinitive or relative clause that says what those
counted did ("the first person to plead guilty", "the fifth coach fired")."""


@dataclass(frozen=True)
class Place:
    """One person's place in a sequence, as a statement gives it."""

    words: TokenSpan
    """From the ordinal to the noun it goes with ("fourth head coach")."""
    place: int
    person: TokenSpan
    """The words that name whom the place is of: a person's name, or a noun the story's
    actors may know as one (``values`` keys the place by the actor, or by the name of a
    person the entity recognizer saw)."""
    sequence: str
    """The noun's lemma, the verb of what those counted did and ``BOUNDED`` when the
    sequence is bounded in time: "coach:bounded", "coach:fire", "coach"."""
    owners: frozenset[str]
    """The proper nouns (lower-cased) that say whose sequence it is: before the noun or
    after its "of" ("Philadelphia's 21st head coach", "the 21st head coach of the 76ers":
    philadelphia, 76ers)."""


def ordinal_places(tokens: TokenSpan) -> Iterator[Place]:
    """The places of named people the words give ("Cheeks, the fourth head coach since
    King took over": Cheeks, 4, "coach:bounded")."""
    for token in tokens:
        place = ordinal(token)
        if place is None:
            continue
        noun = _noun(token)
        if noun is None or noun.i >= tokens.end:
            continue
        person = _person(noun)
        if person is None:
            continue
        verb = next((c for c in noun.children if c.dep_ in _DEFINING and c.pos_ == "VERB"), None)
        done = "" if verb is None else verb.lemma_.lower()
        bound = BOUNDED if _bounded(noun) else ""
        sequence = ":".join(p for p in (noun.lemma_.lower(), done, bound) if p)
        owners = _owners(noun)
        if noun.dep_ not in _SAID and not (done or bound or owners):
            continue  # "the second suspect, John Smith": the order of telling
        words = tokens.doc[token.i : noun.i + 1]
        yield Place(words, place, person, sequence, owners)


def ordinal(token: Token) -> int | None:
    """The place an ordinal names ("fifth", "21st"), or None for any other word."""
    if (match := _FIGURED.fullmatch(token.text)) is not None:
        return int(match.group(1))
    return ORDINALS.get(token.lower_)


def _noun(ordinal: Token) -> Token | None:
    """The noun an ordinal counts, when it goes before it in a definite noun phrase ("the
    fifth Sixers coach", "Philadelphia's 21st head coach"); not one joined to a superlative
    ("the fourth-highest total"), nor the end of a compound one ("twenty-first"), nor one
    of several ("the first and second rounds")."""
    noun, doc = ordinal.head, ordinal.doc
    if noun.pos_ != "NOUN" or noun.i <= ordinal.i or ordinal.dep_ not in ("amod", "nummod"):
        return None
    if ordinal.i + 1 < len(doc) and doc[ordinal.i + 1].text == "-":
        return None
    if ordinal.i > 0 and doc[ordinal.i - 1].text == "-":
        return None  # the last word of "twenty - first" is no "first"
    marks = [c for c in noun.children if c.i < ordinal.i and c.dep_ in ("det", "poss")]
    if not any(c.dep_ == "poss" or c.lower_ == "the" for c in marks):
        return None
    if any(c.dep_ == "conj" for c in ordinal.children):
        return None
    return noun


def _person(noun: Token) -> TokenSpan | None:
    """The named person the noun phrase says who is: the subject of the copula it
    completes ("Cheeks is the fourth coach"; for "who", the noun it follows), the name it
    stands beside ("Cheeks, the fourth coach"; "the third victim, Bryant Dalton") or the
    person taken on "as" it ("hired Cheeks as the 21st coach", "Cheeks was hired as")."""
    head: Token | None = None
    if noun.dep_ in ("attr", "oprd"):
        head = _subject(noun.head)
    elif noun.dep_ == "appos":
        head = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ == "VERB":
        verb = noun.head.head
        head = next((c for c in verb.children if c.dep_ == "dobj"), None) or _subject(verb)
    if head is None or head.pos_ not in _NAMED:
        head = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if head is None or head.pos_ not in _NAMED:
        return None
    return _name(head)


def _name(head: Token) -> TokenSpan:
    """The words of the name a token heads: its entity, or the token with the proper
    nouns joined before it ("Maurice Cheeks", and "Cheeks" where the entity recognizer
    saw none: the story's actors may still know it)."""
    entity = next((e for e in head.sent.ents if e.start <= head.i < e.end), None)
    if entity is not None:
        return entity
    start = head.i
    while start > head.sent.start and head.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return head.doc[start : head.i + 1]


def _subject(verb: Token) -> Token | None:
    """A verb's subject; for "who" or "that", the noun the clause follows; for "to
    become", the subject of the verb it hangs from."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            if subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return verb.head
            return subject
        if verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _bounded(noun: Token) -> bool:
    """Whether the sequence is bounded in time, by words on the noun or on the verb whose
    complement it is ("since King took over", "in four years", "under his watch", "this
    season")."""
    heads = [noun] if noun.dep_ not in ("attr", "oprd") else [noun, noun.head]
    for head in heads:
        for child in head.children:
            if child.dep_ in ("prep", "mark") and child.lower_ in _BOUNDS:
                return True
            if child.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in _BOUNDS for m in child.children
            ):
                return True
            if child.dep_ == "prep" and child.lower_ in ("in", "over") and _stretch(child):
                return True
            if child.dep_ == "npadvmod" and _period(child):
                return True
    return False


def _period(word: Token) -> bool:
    """Whether a noun names a stretch of time ("this season", "last year"), not a day
    ("Tuesday", "Sept. 4"): a date's common noun with a word before it."""
    return (
        word.ent_type_ == "DATE"
        and word.pos_ == "NOUN"
        and any(c.dep_ in ("det", "amod", "nummod") for c in word.children)
    )


def _stretch(preposition: Token) -> bool:
    """Whether a preposition leads to a stretch of time, counted ("in four years", "over
    two seasons"): it bounds a sequence as "since" does; a year ("in 2004") or a history
    ("in its 86-year history") does not."""
    return any(
        c.dep_ == "pobj"
        and c.pos_ == "NOUN"
        and c.ent_type_ == "DATE"
        and any(n.dep_ == "nummod" for n in c.children)
        for c in preposition.children
    )


def _owners(noun: Token) -> frozenset[str]:
    """The names before a noun and after its "of", with the names they head (the tagger
    takes some for common nouns: "the Philadelphia 76ers")."""
    heads = [c for c in noun.children if c.dep_ in ("compound", "poss")]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            heads += [c for c in child.children if c.dep_ == "pobj"]
    words = [
        t
        for h in heads
        for t in (h, *(c for c in h.children if c.dep_ in ("compound", "poss")))
        if t.pos_ == "PROPN" or t.ent_type_
    ]
    return frozenset(t.lower_ for t in words)
