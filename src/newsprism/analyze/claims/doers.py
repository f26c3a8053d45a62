"""Whose act a value is of: the person a verb's subject names, by name or by age.

Outlets name one person differently: "36-year-old Duncan Rait died after falling about
200ft" and "A 36-year-old Australian climber is dead after falling about 150 metres" tell
one fall. The subject of the verb a value is governed by (or, for a participle with no
subject of its own, "died after falling", of the verb it hangs from) is read as the
person's marks: the story's actor it is a mention of (``values.People``), as
``person:<id>``, and the age written in its noun phrase, as ``age:<years>``. Two marks
sets of one story are one person when they share a mark and name no two different actors
(``same_doer``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from newsprism import lexicon
from newsprism.analyze.claims.numbers import AGE, WORDS
from newsprism.records import Article, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_RELATIVES = lexicon.words("relative_pronouns")
_PAYING = lexicon.words("paying_verbs")
"""Verbs whose subject pays, offers or bids the amount they take."""
_NONFINITE = frozenset({"VBG", "VBN", "VB"})
"""Tags of a verb form that has no subject of its own ("falling", "injured", "to climb")."""
PERSON = "person:"
AGED = "age:"
NAMED = "name:"


def doer_marks(
    verb: Token | None, article: Article, people: Callable[[Span], str | None]
) -> frozenset[str]:
    """The marks of the person who did what ``verb`` says: ``person:<id>`` for the actor its
    subject is a mention of, ``age:<years>`` for an age written in the subject's noun phrase
    ("a 36-year-old Australian climber", "another climber, 36-year-old Duncan Rait"). None
    for a pronoun subject, or a subject that is no person nor aged."""
    subject = _subject(verb)
    if subject is None or subject.pos_ == "PRON":
        return frozenset()
    marks: set[str] = set()
    for head in (subject, *(c for c in subject.children if c.dep_ == "appos")):
        actor = people(Span.of(article, head.idx, head.idx + len(head)))
        if actor is not None:
            marks.add(PERSON + actor)
        phrase = head.doc[head.left_edge.i : head.i + 1]
        marks.update(AGED + years for years in _ages(phrase.text))
    return frozenset(marks)


def payer_marks(
    amount: Token, article: Article, people: Callable[[Span], str | None]
) -> frozenset[str]:
    """Who paid, offered or bid an amount: the subject of the verb of paying
    (``paying_verbs``) the amount hangs from, however deep in its noun phrase ("the Orioles
    have offered Teixeira a deal worth $140 million"), marked ``person:<id>`` when it is a
    mention of an actor and ``name:<word>`` for each proper noun of it ("the Washington
    Nationals": ``name:washington``, ``name:nationals``; "the Red Sox team": ``name:red``,
    ``name:sox``). None for another verb (the receiver of "signed a $180 million deal",
    the teller of "claims it was $184 million"), a pronoun or a common noun alone."""
    verb = next((a for a in amount.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.lemma_.lower() not in _PAYING:
        return frozenset()
    subject = _subject(verb)
    if subject is None or subject.pos_ == "PRON":
        return frozenset()
    marks = {NAMED + w.lower_ for w in _named_words(subject)}
    actor = people(Span.of(article, subject.idx, subject.idx + len(subject)))
    if actor is not None:
        marks.add(PERSON + actor)
    return frozenset(marks)


def _named_words(noun: Token) -> list[Token]:
    """The proper nouns of a noun's name: itself when it is one, and those compounded
    before it ("the Washington Nationals", "the Red Sox team")."""
    words = [noun] if noun.pos_ == "PROPN" else []
    for word in noun.lefts:
        if word.dep_ == "compound":
            words.extend(_named_words(word) if word.pos_ == "PROPN" else [])
    return words


def _subject(verb: Token | None) -> Token | None:
    """A verb's subject: its own, that of the verb it is joined to ("slipped and fell"), or,
    for a form with none of its own, that of the verb it hangs from ("died after falling");
    a relative pronoun is read as the noun it follows."""
    while verb is not None:
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            relative = subject.tag_ in ("WP", "WDT") or subject.lower_ in _RELATIVES
            return verb.head if relative and verb.dep_ == "relcl" else subject
        if verb.dep_ == "conj":
            verb = verb.head
        elif verb.dep_ == "pcomp" and verb.tag_ in _NONFINITE and verb.head.dep_ == "prep":
            verb = verb.head.head if verb.head.head.pos_ in ("VERB", "AUX") else None
        elif verb.dep_ in ("advcl", "xcomp") and verb.tag_ in _NONFINITE:
            verb = verb.head if verb.head.pos_ in ("VERB", "AUX") else None
        else:
            verb = None
    return None


def _ages(text: str) -> Iterator[str]:
    for match in AGE.finditer(text):
        words = "".join(next(g for g in match.groups() if g).lower().split())
        if words.isdigit():
            yield str(int(words))
        elif all(part in WORDS for part in words.split("-")):
            yield f"{sum(WORDS[part] for part in words.split('-')):g}"


def ambiguous_ages(marks: Iterable[frozenset[str]]) -> frozenset[str]:
    """The age marks that go with two or more actors in a story: no one by themselves."""
    actors: dict[str, set[str]] = {}
    for told in marks:
        for age in (m for m in told if m.startswith(AGED)):
            actors.setdefault(age, set()).update(m for m in told if m.startswith(PERSON))
    return frozenset(age for age, named in actors.items() if len(named) > 1)


def same_doer(one: frozenset[str], other: frozenset[str], ambiguous: frozenset[str]) -> bool:
    """Whether two marks sets are of one person: they share an actor, or an age that goes
    with no two actors in the story (``ambiguous``), and name no two different actors."""
    actors = {m for m in one if m.startswith(PERSON)}
    others = {m for m in other if m.startswith(PERSON)}
    if actors and others and not actors & others:
        return False
    return bool((one & other) - ambiguous)
