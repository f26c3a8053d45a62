"""Photo captions: lines that describe a picture rather than tell the story.

Wire-photo captions follow a recognisable form: a present-tense description,
a place, and the date the picture was taken, set off by a comma ("A fighter
waves an Iraqi flag ..., west of Mosul, on August 26, 2017."), often with a
credit ("Photo: X", "REUTERS/Name"). The date is usually far from the
article's own date, which, with the comma, sets a caption apart from a news
sentence that ends in a date.
"""

from __future__ import annotations

import re
from datetime import date

from newsprism.clean.dates import find_dates

_CREDIT = re.compile(
    r"(\(?(ap|afp|reuters|getty|epa|anadolu|xinhua|file)\s*(photo|images?|/)|"
    r"\b(photo|photograph|picture|image|credit|foto)\s*(by|:)\s*\S|"
    r"\bphoto\s*[/|]\s*\S|via getty images|\(file photo\)|\bfile photo\b|"
    r"\(\s*[\w\s]+ archive\s*\)|\barchive (photo|picture|image)\b)",
    re.IGNORECASE,
)
_REPORTING = re.compile(
    r"\b(said|says|told|tells|according to)\b",
    re.IGNORECASE,
)
_TRAILER = re.compile(
    r"^[\s.,;:)\]]*((photo|image|credit|picture)\s*:.*|\([^()]{0,80}\))?\s*\.?$", re.I
)
_SET_OFF = re.compile(r",\s*(on\s+)?$", re.IGNORECASE)
"""Captions set the date off with a comma (", on August 26, 2017."); news sentences rarely do."""
_MAX_WORDS = 70
_FAR_DAYS = 30


def is_caption(line: str, article_date: date | None) -> bool:
    """Whether a paragraph reads as a photo caption (see the module docstring)."""
    words = line.split()
    if not words or len(words) > _MAX_WORDS or '"' in line or "“" in line:
        return False
    if _REPORTING.search(line):
        return False
    credit = _CREDIT.search(line) is not None
    if credit and len(words) <= 45:
        return True
    dates = find_dates(line)
    if not dates:
        return False
    last = dates[-1]
    ends_with_date = _TRAILER.match(line[last.end :]) is not None
    set_off = _SET_OFF.search(line[: last.start]) is not None
    if not (ends_with_date and set_off) or _sentences(line) > 2:
        return False
    if article_date is None:
        return True
    return abs((article_date - last.value).days) > _FAR_DAYS


def _sentences(line: str) -> int:
    return max(1, len(re.findall(r"[.!?](\s|$)", line)))
