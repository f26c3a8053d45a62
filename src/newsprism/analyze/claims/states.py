"""What an event did to a thing, said at opposite ends by two outlets.

A harm is read with the thing it reached and how far (``harm_words``): left whole
("the main area of the supermarket was left largely intact", "was not damaged"), ruined
("a large fire has destroyed much of a supermarket"), or cut off in part or in whole
("partially blocked internet and mobile services in Alexandria" / "the loss of all
telecommunications in ... Alexandria", by a ``degree_words`` word). Two outlets that
say one thing was left whole and ruined, or a service cut in part and in whole, at one
place, disagree.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism import lexicon
from newsprism.analyze.claims.acts import asserted, negation_of, noun_phrase
from newsprism.analyze.claims.assertions import entity_of, same_named
from newsprism.analyze.claims.conflicts import join_groups
from newsprism.analyze.claims.disclosures import under_condition
from newsprism.analyze.claims.judge import conflict_record
from newsprism.records import Article, Conflict, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_HARMS = {row[0]: (row[1], row[2]) for row in lexicon.rows("harm_words")}
_DEGREES = lexicon.pairs("degree_words")
_PARTS = lexicon.pairs("thing_parts")
_FUTURE = lexicon.words("future_auxiliaries")
_NAMING = lexicon.words("naming_verbs")
_OPPOSED = {
    frozenset({"none", "heavy"}),
    frozenset({"none", "whole"}),
    frozenset({"part", "whole"}),
}
"""Ends that cannot both be true of one thing: left whole against ruined (wholly or not
said how far), cut off in part against in whole. "Largely intact" and "partially
destroyed" can both be true, so whole and part are never set against each other."""
_LEFT = frozenset({"be", "leave", "remain", "stay"})
"""Verbs a thing is said to be left whole with ("was undamaged", "was left intact")."""
_WHERE = frozenset({"in", "on", "across", "throughout", "at"})
_SUBJECTS = ("nsubj", "nsubjpass")


@dataclass(frozen=True)
class State:
    """A harm said of a thing, at one end."""

    harm: str
    """What was harmed of it ("damage", "outage": ``harm_words``)."""
    end: str
    """"none" (left whole), "heavy" (ruined, how far not said), "part" or "whole"."""
    thing: frozenset[str]
    """What it is said of: a named thing as "@" and its name, lower-cased, both as
    who-is-who names it and as written, else a noun's lemma; of an amount or a part
    ("much of a supermarket"), the thing it is of. Empty when the words do not say."""
    part: str | None
    """The part of the thing it is said of ("area"), None for the thing or an amount."""
    single: bool
    """Whether the thing is one thing (a name, a singular noun), not a kind ("buildings")."""
    places: frozenset[str]
    """The named places it is said to have happened in ("in Alexandria"), "@" and name,
    as for ``thing``."""
    evidence: Span
    phrase: str
    """The words as written ("was left largely intact", "partially blocked internet")."""
    written: str
    """The thing as written ("the main area of the one - storey supermarket")."""


def thing_states(
    article: Article,
    doc: Doc,
    entity_at: Mapping[int, str],
    names: Mapping[str, str],
    states: Mapping[str, str] | None = None,
) -> Iterator[State]:
    """Harms said of things at an end: a "none" word said of a subject with "be" or "left"
    ("was undamaged", "was left largely intact"), "damaged" negated; a verb of ruin
    ("destroyed", "toppled"); a verb or noun of harm with a word of degree ("partially
    blocked", "in parts of Alexandria", "the loss of all telecommunications"). Not read:
    questions, what will, would or may be, what is said under "if" or "whether"."""
    known = states or {}

    def key(token: Token) -> frozenset[str]:
        named = _named(token, entity_at, known)
        if named is not None:
            entity, written = named
            return frozenset({"@" + names.get(entity, entity).lower(), "@" + written.lower()})
        return frozenset({token.lemma_.lower()} if token.pos_ in ("NOUN", "PROPN") else ())

    for sentence in doc.sents:
        if sentence.text.rstrip(" \"'”’)").endswith("?"):
            continue
        span = Span.of(article, sentence.start_char, sentence.end_char)
        for word in sentence:
            found = _read(word)
            if found is None:
                continue
            harm, end, target, words = found
            thing, part = _whole(target) if target is not None else (None, None)
            places = frozenset(k for p in _places(word, target) for k in key(p) if k[0] == "@")
            thing_key = key(thing) if thing is not None else frozenset()
            if not thing_key and not places:
                continue
            named = any(k[0] == "@" for k in thing_key)
            single = thing is not None and (named or thing.tag_ in ("NN", "NNP"))
            written = noun_phrase(target) if target is not None else "it"
            yield State(harm, end, thing_key, part, single, places, span, words, written)


def _read(word: Token) -> tuple[str, str, Token | None, str] | None:
    """A harm word's harm, end, what it is said of (a token), and its words as written."""
    lemma = word.lemma_.lower() if word.pos_ in ("VERB", "NOUN") else word.lower_
    if lemma not in _HARMS:
        return None
    harm, end = _HARMS[lemma]
    if end == "none":
        return _left_whole(word, harm)
    if word.pos_ == "VERB":
        return _verb(word, harm, end)
    if word.pos_ == "NOUN" and end == "degree":
        return _noun(word, harm)
    return None


def _left_whole(word: Token, harm: str) -> tuple[str, str, Token | None, str] | None:
    """ "was undamaged", "was left largely intact": the subject of the verb said with."""
    verb = word.head
    if word.dep_ not in ("acomp", "oprd", "attr") or verb.lemma_.lower() not in _LEFT:
        return None
    if negation_of(verb) is not None or _unsaid(verb):
        return None
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if not subjects:
        return None
    start = min([verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "auxpass"))])
    return harm, "none", subjects[0], word.doc[start : word.i + 1].text


def _verb(verb: Token, harm: str, end: str) -> tuple[str, str, Token | None, str] | None:
    """ "destroyed much of a supermarket", "partially blocked internet", "were disrupted
    in parts of Alexandria", "was not damaged"."""
    if not asserted(verb) or under_condition(verb):
        return None
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    role = "nsubjpass" if passive else "dobj"
    targets = [c for c in verb.children if c.dep_ == role]
    target = targets[0] if targets else None
    degree = _degree(verb, target)
    if negation_of(verb) is not None:
        if harm != "damage" or end != "degree" or degree is not None:
            return None  # "was not destroyed" does not say it was left whole
        found = "none"
    elif degree is not None:
        found = degree
    elif end == "heavy":
        found = "heavy"
    else:
        return None
    parts = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg"))]
    parts += [c for c in verb.children if c.dep_ == "advmod" and c.lower_ in _DEGREES]
    if target is not None and target.i > verb.i:
        parts.append(_inner(target))
    start, stop = min(t.i for t in parts), max(t.i for t in parts)
    return harm, found, target, verb.doc[start : stop + 1].text


def _noun(noun: Token, harm: str) -> tuple[str, str, Token | None, str] | None:
    """ "the loss of all telecommunications": the thing it is "of", its degree."""
    if under_condition(noun):
        return None
    owners = [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    if not owners:
        return None
    target = owners[0]
    degree = _degree(noun, target)
    if degree is None:
        return None
    start = min([noun.i, *(c.i for c in noun.children if c.dep_ in ("det", "amod"))])
    return harm, degree, target, noun.doc[start : target.i + 1].text


def _degree(word: Token, target: Token | None) -> str | None:
    """How far a harm reached, by a ``degree_words`` word: an adverb or adjective of the
    word ("partially blocked", "total loss"), the determiner of what it reached ("all
    telecommunications"), or the place it reached "in parts of"."""
    found = {
        _DEGREES[c.lower_]
        for c in word.children
        if c.dep_ in ("advmod", "amod") and c.lower_ in _DEGREES
    }
    if target is not None:
        found |= {
            _DEGREES[c.lower_] for c in target.children if c.dep_ == "det" and c.lower_ == "all"
        }
    for prep in word.children:
        if prep.dep_ == "prep" and prep.lower_ in _WHERE:
            found |= {
                _DEGREES[p.lower_]
                for p in prep.children
                if p.dep_ == "pobj" and p.lower_ in ("part", "parts")
            }
    return found.pop() if len(found) == 1 else None


def _whole(target: Token) -> tuple[Token, str | None]:
    """The thing an amount or a part is of ("much of a supermarket": supermarket), and the
    part's lemma ("area"; None for an amount or the thing itself)."""
    lemma = target.lower_ if target.pos_ != "NOUN" else target.lemma_.lower()
    if lemma in _PARTS:
        inner = _of(target)
        if inner is not None:
            return inner, lemma if _PARTS[lemma] == "part" else None
    return target, None


def _inner(target: Token) -> Token:
    """The last word of what a harm reached, up to the thing an amount is of."""
    inner = _of(target)
    return inner if inner is not None and target.lower_ in _PARTS else target


def _of(token: Token) -> Token | None:
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _places(word: Token, target: Token | None) -> list[Token]:
    """The nouns of where a harm was said to be: "in", "on", "across" a place, from the
    harm word or what it reached, the place "of" a noun ("city of Alexandria", "parts of
    Alexandria")."""
    found: list[Token] = []
    for head in (word, target):
        if head is None:
            continue
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in _WHERE:
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    found.append(pobj)
                    inner = _of(pobj)
                    if inner is not None:
                        found.append(inner)
    return found


def _named(
    token: Token, entity_at: Mapping[int, str], states: Mapping[str, str]
) -> tuple[str, str] | None:
    """The entity a noun names and its name as written there: itself, or an apposition or
    a name it is "called" ("the island's main town, also called Qeshm"; "the island's
    capital, Qeshm City")."""
    entity = entity_of(token, entity_at, states)
    if entity is not None:
        return entity, _written(token, entity_at)
    for child in token.children:
        if child.dep_ == "appos" and child.idx in entity_at:
            return entity_at[child.idx], _written(child, entity_at)
        if child.dep_ == "acl" and child.lemma_.lower() in _NAMING:
            named = [c for c in child.children if c.dep_ in ("oprd", "attr", "dobj")]
            if named and named[0].idx in entity_at:
                return entity_at[named[0].idx], _written(named[0], entity_at)
    return None


def _written(token: Token, entity_at: Mapping[int, str]) -> str:
    """The words of the mention a token is in ("Qeshm City"), or the token alone."""
    entity = entity_at.get(token.idx)
    if entity is None:
        return token.text
    doc, start, end = token.doc, token.i, token.i
    while start > 0 and entity_at.get(doc[start - 1].idx) == entity:
        start -= 1
    while end + 1 < len(doc) and entity_at.get(doc[end + 1].idx) == entity:
        end += 1
    return doc[start : end + 1].text


def _unsaid(verb: Token) -> bool:
    """Whether a verb says only what will, would or may be, or what is under "if"."""
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE for c in verb.children):
        return True
    return under_condition(verb)


def state_conflicts(found: Sequence[State], outlets: Mapping[str, str]) -> Iterator[Conflict]:
    """One thing's harm said at opposite ends by two outlets (``_apart``): the pairs that
    share a statement are one conflict, a side for each end; always ``hard``."""
    groups: list[set[int]] = []
    for n, one in enumerate(found):
        for m in range(n + 1, len(found)):
            if _apart(one, found[m], outlets):
                join_groups(groups, {n, m})
    for members in sorted(groups, key=min):
        held = [found[k] for k in sorted(members)]
        ends = list(dict.fromkeys(s.end for s in held))
        sides = [[(s.evidence, s.phrase) for s in held if s.end == end] for end in ends]
        head = held[0]
        if head.harm == "damage":
            about = f"how far {head.written} was damaged"
        else:
            about = f"how far {head.written} was cut off"
        yield conflict_record(about, "hard", sides)


def _apart(one: State, other: State, outlets: Mapping[str, str]) -> bool:
    """Whether two outlets say one harm of one thing at opposite ends: the same thing (a
    thing left whole is one thing, not a kind), of parts not two different ones, at
    places not two different ones; or a named place left whole where the other says the
    harm was; or, for a service cut off, one named place."""
    if one.harm != other.harm or frozenset({one.end, other.end}) not in _OPPOSED:
        return False
    if outlets.get(one.evidence.article, one.evidence.article) == outlets.get(
        other.evidence.article, other.evidence.article
    ):
        return False
    whole, harmed = (one, other) if one.end == "none" else (other, one)
    if whole.end == "none" and not whole.single:
        return False
    shared_place = _same(one.places, other.places)
    if _same(one.thing, other.thing):
        if one.part is not None and other.part is not None and one.part != other.part:
            return False
        return shared_place or not (one.places and other.places)
    if whole.end == "none" and whole.part is None and _same(whole.thing, harmed.places):
        return True
    return one.harm == "outage" and shared_place


def _same(one: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two sets of keys hold one thing: one key equal, or two names of which one
    holds every word of the other ("@qeshm" / "@qeshm city")."""
    return bool(one & other) or any(same_named(a, b) for a in one for b in other)
