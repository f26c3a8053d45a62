"""Who spoke a quote: the speech cue that introduces it and the speaker it names.

The dependency parse links a quote to a speech verb (the quote's head hangs off
"said", or "said" hangs off the quote as parataxis) and the verb to its subject.
Where the parse fails, a nearby speech verb and the names next to it stand in, so a
bad parse costs the speaker, not the quote.

A name is taken as written (the named entity, or the proper-noun compound). A
pronoun ("he") resolves to the nearest earlier fitting entity, sentence by
sentence, preferring a sentence's subject; entities NER mislabels as ORG but whose
words are those of a person named elsewhere ("Rasool") count as persons, and
one-word all-capital PERSON entities ("NVHA") as organisations. A definite
description ("the spokesperson", "the governor") resolves to the nearest earlier
entity described with that noun (an appositive or a title next to the name); an
indefinite or unresolved one ("one protester") is kept as the description itself,
since those words are all the text says about the speaker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from newsprism import lexicon
from newsprism.analyze.quotes.marks import ALL_MARKS, Pair
from newsprism.records import Article, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as Entity

__all__ = ["SPEECH_VERBS", "Speakers", "is_cue", "linked_cue", "near_cue"]

SPEECH_VERBS = lexicon.words("speech_verbs") | lexicon.words("labelling_verbs")
"""Lemmas of verbs that introduce reported speech or attribute a label: a labelling verb's
object or "as" complement is the subject's own characterisation ('condemned the ‘blatant
assassination’'), unlike a verb whose object is only the target ('criticized the
"reforms"', a scare quote)."""
_AS_VERBS = lexicon.words("as_labelling_verbs")
"""Verbs that attribute a label only through "as": 'dismissed the plan as "a stunt"',
but 'criticized the "reforms"' quotes no one."""
_SYNONYMS = lexicon.pairs("gender_neutral_roles") | lexicon.pairs("speaker_noun_synonyms")
"""Nouns that describe a speaker the same way ("the spokeswoman", "the spokesperson")."""
_PERSON_PRONOUNS = lexicon.words("person_pronouns")
GENDERED = lexicon.pairs("gendered_words")
_TITLES = lexicon.words("titles")
_KIN = lexicon.words("kin_nouns")
PRONOUN_REACH = 3
"""Sentences back a "she" looks for a woman named as one before taking the nearest person
not called a man: set by hand, a paragraph's reach."""
_GROUP_PRONOUNS = lexicon.words("group_pronouns")
_CUE_CHILD = frozenset({"parataxis", "advcl", "ccomp", "dep", "prep"})
"""How a speech verb (or "according") can hang off the quote's head when the parser
makes the quote the main clause."""
_FRAGMENT_LINKS = frozenset(
    {"ccomp", "xcomp", "dobj", "attr", "acomp", "oprd", "advcl", "parataxis", "dep", "prep"}
)
_CLIMB = frozenset({"advcl", "conj", "xcomp", "ccomp"})
"""Relations through which a speech verb without a subject takes its head's subject:
'Rasool denounced the attack, stating that ...'."""
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})

Kind = Literal["person", "org"]


def linked_cue(inside: list[Token], region: set[int], strict: bool) -> Token | None:
    """A speech verb the parse links to the quote: an ancestor of the quote's head
    (within three steps), or a verb hanging off it. ``strict``, for a fragment: within
    two steps, through clause, object and complement relations only, so that the verb
    says the fragment ('said he had "heard the reports"') rather than governs a clause
    it sits in ('responded to the blaze, using trucks as well as "a number" of ...')."""
    inside_ids = {t.i for t in inside}
    roots = [t for t in inside if t.head.i not in inside_ids or t.head.i == t.i]
    for root in roots:
        token = root
        for _ in range(2 if strict else 3):
            if token.head.i == token.i or (strict and not _says(token)):
                break
            below, token = token, token.head
            if token.i in region and (is_cue(token) or _labels_as(token, below)):
                return token
    for root in roots:
        for child in root.children:
            if child.i in region and child.dep_ in _CUE_CHILD and is_cue(child):
                return child
    return None


def near_cue(region: list[Token], pair: Pair, before_only: bool) -> Token | None:
    """The speech verb nearest the quote marks, for when the parse links none."""
    cues = [t for t in region if is_cue(t) and (not before_only or t.idx < pair[0])]
    return min(cues, key=lambda t: min(abs(t.idx - pair[0]), abs(t.idx - pair[1])), default=None)


@dataclass(frozen=True)
class _Candidate:
    """An entity a pronoun or a description may refer to."""

    span: Pair
    kind: Kind
    sentence: int
    subject: bool
    describers: frozenset[str]

    @property
    def genders(self) -> set[str]:
        """ "m", "f" or both, as the words around the name say ("Mrs.", "actress")."""
        return {GENDERED[w] for w in self.describers if w in GENDERED}


class Speakers:
    """What the speakers of one article's quotes are looked up in: its named
    entities, which of them a pronoun or a description may refer to, and what
    describes each. ``quoted`` holds the indices of tokens inside quote marks, which
    never name the speaker; ``paragraph`` maps an offset to its paragraph."""

    def __init__(
        self, article: Article, doc: Doc, quoted: set[int], paragraph: Callable[[int], int]
    ) -> None:
        self.article, self.doc, self.quoted, self.paragraph = article, doc, quoted, paragraph
        ents = doc.ents  # worked out from every token at each call: read once
        self.ent_of = {t.i: e for e in ents if e.label_ in _NAME_LABELS for t in e}
        self.sent_index = {t.i: n for n, s in enumerate(doc.sents) for t in s}
        person_words = {
            t.lower_ for e in ents if _is_person(e) for t in e if t.is_alpha
        } - lexicon.words("titles")
        self.surnames = {e[-1].lower_ for e in ents if _is_person(e) and len(e) > 1}
        self.candidates = [c for e in ents if (c := self._candidate(e, person_words))]

    def cue_span(self, cue: Token) -> Span:
        last = self.doc[cue.i + 1] if cue.lower_ == "according" else cue
        return Span.of(self.article, cue.idx, last.idx + len(last))

    def speaker_token(self, cue: Token) -> Token | None:
        """The subject of the speech verb, or of the verb it hangs off, in the cue's
        paragraph (a parse running across a headline can reach further)."""
        token = self._subject(cue)
        same = token is not None and self.paragraph(token.idx) == self.paragraph(cue.idx)
        return token if same else None

    def _subject(self, cue: Token) -> Token | None:
        if cue.lower_ == "according":
            objects = [c for c in self.doc[cue.i + 1].children if c.dep_ == "pobj"]
            return objects[0] if objects and objects[0].i not in self.quoted else None
        by = _agent(cue) if _passive(cue) else None
        if by is not None:
            return by if by.i not in self.quoted else None
        verb = cue
        for step in range(4):
            roles = ("nsubj", "nsubjpass") if verb.lemma_ == "quote" else ("nsubj",)
            subjects = [c for c in verb.children if c.dep_ in roles and c.i not in self.quoted]
            if verb.dep_ == "relcl" and any(c.tag_ in ("WP", "WDT") for c in subjects):
                subjects = []
            # a verb the cue hangs off may have a subject that cannot speak:
            # 'the situation constitutes a crisis, calling it "..."'
            named = [c for c in subjects if self._names_someone(c)]
            if named or (subjects and step == 0):
                return (named or subjects)[0]
            if verb.dep_ == "relcl" and verb.head.i not in self.quoted:
                return verb.head  # "Rasool, who said"
            if verb.dep_ == "acl" and self._names_someone(verb.head):
                return verb.head  # "Rasool, speaking for the army"
            if (quoted := _quoted_as(verb)) is not None and quoted.i not in self.quoted:
                return quoted  # "the paper quoted witness Devonte Brown as saying"
            if verb.dep_ in ("pcomp", "acl"):  # "is quoted as saying", "a request, saying"
                verb = verb.head
            elif verb.dep_ not in _CLIMB or verb.head.i in self.quoted:
                break
            verb = verb.head
        return self._adjacent_name(cue)

    def _names_someone(self, token: Token) -> bool:
        lower = token.lower_
        person = lower in _PERSON_PRONOUNS or lower in _GROUP_PRONOUNS
        return person or token.i in self.ent_of or token.pos_ == "PROPN"

    def _adjacent_name(self, cue: Token) -> Token | None:
        """A name or pronoun right next to the cue, when the parse gave it no subject."""
        for distance in (1, 2, 3):
            for i in (cue.i + distance, cue.i - distance):
                near = 0 <= i < len(self.doc) and i not in self.quoted
                if near and (i in self.ent_of or self.doc[i].lower_ in _PERSON_PRONOUNS):
                    return self.doc[i]
        return None

    def speaker_span(self, token: Token) -> Span | None:
        """The name a speaker token stands for: as written, resolved, or described."""
        if token.pos_ == "NOUN":  # "the Iraqi Armed Forces spokesperson, Yehia Rasool"
            for child in token.children:
                if child.dep_ == "appos" and child.i in self.ent_of:
                    return self._span(_name_bounds(list(self.ent_of[child.i])))
        if token.i in self.ent_of:
            return self._span(_name_bounds(list(self.ent_of[token.i])))
        if token.lower_ in _PERSON_PRONOUNS or token.lower_ in _GROUP_PRONOUNS:
            return self._resolve_pronoun(token)
        if token.pos_ == "PROPN":
            parts = [c for c in token.lefts if c.dep_ in ("compound", "flat")] + [token]
            return self._span(_name_bounds(parts))
        if token.pos_ in ("NOUN", "NUM", "PRON"):
            return self._describe(token)
        names = [t for t in token.subtree if t.i in self.ent_of and t.i not in self.quoted]
        names.sort(key=lambda t: self.ent_of[t.i].label_ != "PERSON")
        return self._span(_name_bounds(list(self.ent_of[names[0].i]))) if names else None

    def _span(self, bounds: Pair | None) -> Span | None:
        return Span.of(self.article, *bounds) if bounds is not None else None

    def _before(self, offset: int, kinds: Iterable[Kind]) -> list[_Candidate]:
        wanted = set(kinds)
        return [c for c in self.candidates if c.span[1] <= offset and c.kind in wanted]

    def _resolve_pronoun(self, token: Token) -> Span | None:
        """The nearest earlier fitting entity, preferring the subject of its sentence; for
        "he" or "she", never one the words around their name call the other ("First lady
        Melania Trump" for a "he"), and for a "she" the nearest one they call a woman, if
        there is one in the last ``PRONOUN_REACH`` sentences (news calls few people by
        gendered words, and a man's are as often neutral ones)."""
        found = self._before(token.idx, ["person" if token.lower_ in _PERSON_PRONOUNS else "org"])
        gender = GENDERED.get(token.lower_)
        if gender is not None:
            found = [c for c in found if not c.genders or gender in c.genders]
            here = self.sent_index[token.i]
            agreeing = [
                c
                for c in found
                if gender == "f" and gender in c.genders and here - c.sentence <= PRONOUN_REACH
            ]
            if agreeing:
                return self._span(agreeing[-1].span)
        if not found:
            return None
        same = [c for c in found if c.sentence == found[-1].sentence]
        subjects = [c for c in same if c.subject]
        return self._span((subjects or same)[-1].span)

    def _describe(self, token: Token) -> Span | None:
        """A definite description resolved to the entity it describes, else itself."""
        left = [t for t in token.lefts if t.dep_ in ("det", "amod", "compound", "nummod", "poss")]
        first = min((t.left_edge for t in left), key=lambda t: t.i, default=token)
        last = token
        for child in token.rights:  # "one of them", "a member of parliament"
            if child.dep_ == "prep" and child.lower_ == "of" and child.right_edge.i - token.i < 6:
                last = child.right_edge
        definite = any(t.lower_ in ("the", "this", "that") or t.dep_ == "poss" for t in left)
        noun = _SYNONYMS.get(token.lemma_.lower(), token.lemma_.lower())
        if definite and token.pos_ == "NOUN":
            fits = [c for c in self._before(first.idx, ["person", "org"]) if noun in c.describers]
            if fits:
                return self._span(fits[-1].span)
        return self._span((first.idx, last.idx + len(last)))

    def _candidate(self, ent: Entity, person_words: set[str]) -> _Candidate | None:
        """An entity as an antecedent; ORG-labelled surnames of named persons are persons."""
        words = {t.lower_ for t in ent if t.is_alpha}
        kind: Kind | None = None
        if _is_person(ent) or (ent.label_ in ("ORG", "GPE", "NORP") and words <= person_words):
            kind = "person" if words else None
        elif ent.label_ == "ORG" and _relative(ent, self.surnames):
            kind = "person"  # "Melania Trump" beside "Donald Trump"
        elif ent.label_ in ("ORG", "PERSON"):
            kind = "org"
        span = _name_bounds(list(ent))
        if kind is None or span is None or ent.root.i in self.quoted:
            return None
        root = ent.root
        subject = root.dep_ in ("nsubj", "nsubjpass") or (
            root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass")
        )
        return _Candidate(span, kind, self.sent_index[root.i], subject, self._describers(ent))

    def _describers(self, ent: Entity) -> frozenset[str]:
        """Nouns the parse ties to an entity: a title in the name ("Governor Ilyas
        Demirkhanov"), compounded with it ("Provincial governor Ilias Demirchanow"), an
        appositive ("Yehia Rasool, spokesperson for ...") or the noun the name is in
        apposition to ("the Iraqi Armed Forces spokesperson, Yehia Rasool")."""
        inside = {t.i for t in ent}
        words = [t for t in ent]
        for token in ent:
            for child in token.children:
                if child.i not in inside and child.dep_ in ("compound", "amod", "appos"):
                    words.append(child)
                    words.extend(c for c in child.children if c.dep_ in ("compound", "amod"))
        if ent.root.dep_ == "appos":
            words.append(ent.root.head)
        lemmas = (t.lemma_.lower() for t in words)
        return frozenset(_SYNONYMS.get(w, w) for w in lemmas)


def _relative(ent: Entity, surnames: set[str]) -> bool:
    """A name typed as an organisation, after a title or a noun of kin ("First lady Melania
    Trump", "his wife Melania Trump"), that is two or three capitalised words ending in
    the surname of a person named in full: that person's relative, not "Merrill Lynch"
    beside "Loretta Lynch"."""
    names = [t for t in ent if not t.is_punct]
    before = ent.doc[ent.start - 1].lower_.strip(".") if ent.start > 0 else ""
    titled = before in _TITLES or before in _KIN
    return (
        titled
        and 2 <= len(names) <= 3
        and all(t.text[:1].isupper() and not t.text.isupper() for t in names)
        and names[-1].lower_ in surnames
    )


def _is_person(ent: Entity) -> bool:
    """A PERSON entity, unless it is one all-capital word, which NER often mislabels ("NVHA")."""
    return ent.label_ == "PERSON" and not (len(ent) == 1 and ent.text.isupper())


def _name_bounds(tokens: list[Token]) -> Pair | None:
    """Character bounds of a name without a leading "the", quote marks or a trailing "'s"."""
    while tokens and (tokens[0].lower_ == "the" or tokens[0].text in ALL_MARKS):
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower_ in ("'s", "’s") or tokens[-1].is_punct):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def is_cue(token: Token) -> bool:
    """A speech verb in the active voice, or in the passive with the speaker after "by"
    ("was declared as ..." alone names, it does not quote), or "according" in
    "according to"."""
    if token.lower_ == "according":
        return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in SPEECH_VERBS:
        return False
    return not _passive(token) or _agent(token) is not None


def _labels_as(verb: Token, below: Token) -> bool:
    """Whether ``verb``, reached from its child ``below``, labels the quote through
    "as" ('dismissed it as "a stunt"'), in the active voice or with a "by" speaker."""
    if below.lower_ != "as" or verb.pos_ != "VERB" or verb.lemma_.lower() not in _AS_VERBS:
        return False
    return not _passive(verb) or _agent(verb) is not None


def _quoted_as(verb: Token) -> Token | None:
    """Whom a verb quotes "as saying": its object ("quoted witness Devonte Brown as
    saying"), who speaks, not the verb's subject, the outlet that quotes."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as":
        return None
    upper = verb.head.head
    objects = [c for c in upper.children if c.dep_ == "dobj"] if upper.pos_ == "VERB" else []
    return objects[0] if objects else None


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _agent(verb: Token) -> Token | None:
    """Who does what a passive verb says: the object of a "by" after it in its own
    clause. The parser often hangs "by" off the complement rather than the verb ('was
    labeled as a “blatant assassination” by a spokesperson'), so any "by" whose way up
    to the verb meets no other verb counts."""
    for by in verb.subtree:
        if by.i <= verb.i or by.lower_ != "by" or by.dep_ not in ("agent", "prep"):
            continue
        step = by.head
        while step.i != verb.i and step.pos_ not in ("VERB", "AUX") and step.head.i != step.i:
            step = step.head
        objects = [c for c in by.children if c.dep_ == "pobj"]
        if step.i == verb.i and objects:
            return objects[0]
    return None


def _says(token: Token) -> bool:
    """Whether a fragment's head hangs off its parent as what the parent says or is."""
    if token.head.lower_ == "as" and token.head.dep_ == "prep":
        # 'described the attack as "a cowardly act"'; the parser makes an adjective
        # there an amod: 'described the raid as "reckless"'
        return token.dep_ in ("pobj", "amod")
    if token.dep_ == "appos":  # a second object: 'dubbed the bill “the cruelty act”'
        return token.head.dep_ == "dobj"
    return token.dep_ in _FRAGMENT_LINKS
