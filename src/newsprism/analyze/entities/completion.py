"""Every occurrence of an actor's names is a mention, whether or not the recogniser tagged it.

The statistical recogniser finds a name in one sentence and misses it in the next ("Trump"
thirty times in an article, ten of them tagged). Once the story's chains know an actor's
names, each article of the story is searched for them:
- the names as written in any article (longest first, so "Melania Trump" is taken before
  "Trump"), a person's surname, and any other actor's name without the place words it
  starts with ("Chiefs" of "Kansas City Chiefs");
- possessives ("Trump's") and titled forms ("Mr. Trump", "President Trump": the name is the
  mention, the title stays a label), and the all-caps form of a dateline ("BAGHDAD —");
- not inside a longer name: a capitalised word before ("Ivanka Trump") or after ("Trump
  Tower") makes it another name, unless the word before is a title;
- a one-word name only where the parse reads it as a proper noun ("May" the month is not
  "May" the surname);
- a surname two actors share goes to the one named last before it in the article, or to
  neither when neither was named before it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsprism.analyze.entities.labels import COURTESY
from newsprism.analyze.entities.mentions import CURRENCY
from newsprism.analyze.entities.names import TITLES, surname
from newsprism.records import Article, Mention, Span
from newsprism.settings import DEFAULT_ANALYSIS, AnalysisSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsprism.analyze.entities.chains import Chain


def complete(
    chains: Sequence[Chain],
    articles: Sequence[Article],
    docs: Sequence[Doc],
    settings: AnalysisSettings = DEFAULT_ANALYSIS,
) -> None:
    """Add to each chain the occurrences of its names that no chain holds yet (in place).
    Names shorter than ``settings.name_min_chars`` ("Al"; "UN" excepted as an acronym)
    match too much text to search for; an all-caps form is searched only for names of
    ``settings.dateline_min_chars`` ("US" in capitals is a word too)."""
    owners = _owners(chains, settings.name_min_chars)
    by_word = _by_first_word(owners, settings.dateline_min_chars)
    held: dict[str, list[tuple[int, int, Chain]]] = {}
    for known in chains:
        for m in known.mentions:
            held.setdefault(m.span.article, []).append((m.span.start, m.span.end, known))
    for article, doc in zip(articles, docs, strict=True):
        here = held.setdefault(article.id, [])
        present = {
            name for word in set(_WORD.findall(article.text)) for name in by_word.get(word, ())
        }
        for name in sorted(present, key=lambda n: (-len(n), n)):
            for start, end in _occurrences(article.text, name, settings.dateline_min_chars):
                if any(start < e and s < end for s, e, _ in here):
                    continue
                if not _stands_alone(doc, start, end, name):
                    continue
                chain = _owner(owners[name], here, start)
                if chain is None or (chain.type == "GPE" and CURRENCY.match(article.text, end)):
                    continue
                chain.mentions.append(Mention(Span.of(article, start, end), chain.type))
                here.append((start, end, chain))


_WORD = re.compile(r"\w+")


def _by_first_word(owners: dict[str, list[Chain]], dateline_chars: int) -> dict[str, set[str]]:
    """The searchable names by the first run of word characters of each of their forms: a
    name can occur in an article only where that run stands as a word, so each article is
    searched only for the names whose first word it holds (a story of thousands of
    articles and names is not searched name by name, article by article)."""
    by_word: dict[str, set[str]] = {}
    for name in owners:
        for form in _forms(name, dateline_chars):
            first = _WORD.search(form)
            if first is not None:
                by_word.setdefault(first.group(), set()).add(name)
    return by_word


def _owners(chains: Sequence[Chain], min_chars: int) -> dict[str, list[Chain]]:
    """Each searchable name and the chains it names. A person's surname is also claimed by
    another chain whose name ends in it, whatever its type ("Melania Trump" read as an
    organisation still competes for "Trump")."""
    owners: dict[str, list[Chain]] = {}
    place_words = [_words(c) if c.type in PLACE_TYPES else set() for c in chains]
    places = Counter(word for words in place_words for word in words)
    for chain, own in zip(chains, place_words, strict=True):
        names = {m.span.text for m in chain.mentions}
        if chain.type == "PERSON":
            names |= {surname(n) for n in names if len(n.split()) > 1}
        else:  # the place words of other actors: "Kansas City Chiefs" read as a place too
            names |= {short for n in names if (short := _without_places(n, places, own))}
        recognised = {m.span.text for m in chain.mentions if m.type == "PERSON"}
        for name in names:
            searchable = (
                len(name) >= min_chars
                or (name.isupper() and len(name) >= 2)
                or _short_surname(name, recognised)
            )
            if searchable and not any(chain is c for c in owners.setdefault(name, [])):
                owners[name].append(chain)
    for chain in chains:
        for text in {m.span.text for m in chain.mentions if len(m.span.text.split()) > 1}:
            claimants = owners.get(surname(text), [])
            known = any(chain is c for c in claimants)
            if any(c.type == "PERSON" for c in claimants) and not known:
                claimants.append(chain)
    return owners


def _short_surname(name: str, recognised: set[str]) -> bool:
    """A two-letter surname the recogniser itself tagged as a person in the story ("Xi",
    "Li", "Wu" of Chinese names, which put the surname first): searched although shorter
    than ``name_min_chars``."""
    return len(name) == 2 and name[0].isupper() and name[1].islower() and name in recognised


PLACE_TYPES = frozenset({"GPE", "LOC", "NORP"})


def _words(chain: Chain) -> set[str]:
    return {word.lower() for m in chain.mentions for word in m.span.text.split()}


def _without_places(name: str, places: Counter[str], own: set[str]) -> str | None:
    """A name without the place words of other actors it starts with ("Kansas City
    Chiefs" -> "Chiefs"; ``places``: in how many places' names each word is, ``own``: the
    words of the name's own actor when it is a place), the short form its own articles
    use; none when nothing else is left or the rest is no name."""
    words = name.split()
    kept = list(words)
    while kept and places[kept[0].lower()] > (kept[0].lower() in own):
        kept.pop(0)
    if len(kept) in (0, len(words)) or not kept[0][:1].isupper():
        return None
    return " ".join(kept)


def _forms(name: str, dateline_chars: int) -> set[str]:
    """The name as written, and in capitals when it is long enough for a dateline."""
    if len(name) >= dateline_chars and not name.isupper():
        return {name, name.upper()}
    return {name}


def _occurrences(text: str, name: str, dateline_chars: int) -> list[tuple[int, int]]:
    found = []
    for form in _forms(name, dateline_chars):
        found += _standalone(text, form)
    return sorted(found)


_JOINING = frozenset("-’'.")
"""Marks that make a word run on into the one after them ("al-Saadi", "O’Brien", "U.S.")."""


def _standalone(text: str, form: str) -> list[tuple[int, int]]:
    """Where the form stands as a word of its own: not inside a longer word, a hyphenation
    or an abbreviation. (A plain search: a pattern compiled per name cost more than the
    search itself, every story bringing new names.)"""
    found: list[tuple[int, int]] = []
    at = text.find(form) if form else -1
    while at >= 0:
        end = at + len(form)
        before = text[at - 1] if at else ""
        after = text[end] if end < len(text) else ""
        if not _word_char(before) and before not in _JOINING and not _word_char(after):
            found.append((at, end))
            at = text.find(form, end)
        else:
            at = text.find(form, at + 1)
    return found


def _word_char(char: str) -> bool:
    """What a pattern's ``\\w`` matches: a letter, a digit or an underscore."""
    return char.isalnum() or char == "_"


def _stands_alone(doc: Doc, start: int, end: int, name: str) -> bool:
    part = doc.char_span(start, end, alignment_mode="expand")
    if part is None or part.start_char != start or part.end_char != end:
        return False
    one_word = len(name.split()) == 1 and not name.isupper()
    if one_word and not any(t.pos_ == "PROPN" for t in part):
        return False
    before = doc[part.start - 1] if part.start > 0 else None
    after = doc[part.end] if part.end < len(doc) else None
    if before is not None and _name_word(before) and not _title(before):
        return False
    return not (after is not None and _name_word(after) and not after.is_sent_start)


def _name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def _title(token: Token) -> bool:
    word = token.lower_.rstrip(".")
    return word in TITLES or word in COURTESY


def _owner(chains: list[Chain], here: list[tuple[int, int, Chain]], start: int) -> Chain | None:
    """The chain a name found at ``start`` belongs to: its only owner, else the owner named
    last before it in the article (``here``: the article's mentions), else none."""
    if len(chains) == 1:
        return chains[0]
    last: tuple[int, Chain] | None = None
    for s, e, chain in here:
        if any(chain is c for c in chains) and e <= start and (last is None or s > last[0]):
            last = (s, chain)
    return last[1] if last else None
