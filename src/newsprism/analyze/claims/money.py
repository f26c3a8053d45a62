"""Amounts of money as a statement gives them: one figure, a range between two figures, or
the figure an amount was changed to; and whether an amount is paid per period.

"Between $178 million and $184 million" and "$178 million to $184 million" are one amount
that may lie anywhere between the two; "raised its bid from $5 billion to $6 billion" and
"upgraded their offer -- $160 million -- to $178 million" give the amount now, and the
figure it was changed from is no second amount of the statement (two figures of one
currency leave a statement's amount unread: ``conflicts._single``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism import lexicon

CHANGE_VERBS = lexicon.words("change_verbs")
"""Verbs by which an amount is changed from one figure to another ("raised", "upgraded")."""
_BETWEEN = re.compile(r"\bbetween\s*$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_TO = re.compile(
    r"\bto\s+(?:(?:somewhere|about|around|roughly|nearly|almost)\s+)?(?:between\s+)?$",
    re.IGNORECASE,
)
"""What comes right before the figure an amount was changed to: "to", "to somewhere between"."""
_BY = re.compile(r"\bby\s*$", re.IGNORECASE)
_SIZE = re.compile(r"\b(?:by|of)\s*$", re.IGNORECASE)
"""What comes before the size of a change ("raised by $5 million", "an increase of $92")."""
_AND = re.compile(r"\s*and\s*", re.IGNORECASE)
_TO_GAP = re.compile(r"\s*(?:to|-|–)\s*", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Figure:
    """One figure of money as written: where it is in the text, its currency and worth."""

    start: int
    end: int
    currency: str
    worth: float


@dataclass(frozen=True)
class Amount:
    """An amount a statement gives: the characters of its words, its currency, and the
    range it may lie in (``low`` equals ``high`` for one figure)."""

    start: int
    end: int
    currency: str
    low: float
    high: float


def amounts(text: str, figures: Sequence[Figure]) -> list[Amount]:
    """The amounts ``text`` gives by its ``figures`` (in text order): two figures of one
    currency between which the text says it lies are one range; a figure an amount was
    changed from gives none."""
    merged: list[tuple[Amount, bool]] = []  # each amount, and whether "from" comes before it
    k = 0
    while k < len(figures):
        one = figures[k]
        after = figures[k + 1] if k + 1 < len(figures) else None
        before = text[: one.start]
        span = _spanned(text, one, after)
        if span is not None and after is not None:
            if _FROM.search(before) and _change_at(before) is not None:
                merged.append((_single(after), False))  # "raised from $5bn to $6bn": $6bn now
            else:
                merged.append((span, bool(_FROM.search(before))))
            k += 2
            continue
        merged.append((_single(one), bool(_FROM.search(before))))
        k += 1
    return _changed_to(text, merged)


def _spanned(text: str, one: Figure, after: Figure | None) -> Amount | None:
    """The range two figures give ("between $1 and $2", "$1 to $2", "$1-2"), or None."""
    if after is None or after.currency != one.currency or after.worth <= one.worth:
        return None
    if _BY.search(text[: one.start]):
        return None  # "cut by $5 million to $20 million": a change, then the amount now
    gap = text[one.end : after.start]
    joined = _AND.fullmatch(gap) and _BETWEEN.search(text[: one.start])
    if not (joined or _TO_GAP.fullmatch(gap)):
        return None
    return Amount(one.start, after.end, one.currency, one.worth, after.worth)


def _single(figure: Figure) -> Amount:
    return Amount(figure.start, figure.end, figure.currency, figure.worth, figure.worth)


def _change_at(text: str) -> int | None:
    """Where the last verb of change in ``text`` starts, or None."""
    found = [m.start() for m in _WORD.finditer(text) if m.group(0).lower() in CHANGE_VERBS]
    return found[-1] if found else None


def _changed_to(text: str, found: list[tuple[Amount, bool]]) -> list[Amount]:
    """The amounts without those an amount of their currency was changed from: after a verb
    of change, the figures before the one "to" leads to ("upgraded their offer -- $160
    million -- to $178 million"), and any "from" leads to ("to $6 billion from $5
    billion")."""
    dropped: set[int] = set()
    for n, (amount, _) in enumerate(found):
        if not _TO.search(text[: amount.start]):
            continue
        verb = _change_at(text[: amount.start])
        if verb is None:
            continue
        for m, (other, after_from) in enumerate(found):
            if m == n or other.currency != amount.currency or other.start < verb:
                continue
            if _SIZE.search(text[: other.start]):
                continue  # "an increase of $92": the size of a change, not a figure before it
            if other.start < amount.start or after_from:
                dropped.add(m)
    return [amount for n, (amount, _) in enumerate(found) if n not in dropped]


_PER = re.compile(
    r"\s*(?:(?:a|an|per|each|every)\s+(year|season|month|week|day|hour)\b"
    r"|(annually|yearly|monthly|weekly|daily)\b|(?:in\s+)?(?:average\s+)?(annual)\s+(?:value|salary))",
    re.IGNORECASE,
)
"""What follows an amount paid per period: "$23 million per season", "$21 million a year",
"$23 million average annual value"."""
_PERIODS = {
    "annually": "year",
    "yearly": "year",
    "annual": "year",
    "monthly": "month",
    "weekly": "week",
    "daily": "day",
}


def per_period(after: str) -> str:
    """``:<period>`` for an amount paid per period, told by the text ``after`` it
    (``_PER``), which is no total: "$184 million" and "$23 million per season" are two
    amounts of one deal; "" otherwise."""
    match = _PER.match(after)
    if match is None:
        return ""
    word = next(g for g in match.groups() if g).lower()
    return f":{_PERIODS.get(word, word)}"
