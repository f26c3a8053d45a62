"""Ages of a group written as one list: "who were 61 and 48 years old", "two women -- 68
and 48-years-old --", "the boys, ages 6 and 16".

A list names no one, so an age in it cannot be keyed by its person. It is keyed by the
noun of the group it describes and the other ages of the list (``GROUP``, ``group_key``):
of two women 61 and 48 years old, 61 is the age of a woman "beside 48". Another outlet's
"two women -- 68 and 48-years-old" gives 68 under that same key, so the two lists clash
on the one age they do not share, and on nothing else. Lists that share no age, or that
describe two groups ("girls age 6 and 8" / "two sons, ages 16 and 6"), or a group the
parse names no noun of, are never compared. A span ("aged 12 to 15", "between the ages
of 18 and 64") is no list of ages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan

GROUP = "ages:"
"""The key prefix of an age in a list; the other ages of the list follow it, smallest first."""


_AGE = r"(?<![\d.,])[1-9]\d{0,2}(?![\d.])"
"""One age of a list: no part of a longer figure ("1,000", "3.5"), no leading zero."""


def _listed(name: str) -> str:
    return rf"(?P<{name}>{_AGE}(?:\s*,\s+{_AGE})*\s*,?\s+and\s+{_AGE})"


AGE_LIST = re.compile(
    r"\b(?:ages?|aged)\s+(?:of\s+)?"
    + _listed("after")
    + r"\b(?![.,]\d|\s*-?\s*(?:percent|%|months?|weeks?|days?)\b)"
    r"|\b" + _listed("before") + r"\s*-?\s*years?\s*-?\s*old\b",
    re.IGNORECASE,
)
"""Two or more ages in one list, after "age", "ages" or "aged" (not of months, weeks or
days: "twins aged 3 and 5 months") or before "years old"."""
_SPAN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
"""Words before a list that make it the two ends of a span ("between the ages of 18 and 64")."""
_NUMBER = re.compile(r"\d+")
_GROUP_REACH = 6
"""Words back from a list to the noun of its group, the list's own figures and commas not
counted. Set by hand: in "the women killed, who were 61 and 48 years old" (facts-dev) the
noun is the fourth word back; not measured further."""
_AGE_NOUNS = frozenset({"age", "year"})
_LIST_WORDS = frozenset({",", "and"})


@dataclass(frozen=True)
class ListedAge:
    """One age of a list: where its figure is written (characters of the text read) and
    its key, ``GROUP`` and the list's other ages."""

    start: int
    end: int
    years: float
    key: str


def listed_ages(text: str) -> Iterator[ListedAge]:
    """Every age of every list of ages in ``text``; none for a list whose ages are all one."""
    for match in AGE_LIST.finditer(text):
        if _SPAN_BEFORE.search(text[: match.start()]):
            continue
        group = "after" if match.group("after") is not None else "before"
        figures = list(_NUMBER.finditer(match.group(group)))
        offset = match.start(group)
        years = [float(f.group(0)) for f in figures]
        if len(set(years)) < 2:
            continue
        for n, figure in enumerate(figures):
            others = sorted(years[:n] + years[n + 1 :])
            key = GROUP + ",".join(f"{y:g}" for y in others)
            yield ListedAge(offset + figure.start(), offset + figure.end(), years[n], key)


def group_key(ages: TokenSpan, key: str) -> str:
    """A list's age key with the noun of the group it describes: the nearest noun before
    the list within its sentence ("girls age 6 and 8": girl; figures, commas and "and" on
    the way back do not count towards ``_GROUP_REACH``); "" when there is none, and then
    the age is compared with no other (``GROUP`` alone)."""
    reach = _GROUP_REACH
    for token in reversed(ages.doc[ages[0].sent.start : ages.start]):
        if token.like_num or token.lower_ in _LIST_WORDS:
            continue
        if token.pos_ == "NOUN" and token.lemma_.lower() not in _AGE_NOUNS:
            return f"{GROUP}{token.lemma_.lower()}:{key.removeprefix(GROUP)}"
        reach -= 1
        if reach == 0:
            break
    return GROUP
