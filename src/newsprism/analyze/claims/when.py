"""When an event happened, as a calendar date, from the words of the article.

A date in the text is resolved against the article's own date when it is known:
"Wednesday evening" is the last Wednesday on or before the article's date, "last night"
and "yesterday" the day before it, "today" and "this morning" the day itself, and a
written date ("February 7", "7 Feb 2024") is read with dateparser, preferring the
past. Without the article's date only a written full date can be resolved.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache

from newsprism import lexicon
from newsprism.records import ConflictKind

WEEKDAYS = lexicon.ordered("weekdays")
"""Monday first, as ``date.weekday()`` counts."""
DAY_BEFORE = re.compile(r"\b(yesterday|last night|overnight)\b", re.I)
SAME_DAY = re.compile(r"\b(today|this (morning|afternoon|evening)|tonight|earlier today)\b", re.I)
_MONTHS = "|".join(m[:3] for m in lexicon.ordered("months"))
DAY_OF_MONTH = re.compile(
    rf"\b(?:{_MONTHS})[a-z]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})",
    re.I,
)
"""A day of a named month: "February 7", "Feb. 7th", "7 Feb", "6th of June"."""
_MONTH_NAMES = "|".join(m.capitalize() for m in lexicon.ordered("months"))
_MONTH = re.compile(r"\b(" + _MONTH_NAMES + r")\.?(?:[ \t]+(\d{1,2}))?\b")
_DAY_FIRST = re.compile(r"\b(\d{1,2})[ \t]+(" + _MONTH_NAMES + r")\b")
"""A month with its day after it ("December 9"), or before it ("14 October")."""
_FULL_DATE = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")


def article_day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def resolve(text: str, base: date | None) -> date | None:
    """The calendar day the words name, or None when they cannot be pinned down."""
    lowered = text.lower()
    if base is not None:
        if DAY_BEFORE.search(lowered):
            return base - timedelta(days=1)
        if SAME_DAY.search(lowered):
            return base
        for index, name in enumerate(WEEKDAYS):
            if re.search(rf"\b{name}\b", lowered) and not _has_month(lowered):
                back = (base.weekday() - index) % 7
                return base - timedelta(days=back)
    if not _has_month(lowered) or (base is None and not _FULL_DATE.search(text)):
        return None
    return _parsed(text, base)


def _has_month(text: str) -> bool:
    """A day of a named month ("February 7", "7 Feb"): a period ("last week") is no day."""
    return bool(DAY_OF_MONTH.search(text))


@lru_cache(maxsize=4096)
def _parsed(text: str, base: date | None) -> date | None:
    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    found = dateparser.parse(text, languages=["en"], settings=settings)
    return found.date() if found is not None else None


def kind_by_days(
    earlier: Sequence[str], later: Sequence[str], published: Mapping[str, date | None]
) -> ConflictKind:
    """``evolving`` when every article of ``earlier`` was published before every article of
    ``later`` (the value changed between the reports), ``hard`` otherwise or when one is
    undated (``published[a]``: the day article ``a`` was published)."""
    before = [published.get(a) for a in earlier]
    after = [published.get(a) for a in later]
    if not before or not after or any(d is None for d in before + after):
        return "hard"
    return "evolving" if max(d for d in before if d) < min(d for d in after if d) else "hard"


def named_months(text: str) -> list[tuple[re.Match[str], str, int | None]]:
    """Each month named, with its day of the month when one stands beside it (a day before
    the month first: "14 October 15 people died" is October 14; a number that cannot be a
    day is none)."""
    found: list[tuple[re.Match[str], str, int | None]] = []
    taken: list[tuple[int, int]] = []
    for match in _DAY_FIRST.finditer(text):
        if 1 <= int(match.group(1)) <= 31:
            found.append((match, match.group(2), int(match.group(1))))
            taken.append(match.span())
    for match in _MONTH.finditer(text):
        if any(a < match.end() and match.start() < b for a, b in taken):
            continue
        day = int(match.group(2)) if match.group(2) else None
        if day is not None and not 1 <= day <= 31:
            match = _MONTH.match(text, match.start(), match.start(2)) or match
            day = None
        found.append((match, match.group(1), day))
    return sorted(found, key=lambda f: f[0].start())
