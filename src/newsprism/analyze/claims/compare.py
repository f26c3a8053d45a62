"""Assertions of many articles compared: the conflicts of roles and positions.

The story's claims come from its statements (``judge``); of this comparison the claims
package keeps the conflicts, which statements cannot show.

Assertions with the same key (the same measure, the same actor's role, the same
actor's position, the same act on the same target) are grouped; positions are
further split by sentence similarity so that two different things one actor said
are two claims. Within a group, assertions that disagree form sides:
- quantities whose ranges (after qualifiers) do not overlap;
- roles with disjoint affiliations ("spokesperson for the Prime Minister" /
  "Armed Forces spokesperson"), and homes in two towns ("of Bloomington" / "of
  Minneapolis");
- the same position (one verb) asserted and negated, or answered with an opposite verb
  (condemned/praised; called for/has yet to decide whether to call for), gated by the
  similarity of the two verb phrases.
Event days are shown, not compared: a relative day ("last Thursday") resolved against two
articles' dates differs whenever one of those dates is off.
Precision matters more than recall: a false conflict misleads the reader, so a
pair is a conflict only when its values are structured and clearly apart.

Independence: articles that copy each other (shared text) or that name another's
outlet as their source count once; so do two articles of one outlet (one outlet key,
``provenance.outlets.outlet_key``: "NY Post" and "New York Post" are one outlet).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from newsprism import lexicon
from newsprism.analyze.claims.assertions import EXCLUSIVE_ROLES, Assertion, place_words
from newsprism.analyze.claims.judge import independent as independent
from newsprism.analyze.claims.judge import own_words
from newsprism.analyze.claims.quantities import disagree as counts_disagree
from newsprism.records import (
    Claim,
    ClaimStatus,
    Conflict,
    ConflictSide,
    Evidence,
    spans_id,
)
from newsprism.settings import DEFAULT_ANALYSIS, AnalysisSettings

OPPOSITE = {frozenset(row) for row in lexicon.rows("opposite_verbs")}
"""Verbs that take opposite positions on the same thing."""
Embed = Callable[[list[str]], np.ndarray]
Disagree = Callable[[Assertion, Assertion], bool]


@dataclass(frozen=True)
class Comparison:
    claims: tuple[Claim, ...]
    conflicts: tuple[Conflict, ...]
    partial: frozenset[str] = frozenset()
    """Ids of the conflicts about words inside a sentence (a role, a home), not about what
    the sentence states."""


def compare(
    assertions: Sequence[Assertion],
    outlets: Mapping[str, str],
    dependent: Mapping[str, set[str]],
    embed: Embed,
    settings: AnalysisSettings = DEFAULT_ANALYSIS,
) -> Comparison:
    """Claims and conflicts of a story. ``outlets[a]`` is the outlet key of article ``a``
    (``provenance.outlets.outlet_key``); ``dependent[a]`` are the articles ``a`` copied or
    cited (or that copied it)."""
    claims: list[Claim] = []
    conflicts: list[Conflict] = []
    partial: set[str] = set()
    for group in _groups(assertions, embed, settings.same_position):
        sides = _sides(group, lambda a, b: _disagree(a, b, settings))
        claim, conflict = _judge(sides, outlets, dependent)
        claims.append(claim)
        if conflict is not None:
            conflicts.append(conflict)
            if group[0].kind == "attribute":
                partial.add(conflict.id)
    order = {"conflicting": 0, "corroborated": 1, "single_source": 2}
    claims.sort(key=lambda c: (order[c.status], -len(c.evidence)))
    return Comparison(tuple(claims), tuple(conflicts), frozenset(partial))


def _groups(
    assertions: Sequence[Assertion], embed: Embed, same_position: float
) -> list[list[Assertion]]:
    by_key: dict[tuple[str, ...], list[Assertion]] = {}
    for assertion in assertions:
        by_key.setdefault(assertion.key, []).append(assertion)
    groups: list[list[Assertion]] = []
    for key, members in by_key.items():
        if key[0] == "statement" and len(members) > 1:
            groups.extend(_similar(members, embed, same_position))
        else:
            groups.append(members)
    return groups


def _similar(members: list[Assertion], embed: Embed, same_position: float) -> list[list[Assertion]]:
    """Positions of one actor, grouped greedily by what they say: a position joins the group
    whose first verb phrase ("call for the expulsion of U.S. troops"; the sentence when
    there is none) has a cosine with its own of at least ``same_position``."""
    vectors = embed([m.phrase or m.evidence.text for m in members])
    groups: list[tuple[np.ndarray, list[Assertion]]] = []
    for vector, member in zip(vectors, members, strict=True):
        best = max(groups, key=lambda g: float(g[0] @ vector), default=None)
        if best is not None and float(best[0] @ vector) >= same_position:
            best[1].append(member)
        else:
            groups.append((vector, [member]))
    return [g[1] for g in groups]


def _disagree(a: Assertion, b: Assertion, settings: AnalysisSettings) -> bool:
    if a.evidence.article == b.evidence.article:
        return False
    if a.kind == "quantity":
        return _numbers_apart(a, b, settings)
    if a.key[0] == "residence":
        return _places_apart(a, b)
    if a.kind == "attribute":
        return _employers_apart(a, b)
    verbs = frozenset({a.value.split()[0], b.value.split()[0]})
    if verbs in OPPOSITE:
        return True
    # one act done and not done ("call for" / "has yet to call for"); "did not deny" is
    # no answer to "said"
    return a.negated != b.negated and len(verbs) == 1 and bool(a.words & b.words)


def _places_apart(a: Assertion, b: Assertion) -> bool:
    """Two homes of one person that name different towns: neither town is a word of the
    other place as written ("Bloomington, Minn." / "Minneapolis, Minn." are apart; "Queens"
    / "Jamaica, Queens" are one place told more or less closely). A wider place that the
    words do not give ("Queens" / "College Point") cannot be told from another town."""
    return not (a.words & place_words(b.value) or b.words & place_words(a.value))


def _employers_apart(a: Assertion, b: Assertion) -> bool:
    """One person in an exclusive role (spokesperson, minister, commander, ...) for two
    employers named by disjoint proper names; an acronym matches the initials it spells."""
    if a.key[2] not in EXCLUSIVE_ROLES or not a.words or not b.words or a.words & b.words:
        return False
    return not any(_abbreviates(x, y) or _abbreviates(y, x) for x in a.words for y in b.words)


def _abbreviates(short: str, long: str) -> bool:
    """Whether the letters of ``short`` appear in order in ``long`` ("da" in "bcdao")."""
    if not 2 <= len(short) <= 5 or len(long) <= len(short):
        return False
    letters = iter(long)
    return all(letter in letters for letter in short)


def _numbers_apart(a: Assertion, b: Assertion, settings: AnalysisSettings) -> bool:
    """Counts at one place (or both placeless) that ``quantities.disagree`` sets apart."""
    if a.quantity is None or b.quantity is None or a.place != b.place:
        return False
    return counts_disagree(a.quantity, b.quantity, settings)


def _sides(group: list[Assertion], disagree: Disagree) -> list[list[Assertion]]:
    sides: list[list[Assertion]] = []
    for assertion in group:
        for side in sides:
            if not any(disagree(assertion, other) for other in side):
                side.append(assertion)
                break
        else:
            sides.append([assertion])
    return sides


def _judge(
    sides: list[list[Assertion]], outlets: Mapping[str, str], dependent: Mapping[str, set[str]]
) -> tuple[Claim, Conflict | None]:
    sides.sort(key=lambda side: -len({a.evidence.article for a in side}))
    main = sides[0]
    head = main[0]
    evidence = [Evidence(a.evidence, "supports") for a in main]
    conflict = None
    if len(sides) > 1:
        status: ClaimStatus = "conflicting"
        evidence += [Evidence(a.evidence, "contradicts") for side in sides[1:] for a in side]
        conflict = Conflict(
            spans_id("c", [e.span for e in evidence]),
            head.about or own_words(head.evidence.text),
            tuple(
                ConflictSide(own_words(side[0].evidence.text), tuple(a.evidence for a in side))
                for side in sides
            ),
        )
    elif independent({a.evidence.article for a in main}, outlets, dependent) >= 2:
        status = "corroborated"
    else:
        status = "single_source"
    claim = Claim(
        spans_id("k", [e.span for e in evidence]),
        head.kind,
        own_words(head.evidence.text),
        status,
        tuple(evidence),
        head.subject,
        head.quantity.value if head.quantity is not None else head.value,
        statement=head.text,
    )
    return claim, conflict
