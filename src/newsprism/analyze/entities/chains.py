"""Chains of mentions taken to be one actor: within each article, then across articles.

First within each article: a name joins the chain of an earlier name it matches
(a surname joins the nearest earlier full name it ends, among people whose titles agree:
"Mrs. Trump" is not the one called "Mr. Trump"). Then across articles:
chains with matching full forms, one spelling (case and punctuation aside), the
same alias-table entry or an acronym and its spelled-out name become one; a
chain known only by a short form joins the one story-wide full name it fits, or,
when several fit, the one whose sentences read most like its own (sentence
embeddings).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING

import numpy as np

from newsprism import lexicon
from newsprism.analyze.entities.aliases import AliasTable, compatible
from newsprism.analyze.entities.matching import (
    Form,
    Match,
    acronym_of,
    forms,
    given_name,
    match,
    words_equal,
)
from newsprism.analyze.entities.names import (
    TITLES,
    ascii_words,
    generation,
    is_acronym,
    plain_key,
)
from newsprism.models import Models
from newsprism.nlp import text_of
from newsprism.records import EntityType, Mention, Span
from newsprism.settings import DEFAULT_ANALYSIS, AnalysisSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc

_PLACES = frozenset({"GPE", "LOC"})
GENDERED = lexicon.pairs("gendered_words")
"""Titles that say a person is a man or a woman ("Mr.", "Mrs."): two such are two people."""
COURTESY = lexicon.words("courtesy_titles")
INSTITUTIONS = lexicon.words("institution_nouns")
KIN_NOUNS = lexicon.words("kin_nouns")
CATEGORY_NOUNS = lexicon.words("category_nouns")
"""Nouns of organisations ("ministry", "group"): a name holding one is no person's."""
ABBREVIATED = lexicon.words("title_abbreviations")
"""Titles written with a point ("Mrs."); any other word with a point ends a sentence."""


@dataclass
class Chain:
    """Mentions taken to be one actor; within one article, then merged across articles."""

    mentions: list[Mention]
    forms: set[Form]
    alias: str | None = None
    types: Counter[EntityType] = field(default_factory=Counter)
    full_person: bool = False
    """Named as a person in more than one word somewhere: a person, whatever else it is typed."""
    descriptions: list[Span] = field(default_factory=list)
    """Definite descriptions that stand for the actor ("the spokesperson"): mentions, not names."""
    titles: set[str] = field(default_factory=set)
    """Titles written right before its names ("president", "mrs"; ``lead_titles``)."""
    generations: set[str] = field(default_factory=set)
    """Generations its names end in ("jr" of "Mark Felt Jr."; ``names.generation``)."""
    kin: bool = False
    """Named somewhere right after a noun of kin ("his father Mark Felt"): someone's relative."""

    @property
    def type(self) -> EntityType:
        if self.full_person:
            return "PERSON"
        return max(self.types.items(), key=itemgetter(1))[0]

    @property
    def full(self) -> bool:
        """Known by more than a one-word form."""
        return any(len(f) > 1 for f in self.forms) or self.type != "PERSON"

    def add(
        self, mention: Mention, mention_forms: set[Form], titles: frozenset[str], kin: bool
    ) -> None:
        self.mentions.append(mention)
        self.forms |= mention_forms
        self.titles |= titles
        self.kin = self.kin or kin
        if (born := generation(mention.span.text)) is not None:
            self.generations.add(born)
        self.types[mention.type] += 1
        if mention.type == "PERSON" and any(len(f) > 1 for f in mention_forms):
            self.full_person = True


def resolve_mentions(
    mentions: Sequence[Sequence[Mention]],
    docs: Sequence[Doc],
    models: Models,
    aliases: AliasTable,
    settings: AnalysisSettings = DEFAULT_ANALYSIS,
) -> list[Chain]:
    """Chains of the mentions of each article (``mentions[i]`` are in ``docs[i]``)."""
    places = _place_words(mentions)
    surnames = _surnames(mentions)
    mentions = _relatives_typed(mentions, [text_of(doc) for doc in docs], surnames)
    mentions = _surnames_typed(mentions, docs, surnames)
    per_article = [
        _within(found, text_of(doc), aliases, places)
        for found, doc in zip(mentions, docs, strict=True)
    ]
    chains = [c for found in per_article for c in found]
    return _across(chains, docs, models, places, settings.context_mentions)


def _surnames(mentions: Sequence[Sequence[Mention]]) -> set[str]:
    """The surnames (last words, as ``ascii_words`` folds them) of the people the story
    names in full."""
    return {
        words[-1]
        for found in mentions
        for m in found
        if m.type == "PERSON" and len(words := ascii_words(m.span.text)) > 1
    }


def _relatives_typed(
    mentions: Sequence[Sequence[Mention]], texts: Sequence[str], surnames: set[str]
) -> list[list[Mention]]:
    """The mentions, a name the recogniser typed as an organisation taken for a person when
    a title or a noun of kin stands before it somewhere ("First lady Melania Trump", "his
    wife Melania Trump"), it is two or three capitalised words, none a title or the noun
    of an institution, and it ends in the surname of a person of the story: "Melania
    Trump" beside "Donald Trump" is his relative, not a company (the recogniser types both
    "Trump" names by their brand); "Merrill Lynch" beside "Loretta Lynch", with no title,
    stays a bank."""
    titled = {
        m.span.text
        for found, text in zip(mentions, texts, strict=True)
        for m in found
        if m.type == "ORG" and (lead_titles(text, m.span.start) or _kin_before(text, m.span.start))
    }
    return [
        [
            replace(m, type="PERSON")
            if m.span.text in titled and _person_like(m.span.text, surnames)
            else m
            for m in found
        ]
        for found in mentions
    ]


def _surnames_typed(
    mentions: Sequence[Sequence[Mention]], docs: Sequence[Doc], surnames: set[str]
) -> list[list[Mention]]:
    """The mentions, a single word the recogniser typed as a nationality or group taken for
    a person when it is the surname of a person the story names in full (``surnames``)
    and the parse reads it as a name, not an adjective: "Arians said" beside "coach Bruce
    Arians" (the recogniser reads "-ians" as a people), but not "Cuban officials" beside
    "Mark Cuban"."""
    return [
        [
            replace(m, type="PERSON")
            if m.type == "NORP" and _one_of(m.span.text, surnames) and _named(doc, m.span)
            else m
            for m in found
        ]
        for found, doc in zip(mentions, docs, strict=True)
    ]


def _one_of(text: str, surnames: set[str]) -> bool:
    """Whether the words are one word, and one of the surnames."""
    words = ascii_words(text)
    return len(words) == 1 and words[0] in surnames


def _named(doc: Doc, span: Span) -> bool:
    """Whether the parse reads the words as a name (a proper noun not modifying a noun)."""
    part = doc.char_span(span.start, span.end, alignment_mode="expand")
    return part is not None and part.root.pos_ == "PROPN" and part.root.dep_ != "amod"


def _kin_before(text: str, start: int) -> bool:
    """Whether a noun of kin stands right before the name ("his wife Melania Trump")."""
    words = text[max(0, start - 30) : start].split()
    return bool(words) and words[-1].strip(",").lower() in KIN_NOUNS


def _person_like(text: str, surnames: set[str]) -> bool:
    written = text.split()
    words = ascii_words(text)
    return (
        2 <= len(written) <= 3
        and len(words) == len(written)
        and words[-1] in surnames
        and all(_name_word(w) for w in written)
        and not any(w in TITLES or w in INSTITUTIONS or w in CATEGORY_NOUNS for w in words)
    )


def _name_word(word: str) -> bool:
    """Capitalised letters, not an acronym: "Melania", "Jong-un"."""
    return word[:1].isupper() and not word.isupper() and word.replace("-", "").isalpha()


def _place_words(mentions: Sequence[Sequence[Mention]]) -> frozenset[str]:
    words: set[str] = set()
    for found in mentions:
        for mention in found:
            if mention.type in ("GPE", "NORP", "LOC"):
                for form in forms(mention.span.text, mention.type):
                    words.update(form)
    return frozenset(words)


def _within(
    found: Sequence[Mention], article_text: str, aliases: AliasTable, places: frozenset[str]
) -> list[Chain]:
    chains: list[Chain] = []
    by_alias: dict[str, Chain] = {}
    lines = _lineages(m.span.text for m in found)
    for mention in found:
        text = mention.span.text
        mention_forms = forms(text, mention.type)
        titles = lead_titles(article_text, mention.span.start)
        kin = _kin_before(article_text, mention.span.start)
        known = aliases.lookup(text, mention.type)
        chain = by_alias.get(known.canonical) if known else None
        if chain is None:
            alone = Chain([], set())  # the mention as a chain of its own, to compare
            alone.add(mention, mention_forms, titles, kin)
            chain = _fitting(chains, alone, places, lines)
        if chain is None:
            chain = Chain([], set(), known.canonical if known else None)
            chains.append(chain)
        if known and chain.alias is None:
            chain.alias = known.canonical
        if chain.alias:
            by_alias[chain.alias] = chain
        chain.add(mention, mention_forms, titles, kin)
    return chains


def _lineages(names: Iterable[str]) -> dict[Form, set[str]]:
    """The generations each name is written with ("Mark Felt": {"sr", "jr"})."""
    found: dict[Form, set[str]] = {}
    for name in names:
        born = generation(name)
        if born is not None:
            for form in forms(name, "PERSON"):
                found.setdefault(form, set()).add(born)
    return found


def _generations_apart(a: Chain, b: Chain, lines: dict[Form, set[str]]) -> bool:
    """Whether two chains of one name are two generations: they end in different ones
    ("Mark Felt Sr." / "Mark Felt Jr."), or one in a generation and the other in none where
    either is named as someone's relative ("Mark Felt Jr. said his father Mark Felt ...";
    "his son Donald Trump Jr."), the other holds an office ("President Donald Trump") or
    the name is written with more than one generation (``lines``). Otherwise the plain name
    is the other written short ("Arcade Joseph Comeaux" of "Arcade Joseph Comeaux Jr.")."""
    if a.generations and b.generations:
        return a.generations != b.generations
    if not (a.generations or b.generations):
        return False
    plain = b if a.generations else a
    return (
        a.kin
        or b.kin
        or bool(_offices(plain.titles))
        or any(len(lines.get(form, ())) > 1 for form in plain.forms)
    )


def lead_titles(text: str, start: int) -> frozenset[str]:
    """The titles written right before a name on its line ("Mrs." of "Mrs. Trump",
    "President" of "U.S. President Trump"), lower case without the point."""
    line = text[max(0, start - 80) : start].rsplit("\n", 1)[-1]
    found: set[str] = set()
    for word in reversed(line.split()):
        plain = word.strip(".,").lower()
        if plain not in TITLES or plain == "the" or word.endswith(","):
            break
        if word.endswith(".") and plain not in ABBREVIATED:
            break  # "... with the president. Trump said": a sentence ended there
        found.add(plain)
    return frozenset(found)


def _agreeing(candidates: list[Chain], titles: set[str] | frozenset[str]) -> list[Chain]:
    """The candidates a name with ``titles`` can be: no person a title calls a man is one
    called a woman, and those a title calls what the name's title does come first ("Mrs.
    Trump" is "First lady Melania Trump" rather than "President Donald Trump"); when the
    name has a title of office, those that hold it, if any do ("U.S. President Trump" is
    the Trump called "President Donald Trump", not "First lady Melania Trump")."""
    gender = _gender(titles)
    fitting = [c for c in candidates if not gender or _gender(c.titles) <= gender]
    fitting = [c for c in fitting if gender and _gender(c.titles) == gender] or fitting
    holding = [c for c in fitting if c.titles & _offices(titles)]
    return holding or fitting


def _courtesy_only(chain: Chain) -> bool:
    """Whether a chain's names carry titles, none of them an office ("First lady Melania
    Trump", "Mrs. Trump")."""
    return bool(chain.titles) and not _offices(chain.titles)


def _offices(titles: set[str] | frozenset[str]) -> set[str]:
    """The titles of office among titles ("president", not "mrs" or "lady")."""
    return {t for t in titles if t not in GENDERED and t not in COURTESY}


def _gender(titles: set[str] | frozenset[str]) -> set[str]:
    return {GENDERED[t] for t in titles if t in GENDERED}


def _fitting(
    chains: list[Chain], alone: Chain, places: frozenset[str], lines: dict[Form, set[str]]
) -> Chain | None:
    """The most recent chain the mention fits by the same name; else, among the people whose
    titles agree with the mention's (``_agreeing``), the chain it fits as a short form (a
    surname) that was named most often so far; of equals, for a surname without a title,
    not one the articles title only by courtesy or as a man or a woman ("President Donald
    Trump and first lady Melania Trump arrived ... Trump told reporters": the president;
    news writes "Mrs. Trump" for her), else the most recent. ``alone`` is the mention as a
    chain of its own; ``lines`` the generations its article writes each name with."""
    mention, mention_forms, titles = alone.mentions[0], alone.forms, alone.titles
    short: list[Chain] = []
    for chain in reversed(chains):
        kind = chain.type
        if _generations_apart(alone, chain, lines):
            continue
        result = _best_match(mention_forms, chain.forms, kind, places)
        loose = kind == "PERSON" and result is Match.SHORT and len(mention.span.text.split()) == 1
        if not (compatible(kind, mention.type) or loose):
            continue
        surname = kind == "PERSON" and chain.full and all(len(f) == 1 for f in mention_forms)
        if result is Match.SAME and not surname:
            return chain
        if kind == "PERSON" and _different_given_names(mention_forms, chain.forms, places):
            continue
        if kind == "PERSON" and not chain.full and any(len(f) > 1 for f in mention_forms):
            continue  # "President Trump", then "Melania Trump": the story says which Trump
        if result is not None:  # a bare surname fits every full name it ends
            short.append(chain)
        if is_acronym(mention.span.text) and any(
            acronym_of(mention.span.text, m.span.text) for m in chain.mentions
        ):
            return chain
    short = _agreeing(short, titles)
    if short:  # of equals, for an untitled surname not one named only as "Mrs." or "lady"
        return max(short, key=lambda c: (len(c.mentions), bool(titles) or not _courtesy_only(c)))
    return _by_given_name(chains, mention.type, [mention.span.text])


def _by_given_name(chains: Sequence[Chain], kind: EntityType, texts: list[str]) -> Chain | None:
    """The one chain of a person whose given name, as written, a one-word person name is
    ("Kimani" of "Kimani Gray"); None when no person or several have it (two Johns stay
    apart). A titled name ("Pope Francis", "Prince Harry") is no given name of anyone."""
    if kind != "PERSON":
        return None
    words = {given_name(text) for text in texts}
    if len(words) != 1 or None in words:
        return None
    fits = [c for c in chains if c.type == "PERSON" and c.full_person and words & _given(c)]
    return fits[0] if len(fits) == 1 else None


def _given(chain: Chain) -> set[str | None]:
    """The first given names of a chain's untitled names of two words or more."""
    found: set[str | None] = set()
    for mention in chain.mentions:
        words = ascii_words(mention.span.text)
        if len(words) > 1 and words[0] not in TITLES:
            found.add(words[0])
    return found


def _best_match(
    a: set[Form], b: set[Form], kind: EntityType, places: frozenset[str]
) -> Match | None:
    best: Match | None = None
    for x in a:
        for y in b:
            found = match(x, y, kind, places)
            if found is Match.SAME:
                return found
            best = best or found
    return best


def _across(
    chains: list[Chain],
    docs: Sequence[Doc],
    models: Models,
    places: frozenset[str],
    context_mentions: int,
) -> list[Chain]:
    merged: list[Chain] = []
    lines = _lineages(m.span.text for chain in chains for m in chain.mentions)
    # People named in full first: a surname the recogniser typed as an organisation in one
    # article then joins them by its spelling, instead of holding a full name apart.
    for chain in sorted(chains, key=lambda c: (not c.full_person, not c.full)):
        target = _target(merged, chain, docs, models, places, context_mentions, lines)
        if target is None:
            merged.append(
                Chain(
                    list(chain.mentions),
                    set(chain.forms),
                    chain.alias,
                    Counter(chain.types),
                    chain.full_person,
                    titles=set(chain.titles),
                    generations=set(chain.generations),
                    kin=chain.kin,
                )
            )
        else:
            _absorb(target, chain)
    _join_spellings(merged)
    place_names = _place_names(chains)
    for chain in merged:
        if chain.full_person and _place_named(chain, place_names):
            chain.full_person = False
            chain.types.pop("PERSON", None)  # typed as most of its other mentions are
    return merged


def _absorb(target: Chain, chain: Chain) -> None:
    """Merge ``chain`` into ``target``."""
    target.mentions.extend(chain.mentions)
    target.forms |= chain.forms
    target.types.update(chain.types)
    target.alias = target.alias or chain.alias
    target.full_person = target.full_person or chain.full_person
    target.titles |= chain.titles
    target.generations |= chain.generations
    target.kin = target.kin or chain.kin


def _join_spellings(merged: list[Chain]) -> None:
    """Chains of two types that came to share a spelling only after one of them was placed
    ("Promises Treatment Centre" typed an event in one article, met before another
    article's "Centre" joined the "Promises Treatment Center" chain) become one, as
    ``_target`` joins them when the spelling is known first, so the order the articles
    come in matters less. A place and a person of one spelling stay apart here: a
    team named after its city ("Kansas City") is typed a person as often as not. (A name
    that only the transliteration key makes one, "Centre" / "Center", is left to
    ``_target``: across types that key also joins "Los Angeles" to "Los Angeles Angels".)"""
    spelled = [_spellings(chain) for chain in merged]  # each chain's, read once
    at = 0
    while at < len(merged):
        chain = merged[at]
        for later in range(len(merged) - 1, at, -1):
            if not spelled[at] & spelled[later]:
                continue
            other = merged[later]
            kinds = {chain.type, other.type}
            if (
                not compatible(chain.type, other.type)
                and "NORP" not in kinds
                and not ("PERSON" in kinds and kinds & _PLACES)
                and not (chain.alias and other.alias and chain.alias != other.alias)
            ):
                _absorb(chain, merged.pop(later))
                spelled[at] = spelled[at] | spelled.pop(later)
        at += 1


def _place_names(chains: Sequence[Chain]) -> set[Form]:
    """The names of the story's places, as plain words ("baltimore", "new york")."""
    return {
        form
        for chain in chains
        for mention in chain.mentions
        if mention.type in ("GPE", "LOC")
        for form in forms(mention.span.text, mention.type)
    }


def _place_named(chain: Chain, places: set[Form]) -> bool:
    """Whether a chain the recogniser called a person in full is rather a team or a
    service named after its place ("Baltimore Orioles", "New York Yankees", "Surrey
    Police"): each of its names of several words typed as a person is a place the story
    names, whole, and more words, and most of its mentions are typed otherwise. A person
    typed an organisation more often than not ("Mark Teixeira" in baseball news) has a
    given name in front."""
    named = [m.span.text for m in chain.mentions if m.type == "PERSON"]
    full = [form for text in named for form in forms(text, "ORG") if len(form) > 1]
    others = sum(n for kind, n in chain.types.items() if kind != "PERSON")
    return (
        bool(full)
        and all(any(form[: len(p)] == p and len(form) > len(p) for p in places) for form in full)
        and others > len(named)
    )


def _target(
    merged: list[Chain],
    chain: Chain,
    docs: Sequence[Doc],
    models: Models,
    places: frozenset[str],
    context_mentions: int,
    lines: dict[Form, set[str]],
) -> Chain | None:
    if chain.alias:
        for other in merged:
            if other.alias == chain.alias:
                return other
    short: list[Chain] = []
    for other in merged:
        if other.alias and chain.alias and other.alias != chain.alias:
            continue
        fits = compatible(other.type, chain.type)
        # One spelling is one actor, but a person's bare surname is left to the rules below.
        if (not fits or "PERSON" not in (chain.type, other.type)) and _same_spelling(chain, other):
            return other
        if not fits:
            continue
        if _namesakes(chain, other, places) or _generations_apart(chain, other, lines):
            continue
        result = _best_match(chain.forms, other.forms, other.type, places)
        if result is Match.SAME and (chain.full or not other.full):
            return other
        # A bare surname that another article also used alone is still only a surname:
        # every full name it fits competes for it.
        if result is not None or _acronym_pair(chain, other):
            short.append(other)
    short = _agreeing(short, chain.titles)
    if len(short) > 1:
        return _closest(chain, short, docs, models, context_mentions)
    if short:
        return short[0]
    texts = [m.span.text for m in chain.mentions]
    return None if chain.full else _by_given_name(merged, chain.type, texts)


def _namesakes(a: Chain, b: Chain, places: frozenset[str]) -> bool:
    """Two people who share a surname and whose full names never agree (Melania and Donald
    Trump, Kim Jong-un and Kim Jong-il) are two people, whatever short forms each also has."""
    if "PERSON" not in (a.type, b.type):
        return False
    return _different_given_names(a.forms, b.forms, places)


def _different_given_names(a: set[Form], b: set[Form], places: frozenset[str]) -> bool:
    pairs = [(x, y) for x in a if len(x) > 1 for y in b if len(y) > 1]
    shared = any(words_equal(x[-1], y[-1]) for x, y in pairs)
    return shared and not any(match(x, y, "PERSON", places) is Match.SAME for x, y in pairs)


def _same_spelling(a: Chain, b: Chain) -> bool:
    """The same name written the same way, case and punctuation aside ("SEACOM" / "Seacom",
    where the transliteration key reads capitals as an acronym), whatever type the model
    gave each: the model's type is the weaker evidence (a nationality and its country are
    still kept apart)."""
    if "NORP" in (a.type, b.type):
        return False
    return bool(_spellings(a) & _spellings(b))


def _spellings(chain: Chain) -> frozenset[str]:
    """The chain's names as written, case and punctuation aside (``plain_key``)."""
    return frozenset(_plain(t) for t in _texts(chain))


def _acronym_pair(a: Chain, b: Chain) -> bool:
    """Whether one chain has an acronym that spells a name of the other."""
    one, other = _texts(a), _texts(b)
    return any(
        acronym_of(short, long)
        for shorts, longs in ((one, other), (other, one))
        for short in shorts
        if is_acronym(short)
        for long in longs
    )


def _texts(chain: Chain) -> set[str]:
    """The chain's mentions as written, each once."""
    return {m.span.text for m in chain.mentions}


_plain = lru_cache(maxsize=65536)(plain_key)
"""``plain_key``, each spelling folded once: chains are compared pair by pair."""


def _closest(
    chain: Chain,
    candidates: list[Chain],
    docs: Sequence[Doc],
    models: Models,
    context_mentions: int,
) -> Chain:
    """The candidate whose mentions' sentences read most like the chain's own (the sentences
    of the first ``context_mentions`` mentions of each)."""
    by_id = {d.user_data.get("article_id"): d for d in docs}
    groups = [_sentences(c, by_id, context_mentions) for c in (chain, *candidates)]
    vectors = models.embedder.embed([s for group in groups for s in group])
    means, start = [], 0
    for group in groups:
        mean = vectors[start : start + len(group)].mean(axis=0)
        means.append(mean / max(float(np.linalg.norm(mean)), 1e-12))
        start += len(group)
    scores = [float(means[0] @ other) for other in means[1:]]
    return candidates[int(np.argmax(scores))]


def _sentences(chain: Chain, by_id: dict[object, Doc], count: int) -> list[str]:
    """The sentences around a chain's first ``count`` mentions: its context."""
    sentences = []
    for mention in chain.mentions[:count]:
        doc = by_id.get(mention.span.article)
        if doc is not None:
            part = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
            if part is not None:
                sentences.append(part.sent.text)
    return sentences or [m.span.text for m in chain.mentions[:count]]
