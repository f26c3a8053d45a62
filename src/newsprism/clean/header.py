"""The lines above an article's first paragraph: title, bylines and dates.

A date written before the title is the page header's date (the day the page
was scraped or viewed), not the article's; a short line with a date after the
title is a byline, whose date is the article's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from newsprism import lexicon
from newsprism.clean.dates import FoundDate, find_dates, numeric_dates

_QUOTES = "\"'“”‘’«»"
_WEEKDAY = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_BULLETS = "•·|–—-*"
_BODY_END = re.compile(r"[.!?:;\"”’)]$")


@dataclass(frozen=True)
class DateLine:
    value: date
    before: str
    """What the line says before the date (an outlet name, in a byline)."""
    page_header_style: bool
    """Names the weekday or carries a bullet, as a site's "today" line does."""


def date_line(line: str) -> DateLine | None:
    """The date of a short line that carries one (a byline or a page-header date): written
    with its month's name, or in figures ("Last updated 15: 48 15 / 09 / 2013")."""
    if len(line.split()) > 14:
        return None
    found = find_dates(line) or _stamped(line)
    if not found:
        return None
    first = found[0]
    styled = bool(_WEEKDAY.search(line)) or line.lstrip()[:1] in _BULLETS
    return DateLine(first.value, line[: first.start], styled)


_CLOCK = re.compile(r"\b\d{1,2}\s*:\s*\d\d\b")


def _stamped(line: str) -> list[FoundDate]:
    """The date in figures of a line that stamps when a page was posted: one that starts
    with a stamp word ("Last updated"), gives a clock time too ("10: 10 AM PDT 6 / 6 /
    2013") or is the date alone; "version 2.20.2019" is none."""
    found = numeric_dates(line)
    if not found:
        return []
    alone = line.strip() == line[found[0].start : found[0].end].strip()
    return found if alone or _CLOCK.search(line) or _STAMP.match(line.strip()) else []


def is_body_paragraph(line: str) -> bool:
    return len(line.split()) >= 12 and _BODY_END.search(line.rstrip()) is not None


_MONTHS = [*lexicon.ordered("months"), *lexicon.pairs("month_abbreviations")]
_STAMP = re.compile(
    "("
    + "|".join(sorted(map(re.escape, lexicon.words("stamp_words")), key=len, reverse=True))
    + r")\b[\s:]*(\d{1,4}\s*([/.-])\s*\d{1,2}\s*\3\s*\d{2,4}\b"
    + r"|\d{1,2}\s*:\s*\d\d|\d+\s+\w+\s+ago\b"
    + r"|("
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")\.?\s+\d{1,2}\s*,\s*\d{4})",
    re.IGNORECASE,
)
"""The start of a line that stamps when a page was posted with a whole date or a clock time
("Posted 12 / 19 / 2005 3: 36 PM", "Posted: Nov 27, 2005 8: 20 AM ET", "Updated 3:36 PM
ET", "Last updated 2 hours ago"): no title, even when its date is written too oddly to
read; a headline that starts with such a word and a number is one ("Modified 737 Max jets
return", "Found 2.5 million-year-old fossil", "Released 24/7 footage")."""


def title_like(line: str) -> bool:
    """Whether a line can be a headline: 2 to 30 words, a letter among them ("11 / 28 / 05"
    is a date), no stamp of when it was posted, no full stop at its end."""
    words = line.split()
    if not 2 <= len(words) <= 30 or len(line) > 250 or _STAMP.match(line.strip()):
        return False
    if not any(c.isalpha() for c in line):
        return False
    return not line.rstrip(_QUOTES).endswith(".")


def unquote(line: str) -> str:
    text = line.strip()
    if len(text) > 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
        return text[1:-1].strip()
    return text


def same_title(line: str, title: str) -> bool:
    def norm(text: str) -> str:
        return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())

    return norm(line) == norm(title)
