"""How something was, said one way by one outlet and the opposite way by another.

Two readings: how well a state or an act came about ("Mr Buckley was well equipped" /
"the party were insufficiently equipped", "ill-equipped"), by the adverb before the word
and the pole it stands at (``manner_poles``); and whether a matter is settled ("It's
official: ..." / "it's not official yet"), by a ``settled_states`` word said with "be",
negated or not.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism import lexicon
from newsprism.analyze.claims.acts import negation_of
from newsprism.analyze.claims.assertions import entity_of
from newsprism.analyze.claims.conflicts import join_groups
from newsprism.analyze.claims.disclosures import noun_words, under_condition
from newsprism.analyze.claims.judge import conflict_record
from newsprism.records import Article, Conflict, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_POLES = lexicon.pairs("manner_poles")
_SETTLED = lexicon.words("settled_states")
_FUTURE = lexicon.words("future_auxiliaries")
_SUBJECTS = ("nsubj", "nsubjpass")
_PREDICATES = ("acomp", "attr", "oprd", "xcomp")
"""How a word said of a subject with "be" ("was well equipped", "appeared to be
insufficiently equipped", "it's official") hangs from the verb."""
_UNNAMED = "?"
"""A subject a pronoun other than "it" names: never the same as another's."""


@dataclass(frozen=True)
class Quality:
    """A word said of something, at one pole (``manner_poles``; or "settled" and "open")."""

    word: str
    """The word's lemma ("equip", "official")."""
    pole: str
    subject: str | None
    """What the word is said of: a named thing as "@" and its name, else a noun's lemma,
    "it"; None when the words do not say."""
    evidence: Span
    phrase: str
    """The words as written ("well equipped", "is not official")."""
    written: str
    """What it is said of, as written ("Mr Buckley"); "it" when nothing."""
    shown: str
    """The word as written ("equipped")."""


def qualities(
    article: Article,
    doc: Doc,
    entity_at: Mapping[int, str],
    names: Mapping[str, str],
    states: Mapping[str, str] | None = None,
) -> Iterator[Quality]:
    """Words said of something at a pole: a verb's participle or an adjective under a
    ``manner_poles`` adverb ("well equipped", "ill-equipped climber"), not negated; a
    ``settled_states`` word said with "be" ("it's official", "it is not official"). Not
    read: questions, what is said under "if" or "whether", what will or would be."""
    states = states or {}
    for sentence in doc.sents:
        if sentence.text.rstrip(" \"'”’)").endswith("?"):
            continue
        span = Span.of(article, sentence.start_char, sentence.end_char)
        for word in sentence:
            found = _manner(word) or _settled(word)
            if found is None:
                continue
            pole, phrase = found
            subject = _subject(word)
            key = _key(subject, entity_at, names, states) if subject is not None else None
            written = noun_words(subject) if subject is not None else "it"
            yield Quality(word.lemma_.lower(), pole, key, span, phrase, written, word.text)


def quality_conflicts(found: Sequence[Quality], outlets: Mapping[str, str]) -> Iterator[Conflict]:
    """One word said of one thing at opposite poles by two outlets (``_apart``): the pairs
    that share a statement are one conflict, a side for each pole; always ``hard``."""
    groups: list[set[int]] = []
    for n, one in enumerate(found):
        for m in range(n + 1, len(found)):
            if _apart(one, found[m], outlets):
                join_groups(groups, {n, m})
    for members in sorted(groups, key=min):
        held = [found[k] for k in sorted(members)]
        poles = list(dict.fromkeys(q.pole for q in held))
        sides = [[(q.evidence, q.phrase) for q in held if q.pole == pole] for pole in poles]
        head = held[0]
        if head.pole in ("settled", "open"):
            about = f"whether {head.written} is {head.word}"
        else:
            about = f"how well {head.written} was {head.shown}"
        yield conflict_record(about, "hard", sides)


def _apart(one: Quality, other: Quality, outlets: Mapping[str, str]) -> bool:
    """Whether two outlets say one word of one thing at opposite poles: the same word, of
    the same thing (a settled state), or of things not two different names (how well)."""
    if one.word != other.word or one.pole == other.pole:
        return False
    if outlets.get(one.evidence.article, one.evidence.article) == outlets.get(
        other.evidence.article, other.evidence.article
    ):
        return False
    if one.pole in ("settled", "open"):
        return one.subject == other.subject and one.subject not in (None, _UNNAMED)
    if one.subject is None or other.subject is None:
        return True
    if one.subject.startswith("@") and other.subject.startswith("@"):
        a, b = set(one.subject[1:].split()), set(other.subject[1:].split())
        return a <= b or b <= a
    return True


def _manner(word: Token) -> tuple[str, str] | None:
    """A participle or an adjective right after a ``manner_poles`` adverb (a hyphen or a
    quotation mark between: "ill-equipped", '"insufficiently" equipped'): the pole, the
    words."""
    if word.tag_ not in ("VBN", "JJ"):
        return None
    adverbs = [
        c
        for c in word.children
        if c.dep_ == "advmod"
        and c.lower_ in _POLES
        and c.i < word.i
        and all(t.is_punct for t in word.doc[c.i + 1 : word.i])
    ]  # right before the word: not "injured as well"
    if len(adverbs) != 1 or _unsaid(word):
        return None
    adverb = adverbs[0]
    return _POLES[adverb.lower_], word.doc[adverb.i : word.i + 1].text


def _settled(word: Token) -> tuple[str, str] | None:
    """A ``settled_states`` word said with "be" ("it's official"): settled or, negated,
    open, and the words from the subject (or the verb) on."""
    if word.lower_ not in _SETTLED or word.dep_ not in ("acomp", "attr"):
        return None
    verb = word.head
    if verb.lemma_.lower() != "be" or _unsaid(word):
        return None
    pole = "open" if negation_of(verb) is not None else "settled"
    start = min([verb.i, *(c.i for c in verb.children if c.dep_ in _SUBJECTS)])
    return pole, word.doc[start : word.i + 1].text


def _unsaid(word: Token) -> bool:
    """Whether a word is said only as what will, would or may be, or under "if"."""
    node = word.head if word.dep_ in _PREDICATES else word
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE for c in node.children):
        return True
    if word.lower_ not in _SETTLED and negation_of(node) is not None:
        return True  # "was not well equipped": not read
    return under_condition(word)


def _subject(word: Token) -> Token | None:
    """What a word is said of: the subject of the verb it is said with ("Mr Buckley was
    well equipped"), of its own verb ("were insufficiently equipped"), of the verb it is
    joined to, or the noun it modifies ("an inexperienced and ill-equipped climber")."""
    node = word
    while node.dep_ == "conj" and node.head.i != node.i:
        own = [c for c in node.children if c.dep_ in _SUBJECTS]
        if own:
            return own[0]
        node = node.head
    own = [c for c in node.children if c.dep_ in _SUBJECTS]
    if own:
        return own[0]
    if node.dep_ == "amod":
        return node.head
    if node.dep_ in _PREDICATES:
        verb = node.head
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        return subjects[0] if subjects else None
    return None


def _key(
    token: Token, entity_at: Mapping[int, str], names: Mapping[str, str], states: Mapping[str, str]
) -> str:
    """A subject as compared: a named thing as "@" and its name, lower-cased, also when
    its owner is one ("Mr Buckley's group"); "it"; a noun's lemma; ``_UNNAMED`` for any
    other pronoun."""
    entity = entity_of(token, entity_at, states)
    if entity is None:
        owners = [c for c in token.children if c.dep_ == "poss" and c.idx in entity_at]
        entity = entity_at[owners[0].idx] if owners else None
    if entity is not None:
        return "@" + names.get(entity, entity).lower()
    if token.lower_ == "it":
        return "it"
    if token.pos_ not in ("NOUN", "PROPN"):
        return _UNNAMED
    return token.lemma_.lower()
