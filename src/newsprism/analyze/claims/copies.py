"""Near-copies of one sentence whose few changed words give another number, name or day.

Wire copy and rewrites of it repeat a sentence almost word for word; where the copies
differ in a figure ("sentenced to 2 years" / "2 1/2 years"), a name ("general manager
A.J. Smith" / "A.J. Butler"), a spelling ("Duncan Rait" / "Duncan Raite") or a weekday,
at most one version is right. Two statements are near-copies when their word sequences
match for at least ``settings.copy_near`` of their length (difflib's ratio). A changed
stretch of at most ``settings.copy_max_change`` words on either side is a disagreement
when both sides give a value of one type that differs:
- numbers, in the same currency or none (currencies are not converted, and an outlet's
  own conversion, "€110 billion ($143 billion)", is its arithmetic, not a fact);
- weekdays and months ("yesterday" against "Tuesday" may well be the same day: not
  compared; nor the day an outlet reported, "the paper reported Sunday");
- names, unless one holds the other ("Us" / "UsMagazine.com"; "Rait" / "Raite" is
  another spelling), abbreviates it ("CHP", "Mt"), differs only in accents or case, or
  is a title ("Sgt."); British and American spellings of one word ("Centre" /
  "Center") are one, and a place's name for a name that is no place ("against
  Evansville" / "against the Purple Aces") is one actor called two ways.
Other changes ("said" / "says", a detail one copy leaves out) are wording, not facts, and
so is a stretch whose other words change too ("will miss two games" / "missed four"),
one with the same digits ("41 / 2" / "412") or one the text lost a character in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from unidecode import unidecode

from newsprism import lexicon
from newsprism.analyze.claims.align import Similarity
from newsprism.analyze.claims.money import converted
from newsprism.analyze.claims.numbers import WORDS
from newsprism.analyze.claims.statements import Statement
from newsprism.analyze.claims.when import WEEKDAYS
from newsprism.records import Span
from newsprism.settings import DEFAULT_ANALYSIS, AnalysisSettings

_TOKEN = re.compile(r"\d+(?:[,:]\d+)+|\w+(?:[.'’/]\w+)*\.?|[^\w\s]")
"""Words and marks; a figure with thousands separators or a clock time is one word
("1,000", "02:41"), so that "1000" / "1,000" is one figure written two ways."""
_WEEKDAYS = frozenset(WEEKDAYS)
_POSSESSIVE = re.compile(r"['’]s?$")
_VOWELS = frozenset("aeiouy")
_CURRENCIES = frozenset({"$", "£", "€", "¥"})
_MONTHS = lexicon.words("months")
_NOT_NAMES = lexicon.words("titles") | lexicon.words("not_name_words") | _MONTHS
"""Capitalised words that name no one: titles, sentence-initial words, months."""
_SPELLINGS = tuple(lexicon.pairs("spelling_folds").items())
"""British and American endings of one word ("Centre" / "Center"), folded to one."""

Words = list[tuple[str, tuple[int, int]]]
_FRACTION = re.compile(r"[1-9]/[1-9]\d?")
"""A fraction written after a whole number: "2 1/2"."""


@dataclass(frozen=True)
class Variant:
    """One point on which copies of a sentence differ: statement indices by reading."""

    sides: tuple[tuple[tuple[int, Span], ...], ...]
    """Each side: (statement index, the changed words as this statement writes them)."""
    kind: str = "name"
    """What differs: ``number:<currency>``, ``weekday``, ``month`` or ``name``."""


def variants(
    statements: Sequence[Statement],
    similarity: Similarity,
    settings: AnalysisSettings = DEFAULT_ANALYSIS,
) -> list[Variant]:
    """Points on which near-copies differ in a value, one per changed stretch; pairs are
    checked for copying at all from a blended similarity (``align``) of
    ``settings.copy_candidate``."""
    tokens = [_tokens(s.span) for s in statements]
    found: dict[tuple[int, int, int], dict[str, dict[int, Span]]] = {}
    kinds: dict[tuple[int, int, int], str] = {}
    for _, i, j in similarity.above(settings.copy_candidate):
        a, b = tokens[i], tokens[j]
        matcher = SequenceMatcher(None, [t for t, _ in a], [t for t, _ in b], autojunk=False)
        if matcher.ratio() < settings.copy_near:
            continue
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal" or max(i2 - i1, j2 - j1) > settings.copy_max_change:
                continue
            if _fraction_after_whole(a, b, i1, i2, j1, j2):
                i1, j1 = i1 - 1, j1 - 1  # "2 years" / "2 1/2 years": the whole figure changed
            left, right = a[i1:i2], b[j1:j2]
            if not left or not right or _plain(left) != _plain(right):
                continue
            if _written_alike(left, right):
                continue
            kind = _apart(_typed(left, statements[i]), _typed(right, statements[j]))
            if kind is None:
                continue
            kinds.setdefault((i, i1, i2), kind)
            point = found.setdefault((i, i1, i2), {})
            point.setdefault(_reading(left), {})[i] = _cover(statements[i].span, left)
            point.setdefault(_reading(right), {})[j] = _cover(statements[j].span, right)
    return _merged(found, kinds)


_LABELS = {"weekday": "the day", "month": "the month", "name": "a name"}


def variant_about(variant: Variant) -> str:
    """What the copies differ on, for a reader: the changed words as each side writes them."""
    words = " / ".join(f"“{side[0][1].text}”" for side in variant.sides)
    label = _LABELS.get(variant.kind, "a figure")
    return f"{label} in a sentence outlets copy: {words}"


def _merged(
    found: dict[tuple[int, int, int], dict[str, dict[int, Span]]],
    kinds: dict[tuple[int, int, int], str],
) -> list[Variant]:
    """One variant per point; points that share a statement's changed words are one, and
    so are points of other sentences that differ in the same readings ("Rait" / "Raite"
    in every sentence that names him)."""
    merged: list[dict[str, dict[int, Span]]] = []
    merged_kinds: list[str] = []
    for point, readings in sorted(found.items()):
        if len(readings) < 2:
            continue
        kind = kinds[point]
        members = {(s.article, s.start) for side in readings.values() for s in side.values()}
        for other, other_kind in zip(merged, merged_kinds, strict=True):
            if (readings.keys() == other.keys() and kind == other_kind) or members & {
                (s.article, s.start) for side in other.values() for s in side.values()
            }:
                for reading, side in readings.items():
                    other.setdefault(reading, {}).update(side)
                break
        else:
            merged.append({r: dict(side) for r, side in readings.items()})
            merged_kinds.append(kind)
    return [
        Variant(tuple(tuple(sorted(side.items())) for side in readings.values()), kind)
        for readings, kind in zip(merged, merged_kinds, strict=True)
    ]


def _tokens(span: Span) -> Words:
    """The span's words and marks, each with its offsets in the article."""
    return [
        (m.group(0), (span.start + m.start(), span.start + m.end()))
        for m in _TOKEN.finditer(span.text)
    ]


def _apart(one: dict[str, set[str]], other: dict[str, set[str]]) -> str | None:
    """The type in which two changed stretches give different values, if any; names must
    be proper nouns of the parse, and one side's names none of the other's written
    another way (an omission, "Group" / "Group president Paul Lee", is no disagreement)."""
    for kind in sorted(one.keys() & other.keys() - {"place"}):
        a, b = one[kind], other[kind]
        if kind == "name":
            if _acronym(a, b) or any(not _other_name(x, y) for x in a for y in b):
                continue
            if (a <= one.get("place", set())) != (b <= other.get("place", set())):
                continue  # a team by its town and by its name: "Evansville" / "Purple Aces"
        elif a & b:
            continue
        return kind
    return None


def _fraction_after_whole(a: Words, b: Words, i1: int, i2: int, j1: int, j2: int) -> bool:
    """Whether a changed stretch starts with a fraction right after a whole number both
    copies write ("sentenced to 2 years" / "to 2 1/2 years")."""
    first = a[i1][0] if i1 < i2 else b[j1][0] if j1 < j2 else ""
    return (
        bool(_FRACTION.fullmatch(first))
        and i1 > 0
        and j1 > 0
        and a[i1 - 1][0] == b[j1 - 1][0]
        and a[i1 - 1][0].isdigit()
    )


def _typed(words: Words, statement: Statement) -> dict[str, set[str]]:
    """The values a stretch of a statement gives, by type: ``number:<currency>``,
    ``weekday``, ``name`` (a proper noun of the parse, not the statement's first word); and
    apart, ``place``: the names that the recogniser reads as places."""
    found: dict[str, set[str]] = {}
    currency = next((w for w, _ in words if w in _CURRENCIES), "")
    span = statement.span
    for n, (word, (start, _)) in enumerate(words):
        lowered = word.lower().rstrip(".")
        if n and _FRACTION.fullmatch(lowered) and words[n - 1][0].isdigit():
            continue  # read with the whole number before it
        if (figure := _number(lowered)) is not None:
            if n + 1 < len(words) and lowered.isdigit() and _FRACTION.fullmatch(words[n + 1][0]):
                top, bottom = words[n + 1][0].split("/")
                figure = f"{int(lowered) + int(top) / int(bottom):g}"  # "2 1/2": 2.5
            if not converted(span.text, start - span.start):  # "($143 billion)": arithmetic
                found.setdefault(f"number:{currency}", set()).add(figure)
        elif lowered in _WEEKDAYS or lowered in _MONTHS:
            if start not in statement.reported:
                found.setdefault("weekday" if lowered in _WEEKDAYS else "month", set()).add(lowered)
        elif start in statement.proper and start > statement.span.start:
            if lowered in _NOT_NAMES:
                continue
            found.setdefault("name", set()).add(unidecode(lowered))
            if start in statement.placed:
                found.setdefault("place", set()).add(unidecode(lowered))
    return found


def _written_alike(left: Words, right: Words) -> bool:
    """Whether two changed stretches are one thing written two ways, or unreadable: the
    same digits ("41 / 2" / "412", "1 000" / "1000"), or a character the text lost on
    the way (U+FFFD, the replacement mark)."""
    if any("\ufffd" in w for w, _ in (*left, *right)):
        return True
    figures = [re.sub(r"[\s/,]", "", "".join(w for w, _ in side)) for side in (left, right)]
    return any(c.isdigit() for c in figures[0]) and figures[0] == figures[1]


def _acronym(a: set[str], b: set[str]) -> bool:
    """Whether one side's single name spells the initials of the other's ("CHP")."""
    for short, long in ((a, b), (b, a)):
        if len(short) == 1 and len(long) > 1:
            initials = "".join(sorted(w[0] for w in long))
            if sorted(next(iter(short)).replace(".", "")) == sorted(initials):
                return True
    return False


def _plain(words: Words) -> list[str]:
    """The words of a changed stretch that are no value: they must read the same on both
    sides ("will miss two" / "missed four" is another sentence, not another figure)."""
    return [
        w.lower()
        for w, _ in words
        if _number(w.lower().rstrip(".")) is None and not w[:1].isupper() and w.isalpha()
    ]


def _number(word: str) -> str | None:
    # "6:00" is "6"; "02:41" and "0241" (a 24-hour clock) are "2:41"
    if clock := re.fullmatch(r"(\d{1,2}):(\d\d)|(0\d)(\d\d)", word):
        hour, minute = int(clock.group(1) or clock.group(3)), clock.group(2) or clock.group(4)
        if hour < 24 and int(minute) < 60:
            return str(hour) if minute == "00" else f"{hour}:{minute}"
    digits = word.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?(?:/\d+)?", digits):
        return digits
    return str(WORDS[word]) if word in WORDS else None


def _other_name(a: str, b: str) -> bool:
    """Two name words that cannot be one name written two ways (British and American
    spellings of one word are one: "Centre" / "Center"); one that holds the other
    is the same name ("Us" / "UsMagazine.com", "Lohan" / "Lohan's", "U.S." / "USA")
    unless a name of four letters or more only gains a vowel ("Rait" / "Raite": another
    spelling)."""
    a, b = (re.sub(r"\W", "", _POSSESSIVE.sub("", w)) for w in (a, b))
    if not a or not b or one_spelling(a) == one_spelling(b):
        return False
    short, long = sorted((a, b), key=len)
    if short in long:
        extra = long.replace(short, "", 1)
        return len(short) >= 4 and short.isalpha() and len(extra) == 1 and extra in _VOWELS
    letters = iter(long)
    return not (len(short) <= 5 and all(c in letters for c in short))


def one_spelling(word: str) -> str:
    """A word, lower-cased, with its British or American ending folded to one."""
    word = word.lower()
    plural = word.endswith("s") and not word.endswith("ss")
    stem = word[:-1] if plural else word
    for ending, folded in _SPELLINGS:
        if stem.endswith(ending):
            return stem[: len(stem) - len(ending)] + folded
    return stem


def _reading(words: Words) -> str:
    """The changed words as compared: lower case, a sentence's final point left out ("March."
    in a sentence is "March" in its clause)."""
    return " ".join(w for w, _ in words).lower().removesuffix(".")


def _cover(span: Span, words: Words) -> Span:
    start, end = words[0][1][0], words[-1][1][1]
    offset = start - span.start
    return Span(span.article, start, end, span.text[offset : offset + end - start])
