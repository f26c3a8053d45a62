"""Names of actors in one article, as Spans of its text.

spaCy's entities are the start. Then the spans are repaired where the model
stumbles on news names: a nickname in quotes inside a name (Wissam Mohammed
“Abu Bakr” al-Saadi), a name cut at an apostrophe or hyphen (Kata’ib + Hezbollah,
Harakat Hezbollah al + -Nujaba), a leading "the" and a trailing possessive.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism import lexicon
from newsprism.analyze.entities.aliases import AliasTable
from newsprism.analyze.entities.names import ARTICLES, GENERATIONS, TITLES, is_acronym
from newsprism.records import Article, EntityType, Mention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

TYPES: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "NORP": "NORP",
    "FAC": "FACILITY",
    "EVENT": "EVENT",
    "MISC": "OTHER",
}
_NAME = r"[A-Z][\w’'-]*"
NICKNAME = re.compile(
    rf"(?P<first>{_NAME}(?:\s+{_NAME}){{0,3}})\s+(?P<open>[“\"‘'])(?P<nick>{_NAME}(?:\s+{_NAME}){{0,2}})"
    rf"[”\"’'](?=\s)\s+(?P<last>(?:(?:al|el|Al|El|bin|ibn|abu|Abu)[-\s])?{_NAME})"
)
"""A name with a quoted nickname in it: Wissam Mohammed “Abu Bakr” al-Saadi."""
_JOINERS = re.compile(r"^(-|['’]\s*|\s+)$")
_GENERIC = lexicon.words("generic_name_words") | TITLES | GENERATIONS
MERIDIEM = re.compile(r"[ap]\.\s?m\.?", re.I)
"""The half of the day after a clock time ("1: 30 a. m."), which the recogniser can take
for a person's initials."""
_EDGE = "\"“”‘’',;:()[]«» \n\t-–—"


def find_mentions(article: Article, doc: Doc, aliases: AliasTable) -> list[Mention]:
    """Mentions in text order; spans never overlap."""
    spans: list[tuple[int, int, EntityType]] = []
    for match in NICKNAME.finditer(article.text):
        spans.append((match.start(), match.end(), "PERSON"))
    for entity in doc.ents:
        kind = TYPES.get(entity.label_)
        if kind is not None:
            spans.append((entity.start_char, entity.end_char, kind))
    spans = _join_adjacent(article.text, _drop_overlaps(spans))
    spans = [_syllable_kept(article.text, *span) for span in spans]
    spans = [piece for span in spans for piece in _pieces(article.text, *span)]
    spans = _known_prefixes(article.text, spans)
    mentions = []
    for start, end, kind in spans:
        start, end = _trim(article.text, start, end)
        text = article.text[start:end]
        if not _is_name(text) or (kind == "GPE" and CURRENCY.match(article.text, end)):
            continue  # "US $160 million": the dollar's country, no actor of the story
        if kind == "PERSON" and is_acronym(text):
            kind = "ORG"
        if kind == "PERSON" and _street(text):
            kind = "FACILITY"  # "Snyder Ave": a street, not a person
        known = aliases.lookup(text, kind)
        mentions.append(Mention(Span.of(article, start, end), known.type if known else kind))
    return mentions


CURRENCY = re.compile(r"\s?\$")
"""A currency sign right after a country's name: the name says which dollar ("US $160")."""
_DASH = re.compile(r"\s+(?:-\s*-|—|–)\s+")
"""A dash between words, where a name cannot go on ("Teixeira - - eight years")."""
_QUOTE_END = re.compile(r"[,.?!]\s*[\"”]\s*")
"""The end of a quotation run into the next words without a space ("... when it comes to
Tyler,\"Gene Hansbrough said"): a name never goes on across it."""
_POSSESSIVE = re.compile(r"\w(?:['’]s|s['’])\s+(?=[A-Z])")
"""A possessive before a capital: "Chargers' Jamal Williams", "Iraq's Mohammed Shia"."""
SHORT_LINE = 60
"""Characters: a line shorter than this that ends inside a name is a headline, a dateline
or a byline run into the next line ("a. m.\nPalmer Fire"), not a name wrapped (set by
hand: wrapped text fills its lines)."""
_WEEKDAYS = lexicon.words("weekdays")
_STREET_WORDS = lexicon.words("street_words")
DATE_WORDS = _WEEKDAYS | lexicon.words("months")
"""Words of a date: no name on their own, and no label of one (a dateline beside a name)."""


def _pieces(text: str, start: int, end: int, kind: EntityType) -> list[tuple[int, int, EntityType]]:
    """A recognised span cut where a name cannot go on: after a possessive before a
    person's name, at a dash, where a quotation ends, and at the end of a short line; the
    pieces kept are those that
    still read as names (a capital first, not a lone weekday or month)."""
    if kind == "PERSON":  # "Chargers' Jamal Williams": the possessor is another actor
        owned = [m.end() for m in _POSSESSIVE.finditer(text, start, end)]
        start = owned[-1] if owned else start
    cuts = [m.span() for m in _DASH.finditer(text, start, end)]
    cuts += [m.span() for m in _QUOTE_END.finditer(text, start, end)]
    for newline in (i for i in range(start, end) if text[i] == "\n"):
        if _short_line(text, newline):
            cuts.append((newline, newline + 1))
    if not cuts:
        return [(start, end, kind)]
    pieces, at = [], start
    for cut_start, cut_end in sorted(cuts):
        pieces.append((at, cut_start))
        at = cut_end
    pieces.append((at, end))
    return [(a, b, kind) for a, b in pieces if _reads_as_name(text[a:b].strip())]


_SYLLABLE = re.compile(r"-([a-z]{1,4})\b(?![-'’])")
_COMPOUND_END = re.compile(r"-([a-z]+)$")
COMPOUND_HEADS = lexicon.words("compound_heads")


def _syllable_kept(
    text: str, start: int, end: int, kind: EntityType
) -> tuple[int, int, EntityType]:
    """A person's name of several words the recogniser cut before a hyphen and a short
    lower-case part ("Moon Jae" of "Moon Jae-in") runs on to the part's end; one it ran on
    into an adjective ("Joe Biden-era", "Trump-led") ends before the hyphen, and a one-word
    name is never run on ("Soros-tied")."""
    if kind != "PERSON":
        return start, end, kind
    compound = _COMPOUND_END.search(text, start, end)
    if compound is not None and compound[1] in COMPOUND_HEADS:
        return start, compound.start(), kind
    found = _SYLLABLE.match(text, end - 1 if text[end - 1 : end] == "-" else end)
    several = len(text[start:end].strip("- ").split()) > 1
    if not several or found is None or found[1] in COMPOUND_HEADS:
        return start, end, kind
    return start, found.end(), kind


def _reads_as_name(piece: str) -> bool:
    return piece[:1].isupper() and piece.lower().strip(".,") not in DATE_WORDS


def _known_prefixes(
    text: str, spans: list[tuple[int, int, EntityType]]
) -> list[tuple[int, int, EntityType]]:
    """A person's name that runs on into other words ("Lindsay Lohan Leaves Betty Ford", a
    headline, where the article names "Lindsay Lohan" alone) ends where that name does: a
    name of two words or more, followed by two words more, or by one word that ends a
    short line ("Fred LaRue Dies", a headline; not a suffix such as "Jr." or "III")."""
    trimmed = [(*_trim(text, a, b), k) for a, b, k in spans]
    people = {text[a:b] for a, b, k in trimmed if k == "PERSON" and len(text[a:b].split()) >= 2}
    out = []
    for start, end, kind in trimmed:
        words = text[start:end].split()
        if kind == "PERSON" and len(words) >= 3:
            last = 1 if _headline_word(text, end, words[-1]) else 2
            for size in range(len(words) - last, 1, -1):
                name = " ".join(words[:size])
                if name in people and text.startswith(name, start):
                    end = start + len(name)
                    break
        out.append((start, end, kind))
    return out


def _headline_word(text: str, end: int, word: str) -> bool:
    """A word that ends a short line (a headline) and is no name suffix ("Jr.", "III")."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    letters = word.strip(".,").lower()
    suffix = len(letters) < 4 or not letters.strip("ivx")
    return not text[end:line_end].strip() and _short_line(text, line_end) and not suffix


def _short_line(text: str, line_end: int) -> bool:
    """Whether the line that ends at ``line_end`` is shorter than ``SHORT_LINE``."""
    return line_end - (text.rfind("\n", 0, line_end) + 1) < SHORT_LINE


def _drop_overlaps(spans: list[tuple[int, int, EntityType]]) -> list[tuple[int, int, EntityType]]:
    """Keep the first-listed of overlapping spans (nickname names come first), in text order."""
    kept: list[tuple[int, int, EntityType]] = []
    for span in spans:
        if all(span[1] <= other[0] or span[0] >= other[1] for other in kept):
            kept.append(span)
    return sorted(kept)


def _join_adjacent(
    text: str, spans: list[tuple[int, int, EntityType]]
) -> list[tuple[int, int, EntityType]]:
    """Join names split at a hyphen or an apostrophe, and a nationality word split off an
    organisation's name (Kata’ib + Hezbollah), when the next part is capitalised."""
    joined: list[tuple[int, int, EntityType]] = []
    for start, end, kind in spans:
        if joined:
            p_start, p_end, p_kind = joined[-1]
            if _continues(text, (p_start, p_end, p_kind), (start, end, kind)):
                joined[-1] = (p_start, end, kind if p_kind == "NORP" else p_kind)
                continue
        joined.append((start, end, kind))
    return joined


def _continues(
    text: str, before: tuple[int, int, EntityType], after: tuple[int, int, EntityType]
) -> bool:
    gap = text[before[1] : after[0]]
    last_word = text[before[0] : before[1]].split()[-1].lower()
    if gap in ("-", " ") and last_word in ARTICLES:
        return True
    if gap == "-":
        return before[2] == after[2] == "PERSON"
    if not _JOINERS.match(gap) or _POSSESSIVE.match(text, before[1] - 2, after[0] + 1):
        return False
    next_word = text[after[0] : after[1]].split()[0]
    starts_name = next_word[:1].isupper() or next_word.split("-")[0].lower() in ARTICLES
    if not starts_name or before[2] in ("GPE", "LOC") or after[2] in ("GPE", "LOC", "NORP"):
        return False
    return bool(gap.strip()) or before[2] == after[2] or before[2] == "NORP"


_LOWER_INITIALS = re.compile(r"(?:[a-z]\.\s?)+")
"""Lower-case letters with a point before a name: the end of a clock time ("11: 30 p. m.
Kimani Gray") or of a calibre ("a. 357 revolver"), never a person's initials."""


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    if (initials := _LOWER_INITIALS.match(text, start, end)) is not None:
        return _trim(text, initials.end(), end)
    lowered = text[start:end].lower()
    if lowered.startswith("the ") and end - start > 4:
        start += 4
    for suffix in ("'s", "’s"):
        if text[start:end].endswith(suffix):
            end -= len(suffix)
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    if text[start:end].count("“") > text[start:end].count("”"):
        end = start + text[start:end].index("“")
        return _trim(text, start, end)
    return _balanced(text, start, end)


def _balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """A name cut where the recogniser ran through one side of a bracket: after an unopened
    ")" ("Kiki) Gray" of "Kimani (Kiki) Gray"), before an unclosed "(" ("Islamic State
    (ISIS")."""
    inside = text[start:end]
    close, open_ = inside.find(")"), inside.rfind("(")
    if close >= 0 and "(" not in inside[:close] and inside[close + 1 :].strip():
        return _trim(text, start + close + 1, end)
    if open_ >= 0 and ")" not in inside[open_:] and inside[:open_].strip():
        return _trim(text, start, start + open_)
    return start, end


def _street(text: str) -> bool:
    """Whether a name of two words or more ends in a street's word ("Snyder Avenue")."""
    words = text.split()
    return len(words) > 1 and words[-1].lower().rstrip(".") in _STREET_WORDS


def _is_name(text: str) -> bool:
    if not any(c.isupper() for c in text) or len(text) > 80:
        return False  # no capital: "38 - caliber", what was left of "a. 38 - caliber"
    if MERIDIEM.fullmatch(text.strip()):
        return False
    words = text.split()
    if all(w.lower().strip(".,") in _WEEKDAYS for w in words):
        return False  # "Tuesday", "TUESDAY": a day, no actor (a month may be one: "May")
    return not (len(words) == 1 and words[0].lower().strip(".") in _GENERIC)
