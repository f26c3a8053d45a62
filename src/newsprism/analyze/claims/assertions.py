"""What one article asserts, before articles are compared.

An Assertion is one article's version of one checkable point, with the words
that make it (a Span) and a normalized value to compare across outlets:
- attribute: a role or affiliation the article gives an actor, from the labels
  ("spokesperson for the Iraqi Prime Minister": role "spokesperson", affiliation
  "prime minister");
- statement: a position reported for an actor ("Iraq called for the expulsion of
  U.S. troops"; "the government has yet to make a final decision"), with its polarity;
- event: who did what to whom ("the strike killed al-Saadi"), from the parse.
Quantities come from ``analyze.quantities``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from newsprism.analyze.claims.quantities import Quantity
from newsprism.analyze.claims.when import article_day
from newsprism.analyze.claims.when import resolve as resolve_day
from newsprism.records import Article, ClaimKind, Entity, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as TokenSpan

_STANCE_WORDS = """say state call urge demand condemn denounce criticize criticise reject deny
confirm accuse blame warn threaten vow pledge praise welcome support oppose defend justify
announce insist express signal plan decide agree refuse order request ask seek"""
STANCE_VERBS = frozenset(_STANCE_WORDS.split())
"""Verbs that report an actor's position."""
_EVENT_WORDS = """kill strike hit target attack bomb shoot arrest detain capture wound injure
destroy launch fire seize raid assassinate execute release free sentence charge convict
die collapse flood evacuate rescue resign appoint elect"""
EVENT_VERBS = frozenset(_EVENT_WORDS.split())
NOT_YET = ("yet to", "not yet", "no final decision", "has not decided", "have not decided")
ROLE_SYNONYMS: Mapping[str, str] = {
    "military": "armed forces",
    "army": "armed forces",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "premier": "prime minister",
    "pm": "prime minister",
}
"""Words that name the same role or affiliation."""
ROLE_WORDS = frozenset(
    {
        "general",
        "director",
        "officer",
        "deputy",
        "chief",
        "associate",
        "assistant",
        "former",
        "senior",
    }
)
"""Title words inside a label that say nothing of whom one works for ("General Manager")."""
GENERIC_NOUNS = frozenset({"team", "club", "group", "company", "state", "office", "county"})
"""Capitalised common nouns ("Team spokesman") that name no particular employer."""
EXCLUSIVE_ROLES = frozenset(
    {
        "spokesperson",
        "commander",
        "minister",
        "secretary",
        "ambassador",
        "governor",
        "mayor",
        "envoy",
    }
)
"""Roles one holds for one employer at a time: two employers for one person in such a role
is a disagreement; a director, chairman or coach may well serve two at once."""
COLLECTIVES = frozenset({"government", "official", "authority", "military", "ministry", "force"})
"""Nouns through which a place speaks: "Iraqi officials" speak for Iraq."""
_AFFILIATION_SKIP = frozenset({"DET", "PUNCT", "ADP", "CCONJ", "PART", "PRON", "AUX"})


@dataclass(frozen=True)
class Assertion:
    kind: ClaimKind
    key: tuple[str, ...]
    """What the assertion is about; assertions with equal keys are compared."""
    value: str
    """Normalized value ("prime minister"; "call for expulsion troop"; "kill").."""
    text: str
    """A short normalized statement: the claim's ``statement``, data beside the words."""
    evidence: Span
    subject: str | None = None
    negated: bool = False
    words: frozenset[str] = frozenset()
    """Content words of the value, for overlap tests."""
    about: str = ""
    """What the point is, for the reader ("Yehia Rasool's role")."""
    quantity: Quantity | None = None
    """The number read, with its range, for a quantity."""
    day: str | None = None
    """The calendar day an event happened (ISO), when the article's words pin it down."""
    place: str | None = None
    """Where a counted group was, when the words say."""


def attribute_assertions(
    article: Article, doc: Doc, entities: Sequence[Entity]
) -> Iterator[Assertion]:
    """Roles and affiliations of people, from this article's labels of them."""
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for label in entity.labels:
            if label.article != article.id:
                continue
            part = doc.char_span(label.start, label.end, alignment_mode="expand")
            if part is None:
                continue
            role, affiliation = _role(part)
            if not role:
                continue
            value = f"{role} of {' '.join(affiliation)}" if affiliation else role
            yield Assertion(
                "attribute",
                ("attribute", entity.id, role),
                value,
                f"{entity.name}: {value}",
                label,
                entity.id,
                words=frozenset(affiliation),
                about=f"{entity.name}'s role",
            )


def quantity_assertion(quantity: Quantity, doc: Doc) -> Assertion:
    """A number with what it counts, as an assertion: compared by what it counts and the
    event ("killed", "deployed"), disagreeing when the ranges its qualifiers allow do not
    overlap."""
    event = quantity.event or ""
    qualifier = f"{quantity.qualifier} " if quantity.qualifier else ""
    what = f"{quantity.counted} {event}".strip()
    number = _number(quantity.value)
    return Assertion(
        "quantity",
        ("quantity", quantity.counted, event),
        number,
        f"{what}: {qualifier}{number}",
        quantity.evidence,
        negated=quantity.negated,
        about=_how_many(quantity.counted, event),
        quantity=quantity,
        place=_place(doc, quantity.number.start),
    )


def _place(doc: Doc, offset: int) -> str | None:
    """Where the counted were: a place attached to the counted noun or its verb ("troops
    in Syria"), so counts of two places are not compared."""
    token = next((t for t in doc if t.idx <= offset < t.idx + len(t) + 1), None)
    if token is None:
        return None
    noun = token.head
    for holder in (noun, noun.head):
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at", "across", "inside"):
                continue
            for place in prep.children:
                if place.dep_ == "pobj" and place.ent_type_ in ("GPE", "LOC", "FAC"):
                    return place.lower_
    return None


PARTICIPLES = {
    "kill": "killed",
    "wound": "wounded",
    "deploy": "deployed",
    "evacuate": "evacuated",
    "arrest": "arrested",
}
PLURALS = {
    "person": "people",
    "percent": "percent",
    "child": "children",
    "man": "men",
    "woman": "women",
}


def _how_many(counted: str, event: str) -> str:
    """ "how many people killed", for the reader."""
    plural = PLURALS.get(counted, counted if counted.endswith("s") else counted + "s")
    return f"how many {plural} {PARTICIPLES.get(event, event)}".strip()


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


def _role(part: TokenSpan) -> tuple[str, list[str]]:
    """The role noun of a label and the words of its affiliation (places left out)."""
    head = part.root
    if head.pos_ not in ("NOUN", "PROPN"):
        return "", []
    role = ROLE_SYNONYMS.get(head.lower_, head.lemma_.lower())
    words: list[str] = []
    initials = ""
    for token in part:
        if token.i == head.i or not (token.pos_ == "PROPN" or token.lower_ in ROLE_SYNONYMS):
            continue
        initials += token.lower_[0]
        if token.ent_type_ in ("GPE", "NORP", "PERSON") or token.lower_ in GENERIC_NOUNS:
            continue
        for word in ROLE_SYNONYMS.get(token.lower_, token.lower_).split():
            if word not in words and word not in ROLE_WORDS:
                words.append(word)
    if len(initials) > 1 and words:
        words.append(initials)
    return role, words


def statement_assertions(
    article: Article, doc: Doc, entity_at: Mapping[int, str], names: Mapping[str, str]
) -> Iterator[Assertion]:
    """Positions reported for actors: an entity as the subject of a stance verb."""
    for sentence in doc.sents:
        for token in sentence:
            if token.pos_ != "VERB" and token.lemma_ != "have":
                continue
            subject = _subject_entity(token, entity_at)
            if subject is None:
                continue
            lemma = token.lemma_.lower()
            not_yet = any(marker in sentence.text.lower() for marker in NOT_YET)
            if lemma not in STANCE_VERBS and not not_yet:
                continue
            negated = not_yet or any(c.dep_ == "neg" for c in token.children)
            objects = _object_words(token)
            value = " ".join([lemma, *objects])
            yield Assertion(
                "statement",
                ("statement", subject),
                value,
                f"{names.get(subject, subject)}: {'not ' if negated else ''}{value}",
                Span.of(article, sentence.start_char, sentence.end_char),
                subject,
                negated,
                frozenset(objects),
                about=f"the position of {names.get(subject, subject)}",
            )


def event_assertions(
    article: Article, doc: Doc, entity_at: Mapping[int, str], names: Mapping[str, str]
) -> Iterator[Assertion]:
    """Who did what to whom, and when: an event verb with an actor as its object, and the
    day its sentence gives, resolved against the article's date."""
    base = article_day(article.published)
    for sentence in doc.sents:
        for token in sentence:
            lemma = token.lemma_.lower()
            if token.pos_ != "VERB" or lemma not in EVENT_VERBS:
                continue
            target = _object_entity(token, entity_at)
            if target is None:
                continue
            day = _day(token, base)
            on = f" on {day}" if day else ""
            yield Assertion(
                "event",
                ("event", lemma, target),
                f"{lemma}{on}",
                f"{lemma}: {names.get(target, target)}{on}",
                Span.of(article, sentence.start_char, sentence.end_char),
                target,
                any(c.dep_ == "neg" for c in token.children),
                about=f"whether {names.get(target, target)} was the target of {lemma}",
                day=day,
            )


def _day(verb: Token, base: date | None) -> str | None:
    """The day a date phrase attached to the verb names."""
    for token in verb.subtree:
        if token.ent_type_ == "DATE" and token.ent_iob_ == "B":
            entity = next(e for e in token.doc.ents if e.start == token.i)
            found = resolve_day(entity.text, base)
            if found is not None:
                return found.isoformat()
    return None


def _subject_entity(verb: Token, entity_at: Mapping[int, str]) -> str | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return _entity_of(child, entity_at)
    return None


def _object_entity(verb: Token, entity_at: Mapping[int, str]) -> str | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            found = _entity_of(child, entity_at)
            if found is not None:
                return found
    return None


def _entity_of(token: Token, entity_at: Mapping[int, str]) -> str | None:
    """The entity a noun phrase names: its head, or a name compounded into it."""
    if token.idx in entity_at:
        return entity_at[token.idx]
    if token.lemma_.lower() not in COLLECTIVES:
        return None
    for child in token.children:
        if child.dep_ in ("compound", "amod", "poss") and child.idx in entity_at:
            return entity_at[child.idx]
    return None


def _object_words(verb: Token) -> list[str]:
    words: list[str] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "prep", "xcomp", "ccomp", "attr", "prt"):
            for token in child.subtree:
                if token.pos_ in ("NOUN", "VERB", "PROPN") and not token.is_stop:
                    words.append(token.lemma_.lower())
    return words[:6]
