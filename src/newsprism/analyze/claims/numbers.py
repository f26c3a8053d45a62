"""Number phrases in a parsed article: where they are, what they are worth, which count nothing.

Reading a number is kept apart from deciding what it counts (``quantities``): these rules
look at the number's own tokens, their neighbours and entity types, and need no fold tables.

Numbers: digits ("2,500", "1.5 million", "$4 million", "40%") and words ("three",
"twenty-five", "two hundred and fifty", "a dozen"). Ranges "between 20 and 30", "20 to
30" and "2,000-3,000" give (20, 30); a change "rose from 12 to 14" gives 14. Skipped:
DATE/TIME/ORDINAL entities (years, "two days", ages such as "Ana Verell, 58"), 4-digit
years that count no common noun ("in 2014"), numbers inside names (an entity, or after a
proper noun: "Route 66"), numbers glued to a hyphen, slash, letters or digits
("40-metre", "61-year-old", "2-1", "MS08-078", "555-0100"), the parts of a decimal or clock
time written with a space after its mark ("6. 1", "1: 30"), leading zeros, vague plurals
("hundreds", "dozens"), and the pronoun "one" ("one of them", "just one in a series"; that
last rule needs the counted thing, so ``quantities`` applies it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from newsprism import lexicon
from newsprism.nlp import text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "AGE",
    "SCALES",
    "WORDS",
    "Run",
    "is_label",
    "number_head",
    "number_runs",
    "number_value",
    "skipped",
]

WORDS = {w: float(n) for w, n in lexicon.pairs("number_words").items()}
"""Number words and their values: "three" 3.0, "twenty" 20.0."""
_TENS = [w for w, n in WORDS.items() if n >= 20]
"""The tens that combine with a unit: "twenty" ("twenty-five")."""
NUMBER_WORDS = "|".join(sorted(WORDS, key=len, reverse=True))
"""The number words as alternatives of a pattern, longest first ("seventeen" before "seven")."""
AGE = re.compile(
    rf"\b(\d{{1,3}}|(?:{NUMBER_WORDS})(?:\s*-\s*(?:{NUMBER_WORDS}))?)\s*-\s*year\s*-\s*old\b"
    r"|(?<=, )aged?\s+(\d{1,3})\b(?![.,]\d)",
    re.IGNORECASE,
)
"""An age: "32-year-old", "Sixty-year-old", "sixty-one-year-old", "Smith, age 61"."""
SCALES = {w: float(n) for w, n in lexicon.pairs("number_scales").items()}
"""Number words that multiply: "hundred" 100.0, "dozen" 12.0."""
_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|[1-9]\d*|0)(?:\.\d+)?$")
_NAMES_AND_TIMES = "DATE TIME ORDINAL PERSON ORG GPE LOC FAC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE"
_NOT_COUNTS = frozenset(_NAMES_AND_TIMES.split())
_MEASURES = {"QUANTITY", "MONEY", "PERCENT"}
_GLUE = {"-", "–", "—", "/", ":", "#", "."}

Run = tuple[int, int, int]
"""Token bounds (i, j, top): the number is ``i:j``; a range goes on to ``top`` (else j)."""


def number_runs(doc: Doc) -> Iterator[Run]:
    """Number phrases in text order, a range as one run; not yet checked by ``skipped``."""
    i = 0
    while i < len(doc):
        end = _run_end(doc, i)
        top = _range_end(doc, i, end) if end > i else end
        if top > end and i > 0 and doc[i - 1].lower_ == "from":  # "rose from 12 to 14": 14 now
            i, end = end + 1, top
        if end > i:
            yield i, end, top
        i = max(top, i + 1)


def _run_end(doc: Doc, i: int) -> int:
    """End of the number phrase starting at token ``i`` ("two hundred and fifty"), or ``i``."""
    first = doc[i]
    if first.lower_ in ("a", "an"):
        has_scale = i + 1 < len(doc) and doc[i + 1].lower_ in SCALES
        return _run_end(doc, i + 1) if has_scale else i
    if not (_DIGITS.match(first.text) or first.lower_ in WORDS or first.lower_ in SCALES):
        return i
    j = i + 1
    while j < len(doc) and doc[j].sent.start == first.sent.start:
        prev, word = doc[j - 1].lower_, doc[j].lower_
        nxt = doc[j + 1].lower_ if j + 1 < len(doc) else ""
        if _spaced_group(doc, j):  # "2, 000": a thousands separator with a space after it
            j += 2
            continue
        tens_unit = prev in _TENS and WORDS.get(word, 10) < 10  # "twenty five"
        joiner = (word == "-" and _joined(doc, j - 1) and _joined(doc, j)) or (
            word == "and" and prev in SCALES
        )
        joined = (joiner and nxt in WORDS) or (word in WORDS and prev in {"-", "and", *SCALES})
        if not (word in SCALES or tens_unit or joined):
            break
        j += 1
    return j


def _range_end(doc: Doc, i: int, j: int) -> int:
    """End of "20 to 30", "20-30", "between 20 and 30" or "three or four" when the run
    ``i:j`` opens one. "N or M" is a range when it stands alone ("Three or four robbers
    burst in": the writer does not know which); after a comma it ends a list of choices
    ("$100, 250 or 400")."""
    link = doc[j].lower_ if j + 1 < len(doc) else ""
    between = i > 0 and doc[i - 1].lower_ == "between"
    listed = i > 0 and doc[i - 1].text == ","
    if link not in ("to", "-", "–", "and", "or") or (link == "and" and not between):
        return j
    if link == "or" and listed:
        return j
    k = _run_end(doc, j + 1)
    phone = link in "-–" and any(re.match(r"^\d{4}", t.text) for t in (doc[i], doc[j + 1]))
    rises = k > j + 1 and number_value([*doc[j + 1 : k]]) > number_value([*doc[i:j]])
    return k if rises and not phone else j


def _spaced_group(doc: Doc, j: int) -> bool:
    """Whether token ``j`` is a comma that separates thousands with a space after it ("2,
    000 feet"): digits before it, touching it, and three digits after, in text whose marks
    all carry a space (``spaced_marks``), the digits before it no day of a date ("May 5,
    300 people")."""
    return (
        doc[j].text == ","
        and j + 1 < len(doc)
        and _joined(doc, j - 1)
        and re.fullmatch(r"\d{1,3}", doc[j - 1].text) is not None
        and re.fullmatch(r"\d{3}", doc[j + 1].text) is not None
        and doc[j + 1].sent.start == doc[j].sent.start
        and doc[j - 1].ent_type_ != "DATE"
        and spaced_marks(text_of(doc))
    )


_SPACED_MARKS = re.compile(
    r"\w ['’] s\b|\b[A-Z]\. [A-Z]\. |\w - \w+ - \w|\b\d\. \d|\w \( \w|\w , \w|\b\d{1,3}, 000\b"
)


@lru_cache(maxsize=1024)
def spaced_marks(text: str) -> bool:
    """Whether a text writes its marks with spaces around them, as tokenized corpora do
    ("Rait ’ s death", "U. S.", "36 - year - old", "6. 4", "( AP )", "300, 000"): there,
    "2, 000" is one figure; in other text "$100, 250 or 400" is two."""
    return _SPACED_MARKS.search(text) is not None


def _joined(doc: Doc, i: int) -> bool:
    """Whether token ``i`` touches the next one, with no space between."""
    return i + 1 < len(doc) and doc[i].whitespace_ == ""


def number_value(tokens: list[Token]) -> float:
    """What a number phrase is worth: "two hundred and fifty" 250, "1.5 million" 1.5e6."""
    total = current = 0.0
    for n, token in enumerate(tokens):
        word = token.lower_
        if n > 0 and tokens[n - 1].text == "," and re.fullmatch(r"\d{3}", word):
            current = current * 1000 + float(word)  # "2, 000"
        elif word in ("hundred", "dozen"):
            current = (current or 1.0) * SCALES[word]
        elif word in SCALES:
            total, current = total + (current or 1.0) * SCALES[word], 0.0
        elif word in WORDS:
            current += WORDS[word]
        elif _DIGITS.match(token.text):
            current += float(token.text.replace(",", ""))
    return total + current


def skipped(doc: Doc, i: int, j: int) -> bool:
    """Dates, names, codes, scores and phone numbers: numbers that count nothing."""
    tokens = list(doc[i:j])
    if any(t.ent_type_ in _NOT_COUNTS for t in tokens) or re.match(r"^0\d", tokens[0].text):
        return True
    if _spaced_part(doc, i - 2) or _spaced_part(doc, j - 1):
        return True
    before = doc[i - 1].text if i > 0 and _joined(doc, i - 1) else " "
    if before in _GLUE or before[-1].isalnum():
        return True
    code = doc[i - 2] if i > 1 and doc[i - 1].text in ("-", "–") else doc[i - 1] if i else None
    if code is not None and code.is_alpha and code.text.isupper() and len(code) > 1:
        return True  # a model code written with spaces: "AK - 47", "AK 47"
    after = doc[j].text if _joined(doc, j - 1) else " "
    if after in _GLUE - {"."} or (after[0].isalnum() and tokens[-1].ent_type_ not in _MEASURES):
        return True
    if _scored(doc, i, j):
        return True
    sent, near = doc[i].sent, []
    for k, step in ((i - 1, -1), (j, 1)):  # "555 0100", "(202) 555": digit groups side by side
        k += step if sent.start <= k < sent.end and doc[k].text in "()" else 0
        near += [doc[k]] if sent.start <= k < sent.end else []
    return any(_DIGITS.match(t.text) for t in near) and all(_DIGITS.match(t.text) for t in tokens)


def _scored(doc: Doc, i: int, j: int) -> bool:
    """Whether the figure ``i:j`` is one side of a score or record written with spaces
    around its hyphen ("fell to 36 - 3 (24 KO)", "won 6 - 4"): a figure, a hyphen, a
    figure, that ``number_runs`` read as no range (it does not rise)."""
    if not all(_DIGITS.match(t.text) for t in doc[i:j]):
        return False
    sent = doc[i].sent
    after = j + 1 < sent.end and doc[j].text in ("-", "–") and _DIGITS.match(doc[j + 1].text)
    before = (
        i - 2 >= sent.start and doc[i - 1].text in ("-", "–") and _DIGITS.match(doc[i - 2].text)
    )
    return bool(after or before)


def _spaced_part(doc: Doc, k: int) -> bool:
    """Whether tokens ``k`` to ``k + 2`` are one figure written with a space after its mark,
    as tokenized corpora write them: a decimal ("6. 1") or a clock time ("1: 30"). Either
    part alone counts nothing."""
    if k < 0 or k + 2 >= len(doc) or not _joined(doc, k) or _joined(doc, k + 1):
        return False
    mark, before, after = doc[k + 1].text, doc[k].text, doc[k + 2].text
    digits = r"\d{1,2}" if mark == "." else r"\d{2}" if mark == ":" else ""
    return (
        bool(digits)
        and before.isdigit()
        and re.fullmatch(digits, after) is not None
        and spaced_marks(text_of(doc))
    )


def is_label(tokens: list[Token], number: Token, value: float) -> bool:
    """Years and names the entity tagger missed, told by the parse: a 4-digit year that counts
    no common noun ("in 2014") or a number after the proper noun it names ("Route 66")."""
    head = number.head
    year = re.match(r"^\d{4}$", tokens[0].text) and 1000 <= value <= 2100 and head.pos_ != "NOUN"
    name = number.dep_ == "nummod" and head.pos_ == "PROPN" and head.i <= number.i
    return bool(year or name)


def number_head(tokens: list[Token]) -> Token:
    """The token of the number phrase that the parse attaches to the rest of the sentence."""
    inside = {t.i for t in tokens}
    numbers = [t for t in tokens if t.lower_ not in ("to", "and", "-", "–")]
    outside = [t for t in numbers if t.head.i not in inside or t.head == t] or numbers[-1:]
    return next((t for t in outside if t.dep_ == "nummod"), outside[-1])
