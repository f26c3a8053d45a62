"""What one article asserts, before articles are compared.

An Assertion is one article's version of one checkable point, with the words
that make it (a Span) and a normalized value to compare across outlets:
- attribute: a role or affiliation the article gives an actor, from the labels
  ("spokesperson for the Iraqi Prime Minister": role "spokesperson", affiliation
  "prime minister"), and where a person lives ("Anthony LaSalle, 36, of Minneapolis");
- statement: a position reported for an actor ("Iraq called for the expulsion of
  U.S. troops"; "the government has yet to make a final decision"), with its polarity;
- act: an act said done or not done, with its doer and what it was done to ("Lindsay
  never checked into Morningside"; "the names have not been released").
``compare`` sets roles and positions of one actor that exclude each other apart; every
other fact is read from the articles' statements (``statements``, ``values``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism import lexicon
from newsprism.analyze.claims.quantities import Quantity
from newsprism.records import Article, ClaimKind, Entity, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as TokenSpan

STANCE_VERBS = lexicon.words("stance_verbs")
"""Verbs that report an actor's position."""
_SAYING = lexicon.words("attribution_verbs")
"""Verbs that, negated or not yet done, refuse to say rather than take the other side."""
_CAUSING = lexicon.words("causing_verbs")
"""Verbs whose object does the act of the verb under them ("led Iraq to call for")."""
_DECIDING = lexicon.words("decision_verbs")
"""Stance verbs that, in a sentence saying a decision is open, are the decision itself."""
NOT_YET = tuple(lexicon.ordered("not_yet_phrases"))
"""Phrases that say a decision is still open: the position is not (yet) taken."""
ROLE_SYNONYMS: Mapping[str, str] = {
    **lexicon.pairs("role_synonyms"),
    **lexicon.pairs("gender_neutral_roles"),
}
"""Words that name the same role or affiliation."""
ROLE_WORDS = lexicon.words("label_title_words")
"""Title words inside a label that say nothing of whom one works for ("General Manager")."""
GENERIC_NOUNS = lexicon.words("generic_employer_nouns")
"""Capitalised common nouns ("Team spokesman") that name no particular employer."""
EXCLUSIVE_ROLES = lexicon.words("exclusive_roles")
"""Roles one holds for one employer at a time: two employers for one person in such a role
is a disagreement; a director, chairman or coach may well serve two at once."""
COLLECTIVES = lexicon.words("collective_nouns")
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
    phrase: str | None = None
    """For a position, the verb with what it governs ("call for the expulsion of U.S.
    troops"): what two positions of one actor are compared by; for an act, the verb as
    written with its negation ("never checked into")."""
    negation: str | None = None
    """For an act, how it is negated: "never", "not yet" or "not"."""


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


_WORD = r"[A-Z][\w'’-]*"
_RUN = r"(?>" + _WORD + r"(?:[ \t]+" + _WORD + r")*)\.?"
_PLACE = "(" + _RUN + r"(?:[ \t]*,[ \t]+" + _RUN + r"(?![ \t]*,[ \t]*\d))?)"
"""Capitalised words, a point only at their end, and one more part after a comma
("Jamaica, Queens", "Bloomington, Minn."), not the next person of a list ("of Edina, Mary
Smith, 35, of ...")."""
_HOME = re.compile(
    r"(?:[ \t]*,[ \t]+(?:a[ \t]+)?\d{1,3}(?:[ \t]*-[ \t]*year[ \t]*-[ \t]*old)?[ \t]*,"
    r"[ \t]+of[ \t]+"
    r"|[ \t]*,[ \t]+who[ \t]+(?:had[ \t]+)?(?:lives|lived|resides|resided)[ \t]+in[ \t]+)" + _PLACE
)
"""Where a person lives, as the news gives it beside the name: "Anthony LaSalle, 36, of
Minneapolis", "Raj Chohan, who lived in South Ozone Park". "X of Y" without the age is
left out: it as often names whom X works for ("Smith of Microsoft")."""


def residence_assertions(article: Article, entities: Sequence[Entity]) -> Iterator[Assertion]:
    """Where people live, from the words right after a mention of them in this article:
    ``value`` is the place as written, lower-cased; ``words`` the words of its first part
    (the town of "Bloomington, Minn.")."""
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for mention in entity.mentions:
            if mention.article != article.id:
                continue
            found = _HOME.match(article.text, mention.end, mention.end + 120)
            if found is None:
                continue
            place = _without_stop(found.group(1))
            yield Assertion(
                "attribute",
                ("residence", entity.id),
                place.lower(),
                f"{entity.name}: lives in {place}",
                Span.of(article, mention.start, found.start(1) + len(place)),
                entity.id,
                words=place_words(place.split(",")[0]),
                about=f"where {entity.name} lives",
            )


def _without_stop(place: str) -> str:
    """A place without the full stop that ends its sentence; a state's abbreviation after a
    comma keeps its point ("Bloomington, Minn.", "Fresno, Calif.")."""
    if not place.endswith("."):
        return place
    parts = place.rsplit(",", 1)
    short = len(parts) == 2 and len(parts[1].strip()) <= 6
    return place if short else place[:-1]


def place_words(place: str) -> frozenset[str]:
    """The words of a place's name, lower-cased, points and words of one or two letters
    left out ("St. Paul" is paul, "N. Y." nothing)."""
    words = (w.lower().strip(".") for w in re.findall(r"[\w'’.-]+", place))
    return frozenset(w for w in words if len(w) > 2)


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
    article: Article,
    doc: Doc,
    entity_at: Mapping[int, str],
    names: Mapping[str, str],
    states: Mapping[str, str] | None = None,
) -> Iterator[Assertion]:
    """Positions reported for actors: an entity as the subject of a stance verb. A people's
    government, officials or authorities ("the Iraqi government") speak for its country
    (``states``: a people's entity id to its country's, ``nation_states``)."""
    states = states or {}
    for sentence in doc.sents:
        lowered = sentence.text.lower()
        not_yet = any(marker in lowered for marker in NOT_YET)
        for token in _position_verbs(sentence, not_yet):
            subject = next(
                (
                    found
                    for word in _holders(token, sentence, not_yet)
                    if (found := entity_of(word, entity_at, states)) is not None
                ),
                None,
            )
            if subject is None:
                continue
            lemma = token.lemma_.lower()
            negated = not_yet or any(c.dep_ == "neg" for c in token.children)
            if negated and lemma in _SAYING:
                continue  # "would not say", "has yet to say what caused it": no position
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
                phrase=_phrase(token),
            )


def position_phrases(doc: Doc) -> Iterator[str]:
    """The verb phrases ``statement_assertions`` may compare in an article: those of every
    verb that could report a position and has a word that may name who holds it, whoever
    that is (known before the story's actors are). A verb with no such word reports no
    one's position: on the mixed input of ``benchmarks/pipeline_scale.py`` at 300 articles,
    807 of 1,064 phrases have one, and every phrase the analysis compared is among them."""
    for sentence in doc.sents:
        lowered = sentence.text.lower()
        not_yet = any(m in lowered for m in NOT_YET)
        yield from (
            _phrase(t)
            for t in _position_verbs(sentence, not_yet)
            if next(_holders(t, sentence, not_yet), None) is not None
        )


def _position_verbs(sentence: TokenSpan, not_yet: bool) -> list[Token]:
    """The verbs of a sentence that report a position: stance verbs; in a sentence that says
    a decision is still open, the stance verbs inside it ("has yet to make a final decision
    on whether to call for the withdrawal": call), or every verb when it names none."""
    verbs = [t for t in sentence if t.pos_ == "VERB" or t.lemma_ == "have"]
    stances = [t for t in verbs if t.lemma_.lower() in STANCE_VERBS]
    if not not_yet:
        return stances
    inner = [t for t in stances if t.lemma_.lower() not in _DECIDING]
    return inner or verbs


def nation_states(entities: Sequence[Entity]) -> dict[str, str]:
    """Each people's entity with the one country of the story it is the people of, by the
    name ("Iraqi" / "Iraq", "Syrian" / "Syria", "Ukrainian" / "Ukraine")."""
    places = [(e.id, e.name.lower()) for e in entities if e.type == "GPE"]
    found: dict[str, str] = {}
    for people in (e for e in entities if e.type == "NORP"):
        name = people.name.lower()
        fits = [place for place, country in places if _people_of(name, country)]
        if len(fits) == 1:
            found[people.id] = fits[0]
    return found


def _people_of(people: str, country: str) -> bool:
    stem = country[:-1] if len(country) > 4 and country[-1] in "aeiouy" else country
    return len(stem) >= 4 and people != country and people.startswith(stem)


def _holders(verb: Token, sentence: TokenSpan, not_yet: bool) -> Iterator[Token]:
    """The words that may name who holds the position a verb reports, in the order they are
    tried: its subject (``_subject_word``); in a sentence that says a decision is still
    open, for a verb with no subject of its own, the main verb's ("has yet to decide whether
    to call")."""
    own = _subject_word(verb)
    if own is not None:
        yield own
    if not_yet and not any(c.dep_.startswith("nsubj") for c in verb.children):
        main = _subject_word(sentence.root)
        if main is not None:
            yield main


def _subject_word(verb: Token) -> Token | None:
    """The word naming a verb's subject; for a verb with no subject of its own under a verb
    that says its object did it ("the strike led Iraq to call for": ``_CAUSING``), that
    object. "Washington urged Iraq to condemn" and "Iraq wants to condemn" say no one did."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    above = verb.head
    if verb.dep_ == "xcomp" and above.i != verb.i and above.lemma_.lower() in _CAUSING:
        return next((c for c in above.children if c.dep_ == "dobj"), None)
    return None


def entity_of(token: Token, entity_at: Mapping[int, str], states: Mapping[str, str]) -> str | None:
    """The entity a noun phrase names: its head, or a name compounded into it (a people's
    government is its country's: ``states``)."""
    if token.idx in entity_at:
        return entity_at[token.idx]
    if token.lemma_.lower() not in COLLECTIVES:
        return None
    for child in token.children:
        if child.dep_ in ("compound", "amod", "poss") and child.idx in entity_at:
            found = entity_at[child.idx]
            return states.get(found, found)
    return None


def _phrase(verb: Token) -> str:
    """The verb and the words it governs after it, as written ("call for the expulsion of
    U.S. troops"): for a sentence's main verb, the rest of the sentence."""
    after = [t for t in verb.subtree if t.i > verb.i and t.dep_ != "punct"]
    end = max((t.i for t in after), default=verb.i)
    return verb.doc[verb.i : end + 1].text


def _object_words(verb: Token) -> list[str]:
    words: list[str] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "prep", "xcomp", "ccomp", "attr", "prt"):
            for token in child.subtree:
                if token.pos_ in ("NOUN", "VERB", "PROPN") and not token.is_stop:
                    words.append(token.lemma_.lower())
    return words[:6]


def same_named(one: str, other: str) -> bool:
    """Two named things ("@" and the name) of which one's name holds every word of the
    other's ("@morningside" / "@morningside recovery center")."""
    if not (one.startswith("@") and other.startswith("@")):
        return False
    a, b = set(one[1:].split()), set(other[1:].split())
    return a <= b or b <= a
