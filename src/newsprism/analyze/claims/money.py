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
WINDOW = 100
"""Characters before a figure in which a verb of change is read as changing it."""
_LEAD = re.compile(
    r"\b(?:(between)|(from)|(by|of)"
    r"|(?<!\bup\s)(?<!compared\s)(?<!close\s)(?<!equal\s)(?<!next\s)(?<!similar\s)"
    r"(to)\s+(?:(?:somewhere|about|around|roughly|nearly|almost)\s+)?(?:between\s+)?)\s*$",
    re.IGNORECASE,
)
"""The word that leads to a figure: "between" a range's first figure, "from" a figure an
amount was changed from, "by" or "of" the size of a change ("raised by $5 million", "an
increase of $92"), "to" the figure it was changed to ("to somewhere between"; not "up to",
"compared to", "close to")."""
_LEADS = ("between", "from", "size", "to")
_BETWEEN = re.compile(r"\bbetween\s*$", re.IGNORECASE)
_AND = re.compile(r"\s*and\s*", re.IGNORECASE)
_TO_GAP = re.compile(r"\s*(?:to|-|–)\s*", re.IGNORECASE)
_SET_OFF = re.compile(r"[\s\-–—),]*")
"""What may stand between a figure set off in a parenthesis and the "to" after it ("their
offer -- eight years, $160 million -- to $178 million")."""
_WORD = re.compile(r"[A-Za-z]+")
_CLAUSE_END = re.compile(r"[,;:.!?]")


_CONVERSION = re.compile(
    r"\d\s*(?:-\s*)?(?:million|billion|bn|m|k|dollars?|euros?|pounds?)?\s*\(\s*(?-i:[A-Z]{1,3})?"
    r"\s*[$£€]?\s*$",
    re.IGNORECASE,
)
"""What comes before a figure that converts the one before it into another currency or
unit: "$US1 million ($1.52 million)", "€110 billion ($143 billion)". The conversion is
the outlet's arithmetic at its day's rate, not a fact of the story."""
MONEY_SCALES = {
    "million": 1e6,
    "mn": 1e6,
    "mm": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "k": 1e3,
}
"""What a scale word after a figure multiplies it by ("$1.2m", "$5 billion")."""


@dataclass(frozen=True)
class Figure:
    """One figure of money as written: where it is in the text, its currency and worth, and
    the scale word it was written with (1 for none: "$5" of "between $5 and $10 million")."""

    start: int
    end: int
    currency: str
    worth: float
    scale: float = 1.0


@dataclass(frozen=True)
class Amount:
    """An amount a statement gives: the characters of its words, its currency, and the
    range it may lie in (``low`` equals ``high`` for one figure)."""

    start: int
    end: int
    currency: str
    low: float
    high: float


@dataclass(frozen=True)
class _Led:
    amount: Amount
    lead: str
    """The word that leads to it (``_LEADS``), or ""."""
    to_at: int
    """For an amount led to by "to", where that "to" starts."""


def amounts(text: str, figures: Sequence[Figure]) -> list[Amount]:
    """The amounts ``text`` gives by its ``figures`` (in text order): two figures of one
    currency between which the text says it lies are one range ("between $140 million and
    $150 million", "$10 to $20"); after a verb of change, a figure it was changed from
    gives none ("rose from $10 to $12", "lowered the price to $1,099 from $1,199",
    "upgraded their offer -- $160 million -- to $178 million"), while the size of a change
    is an amount of its own ("an increase of $92, bringing it to $1,657")."""
    changes = [m.start() for m in _WORD.finditer(text) if m.group(0).lower() in CHANGE_VERBS]
    found: list[_Led] = []
    k = 0
    while k < len(figures):
        one = figures[k]
        after = figures[k + 1] if k + 1 < len(figures) else None
        lead, to_at = _lead(text, one.start)
        verb = _last_change(changes, one.start)
        pair = None if after is None else _paired(text, one, after, lead, verb)
        if after is not None and pair == "change":  # "rose from $10 to $12", "rose $2 to $80"
            found.append(_Led(_single(after), "to", one.end))
            k += 2
            continue
        if after is not None and pair == "range":
            low = _low(one, after)
            found.append(
                _Led(Amount(one.start, after.end, one.currency, low, after.worth), lead, to_at)
            )
            k += 2
            continue
        found.append(_Led(_single(one), lead, to_at))
        k += 1
    return _changed_to(text, found, changes)


def _lead(text: str, at: int) -> tuple[str, int]:
    """The word that leads to the figure at ``at`` (``_LEAD``), and where it starts."""
    window = max(0, at - 40)
    match = _LEAD.search(text, window, at)
    if match is None:
        return "", 0
    groups = match.groups()
    index = next(n for n, g in enumerate(groups) if g)
    return _LEADS[index], match.start()


def _last_change(changes: Sequence[int], at: int) -> int | None:
    """Where the last verb of change within ``WINDOW`` characters before ``at`` starts."""
    near = [c for c in changes if at - WINDOW <= c < at]
    return near[-1] if near else None


def _paired(text: str, one: Figure, after: Figure, lead: str, verb: int | None) -> str | None:
    """What two figures one after the other are: ``range`` ("between $1 and $2", "$1 to
    $2", "raised its forecast to $5.1 billion-$5.3 billion"), ``change`` from one to the
    other after a verb of change (``verb``: where it starts) in the same clause ("rose from
    $10 to $12", "fell from $12 to $10", "rose $2 to $80"; not "The contract, which
    increased his salary, pays $5 million to $7 million"), or None."""
    if after.currency != one.currency or lead == "size":
        return None
    gap = text[one.end : after.start]
    if _AND.fullmatch(gap):
        between = _BETWEEN.search(text, max(0, one.start - 12), one.start)
        return "range" if between and _low(one, after) < after.worth else None
    if not _TO_GAP.fullmatch(gap):
        return None
    if verb is not None and lead in ("from", "") and not _CLAUSE_END.search(text, verb, one.start):
        return "change"  # no clause ends between the verb and the figure
    return "range" if after.worth > _low(one, after) else None


def _low(one: Figure, after: Figure) -> float:
    """The worth of the first figure of a range, with the scale word of the second when it
    has none of its own and that keeps it below the second ("between $5 and $10 million";
    not "between $500,000 and $1 million")."""
    if one.scale == 1.0 and one.worth * after.scale < after.worth:
        return one.worth * after.scale
    return one.worth


def _single(figure: Figure) -> Amount:
    return Amount(figure.start, figure.end, figure.currency, figure.worth, figure.worth)


def _changed_to(text: str, found: list[_Led], changes: Sequence[int]) -> list[Amount]:
    """The amounts without those an amount of their currency was changed from: for an
    amount "to" leads to after a verb of change, the figures "from" leads to after that
    verb ("to $6 billion from $5 billion"), and the figure set off right before its "to"
    ("their offer -- $160 million -- to $178 million")."""
    dropped: set[int] = set()
    for n, led in enumerate(found):
        verb = _last_change(changes, led.amount.start)
        if led.lead != "to" or verb is None:
            continue
        for m, other in enumerate(found):
            if m == n or other.amount.currency != led.amount.currency or other.amount.start < verb:
                continue
            set_off = m == n - 1 and _SET_OFF.fullmatch(text[other.amount.end : led.to_at])
            if other.lead == "from" or (set_off and other.lead not in ("to", "size")):
                dropped.add(m)
    return [led.amount for n, led in enumerate(found) if n not in dropped]


_PER = re.compile(
    r"\s*(?:(?:a|an|per|each|every)\s+(year|season|month|week|day|hour)\b"
    r"(?!\s+(?:ago|earlier|before|later|after|prior|on)\b)"
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


def converted(text: str, start: int) -> bool:
    """Whether the figure at ``start`` converts the figure before it ("$1 million ($1.52
    million)"): no value of its own."""
    return bool(_CONVERSION.search(text[max(0, start - 40) : start]))
