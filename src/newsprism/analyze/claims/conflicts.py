"""Statements of different articles that give incompatible values for one point.

Two statements are compared when each gives exactly one value of a key (one weekday, one
clock time, one count of people killed, ...; a statement that gives two, "13 homers and
33 homers", cannot say which one the other outlet's value answers) and they are about
the same point (``_same_point``: alike as wholes, ``settings.compare_similarity``, or
around the two values, ``settings.context_overlap``). Two such statements whose values
fall apart (``values.apart``) clash; clashing pairs that share a statement, with the
statements compared directly with one of them and found to agree, form a conflict, its
sides grouped by compatible values. Counts of people killed, wounded or missing in two
articles' first sentences (``leads``) are compared whatever their similarity: a lead gives
the story's own toll. Days, dates and times that two statements give to one act of one
named actor are compared from ``settings.acted_floor`` (``_same_act``): "Reid checked
herself in on Tuesday" and a long sentence in which "Tara Reid checked into Promises ...
on Friday" share little else; so are distances, days, dates and times that two statements
give to one act of one person, named or only aged (``_same_doer_act``): "36-year-old Duncan
Rait died after slipping and falling about 200ft" / "A 36-year-old Australian climber is
dead after falling about 150 metres". Clock times that two articles each give as the one moment of
one person's acts are compared whatever the verbs (``_moments``): "Jackson failed sobriety
tests shortly after 2 a.m." / "Jackson was pulled over just after 2:30 a.m.". Counts of a
thing that three or more articles each count once are compared whatever happened to it
(``_story_counts``): "three strong aftershocks were felt" / "was followed by at least four
strong aftershocks". A person's places in one sequence, and chief offices, are compared from
``settings.acted_floor`` whatever the verbs (``_same_place``): "Cheeks ... is the fourth head
coach since King took over" / "Cheeks will be the fifth Sixers coach in four years under his
watch"; an office, given in passing before a name, is an aside (``aside``).

A side of figures whose every article also tells another side is dropped (``_told_apart``;
days, dates and times are kept): an article that gives two figures of one point gives two
points, or a change it reports, not a disagreement between outlets; a dispute left with
one side is none.

A conflict is ``evolving`` when it is a count or share and every article of a later
side was published after every article of the earlier one, its value higher: a rising
toll. Otherwise it is ``hard``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar

from newsprism import lexicon
from newsprism.analyze.claims.ages import GROUP
from newsprism.analyze.claims.align import Similarity
from newsprism.analyze.claims.doers import AGED, PERSON, ambiguous_ages, same_doer
from newsprism.analyze.claims.levels import named_share
from newsprism.analyze.claims.quantities import MEASURED_COUNTS, MEASURED_EVENTS
from newsprism.analyze.claims.statements import REPORT_DAY_VERBS, UNKNOWN_THING
from newsprism.analyze.claims.value import PERSON_KINDS
from newsprism.analyze.claims.values import WORDED_KINDS, Value, apart
from newsprism.records import ConflictKind
from newsprism.settings import DEFAULT_ANALYSIS, AnalysisSettings

TIMED = frozenset({"day", "date", "time", "moment"})
DOER_KINDS = TIMED | {"distance"}
"""Kinds of value compared across statements that give them to one act of one person
(``_same_doer_act``)."""
ASIDE_KINDS = frozenset({"office"})
"""Kinds of value given in passing (a title before a name): two statements whose values of
them are apart may still tell one fact (``clashes``, ``aside``)."""
LIGHT_VERBS = lexicon.words("light_verbs")
"""Verbs that say little of what was done ("be", "have"): no act to date by itself."""
TOLL_EVENTS = lexicon.words("toll_events")
"""Events whose counts of people are the story's toll ("kill", "wound", "missing")."""
EVOLVING_KINDS = frozenset({"count", "percent", "money"})
ANY_EVENT = "*"
"""The event of a story count (``_story_counts``): whatever happened to the things counted."""
STORY_COUNT_ARTICLES = 3
"""Least number of articles that each give one count of a thing for it to be the story's
own figure (``_story_counts``). Set by hand: a figure one or two outlets give may be of
two things (on 40 ECB+ dev stories outside facts-dev, 4 of the 7 conflicts of counts of
things without this bar came from things two articles count: two employees' fates, the
chances of two drives, the jurors of two votes, the bullets of two guns)."""
UNIT_NOUNS = lexicon.words("unit_nouns")
"""Counted nouns that are units of a measure ("percent", "miles"), not things to count."""
_ADDED = "|".join(sorted(lexicon.words("added_count_words")))
_ADDED_BEFORE = re.compile(rf"\b(?:{_ADDED})\s*$", re.IGNORECASE)
_ADDED_AFTER = re.compile(rf"\s*(?:{_ADDED})\b", re.IGNORECASE)
"""Words beside a count that make it more of the thing, not all of it ("an additional six
engines", "two more boats")."""
LABELS = {
    "count": "the number",
    "money": "the amount",
    "percent": "the share",
    "magnitude": "the magnitude",
    "age": "the age",
    "children": "how many children",
    "colour": "the colour",
    "phone": "the telephone number",
    "population": "how many people live there",
    "duration": "how long",
    "record": "the record",
    "ordinal": "the place in order",
    "office": "the office",
    "distance": "the distance",
    "day": "the day",
    "date": "the date",
    "year": "the year",
    "time": "the time",
    "moment": "the moment of play",
}
"""What a conflict is about, by the kind of value disputed."""


T = TypeVar("T")
Reading = tuple[float, float] | str
"""What one side of a dispute says, however it is written (``_reading``)."""
SideList = tuple[tuple[tuple[int, Value], ...], ...]


@dataclass(frozen=True)
class Dispute:
    """A conflict before it becomes a record: statement indices with their values, by side."""

    key: str
    kind: ConflictKind
    sides: tuple[tuple[tuple[int, Value], ...], ...]


def disputes(
    values: Sequence[Sequence[Value]],
    similarity: Similarity,
    published: Mapping[str, date | None],
    settings: AnalysisSettings = DEFAULT_ANALYSIS,
    leads: frozenset[int] = frozenset(),
    actors: Sequence[str | None] = (),
) -> list[Dispute]:
    """The disputes among a story's statements (``values[i]`` are statement i's;
    ``actors[i]`` the person statement i is about, when it is about one).

    Only two statements compared directly can clash: a dispute is a set of clashing pairs
    that share a statement, joined by the statements directly compared with one of its
    members and found to agree with it (one step, so that no chain of "alike" links two
    unrelated statements). Statements are compared from ``settings.compare_floor`` on."""
    single = [_single(v, settings) for v in values]
    for told, counted in zip(
        single, _story_counts(values, similarity.articles, settings), strict=True
    ):
        told.update(counted)
    clashes: dict[str, list[set[int]]] = {}
    agrees: dict[tuple[str, int], set[int]] = {}
    pairs = similarity.above(settings.compare_floor)
    pairs += _lead_pairs(leads, similarity, {(i, j) for _, i, j in pairs})
    acted_pairs = _act_pairs(
        single, similarity, {(i, j) for _, i, j in pairs}, settings, _timed, _same_act
    )
    pairs += acted_pairs
    ambiguous = ambiguous_ages(_marks(values))
    done_by = _act_pairs(
        single,
        similarity,
        {(i, j) for _, i, j in pairs},
        settings,
        lambda v: v.kind in DOER_KINDS and bool(v.who),
        lambda one, other: _same_doer_act(one, other, ambiguous),
    )
    pairs += done_by
    placed = _act_pairs(
        single,
        similarity,
        {(i, j) for _, i, j in pairs},
        settings,
        lambda v: v.kind in PERSON_KINDS,
        _same_place,
        by_verb=False,
    )
    pairs += placed
    acted_only = {(i, j) for _, i, j in acted_pairs + done_by + placed}
    moment = _moments(values, single, actors, similarity.articles, settings)
    for score, i, j in pairs:
        lead = i in leads and j in leads
        for key in single[i].keys() & single[j].keys():
            one, other = single[i][key], single[j][key]
            if key.endswith(ANY_EVENT) and _counted_alike(single[i], single[j], key):
                continue  # compared under the event both name
            toll = lead and _toll(one) and one.future == other.future
            acted = (
                _same_act(one, other)
                or _same_doer_act(one, other, ambiguous)
                or _same_place(one, other)
            )
            if (i, j) in acted_only and not acted:
                continue  # paired for one act only
            moments = key == "time" and moment(i, j, score)
            if (
                not toll
                and not moments
                and not _same_point(one, other, score, similarity, settings, acted)
            ):
                continue
            if apart(one, other, settings):
                join_groups(clashes.setdefault(key, []), {i, j})
            else:
                agrees.setdefault((key, i), set()).add(j)
                agrees.setdefault((key, j), set()).add(i)
    found: dict[tuple[str, tuple[Reading, ...]], SideList] = {}
    for key, groups in sorted(clashes.items()):
        for members in groups:
            supporters = {k for m in members for k in agrees.get((key, m), ())}
            everyone = sorted(members | supporters)
            sides = _sides([(m, single[m][key]) for m in everyone], settings)
            if len(sides) < 2:
                continue
            point = (key, tuple(_reading(side[0][1]) for side in sides))
            if point in found:  # one point, said once: "Six rifles" here, "six" there
                sides = _merged(found[point], sides)
            found[point] = sides
    kept = [(key, _told_apart(sides, similarity.articles)) for (key, _), sides in found.items()]
    return [
        Dispute(key, _kind(sides, similarity.articles, published), sides)
        for key, sides in kept
        if len(sides) > 1
    ]


def _reading(value: Value) -> Reading:
    """What a side says, however it is written: a figure's range, a name's words."""
    if value.kind in WORDED_KINDS:
        return value.normalized.lower()
    return value.low, value.high


def _merged(one: SideList, other: SideList) -> SideList:
    """Two disputes of one point as one: each side with the statements of both."""
    return tuple(
        (*a, *(m for m in b if m[0] not in {x[0] for x in a}))
        for a, b in zip(one, other, strict=True)
    )


def _lead_pairs(
    leads: frozenset[int], similarity: Similarity, done: set[tuple[int, int]]
) -> list[tuple[float, int, int]]:
    """Lead statements of different articles not yet paired, with their similarity."""
    ordered = sorted(leads)
    return [
        (similarity.pair(i, j), i, j)
        for n, i in enumerate(ordered)
        for j in ordered[n + 1 :]
        if similarity.articles[i] != similarity.articles[j] and (i, j) not in done
    ]


def _act_pairs(
    single: Sequence[Mapping[str, Value]],
    similarity: Similarity,
    done: set[tuple[int, int]],
    settings: AnalysisSettings,
    given: Callable[[Value], bool],
    same: Callable[[Value, Value], bool],
    by_verb: bool = True,
) -> list[tuple[float, int, int]]:
    """Statements of different articles not yet paired whose values of one key and verb
    (``given`` of each) are ``same`` act's, with their similarity, from
    ``settings.acted_floor``: one act of one named actor (``_same_act``: days, dates and
    times), or of one person named or aged alike (``_same_doer_act``: distances too); or,
    ``by_verb`` False, whose values of one key, whatever the verb, are ``same``: one
    person's places in one sequence (``_same_place``)."""
    acts: dict[tuple[str, str | None], list[int]] = {}
    for index, values in enumerate(single):
        for value in values.values():
            if given(value) and (value.verb is not None or not by_verb):
                acts.setdefault((value.key, value.verb if by_verb else None), []).append(index)
    found: set[tuple[int, int]] = set()
    for (key, _), members in acts.items():
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                if (
                    similarity.articles[i] != similarity.articles[j]
                    and (i, j) not in done
                    and same(single[i][key], single[j][key])
                ):
                    found.add((i, j))
    scored = [(similarity.pair(i, j), i, j) for i, j in sorted(found)]
    return [pair for pair in scored if pair[0] >= settings.acted_floor]


def _timed(value: Value) -> bool:
    return value.kind in TIMED


def _same_doer_act(one: Value, other: Value, ambiguous: frozenset[str]) -> bool:
    """Whether two distances, days, dates or times are given to one act (the same verb, not
    a light one) of one person, named or aged alike ("36-year-old Duncan Rait died after
    falling about 200ft" / "A 36-year-old Australian climber is dead after falling about
    150 metres"; ``doers.same_doer``)."""
    return (
        one.kind in DOER_KINDS
        and one.verb is not None
        and one.verb == other.verb
        and one.verb not in LIGHT_VERBS
        and same_doer(one.who, other.who, ambiguous)
    )


def _same_place(one: Value, other: Value) -> bool:
    """Whether two places in a sequence (keyed by the person and the sequence) are in one
    sequence: the names that say whose it is, where both give some, meet ("the 21st head
    coach of the 76ers" / "the tenth coach of the Blazers" are two); or whether two
    offices are one person's at one company, where both name it ("SpaceX CTO" / "Tesla
    CEO" are two). A person holds one place in one sequence, one chief office,
    whatever else the statements say, so they are compared from ``settings.acted_floor``:
    "Cheeks, who was fired March 2 as head coach of the Portland Trail Blazers, is the
    fourth head coach since King took over" / "Cheeks will be the fifth Sixers coach in
    four years under his watch" (0.29 alike)."""
    return (
        one.kind in PERSON_KINDS
        and one.key == other.key
        and not (one.names and other.names and not one.names & other.names)
    )


def _marks(values: Sequence[Sequence[Value]]) -> list[frozenset[str]]:
    """Every person's marks the story's values give: whose acts they are of, and the person
    an age is keyed by with that age."""
    marks = [v.who for told in values for v in told if v.who]
    marks += [
        frozenset({PERSON + v.key.split(":", 1)[1], AGED + v.normalized})
        for told in values
        for v in told
        if v.kind == "age" and not v.key.endswith(":") and not v.key.startswith(GROUP)
    ]
    return marks


def _moments(
    values: Sequence[Sequence[Value]],
    single: Sequence[Mapping[str, Value]],
    actors: Sequence[str | None],
    articles: Sequence[str],
    settings: AnalysisSettings,
) -> Callable[[int, int, float], bool]:
    """Whether two statements, ``score`` alike, give the clock time of one person's one
    moment in the story, whatever their verbs ("Jackson failed sobriety tests shortly after
    2 a.m." / "Jackson was driving ... just after 2:30 a.m. when he was pulled over"): each
    is about that person (``actors``), each article gives the person's acts one moment
    only (every clock time of its statements about the person agrees: an article that
    tells a night hour by hour gives its acts several), the time is not when words were
    said, and the statements are as alike as times are compared at
    (``settings.compare_similarity``)."""
    told: dict[tuple[str, str], list[Value]] = {}
    for index, actor in enumerate(actors):
        if actor is not None:
            times = [v for v in values[index] if v.kind == "time"]
            told.setdefault((articles[index], actor), []).extend(times)
    one = {
        place
        for place, times in told.items()
        if not any(apart(a, b, settings) for n, a in enumerate(times) for b in times[n + 1 :])
    }
    least = settings.compared_from("time")

    def moment(i: int, j: int, score: float) -> bool:
        actor = actors[i] if i < len(actors) else None
        if actor is None or j >= len(actors) or actors[j] != actor:
            return False
        a, b = single[i]["time"], single[j]["time"]
        return (
            least is not None
            and score >= least
            and (articles[i], actor) in one
            and (articles[j], actor) in one
            and a.future == b.future
            and not {a.verb, b.verb} & REPORT_DAY_VERBS
        )

    return moment


def _toll(value: Value) -> bool:
    """A count of people killed, wounded or missing: in two articles' leads, the story's
    own toll."""
    return value.kind == "count" and value.key.split(":")[-1] in TOLL_EVENTS


def clashes(
    values: Sequence[Sequence[Value]], settings: AnalysisSettings = DEFAULT_ANALYSIS
) -> Callable[[int, int], bool]:
    """Whether two statements give apart values under one key that each gives once. A
    title before a name is an aside: statements that give one person two offices may
    still tell one fact ("CEO Larry Lucchino flew to Texas" / "COO Larry Lucchino flew to
    Texas")."""
    single = [_single(v, settings) for v in values]

    def clash(i: int, j: int) -> bool:
        return any(
            apart(single[i][k], single[j][k], settings)
            for k in single[i].keys() & single[j].keys()
            if single[i][k].kind not in ASIDE_KINDS
        )

    return clash


def join_groups(groups: list[set[T]], pair: set[T]) -> None:
    """Add a pair (of clashing statements, of spellings) to the groups, merging every group
    it touches."""
    touching = [g for g in groups if g & pair]
    merged = set(pair).union(*touching)
    groups[:] = [g for g in groups if not g & pair] + [merged]


def _same_act(one: Value, other: Value) -> bool:
    """Whether two days, dates or times are given to one act of one named actor: the same
    verb (not a light one: "was in court on Tuesday" / "was at the clinic on Friday"), done
    to the same noun or to none ("signed it" says not what), towards no two different
    places ("arrived in Prague" / "in Ankara"), beside a name both give."""
    return (
        one.kind in TIMED
        and one.verb is not None
        and one.verb == other.verb
        and one.verb not in LIGHT_VERBS
        and one.thing == other.thing
        and one.thing != UNKNOWN_THING
        and not (one.places and other.places and not one.places & other.places)
        and bool(one.names & other.names)
    )


def _same_point(
    one: Value,
    other: Value,
    score: float,
    similarity: Similarity,
    settings: AnalysisSettings,
    acted: bool = False,
) -> bool:
    """Whether two values of one key, in statements ``score`` alike, are values of one thing:
    - values near proper nouns of which they share none belong to different actors;
    - a day, date or time is of the act whose verb governs it, so the verbs must match,
      and their objects where one names one ("signed Wynn on Tuesday" / "signed Bell on
      Wednesday"; a statement that does not name Bell is not about signing him); the day
      something was said or reported ("the paper reported Sunday") is the outlet's, not
      the event's;
    - what will happen and what happened are two things ("will miss two games" / "missed
      four games");
    - amounts that are the worth of different things ("a necklace worth £1.2m" /
      "jewellery and watches worth £1.7m"), or that two actors the story knows paid or
      offered ("the Orioles offered ... $140 million" / "the Nationals made ... a $160
      million offer"), are two amounts;
    - shares of one named measure ("turnout was almost 90%") from ``settings.compare_floor``;
    - counts of what the news does not usually count (yards, passes) only from
      ``settings.other_counts`` (at 1.0, left to near-copies), unless they are a story
      count (``_story_counts``: compared as counts are);
    - otherwise the statements are alike (``settings.compare_similarity``) or the words
      around the two values are (``settings.context_overlap``)."""
    if one.kind in TIMED and (
        one.verb is None
        or one.verb != other.verb
        or one.verb in REPORT_DAY_VERBS
        or _done_to_another(one, other)
        or _done_to_another(other, one)
    ):
        return False
    if one.future != other.future:
        return False
    if one.kind == "money" and one.thing and other.thing and one.thing != other.thing:
        return False
    if one.kind == "money" and one.who and other.who and not one.who & other.who:
        return False  # what two actors paid or offered: two amounts
    if acted:
        return True
    if one.names and other.names and not one.names & other.names:
        return False
    if one.kind == "count" and one.key.split(":")[-1] not in MEASURED_EVENTS | {ANY_EVENT}:
        return score >= settings.other_counts
    compared = settings.compared_from(one.kind)
    if one.kind == "distance" and one.key != one.kind:  # between two named places
        compared = settings.between_places_similarity
    if one.kind == "percent" and named_share(one.key):
        # the level of one named measure ("turnout was almost 90%" / "turnout reached 93.87
        # percent", 0.37 alike), compared from compare_floor as keyed ages and populations
        # are: on facts-dev one gold disagreement found, no new conflict on the 40 unseen
        # stories nor on 493 AllSides stories (benchmarks/README.md)
        compared = settings.compare_floor
    if compared is not None and score >= compared:
        return True
    return similarity.overlap(one.context, other.context) >= settings.context_overlap


def _story_counts(
    values: Sequence[Sequence[Value]], articles: Sequence[str], settings: AnalysisSettings
) -> list[dict[str, Value]]:
    """Counts of one thing compared whatever happened to it, by statement: "three strong
    aftershocks were felt" / "was followed by at least four strong aftershocks". A thing
    (no person: what befell people, killed or hurt, sets their counts apart; no unit of a
    measure) is counted so when at least ``STORY_COUNT_ARTICLES`` articles each give one
    count of it (their counts of it agree): then it is the story's own figure, which
    outlets repeat, each telling the one set of those things (the aftershocks, the boats
    of the attack), not several (the bullets of two guns, the chances of two drives). An
    article that gives two counts of it apart tells several such sets: its counts are
    left to their events. So is a statement that counts two things, a tally (a player's
    season, "13 homers and 43 RBIs in 54 games"; a haul of arms) whose counts are parts
    of a whole another outlet may cut another way. Keyed ``count:<thing>:*``
    (``ANY_EVENT``)."""
    counts: dict[tuple[str, str], list[Value]] = {}
    for article, told in zip(articles, values, strict=True):
        for value in told:
            if (thing := _counted_thing(value)) is not None:
                counts.setdefault((article, thing), []).append(value)
    told_once: dict[str, set[str]] = {}
    for (article, thing), found in counts.items():
        pairs = ((a, b) for n, a in enumerate(found) for b in found[n + 1 :])
        if not any(apart(a, replace(b, key=a.key), settings) for a, b in pairs):
            told_once.setdefault(thing, set()).add(article)
    keyed: list[dict[str, Value]] = []
    for article, told in zip(articles, values, strict=True):
        counted = [v for v in told if v.kind == "count"]
        thing = _counted_thing(counted[0]) if counted else None
        if (
            thing is None
            or len({v.key.split(":")[1] for v in counted}) > 1
            or len(told_once.get(thing, ())) < STORY_COUNT_ARTICLES
            or article not in told_once[thing]
            or len({v.normalized for v in counted}) > 1
        ):
            keyed.append({})
            continue
        key = f"count:{thing}:{ANY_EVENT}"
        keyed.append({key: replace(counted[0], key=key)})
    return keyed


def _counted_thing(value: Value) -> str | None:
    """What a count counts, when it is a thing whose counts ``_story_counts`` compares: not
    one that adds to others ("two additional life sentences" beside "serving three life
    sentences"; "a further four appliances")."""
    if value.kind != "count" or _added(value):
        return None
    parts = value.key.split(":")
    if len(parts) != 3 or not parts[1].isalpha():
        return None
    thing = parts[1]
    return None if thing in MEASURED_COUNTS or thing in UNIT_NOUNS else thing


def _added(value: Value) -> bool:
    """Whether a count is written as more of the thing ("two additional", "a further four",
    "six more", "another two")."""
    clause = value.clause
    if clause is None or clause.article != value.span.article:
        return False
    before = clause.text[: max(0, value.span.start - clause.start)]
    after = clause.text[max(0, value.span.end - clause.start) :]
    return bool(_ADDED_BEFORE.search(before) or _ADDED_AFTER.match(after))


def _counted_alike(one: Mapping[str, Value], other: Mapping[str, Value], key: str) -> bool:
    """Whether two statements count the thing of a story count under one event as well."""
    thing = key.split(":")[1]
    return any(
        k.split(":")[1] == thing and not k.endswith(ANY_EVENT)
        for k in one.keys() & other.keys()
        if k.startswith("count:")
    )


def _done_to_another(one: Value, other: Value) -> bool:
    """Whether ``one`` is the day of an act done to someone ``other``'s statement does not
    name at all ("Drake, which had defeated Bradley on Thursday" / "the Bluejays defeated
    Drake on Friday", where the parse found no object in the second)."""
    return bool(one.objects) and not one.objects & (other.objects | other.names)


def _single(values: Sequence[Value], settings: AnalysisSettings) -> dict[str, Value]:
    """A statement's values by key, for the keys it gives exactly one value of."""
    by_key: dict[str, list[Value]] = {}
    for value in values:
        by_key.setdefault(value.key, []).append(value)
    return {
        k: v[0]
        for k, v in by_key.items()
        if len({x.normalized for x in v}) == 1 and _comparable(v[0], settings)
    }


def _comparable(value: Value, settings: AnalysisSettings) -> bool:
    """Counts need the event they count, ages the person they describe; a month alone is
    compared only with a month alone (its key is ``date:month``: "December 9" is in
    December) and, as a day is, only as the month its verb happened. Kinds without a
    similarity in ``settings.compare_similarity`` (years) are left to near-copies
    (``copies``): a story names many past years, and statements about two of them are as
    similar as two accounts of one. A person's place in a sequence and chief office
    need no similarity: their key is the person's (``_same_place``)."""
    if value.key.endswith(":"):
        return False
    return value.kind in PERSON_KINDS or settings.compared_from(value.kind) is not None


def _sides(
    members: list[tuple[int, Value]], settings: AnalysisSettings
) -> tuple[tuple[tuple[int, Value], ...], ...]:
    """Members grouped so that no two values of one side are apart, smallest value first;
    within a side, its most exact value leads, as the side's words ("at least 50 injured"
    and "70 wounded" against "80": the dispute is 70 / 80)."""
    sides: list[list[tuple[int, Value]]] = []
    for member in sorted(members, key=lambda m: (m[1].low, m[1].high, m[0])):
        for side in sides:
            if not any(apart(member[1], other, settings) for _, other in side):
                side.append(member)
                break
        else:
            sides.append([member])
    return tuple(tuple(sorted(side, key=_inexact)) for side in sides)


def _told_apart(sides: SideList, articles: Sequence[str]) -> SideList:
    """The sides some article tells and no other side's: a side whose every article also
    tells another side is each of those articles' own second point, not what outlets
    disagree on ("dwarfing the four-year, $90 million deal" beside "offers ... in the $140
    million to $160 million range", one article; ``articles[i]``: statement i's). Days,
    dates and times are kept: two of them clash only when given to one act (``_same_point``),
    so an article giving both contradicts itself ("Felt ... died on Friday" above "He died
    at 12:45 p.m. on Thursday"), which is a disagreement with the outlets that do not."""
    if sides[0][0][1].kind in TIMED:
        return sides
    told = [{articles[i] for i, _ in side} for side in sides]
    return tuple(
        side
        for k, side in enumerate(sides)
        if told[k] - set().union(*(t for n, t in enumerate(told) if n != k))
    )


def _inexact(member: tuple[int, Value]) -> bool:
    """Whether a member's value is a range ("at least 50", "about 1,000"; a clock time with
    no a.m. or p.m.), not an exact figure: exact ones lead their side (a stable sort keeps
    the order among each)."""
    value = member[1]
    return value.kind not in WORDED_KINDS and value.high > value.low


def _kind(
    sides: tuple[tuple[tuple[int, Value], ...], ...],
    articles: Sequence[str],
    published: Mapping[str, date | None],
) -> ConflictKind:
    if sides[0][0][1].kind not in EVOLVING_KINDS:
        return "hard"
    spans = []
    for side in sides:
        days = [published.get(articles[i]) for i, _ in side]
        if any(d is None for d in days):
            return "hard"
        spans.append((min(d for d in days if d), max(d for d in days if d)))
    rising = all(spans[k][1] < spans[k + 1][0] for k in range(len(spans) - 1))
    return "evolving" if rising else "hard"


def aside(dispute: Dispute) -> bool:
    """Whether the dispute is of an aside to what its statements say (an office given by a
    title before a name), not of what they claim: "CEO Larry Lucchino flew to Texas" and
    "COO Larry Lucchino flew to Texas" are one claim, both outlets' stance on it alike."""
    return dispute.sides[0][0][1].kind in ASIDE_KINDS


def about(dispute: Dispute) -> str:
    """What the dispute is about, for a reader: its kind and the values as written."""
    words = " / ".join(f"“{side[0][1].span.text}”" for side in dispute.sides)
    return f"{LABELS.get(dispute.sides[0][0][1].kind, 'the value')}: {words}"
