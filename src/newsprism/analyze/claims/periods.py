"""Moments in a period of play: how far into a round, quarter, half or inning something
happened, as a clock of the period gives it.

"44 seconds into the seventh round", "after 44 seconds of the seventh round", "at 2:56 of
the sixth round" and "at the 2:15 mark" (of the period the statement names before it: "in
the seventh") each give a moment: the period's number and the seconds since it began. A
clock that counts down ("with 7:42 left in the first half") gives the time left, which
needs the period's length to be a moment: it is not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsprism.analyze.claims.numbers import NUMBER_WORDS, WORDS
from newsprism.analyze.claims.ordinals import ORDINALS

_ORDINAL = (
    r"(?P<ordinal>"
    + "|".join(sorted(ORDINALS, key=len, reverse=True))
    + r"|\d{1,2}(?:st|nd|rd|th))"
)
_PERIOD = r"(?:round|quarter|half|period|inning|innings|frame)"
_INTO = r"\s+(?:of|into)\s+(?:the\s+)?" + _ORDINAL + r"\s+" + _PERIOD + r"\b"
_ELAPSED = re.compile(
    r"\b(?:(?P<minutes>\d{1,2})\s*:\s*(?P<seconds>\d{2})"
    r"|(?P<count>\d{1,2}|" + NUMBER_WORDS + r")\s+seconds?)" + _INTO,
    re.IGNORECASE,
)
"""A clock or a count of seconds into a named period: "2:56 of the sixth round", "44 seconds
into the seventh round"."""
_MINUTES_AND = re.compile(r"\bminutes?\s*(?:,|and)?\s*$", re.IGNORECASE)
"""What comes before the seconds of a clock said in words ("a minute and 10 seconds", "1
minute, 10 seconds"): not read."""
_MARK = re.compile(r"\bthe\s+(?P<minutes>\d{1,2})\s*:\s*(?P<seconds>\d{2})\s+mark\b", re.IGNORECASE)
"""A clock as a point of the period named before it: "at the 2:15 mark"."""
_NAMED_PERIOD = re.compile(
    r"\b(?:in|of|into)\s+the\s+"
    + _ORDINAL
    + r"(?:\s+"
    + _PERIOD
    + r"\b|(?!\s+(?:place|instance|time|person|degree|day|week|year)\b))",
    re.IGNORECASE,
)
"""The period a clock "mark" is of, named before it: "in the seventh round", "in the seventh
with a big left-right-left series" (not "in the first place", "in the first instance")."""
_BACK = 120
"""Characters before a figure read for what leads to it."""


@dataclass(frozen=True)
class Moment:
    """A moment in a period: where its words are in the text, the period's number and the
    seconds since the period began."""

    start: int
    end: int
    period: int
    seconds: int


def moments(text: str) -> Iterator[Moment]:
    """The moments in a period of play ``text`` gives, in order."""
    found: list[Moment] = []
    for match in _ELAPSED.finditer(text):
        seconds = _seconds(match)
        before = text[max(0, match.start() - 20) : match.start()]
        if seconds is not None and not _MINUTES_AND.search(before):
            found.append(Moment(match.start(), match.end(), _number(match), seconds))
    for match in _MARK.finditer(text):
        named = list(_NAMED_PERIOD.finditer(text, max(0, match.start() - _BACK), match.start()))
        seconds = _seconds(match)
        if named and seconds is not None:
            found.append(Moment(match.start(), match.end(), _number(named[-1]), seconds))
    yield from sorted(found, key=lambda m: m.start)


def _seconds(match: re.Match[str]) -> int | None:
    """The seconds a match gives, None for a clock that is none ("2:75")."""
    if match.groupdict().get("count"):
        words = match.group("count").lower()
        return int(words) if words.isdigit() else int(WORDS.get(words, 0)) or None
    seconds = int(match.group("seconds"))
    return int(match.group("minutes")) * 60 + seconds if seconds < 60 else None


def _number(match: re.Match[str]) -> int:
    ordinal = match.group("ordinal").lower()
    return int(ordinal[:-2]) if ordinal[:-2].isdigit() else ORDINALS[ordinal]
