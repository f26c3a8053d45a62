"""Who published an article, from what the text and its metadata say.

Sources in order of trust: the container's metadata (site name, feed title,
JSONL ``outlet``), a dateline ("TEHRAN (Tasnim) -"), a byline line next to the
title ("Gulan Media February 8, 2024 News"), a copyright line ("Copyright
2024, Thin Line News LLC"), and last the URL's host name.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

from newsprism import lexicon

_DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z .'’-]{1,40}?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*"
    r"\((?P<outlet>[^()\n]{2,60})\)\s*[-–—:]"
)
_LEGAL = re.compile(r"[,\s]+(llc|inc|ltd|limited|gmbh|corp|corporation|co|plc|s\.?a)\.?$", re.I)
_COPYRIGHT_NOISE = re.compile(
    r"(copyright|©|\(c\)|all rights reserved\.?|\b(19|20)\d{2}\b(\s*[-–]\s*(19|20)?\d{2})?)", re.I
)
_CLOCK = re.compile(r"\b\d{1,2}\s*:\s*\d\d(?!\d)")
"""A clock time ("8: 05am UK"): what a line before a byline's date says is no outlet name."""
_HOUR = re.compile(r"\d{1,2}\s*[ap]\.?\s?m\.?(\s+[a-z]{2,4})?", re.IGNORECASE)
"""A line that is an hour alone ("2 A. M.", "9 PM ET"), not an outlet ("3 AM Magazine")."""
_POSTED = re.compile(
    "("
    + "|".join(sorted(map(re.escape, lexicon.words("stamp_words")), key=len, reverse=True))
    + r")\b",
    re.I,
)
"""Words that say when a page was posted or may be printed, before its date: no outlet
name."""
_PLACE = re.compile(r"[A-Z][A-Za-z .'-]*?(,\s*[A-Z][A-Za-z.]{1,5}|\s+[A-Z]\.\s?[A-Z]\.)")
"""A dateline's place and its state: "WASHINGTON, DC", "New York, N.Y.", "Washington D. C."
(a name before a comma alone, "AFP", may be an outlet's)."""
_FEED_SUFFIX = re.compile(r"\s*(\s[-|–—:]\s.*|\b(rss|atom)( feed)?|\bfeed)\s*$", re.I)


@cache
def agencies() -> dict[str, str]:
    """Short agency names (lower-cased) to full outlet names, from the shipped table."""
    table: dict[str, str] = {}
    text = resources.files("newsprism").joinpath("data/agencies.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            short, full = line.split("\t", 1)
            table[short.strip().lower()] = full.strip()
    return table


def _capital_place(name: str) -> bool:
    """A name in capitals of five letters or more that is no news agency's: a dateline's
    city ("LONDON", "NEW YORK"); "AFP", "BBC" or "REUTERS" before a comma are outlets."""
    letters = name.replace(" ", "")
    return name.isupper() and len(letters) >= 5 and name.strip().lower() not in agencies()


def expand_agency(name: str) -> str:
    return agencies().get(name.strip().lower(), name.strip())


def from_dateline(paragraph: str) -> str | None:
    match = _DATELINE.match(paragraph)
    if not match:
        return None
    outlet = match.group("outlet").strip()
    if any(ch.isdigit() for ch in outlet) or len(outlet.split()) > 6:
        return None
    return expand_agency(outlet)


def from_copyright(line: str) -> str | None:
    name = _COPYRIGHT_NOISE.sub(" ", line)
    name = " ".join(name.replace(",", " ").split()).strip(" .,-–|")
    name = _LEGAL.sub("", name).strip(" .,")
    if not name or len(name.split()) > 6 or not name[0].isupper():
        return None
    return name


def from_byline(before_date: str) -> str | None:
    """The outlet named before the date in a short byline line, if it looks like a name."""
    name = before_date.strip(" •|·-–—,")
    if before_date.rstrip().endswith(",") and (_PLACE.fullmatch(name) or _capital_place(name)):
        return None  # a dateline's place: "WASHINGTON, DC, April 28", "Washington D. C., Jul 13"
    words = name.split()
    if not any(c.isalpha() for c in name):
        return None  # "(March 20, 2007)": a bracket, no name
    if not 1 <= len(words) <= 5 or not all(w[0].isupper() for w in words if w[0].isalpha()):
        return None
    if name.lower().startswith("by ") or _CLOCK.search(name) or _HOUR.fullmatch(name):
        return None  # a byline's author, or the time it was posted ("8: 05am UK", "2 A. M.")
    name = name.rstrip(": ")
    posted = _POSTED.match(name)
    if not name or (posted and not any(w[:1].isupper() for w in name[posted.end() :].split())):
        return None  # a field's label: "Published: March 13", "Published time:", "Found"
    return name


def tidy_site_name(name: str | None) -> str | None:
    """A site name as metadata gives it; a URL given as a name becomes its host."""
    if not name or not name.strip():
        return None
    name = name.strip()
    if name.lower().startswith(("http://", "https://", "www.")):
        return from_url(name if "://" in name else f"https://{name}")
    return name


def strip_site_suffix(title: str, outlet: str | None) -> str:
    """'Headline - Outlet' or 'Headline | Outlet' without the outlet."""
    if not outlet:
        return title
    match = re.match(rf"^(.+?)\s+[-|–—:]\s+{re.escape(outlet)}\s*$", title, re.IGNORECASE)
    return match.group(1) if match else title


def tidy_feed_title(title: str | None) -> str | None:
    if not title:
        return None
    tidy = _FEED_SUFFIX.sub("", title).strip()
    return tidy or title.strip()


def from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None
