"""When two names may be one actor: forms of a name and how forms match.

A *form* is a tuple of word skeletons (``names.name_words``). People are matched
by surname and given names: "Yehia Rasool" = "Yahya Rasool"; "Rasool" is a short
form of either; "Wisam Mohammad al-Saedi" = "Wissam al-Saadi" (given names a
subset); "Joe Biden" is not "Antony Blinken". A quoted nickname gives a person
extra forms ("Abu Bakr", "Abu Bakr al-Saadi"). Organisations and places match
on the whole name, or when the longer name only adds place words ("U.S. Central
Command" / "Central Command"); "Kataib Hezbollah" is not "Hezbollah".
"""

from __future__ import annotations

from enum import Enum
from functools import cache

from nicknames import NickNamer
from rapidfuzz import fuzz

from newsprism import lexicon
from newsprism.analyze.entities.mentions import NICKNAME
from newsprism.analyze.entities.names import TITLES, ascii_words, is_acronym, name_words, skeleton
from newsprism.records import EntityType

Form = tuple[str, ...]
_ACRONYM_SKIPS = lexicon.words("acronym_skip_words")
"""Function words an acronym leaves out of its initials."""


class Match(Enum):
    SAME = "same"
    SHORT = "short"
    """One form is a short form (a surname) of the other: right when nothing else fits."""


def forms(text: str, kind: EntityType) -> set[Form]:
    """The forms a mention's text gives."""
    nickname = NICKNAME.fullmatch(text)
    if kind == "PERSON" and nickname:
        last = name_words(nickname["last"])
        nick = name_words(nickname["nick"])
        return {name_words(nickname["first"]) + last, nick, nick + last}
    form = name_words(text) if kind == "PERSON" else _plain_words(text)
    if kind == "NORP":
        form = tuple(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in form)
    return {form} if form else set()


def _plain_words(text: str) -> Form:
    if is_acronym(text.strip()):
        return (text.strip().replace(".", "").lower(),)
    return tuple(skeleton(w) for w in ascii_words(text) if w not in ("the",))


def words_equal(a: str, b: str) -> bool:
    if a == b:
        return True
    return len(a) >= 4 and len(b) >= 4 and a[0] == b[0] and fuzz.ratio(a, b) >= 80


def match(a: Form, b: Form, kind: EntityType, place_words: frozenset[str]) -> Match | None:
    if len(a) == len(b) and all(words_equal(x, y) for x, y in zip(a, b, strict=True)):
        return Match.SAME
    shorter, longer = sorted((a, b), key=len)
    if not shorter:
        return None
    if kind == "PERSON":
        return _person(shorter, longer)
    extra = len(longer) - len(shorter)
    tail_equal = all(words_equal(x, y) for x, y in zip(shorter, longer[extra:], strict=True))
    if tail_equal and all(w in place_words for w in longer[:extra]):
        return Match.SAME
    return None


def _person(shorter: Form, longer: Form) -> Match | None:
    if not words_equal(shorter[-1], longer[-1]):
        return None
    if len(shorter) == 1:
        return Match.SHORT
    given = longer[:-1]
    if all(any(_given_equal(w, g) for g in given) for w in shorter[:-1]):
        return Match.SAME
    return None


def _given_equal(a: str, b: str) -> bool:
    """Two given names' skeletons that may be one person's: one spelling, or a name and a
    short form of it ("Fred" / "Frederick", "Mike" / "Michael"; ``_short_forms``)."""
    return words_equal(a, b) or (a, b) in _short_forms()


@cache
def _short_forms() -> frozenset[tuple[str, str]]:
    """Skeletons of English given names and their short forms, both ways round, from the
    ``nicknames`` package's hand-curated table; only pairs with one first letter ("Fred" /
    "Frederick", not "Bill" / "William", nor the table's rarer pairs such as "Fred" /
    "Bill"), as a surname match also asks."""
    pairs = set()
    for name, shorts in NickNamer.default_lookup().items():
        for short in shorts:
            if short[:1] == name[:1]:
                pairs.add((skeleton(short), skeleton(name)))
                pairs.add((skeleton(name), skeleton(short)))
    return frozenset(pairs)


def acronym_of(acronym: str, form_text: str) -> bool:
    """Whether an acronym spells a multi-word name's initials (NVHA, Northern Valdoria Hydro
    Authority), function words left out."""
    words = [w for w in ascii_words(form_text) if w not in _ACRONYM_SKIPS]
    return len(words) >= 2 and "".join(w[0] for w in words) == acronym.replace(".", "").lower()


def given_name(text: str) -> str | None:
    """The name a one-word person name gives as written, ascii and lower case ("Kimani");
    None for a name of several words or a title ("Pope")."""
    words = ascii_words(text)
    return words[0] if len(words) == 1 and words[0] not in TITLES else None
