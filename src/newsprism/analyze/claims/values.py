"""The values a statement gives, typed so that two outlets' values can be compared.

Each value keeps the words as written (a Span) beside a normalized form:
- ``count``: a number of something, with its range after qualifiers ("at least 14
  people killed": 14 and up), keyed by what it counts and what happened to it
  (``quantities``);
- ``money``, ``percent``, ``magnitude`` (an earthquake's), ``age`` ("26-year-old",
  keyed by the person it describes when one is named beside it, or by the other ages of
  its list: "61 and 48 years old", ``ages``), ``children`` (how many a
  parent has: "a mother of 12", keyed the same way), ``colour`` (of a thing: "a silver
  Toyota Camry", keyed by the noun it describes), ``phone`` (a telephone number, keyed
  by its first digits: two numbers that share them are one line);
- ``distance`` in metres ("1,150 kilometers", "700 miles", "200ft"; a distance in brackets
  after another, "1,150 kilometers (700 miles)", is the outlet's conversion, no value);
- ``duration`` ("12 weeks ago", "an eight-year deal"), ``record`` (a win-loss record
  given beside a name: "Klitschko (52-3, 46 KOs)"), ``ordinal`` (a person's place in a
  sequence: "Cheeks is the fourth head coach since King took over", keyed by the person
  and the sequence, ``ordinals``), ``office`` (a company's chief office a title before a
  name gives the person: "CEO Larry Lucchino", keyed by the person, ``offices``);
- ``day`` (a weekday), ``date`` (a month and day), ``year``, ``time`` (a clock time;
  without "a.m."/"p.m." it matches either; a game's clock, "with 7:42 left", is none).

Two values are compared only when they have the same key; ``apart`` says whether they
cannot both be true (an exact count or amount allowed ``settings.rounding``, clock times
``settings.clock_slack`` minutes).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsprism import lexicon
from newsprism.analyze.claims.ages import GROUP, group_key, listed_ages
from newsprism.analyze.claims.doers import doer_marks, payer_marks
from newsprism.analyze.claims.levels import adjusted, adjusted_key, share_of
from newsprism.analyze.claims.money import MONEY_SCALES, Figure, amounts, converted, per_period
from newsprism.analyze.claims.numbers import AGE, NUMBER_WORDS, SCALES, WORDS, spaced_marks
from newsprism.analyze.claims.offices import offices
from newsprism.analyze.claims.ordinals import ordinal_places
from newsprism.analyze.claims.periods import moments
from newsprism.analyze.claims.places import (
    past_or_part,
    place_described,
    population_place,
    reference_place,
)
from newsprism.analyze.claims.quantities import QUALIFIERS, Quantity, qualifier
from newsprism.analyze.claims.statements import (
    doer,
    governing,
    named_objects,
    named_places,
    object_head,
    valued_thing,
)
from newsprism.analyze.claims.traits import (
    CHILDREN,
    LINE,
    PHONE,
    colours,
    one_line,
    parent_named,
    phone_digits,
    some_children,
)
from newsprism.analyze.claims.value import PERSON_KINDS
from newsprism.analyze.claims.value import People as People
from newsprism.analyze.claims.value import Value as Value
from newsprism.analyze.claims.value import no_people as no_people
from newsprism.analyze.claims.when import WEEKDAYS, named_months
from newsprism.records import Article, Span
from newsprism.settings import DEFAULT_ANALYSIS, AnalysisSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as TokenSpan

_YEAR = re.compile(r"(?<![\d$,.])\b(19[5-9]\d|20\d\d)\b(?![\d,])")
_TIME = re.compile(
    r"\b(\d{1,2})\s*[:.]\s*(\d{2})\s*(?:([ap])\.?\s*m\b\.?)?|\b(\d{1,2})\s*([ap])\.?\s*m\b\.?",
    re.IGNORECASE,
)
_GAME_CLOCK = re.compile(r"\s*(?:left(?!-)|remaining|to\s+go|to\s+play)\b")
"""What follows a game's clock after "with", not the time of day: "with 7:42 left in the
first half", "with 5:33 to play" (after a figure without "a.m." or "p.m."); not "at 7:30
to go to the airport", "At 11:45 left-wing protesters"."""
_GAME_WITH = re.compile(r"\bwith\s+(?:just\s+|only\s+)?$", re.IGNORECASE)
_GAME_MARK = re.compile(r"\s*mark\b")
"""A game's clock as a point: "at the 2:15 mark" ("the" before the figure; not "At 10:15
Mark Jones called")."""
_MAGNITUDE = re.compile(
    r"\b(\d(?:\s*\.\s*\d)?)\s*-?\s*magnitude\b"
    r"|\bmagnitude(?:\s+(?:of|at|was|is|measured))?\s*-?\s*(\d(?:\s*\.\s*\d)?)\b"
    r"|\b(\d(?:\s*\.\s*\d)?)\s+on\s+the\s+Richter\b",
    re.IGNORECASE,
)
"""A quake's magnitude: "a 6.1-magnitude quake", "a magnitude of 6. 1", "the magnitude at
6.1", "5.9 on the Richter scale"."""
_PERCENT = re.compile(r"\b(\d+(?:\s*\.\s*\d+)?)\s*(?:%|percent\b|per cent\b)", re.IGNORECASE)
_FIGURE = r"\d(?:[\d,]*\d)?(?:\s*\.\s*\d+)?"
"""Digits with thousands separators and a decimal part, the point perhaps spaced ("6. 4");
never ending in a separator ("$1,000, police said")."""
_SPACED_FIGURE = r"(?:\d{1,3}(?:,\s?\d{3})+(?!\d)|\d(?:[\d,]*\d)?)(?:\s*\.\s*\d+)?"
"""The same in text whose marks all carry a space (``numbers.spaced_marks``): "2, 000" is one
figure there; elsewhere "$100, 250 or 400" is two."""
_DAYS = {
    "second": 1 / 86400,
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "month": 30.44,
    "year": 365.25,
}


@dataclass(frozen=True)
class _Patterns:
    """The value patterns built on one way of writing figures."""

    money: re.Pattern[str]
    duration: re.Pattern[str]
    """A span of time: "12 weeks ago", "an eight-year deal", "five or six years ago" (five
    to six). Not a part of another figure ("twenty-five", "2 1/2"), an age ("32 years
    old") or a compound ("second-half")."""
    distance: re.Pattern[str]
    """A distance: a figure and its unit ("1,150 kilometers", "600 metres", "200ft"); no
    spelled numbers ("two miles" are too often a manner of speaking), no bare "m" ("£1.7m"),
    no part of a figure ("500 kilometers" of "1, 500 kilometers")."""
    population: re.Pattern[str]
    """How many people live in a place: "home to 120,000 people", "a population of more than
    100,000", "which has about 200,000 residents", "a city of 80,000" (``_POPULATION``)."""

    @classmethod
    def of(cls, figure: str) -> _Patterns:
        number = r"(" + figure + "|" + NUMBER_WORDS + ")"
        return cls(
            re.compile(
                r"([$£€])\s*("
                + figure
                + r")(?:\s*(?:-\s*)?(million|billion|trillion|bn|tn|mn|mm|m|k)\b)?(?!\w)",
                re.IGNORECASE,
            ),
            re.compile(
                r"(?<![\w,./-])(?<!\d,\s)(?:"
                + number
                + r"\s+(?:or|to)\s+)?"
                + number
                + r"(\s*-\s*|\s+)(second|minute|hour|day|week|month|year)(s?)\b"
                r"(?!\s*-|\s+old\b|\s+of\s+age\b)(\s+ago\b)?",
                re.IGNORECASE,
            ),
            re.compile(
                r"(?<![\w,./$£€-])(?<!\d,\s)(" + figure + r")\s*-?\s*"
                r"(kilometers|kilometres|km|miles|meters|metres|feet|ft)\b(?!\s*-)",
                re.IGNORECASE,
            ),
            re.compile(_POPULATION.replace("{figure}", figure), re.IGNORECASE),
        )


_HEDGE_WORDS = (
    r"(?:(?:"
    + "|".join(
        r"\s+".join(h.split())
        for h in sorted(QUALIFIERS, key=len, reverse=True)
        if QUALIFIERS[h] != "range"
    )
    + r")\s+)?"
)
"""A hedge before a population's figure ("more than 100,000"), read again in context."""
_PLACE_NOUNS = "|".join(sorted(lexicon.words("place_role_nouns"), key=len, reverse=True))
_FIGURE_OF_PEOPLE = r"(?P<{name}>{figure})(?!\s*[,.]\s*\d)(?:\s*(?P<{name}_scale>million|billion))?"
_POPULATION = (
    r"(?:\bhome\s+to|\bpopulation\s+(?:of|is|was|at|stands\s+at)|\b(?:" + _PLACE_NOUNS + r")\s+of)"
    r"\s+"
    + _HEDGE_WORDS
    + _FIGURE_OF_PEOPLE.replace("{name}", "figure")
    + r"(?:\s+(?:people|residents|inhabitants)\b"
    r"|(?=\s*[,.;:)]|\s+(?:and|who|which|where|that|in)\b))"
    r"|\b(?:has|had|have|with)\s+"
    + _HEDGE_WORDS
    + _FIGURE_OF_PEOPLE.replace("{name}", "held")
    + r"\s+(?:residents|inhabitants)\b"
)
"""Words that give how many people live in a place: after "home to", "population of", "a
town (city, island, ...) of", with "people", "residents" or "inhabitants" after the figure
or nothing more ("a city of 80,000, ...", "a town of 5,000 in northern Iran"; not "an island
of 200 square miles"); after "has" or "with" only with "residents" or "inhabitants" ("has
300 people" may be a company's staff). The figure is group ``figure`` or ``held``."""
_POPULATION_WORDS = frozenset({"home", "population", "has", "had", "have", "with"}) | frozenset(
    _PLACE_NOUNS.split("|")
)
"""The words before a population's figure that say it is one (the start of ``_POPULATION``)."""
_THOUSANDS_DOT = re.compile(r"\d{1,3}\.\d{3}")
"""A figure with a point before three digits ("120.000"): thousands, as some languages write
them, or a decimal; no population either way."""

_PATTERNS = {False: _Patterns.of(_FIGURE), True: _Patterns.of(_SPACED_FIGURE)}
"""The patterns for text whose marks carry no space after them, and for text whose do."""
_METRES = {
    "kilometers": 1000.0,
    "kilometres": 1000.0,
    "km": 1000.0,
    "miles": 1609.344,
    "meters": 1.0,
    "metres": 1.0,
    "feet": 0.3048,
    "ft": 0.3048,
}
_RECORD = re.compile(
    r"^(?:\s*\(|\s*,|['’]s\s+record\s+(?:to|of|at))\s*(\d{1,3})\s*-\s*(\d{1,3})"
    r"(?:\s*-\s*(\d{1,3}))?(?![\d-])(?!\s*,\s*\d{1,2}\s*-\s*\d)"
)
"""A win-loss(-draw) record right after a name: "Bowe (43-1)", "Klitschko, 53-3,",
"Klitschko's record to 52-3"; not the first of several set scores ("Federer (6-4, 6-3)")."""
_UNIT_CONVERSION = re.compile(
    r"\d\s*-?\s*(kilometers|kilometres|km|miles|meters|metres|feet|ft)\s*\(\s*"
    r"(?:about|some|roughly|nearly|almost|around|approximately|more than|over)?\s*$",
    re.IGNORECASE,
)
"""A distance in brackets right after another of the other system ("1,150 kilometers (700
miles)"): the outlet's own conversion of the figure before it, no value of its own. One of
the same system ("10 miles (3 miles of it new)") is a part of it."""
_METRIC = frozenset({"kilometers", "kilometres", "km", "meters", "metres"})
_CONTINUED = re.compile(r"\s*\.\s*\d")
"""A figure going on past where a statement ends: the sentence splitter cut "6. 4"."""
_CUT_AFTER = re.compile(r"[ \t]*(?:[\w'’-]+[ \t]+)?[\w'’-]*[ \t]*(?:\.\.\.|…)[ \t]*(?:\n|$)")
"""A text cut off within two words after a figure ("with $1 trillion in...", "60 percent of
likely..." at the end of the text or of a line), as feeds' and roundups' teasers are: what
the figure measures is cut away. An ellipsis inside the text ("lost $5 million... it was
terrible") cuts nothing."""
_MEASURED = frozenset({"count", "money", "percent"})
"""Kinds of figure whose words after it say what it measures."""
_SPLIT_SCALE = re.compile(r"\s-\s*(?:hundred|thousand|million|billion)\b", re.IGNORECASE)
"""A figure whose scale word is hyphenated off ("two - million"): read wrong, left out."""
HEDGED = frozenset({"money", "percent", "magnitude", "duration", "distance", "population"})
"""Kinds whose figure a hedge before it widens; counts get theirs in ``quantities``."""
FUTURE = lexicon.words("future_auxiliaries")
"""Auxiliaries by which a verb speaks of what will or can happen ("will miss")."""
_ENDING = lexicon.words("ending_verbs")
"""Verbs by which a contest ends: the moments of play compared are those it ended at."""
_EXPECTING = lexicon.words("expecting_verbs")
"""Verbs whose infinitive speaks of what is to happen ("expects to make")."""
_PART_OF = re.compile(
    r"\b(?:\d[\d,]*|" + NUMBER_WORDS + r")\s+\w+\s*\(\s*$",
    re.IGNORECASE,
)
"""What comes before a count in brackets that is a part of the count before them: "three
workers (one a pregnant woman"."""
_BOUNDS = frozenset({"since", "until", "before"})
"""Words by which a verb's count runs from or up to a moment."""
_TOLL_VERBS = lexicon.words("toll_events") | frozenset({"die", "injure"})
"""Verbs of a toll: a toll "since Sunday" is the toll so far, compared as any other."""


def statement_values(
    article: Article,
    doc: Doc,
    span: Span,
    quantities: Sequence[Quantity],
    settings: AnalysisSettings = DEFAULT_ANALYSIS,
    people: People = no_people,
) -> list[Value]:
    """The values of one statement (``span``); ``doc`` parses the article and
    ``quantities`` are its quantities. Ages, records, places in a sequence and offices are
    keyed by the actor named beside them (``people``), or by the name as written when it is no known
    actor's."""
    patterned = _patterned(article, span)
    populations = [v.span for v in patterned if v.kind == "population"]
    found = [
        *(c for c in _counts(span, quantities) if not _inside(c.span, populations)),
        *patterned,
        *_records(article, doc, span, people),
        *_ordinals(article, doc, span, people),
        *_offices(article, doc, span, people),
        *_colours(article, doc, span),
    ]
    return list(_in_context(article, doc, found, settings, people))


def _in_context(
    article: Article, doc: Doc, values: list[Value], settings: AnalysisSettings, people: People
) -> Iterator[Value]:
    """The values with what the parse says around them: context, names, governing verb
    (within ``settings.context_words`` on either side), and the range a hedge before a
    figure allows ("almost 90%": 76.5 to 90). A figure that a cut-off text ends right after
    is left out (``_CUT_AFTER``)."""
    words = settings.context_words
    shares = len({v.normalized for v in values if v.kind == "percent"})
    for value in values:
        if value.kind in _MEASURED and _CUT_AFTER.match(article.text, value.span.end):
            continue
        tokens = doc.char_span(value.span.start, value.span.end, alignment_mode="expand")
        if tokens is None:
            yield replace(value, key=GROUP) if value.key.startswith(GROUP) else value
            continue
        low, high = value.low, value.high
        if value.kind in HEDGED and value.low == value.high:  # a range is hedged already
            _, hedge, _ = qualifier(doc, tokens.start)
            low, high = (b if b == math.inf else value.low * b for b in settings.hedge_range(hedge))
        if value.kind == "age" and value.key.startswith(GROUP):
            value = replace(value, key=group_key(tokens, value.key))
        elif value.kind == "age":
            value = replace(value, key=f"age:{_whose(article, tokens, people) or ''}")
        if value.kind == "children":
            if some_children(tokens):
                continue
            named = parent_named(tokens[0])
            parent = _whose(article, tokens, people) or (
                _person(article, named, people) if named is not None else ""
            )
            value = replace(value, key=f"{value.key}:{parent}")
        if value.kind == "distance":
            value = replace(value, key=_between(article, tokens, people))
        if value.kind == "population":
            phrase = _population_words(tokens)
            if past_or_part(phrase):
                continue
            value = replace(
                value, key=f"population:{_place(article, population_place(phrase), people)}"
            )
        if value.kind == "count" and _bounded(tokens.root):
            value = replace(value, key=value.key + ":bounded")
        verb = governing(tokens.root)
        if value.kind == "moment":
            verb = _nearest_verb(tokens.root)
            if verb is None or verb.lemma_.lower() not in _ENDING:
                continue  # a contest ends once; other acts happen many times a period
        if value.kind == "percent" and shares == 1 and (whose := share_of(tokens, verb)):
            value = replace(value, key=f"percent:{whose}")
        if value.kind in ("percent", "money") and adjusted(tokens):
            value = replace(value, key=adjusted_key(value.key))
        if value.kind in PERSON_KINDS:  # said of a person, whatever the tense
            yield replace(value, context=_context(tokens, words))
            continue
        yield replace(
            value,
            low=low,
            high=high,
            context=_context(tokens, words),
            names=_names(tokens, words),
            verb=None if verb is None else str(verb.lemma_.lower()),
            objects=named_objects(verb),
            thing=valued_thing(tokens) if value.kind == "money" else object_head(verb),
            places=named_places(verb),
            future=_future(tokens.root),
            doer=doer(verb),
            who=(
                payer_marks(tokens.root, article, people)
                if value.kind == "money"
                else doer_marks(verb, article, people)
            ),
        )


def _place(article: Article, name: TokenSpan | None, people: People) -> str:
    """A place's name as a key, without a leading "the"; "" for none, and for the name of one
    of the story's people (``people``: "Smith, who lives 30 miles from Boston")."""
    if name is None or people(Span.of(article, name.start_char, name.end_char)) is not None:
        return ""
    words = [t.lower_ for t in name]
    return " ".join(words[1:] if words[0] == "the" and len(words) > 1 else words)


def _between(article: Article, distance: TokenSpan, people: People) -> str:
    """A distance's key: "distance:<place>:<place>" (the two names in order) when it is said
    to lie between two named places ("Qeshm, located 1,150 kilometers southeast of Tehran";
    "Tehran is 1,150 km northwest of Qeshm" is the same distance), else "distance"."""
    reference = reference_place(distance)
    subject = place_described(distance) if reference is not None else None
    if reference is None or subject is None or subject.start == reference.start:
        return "distance"
    places = sorted(_place(article, p, people) for p in (subject, reference))
    return f"distance:{places[0]}:{places[1]}" if all(places) else "distance"


def _population_words(figure: TokenSpan) -> TokenSpan:
    """The words of a population from the one that says it is one ("home", "population",
    "city", "has") to the end of its figure."""
    doc, start = figure.doc, figure.start
    while start > figure.sent.start and doc[start - 1].lower_ not in _POPULATION_WORDS:
        start -= 1
    if start == figure.sent.start:
        return figure
    return doc[start - 1 : figure.end]


def _inside(words: Span, spans: Sequence[Span]) -> bool:
    """Whether ``words`` overlap one of ``spans`` (a population's figure is no count)."""
    return any(s.start < words.end and words.start < s.end for s in spans)


def _bounded(number: Token) -> bool:
    """Whether a count (other than a toll) counts only up to or from a moment its verb names
    ("arrested three times since October", "missed nine games before coming back"), or
    is a running total ("have so far confiscated 14 rifles"): a part of a total another
    outlet may give whole ("arrested four times"), or a whole of which another outlet
    gives a part ("six rifles were seized" in one raid)."""
    verb = _nearest_verb(number)
    if verb is None or verb.lemma_.lower() in _TOLL_VERBS:
        return False
    for child in verb.children:
        marks = [child] if child.dep_ in ("prep", "mark") else []
        marks += [m for m in child.children if m.dep_ == "mark"] if child.dep_ == "advcl" else []
        if any(m.lower_ in _BOUNDS for m in marks) or _so_far(child):
            return True
    return False


_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj"})
"""Dependencies that start a clause of its own: "an operation that was so far the largest"
says nothing of the verb above it."""


def _so_far(modifier: Token) -> bool:
    """Whether a verb's modifier says its count is a running total: "so far" or "thus far"
    ("have so far confiscated 14 rifles", "in their five operations so far"), "to date"."""
    if modifier.dep_ not in ("advmod", "prep", "npadvmod"):
        return False
    words = [modifier]
    while words:
        word = words.pop()
        if word.lower_ == "far" and any(c.lower_ in ("so", "thus") for c in word.children):
            return True
        if word.lower_ == "to" and any(c.lower_ == "date" for c in word.children):
            return True
        words.extend(c for c in word.children if c.dep_ not in _CLAUSES)
    return False


def _whose(article: Article, tokens: TokenSpan, people: People) -> str | None:
    """The person a "-year-old" describes, named right after it with at most two nouns
    between ("32-year-old Englishman Robert Buckley"; not "the 12-year-old son of John
    Smith") or before it and a comma ("Robert Buckley, a 32-year-old")."""
    doc = tokens.doc
    for entity in tokens.sent.ents:
        if entity.label_ != "PERSON":
            continue
        after = doc[tokens.end : entity.start]
        before = doc[entity.end : tokens.start]
        if (0 <= len(after) <= 2 and entity.start >= tokens.end and _describing(after)) or (
            0 < len(before) <= 2
            and before[0].text == ","
            and all(t.pos_ == "DET" for t in before[1:])
        ):
            return _person(article, entity, people)
    return None


def _describing(words: TokenSpan) -> bool:
    """Whether the words between an age and a name only describe the person ("Englishman")."""
    return all(t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.is_punct for t in words)


def _person(article: Article, name: TokenSpan, people: People) -> str:
    """The actor a name is a mention of, or else the whole name as written: a surname alone
    would make the "61-year-old Katherine Gomes" and her "35-year-old" son Gomes one
    person (facts-dev, 32_ecb)."""
    actor = people(Span.of(article, name.start_char, name.end_char))
    return actor if actor is not None else " ".join(t.lower_ for t in name)


def _records(article: Article, doc: Doc, span: Span, people: People) -> Iterator[Value]:
    """Win-loss records written right after a person's name, keyed by the person."""
    for token in doc.char_span(span.start, span.end, alignment_mode="expand") or ():
        if token.ent_iob_ != "B" or token.ent_type_ != "PERSON":
            continue
        name = doc[token.i : token.i + 1]
        while name.end < len(doc) and doc[name.end].ent_iob_ == "I":
            name = doc[name.start : name.end + 1]
        rest = article.text[name.end_char : span.end]
        if (match := _RECORD.match(rest)) is None:
            continue
        games = [int(g) for g in match.groups() if g is not None]
        start = name.end_char + match.start(1)
        yield Value(
            "record",
            f"record:{_person(article, name, people)}",
            Span.of(article, start, name.end_char + match.end()),
            "-".join(str(g) for g in games),
            float(games[0]),
            float(games[0]),
        )


def _ordinals(article: Article, doc: Doc, span: Span, people: People) -> Iterator[Value]:
    """People's places in a sequence (``ordinals``), keyed by the person and the sequence:
    the actor the name is a mention of, else a name the entity recognizer took for a
    person's, as written; a noun that is neither names no one ("the operation was the
    fifth successful operation")."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    for found in ordinal_places(tokens) if tokens is not None else ():
        name = found.person
        actor = people(Span.of(article, name.start_char, name.end_char))
        if actor is None and name.label_ != "PERSON":
            continue
        whose = actor if actor is not None else " ".join(t.lower_ for t in name)
        words = Span.of(article, found.words.start_char, found.words.end_char)
        shown = f"{found.words[0].text} ({found.sequence.split(':')[0]})"
        place = float(found.place)
        key = f"ordinal:{whose}:{found.sequence}"
        yield Value("ordinal", key, words, shown, place, place, names=found.owners)


def _offices(article: Article, doc: Doc, span: Span, people: People) -> Iterator[Value]:
    """The chief offices titles before people's names give them (``offices``), keyed by
    the person."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    for found in offices(tokens) if tokens is not None else ():
        title = Span.of(article, found.title.start_char, found.title.end_char)
        key = f"office:{_person(article, found.name, people)}"
        yield Value("office", key, title, found.office, 0, 0, names=found.company)


def _colours(article: Article, doc: Doc, span: Span) -> Iterator[Value]:
    """The colours a statement gives things, keyed by the noun each describes."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    for token, colour, thing in colours(tokens) if tokens is not None else ():
        words = Span.of(article, token.idx, token.idx + len(token))
        yield Value("colour", f"colour:{thing}", words, colour, 0, 0)


def _nearest_verb(token: Token) -> Token | None:
    """The nearest verb (or copula) above ``token`` in the parse."""
    return next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)


def _future(token: Token) -> bool:
    """Whether the verb governing ``token`` speaks of what will, would or can happen rather
    than of what did ("will miss two games", "a magnitude 6 quake can cause damage",
    "expects to make $72 billion")."""
    verb = _nearest_verb(token)
    if verb is None:
        return False
    led = verb.head if verb.dep_ == "conj" else verb  # "expects to make $70bn and earn $5bn"
    if led.dep_ == "xcomp" and led.head.lemma_.lower() in _EXPECTING:
        return True
    return any(c.lower_ in FUTURE for c in verb.children if c.dep_ == "aux")


def _names(tokens: TokenSpan, words: int) -> frozenset[str]:
    """The proper nouns around a value: whose value it is. Days and months ("on Friday")
    are when, not whose."""
    return frozenset(
        t.lower_
        for t in _window(tokens, words)
        if t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME")
    )


def _window(tokens: TokenSpan, words: int) -> Iterator[Token]:
    sentence = tokens.sent
    low = max(sentence.start, tokens.start - words)
    high = min(sentence.end, tokens.end + words)
    for token in tokens.doc[low:high]:
        if not tokens.start <= token.i < tokens.end:
            yield token


def _context(tokens: TokenSpan, words: int) -> frozenset[str]:
    """The content lemmas around a value, within its sentence: what it is the value of."""
    return frozenset(
        t.lemma_.lower() for t in _window(tokens, words) if t.is_alpha and not t.is_stop
    )


WORDED_KINDS = frozenset({"day", "date", "year", "record", "colour", "phone", "office"})
"""Kinds whose values agree only when they read alike, not when their ranges meet."""


def apart(a: Value, b: Value, settings: AnalysisSettings = DEFAULT_ANALYSIS) -> bool:
    """Whether two values of one key cannot both be true."""
    if a.key != b.key:
        return False
    if a.kind == "time":
        return not _same_time(a, b, settings.clock_slack)
    if a.kind == "phone":
        return a.normalized != b.normalized and one_line(a.normalized, b.normalized)
    if a.kind in WORDED_KINDS:
        return a.normalized != b.normalized
    low_a, high_a = _rounded(a, settings.rounding)
    low_b, high_b = _rounded(b, settings.rounding)
    return high_a < low_b or high_b < low_a


def _rounded(value: Value, rounding: float) -> tuple[float, float]:
    if value.low == value.high and value.kind in ("count", "money", "population"):
        return value.low * (1 - rounding), value.high * (1 + rounding)
    return value.low, value.high


def _same_time(a: Value, b: Value, clock_slack: float) -> bool:
    """Clock times in minutes; one without a.m./p.m. (low < 0) matches either half-day.
    A whole hour ("9pm", "1:00 am") may be a rounded one, so it matches the times that
    round to it: those less than half an hour away. A half hour ("9:30pm") is a round time
    of its own, which a writer who knew it would give as such, not one rounded to the hour
    ("shortly after 2 a.m." / "just after 2:30 a.m." are two moments). Other times match
    within ``clock_slack`` minutes."""
    if a.low < 0 or b.low < 0:
        gap = abs(a.high % 720 - b.high % 720)
        gap = min(gap, 720 - gap)
    else:
        gap = abs(a.high - b.high)
    rounded = a.high % 60 == 0 or b.high % 60 == 0
    return gap <= clock_slack or (rounded and gap < _HALF_HOUR)


_HALF_HOUR = 30.0
"""Minutes to the half hours either side of a whole hour: where rounding to it stops."""


def _counts(span: Span, quantities: Sequence[Quantity]) -> Iterator[Value]:
    for quantity in quantities:
        number = quantity.number
        if number.article != span.article or not span.start <= number.start < span.end:
            continue
        if number.end > span.end or quantity.negated or _SPLIT_SCALE.search(number.text):
            continue
        if converted(span.text, number.start - span.start):
            continue
        key = f"count:{quantity.counted}:{quantity.event or ''}"
        if _PART_OF.search(span.text[: number.start - span.start]):
            key += ":bounded"  # "three workers (one a pregnant woman)": one of the three
        shown = " ".join(quantity.number.text.split())
        yield Value(
            "count",
            key,
            number,
            f"{shown} ({quantity.counted})",
            quantity.low,
            quantity.high,
            clause=quantity.evidence,
        )


def _patterned(article: Article, span: Span) -> list[Value]:
    text, base = span.text, span.start
    values: list[Value] = []
    patterns = _PATTERNS[spaced_marks(article.text)]

    def add(kind: str, match: re.Match[str], normalized: str, low: float, high: float) -> None:
        words = Span.of(article, base + match.start(), base + match.end())
        values.append(Value(kind, kind, words, normalized, low, high))

    for match in re.finditer(r"\b(" + "|".join(d.capitalize() for d in WEEKDAYS) + r")\b", text):
        add("day", match, match.group(1), 0, 0)
    for match, month, day in named_months(text):
        if month == "May" and not day:
            continue  # the verb
        if day:
            add("date", match, f"{month} {day}", 0, 0)
        else:  # a month alone is compared with months alone: "December 9" is in December
            words = Span.of(article, base + match.start(), base + match.end())
            values.append(Value("date", "date:month", words, month, 0, 0))
    for match in _YEAR.finditer(text):
        year = float(match.group(1))
        add("year", match, match.group(1), year, year)
    for moment in moments(text):
        words = Span.of(article, base + moment.start, base + moment.end)
        clock = f"{moment.seconds // 60}:{moment.seconds % 60:02d}"
        normalized = f"{clock} of period {moment.period}"
        key = f"moment:{moment.period}"
        values.append(Value("moment", key, words, normalized, moment.seconds, moment.seconds))
    for match in _TIME.finditer(text):
        if (minutes := _minutes(match)) is not None and not _game_clock(match, article, base):
            add("time", match, _clock(match), *minutes)
    inside = []
    for age in listed_ages(text):
        inside.append((age.start, age.end))
        words = Span.of(article, base + age.start, base + age.end)
        values.append(Value("age", age.key, words, f"{age.years:g}", age.years, age.years))
    for pattern, kind in ((_MAGNITUDE, "magnitude"), (_PERCENT, "percent"), (AGE, "age")):
        for match in pattern.finditer(text):
            if kind == "age" and any(a < match.end() and match.start() < b for a, b in inside):
                continue  # "68 and 48-year-old": an age of a list, keyed by the list
            cut = match.end() == len(text) and text[-1].isdigit()
            if cut and _CONTINUED.match(article.text, span.end):
                continue  # the statement ends inside the figure: "a magnitude of 6| . 4"
            figure = _figure(next(g for g in match.groups() if g))
            add(kind, match, f"{figure:g}", figure, figure)
    for match in PHONE.finditer(text):
        if (digits := phone_digits(match.group(1), text[: match.start(1)])) is not None:
            words = Span.of(article, base + match.start(1), base + match.end(1))
            values.append(Value("phone", f"phone:{digits[:LINE]}", words, digits, 0, 0))
    for match in CHILDREN.finditer(text):
        figure = _figure(match.group(2))
        grand = match.group(1).lower().startswith("grand")
        kind = "grandchildren" if grand else "children"
        words = Span.of(article, base + match.start(), base + match.end())
        values.append(Value("children", kind, words, f"{figure:g}", figure, figure))
    for match in patterns.duration.finditer(text):
        least, number, joined, unit, plural, ago = match.groups()
        count = _figure(number)
        if not joined.strip() and not plural and count != 1:
            continue  # "two second-half goals", "five day trip" are not spans of time
        figure = count * _DAYS[unit.lower()]
        other = figure if least is None else _figure(least) * _DAYS[unit.lower()]
        low, figure = sorted((figure, other))
        shown = " ".join(match.group(0).split())
        values.append(
            Value(
                "duration",
                "duration:ago" if ago is not None else "duration",
                Span.of(article, base + match.start(), base + match.end()),
                shown,
                low,
                figure,
            )
        )
    for match in patterns.distance.finditer(text):
        before = _UNIT_CONVERSION.search(text[max(0, match.start() - 40) : match.start()])
        if before and (before.group(1).lower() in _METRIC) != (match.group(2).lower() in _METRIC):
            continue
        metres = _figure(match.group(1)) * _METRES[match.group(2).lower()]
        add("distance", match, " ".join(match.group(0).split()), metres, metres)
    for match in patterns.population.finditer(text):
        group = "figure" if match.group("figure") is not None else "held"
        if _THOUSANDS_DOT.fullmatch(match.group(group)):
            continue
        scale = SCALES.get((match.group(f"{group}_scale") or "").lower(), 1.0)
        figure = _figure(match.group(group)) * scale
        words = Span.of(article, base + match.start(group), base + match.end())
        shown = " ".join(words.text.split())
        values.append(Value("population", "population", words, shown, figure, figure))
    figures = read_figures(text, patterns)
    for amount in amounts(text, figures):
        words = Span.of(article, base + amount.start, base + amount.end)
        shown = " ".join(words.text.split())
        key = f"money:{amount.currency}{per_period(text[amount.end :])}"
        values.append(Value("money", key, words, shown, amount.low, amount.high))
    return values


def read_figures(text: str, patterns: _Patterns = _PATTERNS[False]) -> list[Figure]:
    """The figures of money ``text`` writes, in order, but those that convert the one
    before them (``converted``)."""
    figures = []
    for match in patterns.money.finditer(text):
        if converted(text, match.start()):
            continue
        scale = MONEY_SCALES.get((match.group(3) or "").lower(), 1.0)
        worth = _figure(match.group(2)) * scale
        figures.append(Figure(match.start(), match.end(), match.group(1), worth, scale))
    return figures


def _figure(words: str) -> float:
    digits = re.sub(r"\s+", "", words).replace(",", "")
    try:
        return float(digits)
    except ValueError:
        parts = digits.lower().split("-")
        if len(parts) > 1 and all(p in WORDS for p in parts):
            return sum(WORDS[p] for p in parts)  # "sixty-one"
        return WORDS.get(digits.lower(), SCALES.get(digits.lower(), 0.0))


def _minutes(match: re.Match[str]) -> tuple[float, float] | None:
    """(low, high) of a clock time in minutes after midnight; low is -1 when the half of
    the day is not said."""
    hour = int(match.group(1) or match.group(4))
    minute = int(match.group(2) or 0)
    half = (match.group(3) or match.group(5) or "").lower()
    if hour > 23 or minute > 59 or (not half and not match.group(2)):
        return None
    if not half and ":" not in match.group(0):
        return None  # "8.40" alone is a figure, not a time
    if half == "p" and hour < 12:
        hour += 12
    if half == "a" and hour == 12:
        hour = 0
    minutes = float(hour * 60 + minute)
    return (minutes, minutes) if half or hour > 12 else (-1.0, minutes)


def _game_clock(match: re.Match[str], article: Article, base: int) -> bool:
    """Whether a clock figure without "a.m." or "p.m." is a game's clock (``_GAME_CLOCK``),
    read on in the article past a clause that ends at the figure."""
    half = match.group(3) or match.group(5)
    if half is not None:
        return False
    start, end = base + match.start(), base + match.end()
    before = article.text[max(0, start - 16) : start]
    if _GAME_WITH.search(before):
        return bool(_GAME_CLOCK.match(article.text, end))
    return before.lower().endswith("the ") and bool(_GAME_MARK.match(article.text, end))


def _clock(match: re.Match[str]) -> str:
    return " ".join(match.group(0).split())
