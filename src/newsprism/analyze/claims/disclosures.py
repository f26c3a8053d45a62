"""Information said kept back by one outlet and made known by another.

"The identities of the victims have not yet been released" / "Police have identified the
victims as 61-year-old Katherine Gomes"; "Results of Williams' blood-alcohol test have not
been released" / "The results from the test were released Wednesday". The two sides use
different verbs ("released", "identified", "divulged", "known") and different words for
one piece of information ("names", "identities"), so ``acts`` (one verb, one object)
does not set them apart: here each is read as a piece of information (an identity, a
result, a cause) of something (the victims, the test), made known or not.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from newsprism import lexicon
from newsprism.analyze.claims.acts import asserted, negation_of, written_as
from newsprism.analyze.claims.assertions import entity_of, same_named
from newsprism.analyze.claims.conflicts import join_groups
from newsprism.analyze.claims.judge import conflict_record
from newsprism.analyze.claims.when import kind_by_days
from newsprism.records import Article, Conflict, ConflictKind, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_DISCLOSING = lexicon.words("disclosing_verbs")
_IDENTIFYING = lexicon.words("identifying_verbs")
"""Verbs whose object is who is identified ("identified the victims"): what they make
known is its identity."""
_INFORMATION = lexicon.pairs("information_nouns")
_WITHHELD = lexicon.words("withheld_states")
_REFUSING = lexicon.words("refusal_verbs")
_FUTURE = lexicon.words("future_auxiliaries")
_HYPOTHETICAL = lexicon.words("hypothetical_marks")
_MADE = frozenset({"oprd", "acomp", "ccomp"})
"""How the adjective a verb makes of its object hangs from it ("made public": the parse
gives any of these)."""
_OWNER_PREPOSITIONS = frozenset({"of", "from", "for"})
"""Prepositions that say whose a piece of information is ("the results from the test")."""
_RELATIVE_TAGS = frozenset({"WDT", "WP"})
_UNNAMED = "?"
"""The owner of a piece of information a pronoun names ("his identity"): some one thing,
never the same as another's."""


@dataclass(frozen=True)
class Disclosure:
    """A piece of information said made known (``told``) or not (yet)."""

    what: str
    """What the information is ("identity", "result"; ``information_nouns``)."""
    of: frozenset[str]
    """Whose it is: a named thing as "@" and its name and, for a common noun, its lemma
    ("victim", "test"); empty when the words do not say."""
    told: bool
    evidence: Span
    """The sentence that says it."""
    phrase: str
    """The words that say it was made known or not, as written ("have not been released")."""
    written: str
    """The information as written ("the identities of the victims")."""
    never: bool = False


def disclosures(
    article: Article,
    doc: Doc,
    entity_at: Mapping[int, str],
    names: Mapping[str, str],
    states: Mapping[str, str] | None = None,
) -> Iterator[Disclosure]:
    """Pieces of information (``information_nouns``) said made known or not: a
    ``disclosing_verbs`` verb with the information as its object ("the results have not
    been released", "police did not reveal the cause"), or with who is identified as its
    object for ``identifying_verbs`` ("police identified the victims as ...", "a man
    identified as ..."); not made known also when refused ("declined to identify the
    victim"), when it will not be ("won't be known for weeks") and when the information is
    said ``withheld_states`` ("results are pending", "the cause is unknown"). Not read:
    questions, what is said under "if" or "whether", what will be made known."""
    states = states or {}
    for sentence in doc.sents:
        if sentence.text.rstrip(" \"'”’)").endswith("?"):
            continue  # a question asserts nothing
        span = Span.of(article, sentence.start_char, sentence.end_char)
        for token in sentence:
            found = _disclosed(token) or _withheld(token)
            if found is None:
                continue
            noun, told, phrase, never = found
            what, of = _information(noun, token, entity_at, names, states)
            if what is None:
                continue
            yield Disclosure(what, of, told, span, phrase, noun_words(noun), never)


def disclosure_conflicts(
    found: Sequence[Disclosure], outlets: Mapping[str, str], published: Mapping[str, date | None]
) -> Iterator[Conflict]:
    """One piece of information said made known by one outlet and not by another
    (``_apart``): the pairs that share a statement are one conflict, its sides the
    statements that tell it and those that do not. ``evolving`` when every article that
    says not (yet) known was published before every article that tells it (the names
    were released between the reports), else ``hard``."""
    groups: list[set[int]] = []
    for n, kept in enumerate(found):
        if kept.told:
            continue
        for m, told in enumerate(found):
            if told.told and _apart(kept, told, outlets):
                join_groups(groups, {n, m})
    for members in sorted(groups, key=min):
        told_side = [found[k] for k in sorted(members) if found[k].told]
        kept_side = [found[k] for k in sorted(members) if not found[k].told]
        sides = [[(d.evidence, d.phrase) for d in side] for side in (told_side, kept_side)]
        about = f"whether {kept_side[0].written} had been made known"
        yield conflict_record(about, _kind(told_side, kept_side, published), sides)


def _apart(kept: Disclosure, told: Disclosure, outlets: Mapping[str, str]) -> bool:
    """Whether two outlets' statements say one piece of information was kept back and was
    made known: the same kind of information of the same thing. An identity must say
    whose on both sides ("the names have not been released" says not which of the story's
    people); a result or a cause may say it on one side only ("the results are not yet
    known" / "the results from the test were released")."""
    if kept.what != told.what:
        return False
    if outlets.get(kept.evidence.article, kept.evidence.article) == outlets.get(
        told.evidence.article, told.evidence.article
    ):
        return False
    if not kept.of or not told.of:
        return kept.what != "identity" and _UNNAMED not in kept.of | told.of
    return any(_same_owner(a, b) for a in kept.of for b in told.of)


def _same_owner(one: str, other: str) -> bool:
    """Equal, or two names of which one holds every word of the other."""
    if one == _UNNAMED or other == _UNNAMED:
        return False
    return one == other or same_named(one, other)


def _kind(
    told: Sequence[Disclosure], kept: Sequence[Disclosure], published: Mapping[str, date | None]
) -> ConflictKind:
    if any(d.never for d in kept):
        return "hard"
    return kind_by_days(
        [d.evidence.article for d in kept], [d.evidence.article for d in told], published
    )


def _disclosed(verb: Token) -> tuple[Token, bool, str, bool] | None:
    """For a ``disclosing_verbs`` verb: what it makes known (its object; the subject of a
    passive), whether it says it was made known, its words as written, and whether it says
    "never"; None when it says neither ("will release", "if police identify")."""
    made = [c for c in verb.children if c.dep_ in _MADE and c.pos_ == "ADJ"]
    said = " ".join([verb.lemma_.lower(), *(c.lower_ for c in made)])
    if verb.pos_ != "VERB" or (verb.lemma_.lower() not in _DISCLOSING and said not in _DISCLOSING):
        return None
    noun = _object(verb)
    if noun is None:
        return None
    negation = negation_of(verb)
    head = verb.head
    if (
        verb.dep_ == "xcomp"
        and head.lemma_.lower() in _REFUSING
        and asserted(head)
        and negation_of(head) is None
    ):
        words = verb.doc[min(head.i, verb.i) : verb.i + 1].text
        return noun, False, words, False  # "declined to identify the victim"
    modal = any(
        c.dep_ in ("aux", "auxpass") and (c.lower_ in _FUTURE or c.lemma_.lower() == "will")
        for c in verb.children
    )
    if modal:
        if negation is None or under_condition(verb):
            return None  # "will release"; "won't be known for weeks": not known now
        return noun, False, _written(verb, made), negation == "never"
    if not asserted(verb):
        named = _as(verb) if verb.lemma_.lower() in _IDENTIFYING else None
        if (
            verb.dep_ == "acl"
            and negation is None
            and named is not None
            and not under_condition(verb)
        ):
            return noun, True, verb.doc[verb.i : named.i + 1].text, False  # "a man named as"
        return None
    return noun, negation is None, _written(verb, made), negation == "never"


def _written(verb: Token, made: list[Token]) -> str:
    """The verb as written with its auxiliaries and negation (``acts.written_as``), on to
    the adjective it makes of its object ("had not been made public")."""
    if not made:
        return written_as(verb)
    parts = [verb, *made] + [
        c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") or c.lower_ == "yet"
    ]
    return verb.doc[min(t.i for t in parts) : max(t.i for t in parts) + 1].text


def _withheld(word: Token) -> tuple[Token, bool, str, bool] | None:
    """A ``withheld_states`` word said of a piece of information ("the results are
    pending", "the cause is unknown"): the information's noun, not told, the words."""
    if word.lower_ not in _WITHHELD:
        return None
    verb = word.head if word.dep_ in ("acomp", "oprd") else word
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or negation_of(verb) is not None or under_condition(verb):
        return None
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children):
        return None
    start = min([verb.i, word.i, *(c.i for c in verb.children if c.dep_ == "aux")])
    return subjects[0], False, word.doc[start : max(verb.i, word.i) + 1].text, False


def _object(verb: Token) -> Token | None:
    """What a verb is done to: its object, the subject of a passive (or of the verb it is
    joined to: "the names ..., have not been released"), the noun a participle modifies
    ("a man identified as"), the antecedent of a relative pronoun ("the landlord, who has
    not been identified")."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    own = list(verb.children)
    if verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in own):
        own += [c for c in verb.head.children if c.dep_.startswith("nsubj")]
    wanted = ("nsubjpass", "nsubj") if passive else ("dobj",)
    for child in own:
        if child.dep_ in wanted:
            if child.tag_ in _RELATIVE_TAGS and verb.dep_ == "relcl":
                return verb.head
            return child
    return None


def _as(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)


def under_condition(verb: Token) -> bool:
    """Whether a verb stands under "if", "unless" or "whether"."""
    node = verb
    while True:
        if any(c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head


def _information(
    noun: Token,
    verb: Token,
    entity_at: Mapping[int, str],
    names: Mapping[str, str],
    states: Mapping[str, str],
) -> tuple[str | None, frozenset[str]]:
    """What piece of information a noun is and whose: an ``information_nouns`` noun and
    what it is "of" ("the results of the test": result, test), or who an
    ``identifying_verbs`` verb identifies ("identified the victims": identity, victim)."""
    lemma = noun.lemma_.lower()
    if lemma in _INFORMATION:
        return _INFORMATION[lemma], _owner(noun, entity_at, names, states)
    if verb.lemma_.lower() in _IDENTIFYING and noun.pos_ in ("NOUN", "PROPN"):
        return "identity", _key(noun, entity_at, names, states)
    return None, frozenset()


def _owner(
    noun: Token, entity_at: Mapping[int, str], names: Mapping[str, str], states: Mapping[str, str]
) -> frozenset[str]:
    """Whose a piece of information is: what it is "of", "from" or "for", or its owner
    ("the victim's name")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return _key(child, entity_at, names, states)
        if child.dep_ == "prep" and child.lower_ in _OWNER_PREPOSITIONS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return _key(pobj, entity_at, names, states)
    return frozenset()


def _key(
    token: Token, entity_at: Mapping[int, str], names: Mapping[str, str], states: Mapping[str, str]
) -> frozenset[str]:
    """A thing as compared: a named thing as "@" and its name, lower-cased, and a common
    noun's lemma, both when who-is-who makes a common noun a name in one article and not
    in another ("the victim": John Smith); ``_UNNAMED`` for a pronoun ("his name")."""
    keys = set()
    entity = entity_of(token, entity_at, states)
    if entity is not None:
        keys.add("@" + names.get(entity, entity).lower())
    if token.pos_ == "PRON":
        keys.add(_UNNAMED)
    elif token.pos_ == "NOUN" or not keys:
        keys.add(token.lemma_.lower())
    return frozenset(keys)


def noun_words(noun: Token) -> str:
    """A noun phrase as written, without what a clause or an apposition adds to it ("the
    names of the women", not "... killed, who were 61 and 48"); lower-cased at its start
    unless it opens with a name."""
    cut = ("relcl", "acl", "appos", "punct", "advcl", "cc", "conj")
    kept = [noun]
    for child in noun.children:
        if child.dep_ not in cut:
            kept.extend(t for t in child.subtree if t.dep_ not in cut or t.head.i != noun.i)
    start, end = min(t.i for t in kept), max(t.i for t in kept)
    words = noun.doc[start : end + 1]
    text = words.text
    if words[0].pos_ != "PROPN":
        text = text[:1].lower() + text[1:]
    return text
