"""The alias table: known other names of actors (acronyms, translations, short forms).

Shipped in ``newsprism/data/aliases.tsv``; users extend it with a file of the same
format (canonical name, type, then ``|``-separated aliases, tab-separated). A
user's line for a canonical name already in the table adds to its aliases.
All-capital acronyms match only as written ("US" is not "us"); other names match
after case, accents, apostrophes and transliteration are folded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import cast, get_args

from newsprism.analyze.entities.names import is_acronym, name_words
from newsprism.errors import InputError
from newsprism.records import EntityType

TYPES = frozenset(get_args(EntityType))


@dataclass(frozen=True)
class Alias:
    canonical: str
    type: EntityType
    names: tuple[str, ...]
    """Every name, the canonical one first."""


@dataclass(frozen=True)
class AliasTable:
    entries: tuple[Alias, ...]
    _acronyms: dict[str, Alias] = field(default_factory=dict, compare=False, repr=False)
    _keys: dict[tuple[str, ...], Alias] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for name in entry.names:
                if is_acronym(name):
                    self._acronyms.setdefault(name.replace(".", ""), entry)
                else:
                    self._keys.setdefault(name_words(name), entry)

    def lookup(self, name: str, kind: EntityType | None = None) -> Alias | None:
        """The entry a name belongs to, if any; a name the model typed ``kind`` matches only
        an entry of a compatible type (Iraqi, a nationality, is not Iraq)."""
        stripped = name.strip()
        if is_acronym(stripped):
            found = self._acronyms.get(stripped.replace(".", ""))
        else:
            found = self._keys.get(name_words(stripped))
        if found is None or kind is None or compatible(found.type, kind):
            return found
        return None

    def extended(self, other: AliasTable) -> AliasTable:
        merged: dict[str, Alias] = {e.canonical.lower(): e for e in self.entries}
        for entry in other.entries:
            known = merged.get(entry.canonical.lower())
            if known is None:
                merged[entry.canonical.lower()] = entry
            else:
                names = known.names + tuple(n for n in entry.names if n not in known.names)
                merged[entry.canonical.lower()] = Alias(known.canonical, entry.type, names)
        return AliasTable(tuple(merged.values()))


def parse_table(text: str, source: str) -> AliasTable:
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("canonical\t"):
            continue
        cells = line.rstrip("\n").split("\t")
        if len(cells) < 2 or not cells[0].strip():
            raise InputError(
                f"{source}:{number}", "expected 'canonical<TAB>type<TAB>aliases'", "aliases"
            )
        kind = cells[1].strip().upper()
        if kind not in TYPES:
            reason = f"unknown type {kind!r}; use one of {sorted(TYPES)}"
            raise InputError(f"{source}:{number}", reason, "aliases")
        others = [n.strip() for n in (cells[2] if len(cells) > 2 else "").split("|") if n.strip()]
        entries.append(Alias(cells[0].strip(), cast(EntityType, kind), (cells[0].strip(), *others)))
    return AliasTable(tuple(entries))


@cache
def default_aliases() -> AliasTable:
    text = resources.files("newsprism").joinpath("data/aliases.tsv").read_text("utf-8")
    return parse_table(text, "newsprism/data/aliases.tsv")


def load_aliases(path: Path | None = None) -> AliasTable:
    """The shipped table, extended by the user's file when one is given."""
    if path is None:
        return default_aliases()
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the alias table: {exc}", "aliases") from exc
    return default_aliases().extended(parse_table(text, str(path)))


_ACTORS = frozenset({"PERSON", "ORG", "FACILITY", "OTHER"})
_PLACES = frozenset({"GPE", "LOC"})


def compatible(a: EntityType, b: EntityType) -> bool:
    return a == b or {a, b} <= _ACTORS or {a, b} <= _PLACES
