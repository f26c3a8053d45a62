"""The patterns that find where an article cites a source, in its parse and in its plain text.

The dependency parse finds the source's role: subject of a reporting verb ("NY Post
reported"), object of "according to", recipient of "told", agent of "reported by",
possessor of "report", partner of "in an interview with". Whether the words in that role
name an organisation is for :class:`SourceNames` to say. Where the parse goes wrong, a
plain-text pattern still catches datelines ("WASHINGTON (AP) —") and the commonest
phrasings around known outlets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from newsprism import lexicon
from newsprism.analyze.provenance.outlets import NEWS_WORDS, fold, outlet_pattern, outlet_table
from newsprism.analyze.provenance.source_names import REPORT_NOUNS, SourceNames, authors
from newsprism.nlp import text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Found", "parsed_cites", "textual_cites"]

SUBJECT_VERBS = lexicon.words("reporting_verbs")
"""Lemmas of verbs whose subject is the source of what follows ("NY Post reported")."""
RECIPIENT_VERBS = lexicon.words("recipient_verbs")
"""Verbs whose addressee, when a news outlet, published the words ("told Sky News")."""
AGENT_VERBS = SUBJECT_VERBS | {"publish"}
INTERVIEW_NOUNS = lexicon.words("interview_nouns")
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Za-z0-9 .,'’-]{0,60}?)?"
    r"(?P<all>\((?P<name>[A-Z][^()\n\d]{1,40})\)[ \t]*[-–—])",
    re.MULTILINE,
)
_NOT_DONE = lexicon.words("not_done_markers")
"""Children that make a verb not (yet) a report: "to say", "will announce"."""
_CONTRIBUTION_NOUNS = lexicon.words("contribution_nouns")
"""What a source contributes to in a credit line ("contributed to this report")."""
_OTHER_SUBJECTS = frozenset({"nsubjpass", "csubj", "csubjpass", "expl"})


Found = tuple[int, int, int, int]
"""A cite in character offsets: the name's start and end, the span's start and end."""


def parsed_cites(doc: Doc) -> Iterator[Found]:
    """Cites found in the parse, by every pattern at every token."""
    names = SourceNames(doc)
    for token in doc:
        for pattern in _PATTERNS:
            yield from pattern(token, names)


def _subject(verb: Token, names: SourceNames) -> Iterator[Found]:
    """ "NY Post reported", "said the ministry", "X defended the strike, asserting"."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in SUBJECT_VERBS or not _reports(verb, lemma):
        return
    for subject in _subjects(verb, lemma):
        for name in names.sources(subject):
            if name[0] <= verb.idx < name[1]:  # a headline read as one name: "X Says Y"
                continue
            own = name[0] <= subject.idx < name[1]  # else "a statement from X said"
            start = name[0] if own else min(name[0], subject.left_edge.idx)
            start = name[0] if "\n" in text_of(verb.doc)[start : name[0]] else start
            yield (*name, *_around((start, name[1]), verb, _statement_end(verb)))


def _recipient(verb: Token, names: SourceNames) -> Iterator[Found]:
    """ "told Sky News", "said to Reuters": the addressee counts when it is an outlet."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in RECIPIENT_VERBS:
        return
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and lemma == "tell":
            targets = [child]
        elif child.dep_ == "prep" and child.lower_ == "to":
            targets = [c for c in child.children if c.dep_ == "pobj"]
        else:
            continue
        for target in targets:
            yield from ((*n, verb.idx, n[1]) for n in names.sources(target, outlets_only=True))


def _agent(verb: Token, names: SourceNames) -> Iterator[Found]:
    """ "reported by Al Jazeera", "the statement released by the Central Command"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in AGENT_VERBS:
        return
    on_report = verb.dep_ == "acl" and verb.head.lemma_.lower() in REPORT_NOUNS
    if verb.lemma_.lower() in ("issue", "release") and not on_report:
        return
    start = verb.head.idx if on_report else verb.idx
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for target in (c for c in agent.children if c.dep_ == "pobj"):
            yield from ((*name, start, name[1]) for name in names.sources(target))


def _citing(verb: Token, names: SourceNames) -> Iterator[Found]:
    """ "citing the ministry", "quoting a report by Al-Monitor"."""
    if verb.pos_ == "VERB" and verb.lemma_.lower() in ("cite", "quote"):
        for target in (c for c in verb.children if c.dep_ == "dobj"):
            yield from ((*name, verb.idx, name[1]) for name in names.sources(target))


def _author(noun: Token, names: SourceNames) -> Iterator[Found]:
    """ "the BBC's report", "a statement from the Pentagon", "a report by Al-Monitor"."""
    if noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() in REPORT_NOUNS:
        yield from ((*name, *_around(name, noun)) for name in authors(noun, names))


def _interview(noun: Token, names: SourceNames) -> Iterator[Found]:
    """ "in an interview with CNN", "in remarks to Reuters"."""
    if noun.pos_ != "NOUN" or noun.lower_ not in INTERVIEW_NOUNS:
        return
    inside = noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during")
    start = noun.head.idx if inside else noun.idx
    for prep in (c for c in noun.children if c.lower_ in ("with", "to")):
        for target in (c for c in prep.children if c.dep_ == "pobj"):
            yield from ((*n, start, n[1]) for n in names.sources(target, outlets_only=True))


def _according(token: Token, names: SourceNames) -> Iterator[Found]:
    """ "according to Central Command", "(via Xinhua)"."""
    doc = token.doc
    if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
        targets = _object(doc[token.i + 1])
    elif token.lower_ == "via":
        targets = _object(token)
    else:
        return
    for target in targets:
        yield from ((*name, token.idx, name[1]) for name in names.sources(target))


_PATTERNS = (_subject, _recipient, _agent, _citing, _author, _interview, _according)


def _reports(verb: Token, lemma: str) -> bool:
    """Whether the verb reports something said: not "issued sanctions", "contributed to
    the attacks", "would report", "did not say"; "issued a statement", "said"."""
    if any(
        c.dep_ in ("neg", "auxpass") or (c.dep_ == "aux" and c.lower_ in _NOT_DONE)
        for c in verb.children
    ):
        return False
    if lemma in ("issue", "release"):
        return any(c.dep_ == "dobj" and c.lemma_.lower() in REPORT_NOUNS for c in verb.children)
    if lemma == "contribute":
        return any(
            g.dep_ == "pobj" and g.lemma_.lower() in _CONTRIBUTION_NOUNS
            for c in verb.children
            for g in c.children
        )
    return True


def _subjects(verb: Token, lemma: str) -> list[Token]:
    """The verb's subject, or for a participle or a second verb without one ("defended
    the strike, asserting"; "promised funds and said") the subject of the verb it hangs on."""
    current = verb
    for _ in range(3):
        subjects = [c for c in current.children if c.dep_ == "nsubj" and not _possessive(c)]
        if subjects or any(c.dep_ in _OTHER_SUBJECTS for c in current.children):
            return subjects
        if lemma in ("cite", "quote") or current.dep_ not in ("advcl", "conj"):
            return []
        if current.dep_ == "advcl" and current.tag_ != "VBG":
            return []
        current = current.head
    return []


def _possessive(token: Token) -> bool:
    """ "the administration's stated goal": a possessor, whatever the parse says."""
    return any(c.dep_ == "case" for c in token.children)


def _object(preposition: Token) -> list[Token]:
    """The object of a preposition; when the parse gives none, the head of the noun
    phrase right after it (a parse error must not lose "according to X")."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    if objects:
        return objects
    head = None
    for token in preposition.doc[preposition.i + 1 : preposition.i + 9]:
        if token.pos_ in ("NOUN", "PROPN"):
            head = token
        elif token.pos_ not in ("DET", "ADJ", "NUM", "PART") and token.tag_ != "HYPH":
            break
    return [head] if head is not None else []


def _statement_end(verb: Token) -> int:
    """Where "said in a statement" or "contributed to this report" ends, to keep the phrase
    whole; else where the verb ends."""
    end = verb.idx + len(verb)
    if verb.i + 1 < len(verb.doc) and (prep := verb.doc[verb.i + 1]).head == verb:
        for target in (c for c in prep.children if c.dep_ == "pobj"):
            if prep.lower_ in ("in", "to") and target.lemma_.lower() in REPORT_NOUNS:
                end = target.idx + len(target)
    return end


def _around(name: tuple[int, int], token: Token, end: int | None = None) -> tuple[int, int]:
    token_end = token.idx + len(token) if end is None else end
    return min(name[0], token.idx), max(name[1], token_end)


def textual_cites(text: str) -> Iterator[Found]:
    """Cites found without the parse: datelines ("WASHINGTON (AP) —") and known outlets in
    the commonest phrasings, which a parse error must not lose."""
    for match in _DATELINE.finditer(text):
        name, place = match.group("name").strip(), match.group("place") or ""
        words = fold(name).split()
        known = bool(words) and (" ".join(words) in outlet_table() or words[-1] in NEWS_WORDS)
        if len(words) <= 5 and (known or place.split(",")[0].strip().isupper()):
            yield match.start("name"), match.start("name") + len(name), *match.span("all")
    for pattern in _plain_patterns():
        for match in pattern.finditer(text):
            yield (*match.span("name"), *match.span())


@cache
def _plain_patterns() -> tuple[re.Pattern[str], ...]:
    name = rf"(?P<name>{outlet_pattern().pattern})"
    before = (
        r"according to|told|(?:said|spoke|speaking|talking) to|(?:reported|cited|quoted) by|via"
    )
    after = r"\s+(?:has\s+|had\s+)?(?:reported|reports|said|says|wrote|writes|stated|learned)\b"
    return re.compile(rf"\b(?:{before})\s+(?:the\s+)?{name}"), re.compile(name + after)
