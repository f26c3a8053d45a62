"""Name keys that survive transliteration.

The same name reaches English through many spellings: Yehia/Yahya, Wisam/Wissam,
Mohammad/Mohammed, al-Saedi/al-Saadi, Baqir/Bakr, Kataib/Kata'ib, Hezbollah/Hizballah,
Demirkhanov/Demirchanow. A name's *skeleton* keeps what these spellings share:
ASCII letters (unidecode), no apostrophes, the Arabic article "al-" set apart, letters
that stand for one sound in one spelling and another in the next folded together
(q/k, ch/kh, w/v, ph/f, ou/u, ee/i), vowels after the first letter dropped and
doubled letters reduced.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

from newsprism import lexicon

ARTICLES = lexicon.words("arabic_articles")
"""Arabic article forms written before a name with a hyphen or space."""
TITLES = lexicon.words("titles")
"""Words that precede a name without being part of it."""
GENERATIONS = lexicon.words("name_suffixes")
"""Words after a name that tell a generation ("Jr.", "Sr.", "III"): no part of its key."""
_FOLDS = tuple(lexicon.pairs("transliteration_folds").items())
"""Letters folded together, in order ("ch" before "c")."""
_APOSTROPHES = re.compile(r"['’‘`ʼʻ]")
_POSSESSIVE = re.compile(r"['’]s?$")
"""A possessive ending: "Lohan's" is Lohan, "Reyes'" is Reyes."""
_SPLIT = re.compile(r"[^a-z0-9.]+")
_VOWELS = re.compile(r"(?<=.)[aeiouy]+")
_DOUBLES = re.compile(r"(.)\1+")


def ascii_words(name: str) -> list[str]:
    """Lower-case ASCII words of a name, apostrophes dropped, "al-Saadi" as "al", "saadi"."""
    text = _APOSTROPHES.sub("", _POSSESSIVE.sub("", unidecode(name).lower()))
    return [w.strip(".") or w for w in _SPLIT.split(text.replace("-", " ")) if w.strip(".")]


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The transliteration key of one lower-case ASCII word."""
    if not word.isalpha():
        return word
    folded = word
    for old, new in _FOLDS:
        folded = folded.replace(old, new)
    return _VOWELS.sub("", _DOUBLES.sub(r"\1", folded))


def generation(name: str) -> str | None:
    """The generation a name ends in ("jr" of "Arcade Joseph Comeaux Jr."), or None."""
    words = ascii_words(name)
    return words[-1] if len(words) > 1 and words[-1] in GENERATIONS else None


def surname(name: str) -> str:
    """The last word of a name as written, a generation left out ("Comeaux" of "Arcade
    Joseph Comeaux Jr.")."""
    words = name.split()
    if len(words) > 1 and generation(name) is not None:
        words = words[:-1]
    return words[-1].rstrip(",")


def name_words(name: str) -> tuple[str, ...]:
    """The skeletons of a name's own words: titles, Arabic articles and a generation left
    out ("Comeaux Jr." is keyed as "Comeaux"; ``chains`` keeps generations apart)."""
    words = ascii_words(name)
    if len(words) > 1 and words[-1] in GENERATIONS:
        words = words[:-1]
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    kept = [w for w in words if w not in ARTICLES]
    return tuple(skeleton(w) for w in (kept or words))


def plain_key(name: str) -> str:
    """Case, accents, punctuation and apostrophes folded, spelling kept: "U.S." -> "us"."""
    return "".join(ascii_words(name)).replace(".", "")


def is_acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()
