"""Names of news outlets and agencies: the shipped table, and matching a name to an outlet.

A cite names an outlet in many spellings ("NY Post", "The New York Post", "Tasnim",
"Tasnim News Agency"), so telling whether an article credits another article's outlet
needs a key that those spellings share. The table (``data/outlets.tsv``, with the agencies
of ``data/agencies.tsv``) lists known outlets with their other names; it also lets the
cite patterns find outlets that NER mistypes ("Tasnim" as a person).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

from unidecode import unidecode

from newsprism import lexicon
from newsprism.clean.outlet import agencies
from newsprism.records import Article, Cite

__all__ = [
    "NEWS_WORDS",
    "cites_outlet",
    "fold",
    "listed_names",
    "names_own_outlet",
    "outlet_key",
    "outlet_keys",
    "outlet_pattern",
    "outlet_table",
]

NEWS_WORDS = lexicon.words("news_words")
"""Words that end the names of news outlets ("Northern Courier", "Harbor Ledger")."""
_GENERIC = lexicon.words("outlet_generic_words")
_CALENDAR = [w.capitalize() for w in (*lexicon.ordered("weekdays"), *lexicon.ordered("months"))]


UNKNOWN_OUTLET = "article:"
"""Begins the key of an article without a known outlet: its own, shared with no other
(folded names hold no colon)."""


def outlet_key(name: str | None, article_id: str) -> str:
    """The key of an article's outlet: two spellings of one outlet ("NY Post", "The New York
    Post"; "Tasnim", "Tasnim News Agency") share it, and a cite names the outlet when its
    name has that key. An article without an outlet has a key of its own."""
    return (_key(name) if name else "") or UNKNOWN_OUTLET + article_id


def outlet_keys(articles: Iterable[Article]) -> dict[str, str]:
    """Each article's id to its outlet's key (:func:`outlet_key`)."""
    return {a.id: outlet_key(a.outlet, a.id) for a in articles}


def cites_outlet(cite: Cite, outlet: str | None) -> bool:
    """Whether the cite names ``outlet``, whatever the spelling: case, punctuation, a
    leading "The", aliases ("NY Post"/"New York Post", "AP"/"Associated Press") and
    generic words ("Tasnim"/"Tasnim News Agency") do not matter."""
    if not outlet or not outlet.strip():
        return False
    key = _key(cite.name)
    return bool(key) and key in _outlet_keys(outlet)


def names_own_outlet(cite: Cite, outlet: str | None) -> bool:
    """Whether the cite names the article's own outlet, also as "The Post" in the Post."""
    own = _key(outlet or "").split()
    return cites_outlet(cite, outlet) or (bool(own) and [_key(cite.name)] == own[-1:])


@cache
def _outlet_keys(outlet: str) -> frozenset[str]:
    """The keys an outlet answers to: its whole name's, and that of a known outlet its name
    begins with ("AP" for "AP Politics & Fact Check")."""
    words = fold(outlet).split()
    heads = (" ".join(words[:n]) for n in range(1, len(words)))
    return frozenset({_key(outlet), *(_key(h) for h in heads if h in outlet_table())})


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
def listed_names() -> frozenset[str]:
    """Every name outlets.tsv lists, as written there."""
    return frozenset(n for names in _rows() for n in names)


@cache
def outlet_table() -> dict[str, str]:
    """Folded name of an outlet to its canonical name, from outlets.tsv and agencies.tsv."""
    table: dict[str, str] = {}
    for names in _rows():
        for name in names:
            table.setdefault(fold(name), names[0])
    for short, full in agencies().items():
        table.setdefault(fold(full), full)
        table.setdefault(fold(short), table[fold(full)])
    return table


@cache
def outlet_pattern() -> re.Pattern[str]:
    """Known outlets' names as written, not followed by another capitalised word
    ("Guardian Council") unless it is a day or a month ("told Reuters Monday")."""
    names = sorted(listed_names(), key=len, reverse=True)
    alternatives = "|".join(r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", n))) for n in names)
    later = "|".join(_CALENDAR)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])(?![ \t]+(?!(?:{later})\b)[A-Z])")


def fold(name: str) -> str:
    """A name as the table looks it up: ASCII, lower case, no punctuation or leading "the"."""
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
    words = fold(name)
    for _ in range(2):
        canonical = outlet_table().get(words)
        if canonical is not None:
            words = fold(canonical)
        words = " ".join(w for w in words.split() if w not in _GENERIC) or words
    return words
