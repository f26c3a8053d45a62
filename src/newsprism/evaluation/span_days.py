"""The day a given time span names, so that the spans of a story naming one day are one
chain.

"Friday", "on Friday", "late Friday night", "yesterday" in an article dated the Saturday
after, and "Friday, December 12, 2008" all name one day. A span is read as a day when its
head word is a weekday, a month, or a word for a day or a part of one ("night", "today");
its day is resolved as the claims resolve one (``analyze.claims.when.resolve``, against
the article's date) and keyed by its weekday, so that a span resolved against its
article's date and one that names only the weekday meet. "Today" or "last night" in an
article whose date is not known, and a clock time that names no weekday ("at about 7
p.m."), are the day the story's other spans name most: news tells its event's day and
hour so, and ECB+ annotates an event's hour in the chain of its day. A span that names
neither a weekday nor a day that can be resolved has no day. Keyed by weekday, two days a
week apart ("Friday, December 5" and "Friday, December 12") are one: rare within one
story's coverage, and not told apart here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from newsprism import lexicon
from newsprism.analyze.claims.when import DAY_BEFORE, SAME_DAY, WEEKDAYS, resolve

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
_CLOCK = re.compile(r"\b\d{1,2}(\s?[:.]\s?\d\d)?\s*[ap]\.?\s?m\b", re.IGNORECASE)
"""A clock time: "7 p. m.", "2.30am", "11am"."""


def story_days(
    heads: Sequence[Sequence[tuple[TokenSpan, str] | None]], bases: Sequence[date | None]
) -> list[list[str | None]]:
    """For each article's given spans (each with its head word's lemma, or None), the day
    each names as ``day:<weekday>``, or None; ``bases[i]`` is article i's date. A day of a
    month with no year ("on 6th June") in an article with no date is read against the
    latest date of the story's articles."""
    known = [b for b in bases if b is not None]
    latest = max(known) if known else None
    keys = [
        [_day(*found, base, latest) if found is not None else None for found in row]
        for row, base in zip(heads, bases, strict=True)
    ]
    named = Counter(k for row in keys for k in row if k is not None and k != _UNDATED)
    main = named.most_common(1)[0][0] if named else None
    return [[main if k == _UNDATED else k for k in row] for row in keys]


def _day(part: TokenSpan, head: str, base: date | None, latest: date | None) -> str | None:
    clock = _CLOCK.search(part.text) is not None
    head = head.rstrip(".")
    if not clock and head not in DAY_WORDS and head not in MONTHS and not _WEEKDAY.fullmatch(head):
        return None
    named = _WEEKDAY.search(part.text)
    if named is not None:
        return f"day:{named.group(1).lower()}"
    if clock:
        return _UNDATED
    resolved = resolve(part.text, base)
    if resolved is None and base is None and head in MONTHS:
        resolved = resolve(part.text, latest)
    if resolved is not None:
        return f"day:{WEEKDAYS[resolved.weekday()]}"
    if DAY_BEFORE.search(part.text) or SAME_DAY.search(part.text):
        return _UNDATED
    return None
