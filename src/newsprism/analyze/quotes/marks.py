"""Quote marks in an article's text: which characters open and close a quotation.

Marks are paired by this small scanner rather than by the parser, because spaCy's
sentence splitter often cuts a quote from its attribution ("...off." /
"\\n\\nThe NVHA...") and because the marks must never be confused with apostrophes
("didn’t", "Kata’ib", "Hamas’"): a single curly mark closes a quote only when no
letter or digit follows it and no blank precedes it, and single marks count only
outside the double quotes, which are paired first.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["ALL_MARKS", "MarkTest", "Pair", "mark_pairs", "pair_marks", "paragraphs", "trim"]

_OPEN_DOUBLE, _CLOSE_DOUBLE = "“„«", "”»"
_DOUBLE_MARKS = frozenset(_OPEN_DOUBLE + _CLOSE_DOUBLE + '"')
_SINGLE_BEFORE = frozenset("([{—–-“\"'")
_STRAIGHT_BEFORE = frozenset("([{—–-/:‘'")
"""What may stand before an opening straight double quote; after a word or a comma
('life,"said') the mark closes."""
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
ALL_MARKS = frozenset(_DOUBLE_MARKS | {"‘", "’"})
"""Every character that can be a quote mark, so tokens made of one can be skipped."""

Pair = tuple[int, int]
"""Offsets of an opening and its closing mark."""
MarkTest = Callable[[str, int, int, int], bool]
"""(text, index, paragraph start, paragraph end) -> whether the mark there qualifies."""


def paragraphs(text: str) -> list[Pair]:
    """Paragraph bounds: blank lines separate them, or single newlines in a text without any."""
    separator = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n\s*")
    bounds, start = [], 0
    for match in separator.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def _opens_double(text: str, i: int, start: int, end: int) -> bool:
    if text[i] in _OPEN_DOUBLE:
        return True
    if text[i] != '"' or i + 1 >= end or text[i + 1].isspace():
        return False
    return i == start or text[i - 1].isspace() or text[i - 1] in _STRAIGHT_BEFORE


def _closes_double(text: str, i: int, start: int, end: int) -> bool:
    return text[i] in _CLOSE_DOUBLE or text[i] == '"'


def _opens_single(text: str, i: int, start: int, end: int) -> bool:
    before_ok = i == start or text[i - 1].isspace() or text[i - 1] in _SINGLE_BEFORE
    return text[i] == "‘" and before_ok and i + 1 < end and not text[i + 1].isspace()


def _closes_single(text: str, i: int, start: int, end: int) -> bool:
    after_ok = i + 1 >= end or not text[i + 1].isalnum()
    return text[i] == "’" and i > start and not text[i - 1].isspace() and after_ok


def pair_marks(
    text: str,
    bounds: list[Pair],
    opens: MarkTest,
    closes: MarkTest,
    blocked: bytearray,
    carry_to_closer: bool = False,
) -> list[Pair]:
    """Pair opening and closing marks paragraph by paragraph.

    A quote left open at a paragraph's end goes on when the next paragraph starts
    with an opening mark (the convention for a quote of several paragraphs) or, with
    ``carry_to_closer``, when the first mark of the next paragraph can only close (a
    text cut into one sentence a line); otherwise the unclosed mark is dropped, since
    guessing its end would invent words.
    """
    pairs: list[Pair] = []
    open_at: int | None = None
    for start, end in bounds:
        scan = start
        if open_at is not None:
            marks = (
                i
                for i in range(start, end)
                if not blocked[i] and (opens(text, i, start, end) or closes(text, i, start, end))
            )
            first = next(marks, None)
            if first == start and opens(text, start, start, end):
                scan = start + 1
            elif not carry_to_closer or first is None or opens(text, first, start, end):
                open_at = None
        for i in range(scan, end):
            if blocked[i]:
                continue
            if open_at is not None and closes(text, i, start, end):
                pairs.append((open_at, i))
                open_at = None
            elif opens(text, i, start, end):
                open_at = i
    return pairs


def mark_pairs(text: str, bounds: list[Pair]) -> list[Pair]:
    """Double-quote pairs, then single curly pairs outside them, in text order."""
    unblocked = bytearray(len(text))
    doubles = pair_marks(text, bounds, _opens_double, _closes_double, unblocked, True)
    blocked = bytearray(len(text))
    for a, b in doubles:
        blocked[a : b + 1] = b"\x01" * (b + 1 - a)
    singles = pair_marks(text, bounds, _opens_single, _closes_single, blocked)
    return sorted(doubles + singles)


def trim(text: str, start: int, end: int) -> Pair:
    """The quoted words without surrounding blanks or the attribution's comma."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end
