"""Assertions of many articles compared: the conflicts of roles, positions and acts.

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
Acts are not grouped by key: two outlets' acts that one says done and the other not
(``act_conflicts``: one verb, one doer, one thing done to) are a conflict, ``evolving``
when the "not (yet)" came first, and give no claim.
Event days are shown, not compared: a relative day ("last Thursday") resolved against two
articles' dates differs whenever one of those dates is off.
Precision matters more than recall: a false conflict misleads the reader, so a
pair is a conflict only when its values are structured and clearly apart.

Independence: articles that copy each other (shared text) or that name another's
outlet as their source count once; so do two articles of one outlet (one outlet key,
``provenance.outlets.outlet_key``: "NY Post" and "New York Post" are one outlet).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from newsprism import lexicon
from newsprism.analyze.claims.acts import UNKNOWN_DOER
from newsprism.analyze.claims.assertions import (
    EXCLUSIVE_ROLES,
    Assertion,
    place_words,
    same_named,
)
from newsprism.analyze.claims.conflicts import join_groups
from newsprism.analyze.claims.judge import conflict_record, own_words
from newsprism.analyze.claims.judge import independent as independent
from newsprism.analyze.claims.quantities import disagree as counts_disagree
from newsprism.analyze.claims.when import kind_by_days
from newsprism.records import (
    Claim,
    ClaimStatus,
    Conflict,
    ConflictKind,
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
    published: Mapping[str, date | None] | None = None,
) -> Comparison:
    """Claims and conflicts of a story. ``outlets[a]`` is the outlet key of article ``a``
    (``provenance.outlets.outlet_key``); ``dependent[a]`` are the articles ``a`` copied or
    cited (or that copied it); ``published[a]`` the day article ``a`` was published. Acts
    done and not done (``act_conflicts``) give conflicts, no claims."""
    claims: list[Claim] = []
    conflicts: list[Conflict] = list(
        act_conflicts([a for a in assertions if a.key[0] == "act"], outlets, published or {})
    )
    partial: set[str] = set()
    assertions = [a for a in assertions if a.key[0] != "act"]
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


def act_conflicts(
    acts: Sequence[Assertion], outlets: Mapping[str, str], published: Mapping[str, date | None]
) -> Iterator[Conflict]:
    """One act said done in one outlet and not done in another (``_done_and_not``): the
    pairs that share an assertion are one conflict, its sides the acts done and those not
    done. It is ``evolving`` when every article that says "not" or "not yet" (never
    "never") was published before every article that says done: the act came about
    between the reports ("The names have not been released" / a later "Police released
    the names"); otherwise ``hard``."""
    by_key: dict[tuple[tuple[str, ...], bool], list[int]] = {}
    for n, act in enumerate(acts):  # only one key's done and not-done acts can meet
        by_key.setdefault((act.key, act.negated), []).append(n)
    groups: list[set[int]] = []
    for (key, negated), said in by_key.items():
        if negated:
            for n in said:
                for m in by_key.get((key, False), ()):
                    if _done_and_not(acts[n], acts[m], outlets):
                        join_groups(groups, {n, m})
    for members in sorted(groups, key=min):
        done = [acts[k] for k in sorted(members) if not acts[k].negated]
        undone = [acts[k] for k in sorted(members) if acts[k].negated]
        sides = [[(a.evidence, a.phrase) for a in side] for side in (done, undone)]
        head = done[0]
        yield conflict_record(head.about, _act_kind(done, undone, published), sides)


def _done_and_not(a: Assertion, b: Assertion, outlets: Mapping[str, str]) -> bool:
    """Whether two outlets say one act was done and was not: the same verb (with its
    particle), one negated; one doer, or none named on one side (a passive without "by":
    "the names have not been released"), never two of which one is a doer the words name
    but who-is-who does not know ("he met Felt" / "his partner did not meet Felt": maybe
    two people); what it was done to the same thing in every role both give, and at least
    one such thing ("did not release the name" / "released a statement": two objects).
    With no doer named on one side, a thing both give must be one of itself: a name, or a
    thing of another ("the results of the test"), not "an offer" whose doer is unsaid."""
    if a.negated == b.negated or a.key != b.key:
        return False
    if outlets.get(a.evidence.article, a.evidence.article) == outlets.get(
        b.evidence.article, b.evidence.article
    ):
        return False
    both = a.subject is not None and b.subject is not None
    if both and (a.subject != b.subject or a.subject == UNKNOWN_DOER):
        return False
    one, other = _roles(a.words), _roles(b.words)
    shared = {r: _same_things(one[r], other[r]) for r in one.keys() & other.keys()}
    if not shared or not all(shared.values()):
        return False
    own = any(t.startswith("@") or " of " in t for things in shared.values() for t in things)
    return both or own


def _roles(words: frozenset[str]) -> dict[str, set[str]]:
    """An act's things by role ("into=@morningside": into, {"@morningside"})."""
    roles: dict[str, set[str]] = {}
    for word in words:
        role, thing = word.split("=", 1)
        roles.setdefault(role, set()).add(thing)
    return roles


def _same_things(one: set[str], other: set[str]) -> set[str]:
    """The things of one role that two acts share: equal, or two names of which one holds
    every word of the other ("@morningside" / "@morningside recovery center")."""
    return (one & other) | {x for x in one if any(same_named(x, y) for y in other)}


def _act_kind(
    done: Sequence[Assertion], undone: Sequence[Assertion], published: Mapping[str, date | None]
) -> ConflictKind:
    if any(a.negation == "never" for a in undone):
        return "hard"
    return kind_by_days(
        [a.evidence.article for a in undone], [a.evidence.article for a in done], published
    )
