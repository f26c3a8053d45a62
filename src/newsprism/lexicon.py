"""The English language data the analysis reads: word lists and word mappings, in one place.

Each list is a plain-text file of ``newsprism/data/lexicon/``, as spaCy keeps its language
data in ``lang/en/``, so that the words can be read, reviewed and extended without
reading the code that uses them:

- ``<name>.txt``, a list: one entry per line (an entry may be several words: "yet to");
- ``<name>.tsv``, a table: two (or more) tab-separated columns per line, such as a
  word and the word it stands for (spokesman, spokesperson).

Blank lines are skipped, and so are lines starting with ``#``: the comment at the top of
each file says what the list is for and where its words came from. Entries are compared
as written; a list whose words the analysis compares lower-cased holds lower-case words.

Structural constants of the parser (dependency labels such as "nsubj", part-of-speech
tags, entity types) are no language data: they stay in the code that reads the parse.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

__all__ = ["FOLDER", "LexiconError", "names", "ordered", "pairs", "rows", "words"]

FOLDER = "data/lexicon"
"""Where the lists live, inside the ``newsprism`` package."""


class LexiconError(LookupError):
    """A word list that is missing or malformed; the message names the file."""


def words(name: str) -> frozenset[str]:
    """The entries of the list ``<name>.txt``."""
    return frozenset(ordered(name))


@cache
def ordered(name: str) -> tuple[str, ...]:
    """The entries of the list ``<name>.txt`` in the file's order, for lists whose order
    means something (weekdays, months); an entry listed twice is kept once."""
    return tuple(dict.fromkeys(" ".join(line.split()) for _, line in _lines(f"{name}.txt")))


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of the table ``<name>.tsv``: tab-separated cells, at least two per row."""
    found = []
    for number, line in _lines(f"{name}.tsv"):
        cells = tuple(" ".join(cell.split()) for cell in line.split("\t"))
        if len(cells) < 2 or not all(cells):
            raise LexiconError(
                f"{_shown(name, '.tsv')}:{number}: expected tab-separated columns, got {line!r}"
            )
        found.append(cells)
    return tuple(found)


def pairs(name: str) -> dict[str, str]:
    """The two-column table ``<name>.tsv`` as a mapping from its first column to its
    second, in the file's order (a new dict on every call: the caller may change it)."""
    mapping: dict[str, str] = {}
    for row in rows(name):
        if len(row) != 2:
            raise LexiconError(f"{_shown(name, '.tsv')}: expected two columns, got {row!r}")
        if row[0] in mapping:
            raise LexiconError(f"{_shown(name, '.tsv')}: {row[0]!r} is listed twice")
        mapping[row[0]] = row[1]
    return mapping


def names() -> list[str]:
    """The file names of every list and table shipped, sorted."""
    return sorted(
        item.name
        for item in _folder().iterdir()
        if item.is_file() and item.name.endswith((".txt", ".tsv"))
    )


def _folder() -> Traversable:
    return resources.files("newsprism").joinpath(FOLDER)


def _shown(name: str, suffix: str) -> str:
    return f"newsprism/{FOLDER}/{name}{suffix}"


def _lines(filename: str) -> list[tuple[int, str]]:
    """The numbered lines of a lexicon file that hold entries."""
    path = _folder().joinpath(filename)
    if not path.is_file():
        raise LexiconError(f"no word list newsprism/{FOLDER}/{filename}: the file is missing")
    text = path.read_text("utf-8")
    return [
        (number, line.rstrip("\r\n"))
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
