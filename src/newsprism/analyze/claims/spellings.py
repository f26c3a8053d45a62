"""One person's (or street's) name spelled two ways by different outlets: "Catherine" /
"Katherine" Gomes.

Who is who joins spellings of one name into one person; what it keeps apart is then a
fact the outlets dispute: at most one of them spelled the name right. A word of a
person's names is spelled another way in another article when:
- two names of the person are the same but for these two words in one place
  ("Katherine Gomes" / "Catherine Gomes"; a one-word look-alike may be another actor
  joined by mistake), and no name writes both;
- the two words read alike (difflib's ratio from ``settings.spelling_near``), neither
  holds the other ("Rob" / "Robert" is a short form, not a spelling), and they are not
  one word in British and American spelling;
- both are words English writes (``wordfreq``'s Zipf frequency from
  ``settings.spelling_known``: about once per million words or more), or every other word
  of the name is ("Gregg Miliote" / "Gregg Milliote": a name written in English, whose
  rare word one outlet misspelt); other rare spellings are mostly transliterations
  ("Yehia" / "Yahya" Rasool, "Heidar" / "Heydar" Alishbandi), whose variants are
  conventions, not errors;
- neither is a given name that reaches English from another script in several accepted
  spellings ("Mohammed" / "Mohamed", "Sergei" / "Sergey": ``transliterated_names``), and
  no name of the person carries an Arabic article ("al-Saadi").
Only people and streets: the names of other places and organisations hold common words
("Palestinian Authority" / "Authorities", "Central" / "Centre Hall"), which who-is-who may
join though they are not one word spelled two ways; a street's name before its "Street"
or "Road" is one word spelled two ways ("Independent" / "Independence Street"). An article
that writes both words is on no side. Sides are the articles that write only one of them,
each with its first such mention; two spellings from one outlet's articles alone are no
dispute between outlets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from difflib import SequenceMatcher

from unidecode import unidecode

from newsprism import lexicon
from newsprism.analyze.claims.conflicts import join_groups
from newsprism.analyze.claims.copies import one_spelling
from newsprism.records import Entity, Span
from newsprism.settings import DEFAULT_ANALYSIS, AnalysisSettings

_ARTICLES = lexicon.words("arabic_articles")
_TRANSLITERATED = lexicon.words("transliterated_names")
"""Given names with several accepted spellings in English ("Mohammed" / "Mohamed")."""
_STREET_WORDS = lexicon.words("street_words") | lexicon.words("street_surname_words")
"""The last word of a street's name ("Street", "Road", "Ave")."""
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
"""A word of a name once its letters are ASCII (unidecode: "José" is "Jose", "’" is "'")."""

Spelling = tuple[Span, ...]
"""One way of writing a name word: the first mention of each article that writes it so."""


def spellings(
    entities: Sequence[Entity],
    outlets: Mapping[str, str],
    settings: AnalysisSettings = DEFAULT_ANALYSIS,
) -> Iterator[tuple[frozenset[str], tuple[Spelling, ...]]]:
    """Each name word the articles spell differently, as its spellings (lower case) and
    their mentions (two sides or more), for every person of the story; ``outlets[a]`` is
    article ``a``'s outlet key."""
    for entity in entities:
        if not (entity.type == "PERSON" or _street(entity)) or _transliterated(entity):
            continue
        words, names = _words(entity)
        for group in _groups(sorted(words), names, settings):
            sides = _sides({w: words[w] for w in group})
            if len(sides) >= 2 and len({outlets.get(s.article) for ms in sides for s in ms}) > 1:
                yield frozenset(group), sides


def _street(entity: Entity) -> bool:
    """Whether every name of an actor is a street's ("Independent Street")."""
    names = [span.text.split() for span in entity.names]
    return bool(names) and all(
        bool(words) and words[-1].lower().rstrip(".") in _STREET_WORDS for words in names
    )


def _transliterated(entity: Entity) -> bool:
    return any(
        w.lower() in _ARTICLES for span in entity.names for w in re.split(r"[\s\-‐]+", span.text)
    )


def _words(entity: Entity) -> tuple[dict[str, dict[str, Span]], set[tuple[str, ...]]]:
    """The capitalised words of the person's names, lower-cased, with the first mention of
    each article that writes them; and each name as its words."""
    found: dict[str, dict[str, Span]] = {}
    names: set[tuple[str, ...]] = set()
    for span in sorted(entity.names, key=lambda s: (s.article, s.start)):
        written = []
        for match in _WORD.finditer(unidecode(span.text)):
            word = match.group(0)
            if word[:1].isupper():
                key = re.sub(r"'s$", "", word.lower())
                found.setdefault(key, {}).setdefault(span.article, span)
                written.append(key)
        names.add(tuple(written))
    return found, names


def _groups(
    words: list[str], names: set[tuple[str, ...]], settings: AnalysisSettings
) -> Iterator[set[str]]:
    """Words that are spellings of one another, joined through each pair found."""
    groups: list[set[str]] = []
    for n, one in enumerate(words):
        for other in words[n + 1 :]:
            frames = _frames(one, other, names)
            if frames and _respelled(one, other, frames, settings):
                join_groups(groups, {one, other})
    yield from groups


def _frames(one: str, other: str, names: set[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The names of several words that are the same as another but for these two words, in
    one place ("Katherine Gomes" / "Catherine Gomes"); none when a name writes both ("Los
    Angeles Angels": two words of one name). A one-word name's look-alike ("Atlanta" / "the
    Atlantic") may be another actor joined by mistake."""
    if any(one in name and other in name for name in names):
        return []
    return [
        name
        for name in sorted(names)
        if len(name) >= 2 and one in name and tuple(other if w == one else w for w in name) in names
    ]


def _respelled(
    one: str, other: str, frames: list[tuple[str, ...]], settings: AnalysisSettings
) -> bool:
    if min(len(one), len(other)) < 4 or one in other or other in one:
        return False
    if one in _TRANSLITERATED or other in _TRANSLITERATED:
        return False
    if one_spelling(one) == one_spelling(other):
        return False
    if SequenceMatcher(None, one, other).ratio() < settings.spelling_near:
        return False
    if _known(one, settings) and _known(other, settings):
        return True
    return any(_written_in_english(frame, one, settings) for frame in frames)


def _written_in_english(frame: tuple[str, ...], word: str, settings: AnalysisSettings) -> bool:
    """Whether a name's other words are all words English writes and no given name from
    another script ("Sergei" Shoigu, "Ahmed" Yehia); a street's "Street" or "Square" says
    nothing of how its name was spelt."""
    others = [w for w in frame if w != word and w not in _STREET_WORDS]
    return bool(others) and all(_known(w, settings) and w not in _TRANSLITERATED for w in others)


def _known(word: str, settings: AnalysisSettings) -> bool:
    """Whether English writes the word (``settings.spelling_known``)."""
    from wordfreq import zipf_frequency  # loads its word list on first use

    return zipf_frequency(word, "en") >= settings.spelling_known


def _sides(words: Mapping[str, Mapping[str, Span]]) -> tuple[Spelling, ...]:
    """Each spelling with the articles that write it and no other of the group."""
    writers: dict[str, int] = {}
    for by_article in words.values():
        for article in by_article:
            writers[article] = writers.get(article, 0) + 1
    sides = []
    for _, by_article in sorted(words.items()):
        own = tuple(span for article, span in by_article.items() if writers[article] == 1)
        if own:
            sides.append(own)
    return tuple(sides)
