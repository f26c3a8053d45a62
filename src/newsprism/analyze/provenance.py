"""Upstream sources an article names: outlets, agencies and organisations it credits.

A wire copy or a rewrite is not independent corroboration, and an article that says
"NY Post reported" took its material from the NY Post. So the analysis needs the
sources each article names, with the words that name them, to tell which articles
of a story lean on which (:func:`upstream`).

What counts: news outlets and agencies ("NY Post reported", "told Sky News", "(AP) —",
"in an interview with CNN", "Reuters contributed to this report") and organisations
speaking as sources ("according to Central Command", "a statement from the Pentagon",
"the ministry said"). Persons who speak are quotes, not cites, and the article's own
outlet ("TEHRAN (Tasnim) -" in a Tasnim article) is not an upstream source.

The dependency parse finds the source's role (subject of a reporting verb, object of
"according to", recipient of "told", agent of "reported by", possessor of "report");
the named entities and a shipped table of outlets (``data/outlets.tsv``) decide
whether the words name an organisation. NER often mistypes outlets ("Tasnim" as a
person) and people ("Rasool" as an organisation), hence the table and the check of
an organisation's words against the people the article names. Where the parse goes
wrong, a plain-text pattern still catches the commonest phrasings around known outlets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from unidecode import unidecode

from newsprism.clean.outlet import agencies
from newsprism.records import Article, Cite, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as TokenSpan

__all__ = ["cites_outlet", "find_cites", "upstream"]

_WORDS = """say report state announce confirm tell write cite quote add claim declare assert
note warn deny insist explain emphasize emphasise stress indicate acknowledge allege publish
reveal disclose reiterate underline underscore learn tweet post issue release contribute"""
SUBJECT_VERBS = frozenset(_WORDS.split())
"""Lemmas of verbs whose subject is the source of what follows ("NY Post reported")."""
RECIPIENT_VERBS = frozenset("tell say speak talk express explain confirm comment describe".split())
"""Verbs whose addressee, when a news outlet, published the words ("told Sky News")."""
AGENT_VERBS = frozenset("report cite quote release issue publish confirm state announce".split())
_REPORT_WORDS = """report statement announcement communique communiqué release bulletin briefing
broadcast article story investigation interview analysis reporting tweet post warning"""
REPORT_NOUNS = frozenset(_REPORT_WORDS.split())
"""Nouns whose author is a source ("the BBC's report", "a statement from the Pentagon")."""
INTERVIEW_NOUNS = frozenset({"interview", "conversation", "comments", "remarks"})
_INSTITUTION_WORDS = """government ministry office department agency military army navy police
embassy authority command commission council presidency parliament court administration cabinet
directorate headquarters service company operator firm"""
INSTITUTIONS = frozenset(_INSTITUTION_WORDS.split())
"""Common nouns that name an organisation speaking as a source ("the ministry said")."""
_NEWS_WORDS = """news times post journal herald courier ledger bulletin wire gazette tribune
telegraph guardian daily agency press radio tv television broadcasting channel media monitor
observer mail express chronicle review magazine newspaper network online today insider
standard independent dispatch examiner inquirer register sentinel globe weekly reporter"""
NEWS_WORDS = frozenset(_NEWS_WORDS.split())
"""Words that end the names of news outlets ("Northern Courier", "Harbor Ledger")."""
_GENERIC = frozenset({"news", "agency", "online", "com", "newspaper", "media", "network"})
_CALENDAR = """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
April May June July August September October November December"""
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Za-z0-9 .,'’-]{0,60}?(?P<all>\((?P<name>[A-Z][^()\n\d]{1,40})\)[ \t]*[-–—])",
    re.MULTILINE,
)

Found = tuple[int, int, int, int]
"""A cite in character offsets: the name's start and end, the span's start and end."""


def find_cites(article: Article, doc: Doc) -> list[Cite]:
    """The upstream sources ``article`` names, in text order; ``doc`` parses its text."""
    if doc.text != article.text:
        raise ValueError(f"provenance: the doc given is not a parse of article {article.id}")
    context = _Context(doc)
    found = {*_datelines(article.text), *_parsed(doc, context), *_plain(article.text)}
    cites: dict[tuple[str, int, int], Cite] = {}
    for name_start, name_end, start, end in sorted(found, key=lambda f: (f[3] - f[2], f[2])):
        name = " ".join(article.text[name_start:name_end].split())
        cite = Cite(name, Span.of(article, start, end))
        # "according to a statement from X" holds "statement from X": keep the shorter
        holds = any(k[0] == name and start <= k[1] and k[2] <= end for k in cites)
        if name and not holds and not cites_outlet(cite, article.outlet):
            cites[(name, start, end)] = cite
    return sorted(cites.values(), key=lambda c: (c.span.start, c.span.end, c.name))


def cites_outlet(cite: Cite, outlet: str | None) -> bool:
    """Whether the cite names ``outlet``, whatever the spelling: case, punctuation, a
    leading "The", aliases ("NY Post"/"New York Post", "AP"/"Associated Press") and
    generic words ("Tasnim"/"Tasnim News Agency") do not matter."""
    if not outlet or not outlet.strip():
        return False
    key = _key(cite.name)
    return bool(key) and key == _key(outlet)


def upstream(
    articles: Sequence[Article], cites: Mapping[str, Sequence[Cite]]
) -> dict[str, set[str]]:
    """For each article id, the other articles (by id) whose outlet it cites."""
    return {
        a.id: {
            b.id
            for b in articles
            if b.id != a.id and any(cites_outlet(c, b.outlet) for c in cites.get(a.id, ()))
        }
        for a in articles
    }


class _Context:
    """What the patterns ask about a doc: known-outlet mentions, entities, person words."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.entity: dict[int, TokenSpan] = {t: e for e in doc.ents for t in range(e.start, e.end)}
        self.person_words = {
            w.lower() for e in doc.ents if e.label_ == "PERSON" for w in re.findall(r"\w+", e.text)
        }
        self.outlets: dict[int, tuple[int, int]] = {}
        for match in _outlet_pattern().finditer(doc.text):
            part = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if part is None or any(_longer_person(self.entity.get(t.i), part) for t in part):
                continue
            for token in part:
                self.outlets[token.i] = match.span()

    def name(self, token: Token) -> tuple[int, int] | None:
        """Character offsets of the organisation ``token`` heads, if it names one."""
        if token.i in self.outlets:
            return self.outlets[token.i]
        entity = self.entity.get(token.i)
        if entity is not None:
            if not self._organisation(entity):
                return None
            first = entity.start
            while first > 0 and self.doc[first - 1].dep_ in ("compound", "punct"):
                before = self.doc[first - 1]  # "Harakat Hezbollah al" + ORG "Nujaba"
                if before.head.i not in range(first, entity.end) or before.pos_ not in (
                    "PROPN",
                    "PUNCT",
                ):
                    break
                first -= 1
            while first < entity.end - 1 and self.doc[first].pos_ in ("DET", "PUNCT"):
                first += 1
            return self.doc[first].idx, entity.end_char
        if token.lower_ in INSTITUTIONS and token.tag_ in ("NN", "NNP"):
            first = max(token.left_edge.i, token.i - 6)
            while first < token.i and self.doc[first].pos_ in ("DET", "PUNCT", "ADP", "CCONJ"):
                first += 1
            return self.doc[first].idx, token.idx + len(token)
        return None

    def sources(self, token: Token, outlets_only: bool = False) -> list[tuple[int, int]]:
        """The sources a noun phrase names: itself, its conjuncts and appositions, or the
        author of a report it names ("a statement from the Pentagon")."""
        names: list[tuple[int, int]] = []
        for part in (token, *(c for c in token.children if c.dep_ == "conj")):
            name = self.name(part)
            if name is None and part.lemma_.lower() in REPORT_NOUNS:
                name = next(iter(_authors(part, self)), None)
            if name is None:
                name = next(
                    filter(None, (self.name(c) for c in part.children if c.dep_ == "appos")), None
                )
            if name is not None and (not outlets_only or self._outlet(name)):
                names.append(name)
        return names

    def _organisation(self, entity: TokenSpan) -> bool:
        words = [w.lower() for w in re.findall(r"\w+", entity.text) if w.lower() != "the"]
        if entity.label_ == "PERSON":  # one all-capital word is an acronym: "NVHA"
            return len(entity) == 1 and entity.text.isupper() and len(entity.text) > 1
        return entity.label_ == "ORG" and bool(words) and not set(words) <= self.person_words

    def _outlet(self, name: tuple[int, int]) -> bool:
        text = self.doc.text[name[0] : name[1]]
        words = _fold(text).split()
        return name[0] in {s for s, _ in self.outlets.values()} or (
            bool(words) and (words[-1] in NEWS_WORDS or _fold(text) in _table())
        )


def _parsed(doc: Doc, context: _Context) -> Iterator[Found]:
    for token in doc:
        lemma, lower = token.lemma_.lower(), token.lower_
        if token.pos_ == "VERB" and lemma in SUBJECT_VERBS and _reports(token, lemma):
            for subject in _subjects(token, lemma):
                for name in context.sources(subject):
                    own = name[0] <= subject.idx < name[1]  # else "a statement from X said"
                    start = name[0] if own else min(name[0], subject.left_edge.idx)
                    yield (*name, *_around((start, name[1]), token, _statement_end(token)))
        if token.pos_ == "VERB" and lemma in RECIPIENT_VERBS:
            for child in token.children:
                if child.dep_ in ("dobj", "dative") and lemma == "tell":
                    targets = [child]
                elif child.dep_ == "prep" and child.lower_ == "to":
                    targets = [c for c in child.children if c.dep_ == "pobj"]
                else:
                    continue
                for target in targets:
                    for name in context.sources(target, outlets_only=True):
                        yield (*name, token.idx, name[1])
        if token.pos_ == "VERB" and lemma in AGENT_VERBS:
            start = (
                token.head.idx
                if token.dep_ == "acl" and token.head.lemma_ in REPORT_NOUNS
                else token.idx
            )
            for agent in (c for c in token.children if c.dep_ == "agent"):
                for target in (c for c in agent.children if c.dep_ == "pobj"):
                    yield from ((*name, start, name[1]) for name in context.sources(target))
        if token.pos_ == "VERB" and lemma in ("cite", "quote"):
            for target in (c for c in token.children if c.dep_ == "dobj"):
                yield from ((*name, token.idx, name[1]) for name in context.sources(target))
        if token.pos_ in ("NOUN", "PROPN") and lemma in REPORT_NOUNS:
            for name in _authors(token, context):
                yield (*name, *_around(name, token))
        if token.pos_ == "NOUN" and lower in INTERVIEW_NOUNS:
            start = (
                token.head.idx
                if token.dep_ == "pobj" and token.head.lower_ in ("in", "during")
                else token.idx
            )
            for prep in (c for c in token.children if c.lower_ in ("with", "to")):
                for target in (c for c in prep.children if c.dep_ == "pobj"):
                    yield from (
                        (*n, start, n[1]) for n in context.sources(target, outlets_only=True)
                    )
        if lower == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            for target in _object(doc[token.i + 1]):
                yield from ((*name, token.idx, name[1]) for name in context.sources(target))
        if lower == "via":
            for target in _object(token):
                yield from ((*name, token.idx, name[1]) for name in context.sources(target))


def _reports(verb: Token, lemma: str) -> bool:
    """Whether a verb that only sometimes reports does here ("issued a statement",
    "contributed to this report", not "issued sanctions" or "contributed to the attacks")."""
    if lemma in ("issue", "release"):
        return any(c.dep_ == "dobj" and c.lemma_.lower() in REPORT_NOUNS for c in verb.children)
    if lemma == "contribute":
        return any(
            g.dep_ == "pobj" and g.lemma_.lower() in ("report", "story", "article", "reporting")
            for c in verb.children
            for g in c.children
        )
    return True


def _subjects(verb: Token, lemma: str) -> list[Token]:
    """The verb's subject, or for a participle or a second verb without one ("defended
    the strike, asserting"; "promised funds and said") the subject of the verb it hangs on."""
    current = verb
    for _ in range(3):
        subjects = [c for c in current.children if c.dep_ == "nsubj"]
        if subjects or lemma in ("cite", "quote") or current.dep_ not in ("advcl", "conj", "xcomp"):
            return subjects
        if current.dep_ == "advcl" and current.tag_ != "VBG":
            return []
        current = current.head
    return []


def _authors(noun: Token, context: _Context) -> Iterator[tuple[int, int]]:
    for child in noun.children:
        if child.dep_ == "poss":
            name = context.name(child)
            if name is not None:
                yield name
        elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
            for target in (c for c in child.children if c.dep_ == "pobj"):
                name = context.name(target)
                if name is not None:
                    yield name


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
    """Where "said in a statement" ends, to keep the phrase whole; else the verb's end."""
    end = verb.idx + len(verb)
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        for target in (c for c in prep.children if c.dep_ == "pobj"):
            if target.lemma_.lower() in REPORT_NOUNS and prep.i == verb.i + 1:
                end = target.idx + len(target)
    return end


def _around(name: tuple[int, int], token: Token, end: int | None = None) -> tuple[int, int]:
    token_end = token.idx + len(token) if end is None else end
    return min(name[0], token.idx), max(name[1], token_end)


def _datelines(text: str) -> Iterator[Found]:
    for match in _DATELINE.finditer(text):
        name = match.group("name").strip()
        if len(name.split()) <= 5:
            start = match.start("name")
            yield start, start + len(name), match.start("all"), match.end("all")


def _plain(text: str) -> Iterator[Found]:
    """Known outlets in the commonest phrasings, found without the parse."""
    for pattern in _plain_patterns():
        for match in pattern.finditer(text):
            yield (*match.span("name"), *match.span())


def _longer_person(entity: TokenSpan | None, part: TokenSpan) -> bool:
    """A known outlet's name inside a longer person's name ("Michael Bloomberg")."""
    return entity is not None and entity.label_ == "PERSON" and len(entity) > len(part)


@cache
def _rows() -> tuple[tuple[str, ...], ...]:
    text = resources.files("newsprism").joinpath("data/outlets.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            canonical, _, others = line.partition("\t")
            names = [canonical, *others.split("|")]
            rows.append(tuple(n.strip() for n in names if n.strip()))
    return tuple(rows)


@cache
def _table() -> dict[str, str]:
    """Folded name of an outlet to its canonical name, from outlets.tsv and agencies.tsv."""
    table: dict[str, str] = {}
    for names in _rows():
        for name in names:
            table.setdefault(_fold(name), names[0])
    for short, full in agencies().items():
        table.setdefault(_fold(full), full)
        table.setdefault(_fold(short), table[_fold(full)])
    return table


@cache
def _names_regex() -> str:
    names = sorted({n for names in _rows() for n in names}, key=len, reverse=True)
    alternatives = (r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", n))) for n in names)
    later = "|".join(_CALENDAR.split())
    return (
        r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])"
        rf"(?!\s+(?!(?:{later})\b)[A-Z])"
    )


@cache
def _outlet_pattern() -> re.Pattern[str]:
    return re.compile(_names_regex())


@cache
def _plain_patterns() -> tuple[re.Pattern[str], ...]:
    name = rf"(?P<name>{_names_regex()})"
    before = r"(?:according to|told|(?:said|speaking|spoke|talking|talked) to|(?:reported|cited|quoted) by|via)"
    after = r"\s+(?:has\s+|had\s+)?(?:reported|reports|said|says|wrote|writes|stated|learned)\b"
    return re.compile(rf"\b{before}\s+(?:the\s+)?{name}"), re.compile(name + after)


def _fold(name: str) -> str:
    text = unidecode(name).lower()
    text = re.sub(r"['`]s\b", "", text)
    text = re.sub(r"[.'`]", "", text)
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _key(name: str) -> str:
    """A name reduced to what identifies the outlet: "The N.Y. Post" and "New York Post"
    share one key, and so do "Tasnim" and "Tasnim News Agency"."""
    words = _fold(name)
    for _ in range(2):
        canonical = _table().get(words)
        if canonical is not None:
            words = _fold(canonical)
        words = " ".join(w for w in words.split() if w not in _GENERIC) or words
    return words
