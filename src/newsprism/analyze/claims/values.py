"""The values a statement gives, typed so that two outlets' values can be compared.

Each value keeps the words as written (a Span) beside a normalized form:
- ``count``: a number of something, with its range after qualifiers ("at least 14
  people killed": 14 and up), keyed by what it counts and what happened to it
  (``quantities``);
- ``money``, ``percent``, ``magnitude`` (an earthquake's), ``age`` ("26-year-old");
- ``day`` (a weekday), ``date`` (a month and day), ``year``, ``time`` (a clock time;
  without "a.m."/"p.m." it matches either).

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
from newsprism.analyze.claims.numbers import SCALES, WORDS
from newsprism.analyze.claims.quantities import Quantity, qualifier
from newsprism.analyze.claims.when import WEEKDAYS
from newsprism.records import Article, Span
from newsprism.settings import DEFAULT_ANALYSIS, AnalysisSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as TokenSpan

_MONTHS = "|".join(m.capitalize() for m in lexicon.ordered("months"))
_MONTH = re.compile(r"\b(" + _MONTHS + r")\.?(?:\s+(\d{1,2}))?\b")
_YEAR = re.compile(r"(?<![\d$,.])\b(19[5-9]\d|20\d\d)\b(?![\d,])")
_TIME = re.compile(
    r"\b(\d{1,2})\s*[:.]\s*(\d{2})\s*(?:([ap])\.?\s*m\b\.?)?|\b(\d{1,2})\s*([ap])\.?\s*m\b\.?",
    re.IGNORECASE,
)
_MAGNITUDE = re.compile(
    r"\b(\d(?:\s*\.\s*\d)?)\s*-?\s*magnitude\b|\bmagnitude(?:\s+of)?\s*-?\s*(\d(?:\s*\.\s*\d)?)\b",
    re.IGNORECASE,
)
_AGE = re.compile(r"\b(\d{1,3})\s*-\s*year\s*-\s*old\b", re.IGNORECASE)
_PERCENT = re.compile(r"\b(\d+(?:\s*\.\s*\d+)?)\s*(?:%|percent\b|per cent\b)", re.IGNORECASE)
_MONEY = re.compile(
    r"([$£€])\s*(\d[\d,]*(?:\s*\.\s*\d+)?)\s*(?:-\s*)?(million|billion|bn|mm|m|k)?\b",
    re.IGNORECASE,
)
_SPLIT_SCALE = re.compile(r"\s-\s*(?:hundred|thousand|million|billion)\b", re.IGNORECASE)
"""A figure whose scale word is hyphenated off ("two - million"): read wrong, left out."""
HEDGED = frozenset({"money", "percent", "magnitude"})
"""Kinds whose figure a hedge before it widens; counts get theirs in ``quantities``."""
FUTURE = lexicon.words("future_auxiliaries")
"""Auxiliaries by which a verb speaks of what will or can happen ("will miss")."""
_MONEY_SCALES = {"million": 1e6, "mm": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "k": 1e3}


@dataclass(frozen=True)
class Value:
    """One value a statement gives."""

    kind: str
    key: str
    """What the value is of; values are compared only under equal keys."""
    span: Span
    """The value's words as written."""
    normalized: str
    """The value as compared, for a reader ("Thursday", "14 people killed", "9:25")."""
    low: float
    high: float
    """The range the words allow (equal for an exact figure)."""
    clause: Span | None = None
    """For a count, the clause that states it ("900 troops in Syria")."""
    context: frozenset[str] = frozenset()
    """Content lemmas around the value in its sentence ("fire", "break", "roof")."""
    names: frozenset[str] = frozenset()
    """Proper nouns around the value (lower-cased): whose value it is."""
    verb: str | None = None
    """The lemma of the verb that governs the value ("checked in on Tuesday": check)."""
    future: bool = False
    """Whether that verb speaks of what will or can happen ("will miss two games")."""


def statement_values(
    article: Article,
    doc: Doc,
    span: Span,
    quantities: Sequence[Quantity],
    settings: AnalysisSettings = DEFAULT_ANALYSIS,
) -> list[Value]:
    """The values of one statement (``span``); ``doc`` parses the article and
    ``quantities`` are its quantities."""
    found = [*_counts(span, quantities), *_patterned(article, span)]
    return list(_in_context(doc, found, settings))


def _in_context(doc: Doc, values: list[Value], settings: AnalysisSettings) -> Iterator[Value]:
    """The values with what the parse says around them: context, names, governing verb
    (within ``settings.context_words`` on either side), and the range a hedge before a
    figure allows ("almost 90%": 76.5 to 90)."""
    words = settings.context_words
    for value in values:
        tokens = doc.char_span(value.span.start, value.span.end, alignment_mode="expand")
        if tokens is None:
            yield value
            continue
        low, high = value.low, value.high
        if value.kind in HEDGED:
            _, hedge, _ = qualifier(doc, tokens.start)
            low, high = (b if b == math.inf else value.low * b for b in settings.hedge_range(hedge))
        yield replace(
            value,
            low=low,
            high=high,
            context=_context(tokens, words),
            names=_names(tokens, words),
            verb=_verb(tokens.root),
            future=_future(tokens.root),
        )


def _verb(token: Token) -> str | None:
    """The lemma of the nearest verb (or copula) that governs ``token``: "attempts on
    Saturday were unsuccessful" is of "be", not of the sentence's main verb."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return str(ancestor.lemma_.lower())
    return None


def _future(token: Token) -> bool:
    """Whether the verb governing ``token`` speaks of what will, would or can happen rather
    than of what did ("will miss two games", "a magnitude 6 quake can cause damage")."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return any(c.lower_ in FUTURE for c in ancestor.children if c.dep_ == "aux")
    return False


def _names(tokens: TokenSpan, words: int) -> frozenset[str]:
    """The proper nouns around a value: whose value it is."""
    return frozenset(t.lower_ for t in _window(tokens, words) if t.pos_ == "PROPN")


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


def apart(a: Value, b: Value, settings: AnalysisSettings = DEFAULT_ANALYSIS) -> bool:
    """Whether two values of one key cannot both be true."""
    if a.key != b.key:
        return False
    if a.kind == "time":
        return not _same_time(a, b, settings.clock_slack)
    if a.kind in ("day", "date", "year"):
        return a.normalized != b.normalized
    low_a, high_a = _rounded(a, settings.rounding)
    low_b, high_b = _rounded(b, settings.rounding)
    return high_a < low_b or high_b < low_a


def _rounded(value: Value, rounding: float) -> tuple[float, float]:
    if value.low == value.high and value.kind in ("count", "money"):
        return value.low * (1 - rounding), value.high * (1 + rounding)
    return value.low, value.high


def _same_time(a: Value, b: Value, clock_slack: float) -> bool:
    """Clock times in minutes; one without a.m./p.m. (low < 0) matches either half-day.
    A whole hour ("9pm") may be a rounded one, so it matches the half hour around it;
    other times match within ``clock_slack`` minutes."""
    slack = max(_slack(a, clock_slack), _slack(b, clock_slack))
    if a.low < 0 or b.low < 0:
        gap = abs(a.high % 720 - b.high % 720)
        return min(gap, 720 - gap) <= slack
    return abs(a.high - b.high) <= slack


def _slack(value: Value, clock_slack: float) -> float:
    return 30.0 if value.high % 60 == 0 else clock_slack


def _counts(span: Span, quantities: Sequence[Quantity]) -> Iterator[Value]:
    for quantity in quantities:
        number = quantity.number
        if number.article != span.article or not span.start <= number.start < span.end:
            continue
        if number.end > span.end or quantity.negated or _SPLIT_SCALE.search(number.text):
            continue
        key = f"count:{quantity.counted}:{quantity.event or ''}"
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

    def add(kind: str, match: re.Match[str], normalized: str, low: float, high: float) -> None:
        words = Span.of(article, base + match.start(), base + match.end())
        values.append(Value(kind, kind, words, normalized, low, high))

    for match in re.finditer(r"\b(" + "|".join(d.capitalize() for d in WEEKDAYS) + r")\b", text):
        add("day", match, match.group(1), 0, 0)
    for match in _MONTH.finditer(text):
        if match.group(1) == "May" and not match.group(2):
            continue  # the verb
        month = match.group(1) + (f" {int(match.group(2))}" if match.group(2) else "")
        add("date", match, month, 0, 0)
    for match in _YEAR.finditer(text):
        year = float(match.group(1))
        add("year", match, match.group(1), year, year)
    for match in _TIME.finditer(text):
        if (minutes := _minutes(match)) is not None:
            add("time", match, _clock(match), *minutes)
    for pattern, kind in ((_MAGNITUDE, "magnitude"), (_PERCENT, "percent"), (_AGE, "age")):
        for match in pattern.finditer(text):
            figure = _figure(next(g for g in match.groups() if g))
            add(kind, match, f"{figure:g}", figure, figure)
    for match in _MONEY.finditer(text):
        scale = _MONEY_SCALES.get((match.group(3) or "").lower(), 1.0)
        figure = _figure(match.group(2)) * scale
        values.append(
            Value(
                "money",
                f"money:{match.group(1)}",
                Span.of(article, base + match.start(), base + match.end()),
                " ".join(match.group(0).split()),
                figure,
                figure,
            )
        )
    return values


def _figure(words: str) -> float:
    digits = re.sub(r"\s+", "", words).replace(",", "")
    try:
        return float(digits)
    except ValueError:
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


def _clock(match: re.Match[str]) -> str:
    return " ".join(match.group(0).split())
