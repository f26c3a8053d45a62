"""Acts said to be done or not done, before articles are compared.

An act is a verb (not a light, saying or stance verb) with its doer, what it was done
to, and whether it is negated: "Lohan had checked into Morningside Recovery Center" /
"Lindsay never checked into Morningside". ``compare.act_conflicts`` sets one act done and
not done by two outlets apart; positions (stance verbs) stay with ``assertions``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from newsprism import lexicon
from newsprism.analyze.claims.assertions import STANCE_VERBS, Assertion, entity_of
from newsprism.records import Article, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SAYING = lexicon.words("attribution_verbs")
_LIGHT = lexicon.words("light_verbs")
_SPEECH = lexicon.words("speech_verbs")
_FUTURE = lexicon.words("future_auxiliaries")
_HYPOTHETICAL = lexicon.words("hypothetical_marks")
"""Words that open a clause of what may or may not be ("if", "unless", "whether")."""
_HEDGES = lexicon.words("hedging_adverbs")
"""Adverbs that leave it open whether an act was done ("barely landed a punch")."""
_REQUESTS = lexicon.words("comment_request_nouns")
"""What a reporter asks for comment with: each outlet's own ("did not return a call")."""
_NEGATIONS = frozenset({"not", "n't", "n’t", "never"})
UNKNOWN_DOER = "?"
"""The doer of an act whose subject names no entity (a pronoun, a common noun)."""
_TIMED_ENTITIES = frozenset({"DATE", "TIME"})
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
"""Tags of "which", "who", "whose", "how": a clause opened by one (not a relative clause)
asks, it does not say ("know which Americans have been vaccinated")."""
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
_FOLDED_PARTICLES = {("in", "to"): "into", ("on", "to"): "onto"}
"""A particle and the preposition after it written apart ("checked in to Morningside"):
the preposition as written together ("checked into Morningside")."""


def act_assertions(
    article: Article,
    doc: Doc,
    entity_at: Mapping[int, str],
    names: Mapping[str, str],
    states: Mapping[str, str] | None = None,
) -> Iterator[Assertion]:
    """Acts said to be done or not done: a verb (not a light, saying or stance verb) with
    its doer and what it was done to, and whether it is negated ("Lindsay never checked
    into Morningside"; "they have yet to make a concrete offer"; "no deal has been signed
    yet"). ``key`` is ("act", the verb with its particle and the adjective it makes its
    object: "make public"); ``subject`` the doer named (the subject, or the agent of a
    passive); ``words`` what the act was done to, each "role=thing": the object (a
    passive's subject) or a preposition's object ("into=@morningside"), a named thing
    written "@" and its name. Not read: questions, what will, would or may happen, what
    is said under "if" or "whether", infinitives and participles alone (but "has yet to
    make"), acts hedged
    ("barely landed") or put off ("did not meet him until May": met in May), and requests
    for comment ("did not return a call")."""
    states = states or {}
    for sentence in doc.sents:
        if sentence.text.rstrip(" \"'”’)").endswith("?"):
            continue  # a question asserts nothing
        for verb in sentence:
            lemma = verb.lemma_.lower()
            if verb.pos_ != "VERB" or lemma in _LIGHT or lemma in _SAYING | _SPEECH:
                continue
            if lemma in STANCE_VERBS or not asserted(verb):
                continue
            doer, done_to = _participants(verb, entity_at, names, states)
            if not done_to or any(t in _REQUESTS for _, t, _ in done_to):
                continue  # "she did not leave" says not what was not left
            act = " ".join([lemma, *_verb_words(verb)])
            negation = negation_of(verb)
            things = sorted(f"{role}={thing}" for role, thing, _ in done_to)
            who = names.get(doer, "someone") if doer else "someone"
            what = " ".join(written for _, _, written in done_to)
            yield Assertion(
                "event",
                ("act", act),
                act,
                f"{who}: {'not ' if negation else ''}{act} {' '.join(things)}",
                Span.of(article, sentence.start_char, sentence.end_char),
                doer,
                negation is not None,
                frozenset(things),
                about=f"whether {who} did {act} {what}",
                phrase=written_as(verb),
                negation=negation,
            )


def _verb_words(verb: Token) -> list[str]:
    """What a verb is written with that changes the act: its particle ("check out"), the
    adjective it makes of its object ("made public")."""
    words = []
    for child in verb.children:
        if (child.dep_ == "prt" and not _folded(child)) or (
            child.dep_ in ("oprd", "acomp") and child.pos_ == "ADJ"
        ):
            words.append(child.lower_)
    return words


def _folded(particle: Token) -> str | None:
    """The preposition a particle makes with the one right after it ("in to": into)."""
    after = particle.nbor() if particle.i + 1 < len(particle.doc) else None
    if after is None or after.dep_ != "prep" or after.head.i != particle.head.i:
        return None
    return _FOLDED_PARTICLES.get((particle.lower_, after.lower_))


def asserted(verb: Token) -> bool:
    """Whether a verb says something happened (or did not): not what will, would or may
    happen ("will not sign"), not under "if", "unless" or "whether" nor in a clause a
    question word opens ("know which Americans have been vaccinated"), not an infinitive
    or a participle alone (``_finite``), not hedged ("barely landed")."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in _FUTURE or c.lemma_.lower() == "will" for c in auxiliaries):
        return False  # "will", "won't", "could"
    if not _finite(verb):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in _HEDGES for c in verb.children):
        return False
    if any(c.lower_ == "until" for c in verb.children):
        return False  # "did not meet Felt until this year": met, this year
    node = verb
    while True:
        if any(c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL for c in node.children):
            return False
        if node.dep_ != "relcl" and node.left_edge.tag_ in _WH_TAGS and node.left_edge.i < node.i:
            return False  # "to know which Americans haven't been vaccinated": a question
        if node.head.i == node.i:
            return True
        node = node.head


def _finite(verb: Token) -> bool:
    """Whether a verb is said of a time, not named as a possibility: a past or present
    form, or one with an auxiliary ("has checked", "was not released"), or joined to such
    a verb ("had checked in and left"), or "has yet to make"; not "to sign", "help
    determine the cause", "the offer made by"."""
    if verb.tag_ in _FINITE_TAGS or _yet_to(verb):
        return True
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in verb.children):
        return True
    return verb.dep_ == "conj" and verb.head.i != verb.i and _finite(verb.head)


def _yet_to(verb: Token) -> bool:
    """ "has yet to make": the verb under a "have" that "yet" modifies."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_.lower() == "have"
        and any(c.lower_ == "yet" for c in head.children)
    )


def negation_of(verb: Token) -> str | None:
    """How a verb is negated: "never", "not yet" (by "yet": "has not yet been released",
    "has yet to make", "no deal has been signed yet"), "not"; None when it is not. A "n't"
    split by a curly apostrophe ("didn ’ t") is a "not"."""
    neg = {c.lower_ for c in verb.children if c.dep_ == "neg" and c.lower_ in _NEGATIONS}
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    for aux in auxiliaries:
        after = verb.doc[aux.i + 1 : aux.i + 3]
        if len(after) == 2 and after[0].text in ("’", "'") and after[1].lower_ == "t":
            neg.add("not")
    yet = any(c.lower_ == "yet" for c in verb.children)
    if _yet_to(verb):
        return "not yet"
    if "never" in neg:
        return "never"
    if neg:
        return "not yet" if yet else "not"
    nominal = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if yet and any(d.dep_ == "det" and d.lower_ == "no" for n in nominal for d in n.children):
        return "not yet"
    return None


def _participants(
    verb: Token, entity_at: Mapping[int, str], names: Mapping[str, str], states: Mapping[str, str]
) -> tuple[str | None, list[tuple[str, str, str]]]:
    """Who did an act and what it was done to: (role, thing, the words) for each
    (``_thing``; "into", "@morningside", "into Morningside"). The doer
    is an entity's id; ``UNKNOWN_DOER`` when the words name a doer that is no entity ("he
    met Felt", "his partner did not meet Felt"); None when they name none (a passive
    without "by": "the names have not been released")."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    doer: str | None = None
    done_to: list[tuple[str, str, str]] = []

    def add(role: str, token: Token) -> None:
        thing = _thing(token, entity_at, names, states)
        if thing:
            written = noun_phrase(token)
            done_to.append((role, thing, written if role == "obj" else f"{role} {written}"))

    for child in _arguments(verb):
        if child.dep_ == "nsubj" and not passive:
            doer = entity_of(child, entity_at, states) or UNKNOWN_DOER
        elif child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                doer = entity_of(objects[0], entity_at, states) or UNKNOWN_DOER
        elif child.dep_ in ("dobj", "nsubjpass"):
            add("obj", child)
        elif child.dep_ == "dative":
            add("to", child)
        elif child.dep_ == "prep" and child.i > verb.i:
            before = verb.doc[child.i - 1]
            role = (_folded(before) if before.dep_ == "prt" else None) or child.lower_
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                add(role, pobj)
    return doer, done_to


def _arguments(verb: Token) -> list[Token]:
    """A verb's dependents, with the subject of the verb it is joined to when it has none
    ("Lohan arrived and checked into Morningside")."""
    own = list(verb.children)
    if verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in own):
        own += [c for c in verb.head.children if c.dep_.startswith("nsubj")]
    return own


def _thing(
    token: Token, entity_at: Mapping[int, str], names: Mapping[str, str], states: Mapping[str, str]
) -> str | None:
    """What a noun phrase names, to tell one object from another: a named thing as "@" and
    its name, lower-cased (who-is-who may keep "Morningside" and "Morningside Recovery
    Center" apart; ``compare`` matches the words), also when a name is compounded into it
    ("the Morningside Recovery rehab facility"); else the head noun's lemma with what it
    is "of" ("name of victim"); None for a pronoun, a day or a time ("signed it", "on
    Thursday")."""
    if token.ent_type_ in _TIMED_ENTITIES:
        return None
    entity = entity_of(token, entity_at, states)
    if entity is None and token.pos_ == "NOUN":
        named = [c for c in token.children if c.dep_ == "compound" and c.idx in entity_at]
        entity = entity_at[named[0].idx] if named else None
    if entity is not None:
        return "@" + names.get(entity, entity).lower()
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    owner = [
        pobj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    lemma = token.lemma_.lower()
    if owner:
        inner = _thing(owner[0], entity_at, names, states)
        return f"{lemma} of {inner}" if inner else lemma
    return lemma


def noun_phrase(token: Token) -> str:
    """A noun phrase as written, without what a clause, an apposition or a preposition
    other than "of" adds to it ("the names of the two women", not "... killed on Tuesday")."""
    cut = ("relcl", "acl", "appos", "punct", "advcl", "cc", "conj")
    kept = [token]
    for child in token.children:
        if child.dep_ in cut or (child.dep_ == "prep" and child.lower_ != "of"):
            continue
        kept.extend(child.subtree)
    start, end = min(t.i for t in kept), max(t.i for t in kept)
    return token.doc[start : end + 1].text


def written_as(verb: Token) -> str:
    """The verb as written with its auxiliaries, negation and particle ("has not yet been
    released", "never checked into"): from the first of them to the last."""
    parts = [verb] + [
        c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt") or c.lower_ == "yet"
    ]
    if _yet_to(verb):
        parts += [verb.head, *(c for c in verb.head.children if c.dep_ in ("aux", "advmod"))]
    start = min(t.i for t in parts)
    end = max(t.i for t in parts)
    return verb.doc[start : end + 1].text
