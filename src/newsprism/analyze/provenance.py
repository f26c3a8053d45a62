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

from newsprism.analyze.names import TITLES
from newsprism.clean.outlet import agencies
from newsprism.records import Article, Cite, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as TokenSpan

__all__ = ["cites_outlet", "find_cites", "upstream"]

_WORDS = """say report state announce confirm tell write cite quote add claim assert
note deny insist explain emphasize emphasise stress indicate acknowledge allege
reveal disclose reiterate underline underscore learn tweet post issue release contribute"""
SUBJECT_VERBS = frozenset(_WORDS.split())
"""Lemmas of verbs whose subject is the source of what follows ("NY Post reported")."""
RECIPIENT_VERBS = frozenset({"tell", "say", "speak", "talk", "express", "explain", "confirm"})
"""Verbs whose addressee, when a news outlet, published the words ("told Sky News")."""
AGENT_VERBS = SUBJECT_VERBS | {"publish"}
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
PERSON_TITLES = TITLES | {"head", "leader", "executive", "official", "ceo", "chairman", "founder"}
"""Nouns that, in apposition, make a name a person's ("X, director general of the WHO")."""
_GENERIC = frozenset({"news", "agency", "online", "com", "newspaper", "media", "network"})
_CALENDAR = """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
April May June July August September October November December"""
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Za-z0-9 .,'’-]{0,60}?)?"
    r"(?P<all>\((?P<name>[A-Z][^()\n\d]{1,40})\)[ \t]*[-–—])",
    re.MULTILINE,
)
_NOT_DONE = frozenset({"to", "will", "would", "shall", "should", "could", "can", "may", "might"})
"""Children that make a verb not (yet) a report: "to say", "will announce"."""
_OTHER_SUBJECTS = frozenset({"nsubjpass", "csubj", "csubjpass", "expl"})

Found = tuple[int, int, int, int]
"""A cite in character offsets: the name's start and end, the span's start and end."""


def find_cites(article: Article, doc: Doc) -> list[Cite]:
    """The upstream sources ``article`` names, in text order; ``doc`` parses its text."""
    if doc.text != article.text:
        raise ValueError(f"provenance: the doc given is not a parse of article {article.id}")
    context = _Context(doc)
    found = {*_parsed(doc, context), *_textual(article.text)}
    cites: dict[tuple[str, int, int], Cite] = {}
    for name_start, name_end, start, end in sorted(found, key=lambda f: (f[3] - f[2], f[2])):
        start, end = _trim(article.text, start, end)
        named = re.sub(r"\s*['’]s?$", "", article.text[name_start:name_end].strip())
        if named.startswith("The ") and named[4:] in _listed():  # "The Washington Post"
            named = named[4:]
        name = " ".join(named.split())
        cite = Cite(name, Span.of(article, start, end))
        # "according to a statement from X" holds "statement from X": keep the shorter
        holds = any(k[0] == name and start <= k[1] and k[2] <= end for k in cites)
        if name and not holds and "\n" not in cite.span.text and not _own(cite, article.outlet):
            cites[(name, start, end)] = cite
    return sorted(cites.values(), key=lambda c: (c.span.start, c.span.end, c.name))


def cites_outlet(cite: Cite, outlet: str | None) -> bool:
    """Whether the cite names ``outlet``, whatever the spelling: case, punctuation, a
    leading "The", aliases ("NY Post"/"New York Post", "AP"/"Associated Press") and
    generic words ("Tasnim"/"Tasnim News Agency") do not matter."""
    if not outlet or not outlet.strip():
        return False
    key = _key(cite.name)
    return bool(key) and key in _outlet_keys(outlet)


@cache
def _outlet_keys(outlet: str) -> frozenset[str]:
    """The keys an outlet answers to: its whole name's, and that of a known outlet its name
    begins with ("AP" for "AP Politics & Fact Check")."""
    words = _fold(outlet).split()
    heads = (" ".join(words[:n]) for n in range(1, len(words)))
    return frozenset({_key(outlet), *(_key(h) for h in heads if h in _table())})


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Without the spaces at either end (no-break spaces are tokens of their own)."""
    part = text[start:end]
    return start + len(part) - len(part.lstrip()), end - len(part) + len(part.rstrip())


def _own(cite: Cite, outlet: str | None) -> bool:
    """Whether the cite names the article's own outlet, also as "The Post" in the Post."""
    own = _key(outlet or "").split()
    return cites_outlet(cite, outlet) or (bool(own) and [_key(cite.name)] == own[-1:])


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
            if part is None:
                continue
            around = (self.entity.get(t.i) for t in part)  # "Michael Bloomberg" is a person
            if any(e and e.label_ == "PERSON" and len(e) > len(part) for e in around):
                continue
            start = match.start()  # "The Washington Post's" names "Washington Post"
            if match.group().startswith("The ") and match.group()[4:] in _listed():
                start += 4
            for token in part:
                self.outlets[token.i] = start, match.end()

    def name(self, token: Token) -> tuple[int, int] | None:
        """Character offsets of the organisation ``token`` heads, if it names one."""
        if token.i in self.outlets:
            return self.outlets[token.i]
        entity = self.entity.get(token.i)
        unnamed = entity is None or entity.label_ not in ("PERSON", "GPE", "NORP", "LOC")
        if token.pos_ == "PROPN" and token.lower_ in NEWS_WORDS and unnamed:  # "the Harbor Ledger"
            return self.doc[_chain(self.doc, token.i, token.i + 1)].idx, token.idx + len(token)
        if entity is not None:
            if not self._organisation(entity):
                return None
            return self.doc[_chain(self.doc, entity.start, entity.end)].idx, entity.end_char
        if token.lower_ in INSTITUTIONS and token.tag_ in ("NN", "NNP"):
            first, last = max(token.left_edge.i, token.i - 6), token
            while first < token.i and self.doc[first].pos_ in ("DET", "PUNCT", "ADP", "CCONJ"):
                first += 1
            for of in (c for c in token.children if c.i == token.i + 1 and c.lower_ == "of"):
                last = of.right_edge  # "the office of New York's attorney general"
            return self.doc[first].idx, last.idx + len(last)
        return None

    def sources(self, token: Token, outlets_only: bool = False) -> list[tuple[int, int]]:
        """The sources a noun phrase names: itself, its conjuncts and appositions, or the
        author of a report it names ("a statement from the Pentagon")."""
        names: list[tuple[int, int]] = []
        for part in (token, *(c for c in token.children if c.dep_ == "conj")):
            if self._person(part):  # "Gov. Andrew Cuomo (D-N.Y.)" is a person
                continue
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

    def _person(self, token: Token) -> bool:
        """A person's name, or a name in apposition to a person or to a person's title
        ("Nick Clegg", "X, director general of the WHO")."""
        return self._named_person(token) or any(
            c.dep_ == "appos" and (c.lower_ in PERSON_TITLES or self._named_person(c))
            for c in token.children
        )

    def _named_person(self, token: Token) -> bool:
        entity = self.entity.get(token.i)
        return entity is not None and entity.label_ == "PERSON" and not self._organisation(entity)

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
        for pattern in _PATTERNS:
            yield from pattern(token, context)


def _subject(verb: Token, context: _Context) -> Iterator[Found]:
    """ "NY Post reported", "said the ministry", "X defended the strike, asserting"."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in SUBJECT_VERBS or not _reports(verb, lemma):
        return
    for subject in _subjects(verb, lemma):
        for name in context.sources(subject):
            if name[0] <= verb.idx < name[1]:  # a headline read as one name: "X Says Y"
                continue
            own = name[0] <= subject.idx < name[1]  # else "a statement from X said"
            start = name[0] if own else min(name[0], subject.left_edge.idx)
            start = name[0] if "\n" in verb.doc.text[start : name[0]] else start
            yield (*name, *_around((start, name[1]), verb, _statement_end(verb)))


def _recipient(verb: Token, context: _Context) -> Iterator[Found]:
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
            yield from ((*n, verb.idx, n[1]) for n in context.sources(target, outlets_only=True))


def _agent(verb: Token, context: _Context) -> Iterator[Found]:
    """ "reported by Al Jazeera", "the statement released by the Central Command"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in AGENT_VERBS:
        return
    on_report = verb.dep_ == "acl" and verb.head.lemma_.lower() in REPORT_NOUNS
    if verb.lemma_.lower() in ("issue", "release") and not on_report:
        return
    start = verb.head.idx if on_report else verb.idx
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for target in (c for c in agent.children if c.dep_ == "pobj"):
            yield from ((*name, start, name[1]) for name in context.sources(target))


def _citing(verb: Token, context: _Context) -> Iterator[Found]:
    """ "citing the ministry", "quoting a report by Al-Monitor"."""
    if verb.pos_ == "VERB" and verb.lemma_.lower() in ("cite", "quote"):
        for target in (c for c in verb.children if c.dep_ == "dobj"):
            yield from ((*name, verb.idx, name[1]) for name in context.sources(target))


def _author(noun: Token, context: _Context) -> Iterator[Found]:
    """ "the BBC's report", "a statement from the Pentagon", "a report by Al-Monitor"."""
    if noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() in REPORT_NOUNS:
        yield from ((*name, *_around(name, noun)) for name in _authors(noun, context))


def _interview(noun: Token, context: _Context) -> Iterator[Found]:
    """ "in an interview with CNN", "in remarks to Reuters"."""
    if noun.pos_ != "NOUN" or noun.lower_ not in INTERVIEW_NOUNS:
        return
    inside = noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during")
    start = noun.head.idx if inside else noun.idx
    for prep in (c for c in noun.children if c.lower_ in ("with", "to")):
        for target in (c for c in prep.children if c.dep_ == "pobj"):
            yield from ((*n, start, n[1]) for n in context.sources(target, outlets_only=True))


def _according(token: Token, context: _Context) -> Iterator[Found]:
    """ "according to Central Command", "(via Xinhua)"."""
    doc = token.doc
    if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
        targets = _object(doc[token.i + 1])
    elif token.lower_ == "via":
        targets = _object(token)
    else:
        return
    for target in targets:
        yield from ((*name, token.idx, name[1]) for name in context.sources(target))


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


def _chain(doc: Doc, start: int, end: int) -> int:
    """Where a name starts: proper nouns compounded onto it ("Harakat Hezbollah al" onto
    ORG "Nujaba") join it, a leading "the" does not."""
    first = start
    while first > 0 and doc[first - 1].head.i in range(first, end):
        before = doc[first - 1]
        if before.pos_ not in ("PROPN", "PUNCT") or before.dep_ not in ("compound", "punct"):
            break
        first -= 1
    while first < end - 1 and doc[first].pos_ in ("DET", "PUNCT"):
        first += 1
    return first


def _authors(noun: Token, context: _Context) -> Iterator[tuple[int, int]]:
    """Who made a report: "the BBC's report", "a statement from/by X"."""
    for child in noun.children:
        if child.dep_ == "poss":
            targets = [child]
        elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
            targets = [c for c in child.children if c.dep_ == "pobj"]
        else:
            continue
        yield from filter(None, map(context.name, targets))


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


def _textual(text: str) -> Iterator[Found]:
    """Cites found without the parse: datelines ("WASHINGTON (AP) —") and known outlets in
    the commonest phrasings, which a parse error must not lose."""
    for match in _DATELINE.finditer(text):
        name, place = match.group("name").strip(), match.group("place") or ""
        words = _fold(name).split()
        known = bool(words) and (" ".join(words) in _table() or words[-1] in NEWS_WORDS)
        if len(words) <= 5 and (known or place.split(",")[0].strip().isupper()):
            yield match.start("name"), match.start("name") + len(name), *match.span("all")
    for pattern in _plain_patterns():
        for match in pattern.finditer(text):
            yield (*match.span("name"), *match.span())


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
def _listed() -> frozenset[str]:
    return frozenset(n for names in _rows() for n in names)


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
def _outlet_pattern() -> re.Pattern[str]:
    """Known outlets' names as written, not followed by another capitalised word
    ("Guardian Council") unless it is a day or a month ("told Reuters Monday")."""
    names = sorted(_listed(), key=len, reverse=True)
    alternatives = "|".join(r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", n))) for n in names)
    later = "|".join(_CALENDAR.split())
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])(?![ \t]+(?!(?:{later})\b)[A-Z])")


@cache
def _plain_patterns() -> tuple[re.Pattern[str], ...]:
    name = rf"(?P<name>{_outlet_pattern().pattern})"
    before = (
        r"according to|told|(?:said|spoke|speaking|talking) to|(?:reported|cited|quoted) by|via"
    )
    after = r"\s+(?:has\s+|had\s+)?(?:reported|reports|said|says|wrote|writes|stated|learned)\b"
    return re.compile(rf"\b(?:{before})\s+(?:the\s+)?{name}"), re.compile(name + after)


def _fold(name: str) -> str:
    text = re.sub(r"\([^()]*\)", " ", unidecode(name).lower())  # "CNN (Opinion)"
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
