"""Upstream sources an article names: outlets, agencies and organisations it credits.

A wire copy or a rewrite is not independent corroboration, and an article that says
"NY Post reported" took its material from the NY Post. So the analysis needs the
sources each article names, with the words that name them, to tell which articles
of a story lean on which (:func:`upstream`).

What counts: news outlets and agencies ("NY Post reported", "told Sky News", "(AP) —",
"in an interview with CNN", "Reuters contributed to this report") and organisations
speaking as sources ("according to Central Command", "a statement from the Pentagon",
"the ministry said"). Persons who speak are quotes, not cites, and the article's own
outlet ("TEHRAN (Tasnim) -" in a Tasnim article) is not an upstream source.

The work is split by responsibility: :mod:`~newsprism.analyze.provenance.patterns` finds the
words in a source's role, in the dependency parse and in the plain text;
:mod:`~newsprism.analyze.provenance.source_names` decides whether those words name an organisation;
:mod:`~newsprism.analyze.provenance.outlets` holds the table of known outlets (``data/outlets.tsv``)
and matches a name to an outlet. This module joins them into cites.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsprism.analyze.provenance.outlets import (
    cites_outlet,
    listed_names,
    names_own_outlet,
    outlet_key,
    outlet_keys,
)
from newsprism.analyze.provenance.patterns import parsed_cites, textual_cites
from newsprism.nlp import text_of
from newsprism.records import Article, Cite, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["cites_outlet", "find_cites", "point_cites", "upstream"]


def find_cites(article: Article, doc: Doc) -> list[Cite]:
    """The upstream sources ``article`` names, in text order; ``doc`` parses its text."""
    if text_of(doc) != article.text:
        raise ValueError(f"provenance: the doc given is not a parse of article {article.id}")
    found = {*parsed_cites(doc), *textual_cites(article.text)}
    cites: dict[tuple[str, int, int], Cite] = {}
    for name_start, name_end, start, end in sorted(found, key=lambda f: (f[3] - f[2], f[2])):
        start, end = _trim(article.text, start, end)
        named = re.sub(r"\s*['’]s?$", "", article.text[name_start:name_end].strip())
        if named.startswith("The ") and named[4:] in listed_names():  # "The Washington Post"
            named = named[4:]
        name = " ".join(named.split())
        cite = Cite(name, Span.of(article, start, end))
        # "according to a statement from X" holds "statement from X": keep the shorter
        holds = any(k[0] == name and start <= k[1] and k[2] <= end for k in cites)
        inline = "\n" not in cite.span.text
        if name and not holds and inline and not names_own_outlet(cite, article.outlet):
            cites[(name, start, end)] = cite
    return sorted(cites.values(), key=lambda c: (c.span.start, c.span.end, c.name))


def point_cites(
    articles: Sequence[Article], cites: Mapping[str, Sequence[Cite]]
) -> dict[str, tuple[Cite, ...]]:
    """Each article's cites, each with the story's article it points to (``Cite.article``):
    another article of the outlet it names, the first in ``articles`` whose outlet has the
    cite's own key ("the New York Post" in an "NY Post" article), else the first whose
    outlet it names at all ("AP" in "AP Politics & Fact Check"); None when there is none."""
    keys = outlet_keys(articles)

    def pointed(cite: Cite, citer: str) -> Cite:
        named = [b for b in articles if b.id != citer and cites_outlet(cite, b.outlet)]
        same = [b.id for b in named if keys[b.id] == outlet_key(cite.name, "")]
        return replace(cite, article=next(iter(same or [b.id for b in named]), None))

    return {a: tuple(pointed(c, a) for c in found) for a, found in cites.items()}


def upstream(
    articles: Sequence[Article], cites: Mapping[str, Sequence[Cite]]
) -> dict[str, set[str]]:
    """For each article id, the other articles (by id) whose outlet it cites."""
    return {
        a.id: {
            b.id
            for b in articles
            if b.id != a.id and any(cites_outlet(c, b.outlet) for c in cites.get(a.id, ()))
        }
        for a in articles
    }


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Without the spaces at either end (no-break spaces are tokens of their own)."""
    part = text[start:end]
    return start + len(part) - len(part.lstrip()), end - len(part) + len(part.rstrip())
