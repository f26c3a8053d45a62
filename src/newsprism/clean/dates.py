"""Finding and normalizing dates written in article text and metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from newsprism import lexicon

_MONTHS = {name: number for number, name in enumerate(lexicon.ordered("months"), start=1)}
_MONTHS |= {short: _MONTHS[name] for short, name in lexicon.pairs("month_abbreviations").items()}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+"

DATE_RE = re.compile(
    r"(?:"
    + _WEEKDAY
    + r")?(?:"
    + _MONTH
    + r"\s+(?P<day1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year1>(?:19|20)\d{2})"
    + r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month2>"
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")\.?,?\s+(?P<year2>(?:19|20)\d{2})"
    + r"|(?P<year3>(?:19|20)\d{2})-(?P<month3>\d{2})-(?P<day3>\d{2})"
    + r")\b",
    re.IGNORECASE,
)


_NUMERIC = re.compile(
    r"(?<![\w/.])(?:(?P<year>(?:19|20)\d{2})\s*(?P<s1>[/.])\s*(?P<m1>\d{1,2})\s*(?P=s1)\s*(?P<d1>\d{1,2})"
    r"|(?P<a>\d{1,2})\s*(?P<s2>[/.])\s*(?P<b>\d{1,2})\s*(?P=s2)\s*(?P<y2>(?:19|20)\d{2}))(?![\d/]|\.\d)"
)
"""A date in figures: year first ("2013/09/15"), or day and month either way round before
the year ("15 / 09 / 2013", "12/19/2005"), which only a figure above 12 tells apart."""


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    value: date


def find_dates(text: str) -> list[FoundDate]:
    """Every full date (day, month and year) written in the text."""
    found = []
    for match in DATE_RE.finditer(text):
        value = _to_date(match)
        if value is not None:
            found.append(FoundDate(match.start(), match.end(), value))
    return found


def numeric_dates(text: str) -> list[FoundDate]:
    """Every date written in figures whose day and month can be told apart: year first,
    or one of the two above 12 ("15 / 09 / 2013" is 15 September, "12/19/2005" is 19
    December), or both the same; "05/09/2013" may be 5 September or 9 May and is none."""
    found = []
    for match in _NUMERIC.finditer(text):
        if match.group("year"):
            year, month, day = (int(match.group(g)) for g in ("year", "m1", "d1"))
        else:
            first, second, year = (int(match.group(g)) for g in ("a", "b", "y2"))
            if first > 12 >= second or first == second:
                day, month = first, second
            elif second > 12 >= first:
                day, month = second, first
            else:
                continue
        try:
            found.append(FoundDate(match.start(), match.end(), date(year, month, day)))
        except ValueError:
            continue
    return found


def _to_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    try:
        if groups["year1"]:
            return date(int(groups["year1"]), _MONTHS[groups["month"].lower()], int(groups["day1"]))
        if groups["year2"]:
            return date(
                int(groups["year2"]), _MONTHS[groups["month2"].lower()], int(groups["day2"])
            )
        return date(int(groups["year3"]), int(groups["month3"]), int(groups["day3"]))
    except ValueError:
        return None


def normalize_date(value: str | None) -> str | None:
    """An ISO 8601 date or datetime from a metadata string, or None when it is no date."""
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        found = find_dates(text)
        if found:
            return found[0].value.isoformat()
        import dateparser  # slow to import; only for the odd formats

        parsed_or_none = dateparser.parse(text, settings={"STRICT_PARSING": True})
        if parsed_or_none is None:
            return None
        parsed = parsed_or_none
    if len(text) <= 10 or (parsed.hour, parsed.minute, parsed.second) == (0, 0, 0):
        return parsed.date().isoformat()
    return parsed.isoformat()
