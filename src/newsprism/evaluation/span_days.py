"""The day a given time span names, so that the spans of a story naming one day are one
chain.

"Friday", "on Friday", "late Friday night", "yesterday" in an article dated the Saturday
after, and "Friday, December 12, 2008" all name one day. A span is read as a day when its
head word is a weekday, a month, or a word for a day or a part of one ("night", "today"),
or when it gives a clock time. Its day is resolved as the claims resolve one
(``analyze.claims.when.resolve``, against the article's date; a day of a month with no
year in an undated article against the story's latest date) and keyed by that date. A
weekday in an undated article is the story's one date on that weekday, when it has one
(two Fridays a week apart stay two), else keyed by the weekday alone; a day of a month
whose year nothing gives ("on Feb. 22" in an undated story) likewise is the story's one
date on that day of the month, else keyed by month and day ("Dec. 6" / "December 6").
"Today" or "last night" in an undated article, and a clock time that names no day ("at
about 7 p.m."), are the day the story's other spans name most: news tells its event's
day and hour so, and ECB+ annotates an event's hour in the chain of its day. A span that
names no day that can be read has none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from newsprism import lexicon
from newsprism.analyze.claims.when import DAY_BEFORE, DAY_OF_MONTH, SAME_DAY, WEEKDAYS, resolve

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan

MONTHS = frozenset(lexicon.ordered("months")) | frozenset(lexicon.pairs("month_abbreviations"))
DAY_WORDS = frozenset(
    {"day", "night", "morning", "afternoon", "evening", "today", "yesterday", "tonight"}
)
"""Head words of a span that names a day or a part of one."""
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_UNDATED = "day:?"
"""A day named by the article's date ("today"), in an article whose date is not known."""
_ANY_DAY = date(2001, 6, 15)
"""Any date: what a day of a month with no year reads as against it gives its month and
day (the year is not used)."""
_CLOCK = re.compile(r"\b\d{1,2}(\s?[:.]\s?\d\d)?\s*[ap]\.?\s?m\b", re.IGNORECASE)
"""A clock time: "7 p. m.", "2.30am", "11am"."""


def story_days(
    heads: Sequence[Sequence[tuple[TokenSpan, str] | None]], bases: Sequence[date | None]
) -> list[list[str | None]]:
    """For each article's given spans (each with its head word's lemma, or None), the day
    each names as ``date:<ISO date>``, ``day:<weekday>`` or ``md:<month>-<day>`` (a day of
    a month whose year is not known), or None; ``bases[i]`` is article i's date."""
    known = [b for b in bases if b is not None]
    latest = max(known) if known else None
    keys = [
        [_day(*found, base, latest) if found is not None else None for found in row]
        for row, base in zip(heads, bases, strict=True)
    ]
    dates = {k for row in keys for k in row if k is not None and k.startswith("date:")}
    by_weekday: dict[str, set[str]] = {}
    for key in dates:
        by_weekday.setdefault(WEEKDAYS[date.fromisoformat(key[5:]).weekday()], set()).add(key)
    by_month_day: dict[str, set[str]] = {}
    for key in dates:
        by_month_day.setdefault(f"md:{key[10:]}", set()).add(key)
    keys = [[_dated(k, by_weekday, by_month_day) for k in row] for row in keys]
    named = Counter(k for row in keys for k in row if k is not None and k != _UNDATED)
    main = named.most_common(1)[0][0] if named else None
    return [[main if k == _UNDATED else k for k in row] for row in keys]


def _dated(
    key: str | None, by_weekday: dict[str, set[str]], by_month_day: dict[str, set[str]]
) -> str | None:
    """A weekday alone, or a day of a month whose year is not known, as the one date of
    the story on that weekday or day of the month, when there is one."""
    if key is not None and key.startswith("md:"):
        found = by_month_day.get(key, set())
    elif key is not None and key.startswith("day:") and key != _UNDATED:
        found = by_weekday.get(key[4:], set())
    else:
        return key
    return next(iter(found)) if len(found) == 1 else key


def _day(part: TokenSpan, head: str, base: date | None, latest: date | None) -> str | None:
    clock = _CLOCK.search(part.text) is not None
    head = head.rstrip(".")
    if not clock and head not in DAY_WORDS and head not in MONTHS and not _WEEKDAY.fullmatch(head):
        return None
    named = _WEEKDAY.search(part.text)
    resolved = resolve(part.text, base) if not clock or named else None
    if resolved is None and base is None and head in MONTHS:
        resolved = resolve(part.text, latest)
    if resolved is not None:
        return f"date:{resolved.isoformat()}"
    day_of_month = DAY_OF_MONTH.search(part.text) if named is None and not clock else None
    if day_of_month and (some := resolve(day_of_month.group(0), _ANY_DAY)):
        return f"md:{some.month:02d}-{some.day:02d}"  # a day of a month, its year unknown
    if named is not None:
        return f"day:{named.group(1).lower()}"
    if clock or DAY_BEFORE.search(part.text) or SAME_DAY.search(part.text):
        return _UNDATED
    return None
