"""One value a statement gives (``values`` reads them), and how its names are keyed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeAlias

from newsprism.records import Span


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
    """Proper nouns around the value (lower-cased): whose value it is; for a place in a
    sequence, those that say whose sequence it is (``ordinals.Place.owners``)."""
    verb: str | None = None
    """For a day, date or time, the lemma of the verb it gives the time of ("checked in on
    Tuesday": check); None for the time of a thing ("Thursday's semifinal") and for other
    values (``statements.governing``)."""
    objects: frozenset[str] = frozenset()
    """The proper nouns of that verb's object ("signed DeShawn Wynn on Tuesday")."""
    thing: str | None = None
    """The lemma of the noun that verb was done to ("signed an executive order": order);
    for money, of what the amount is the worth of ("a necklace worth £1.2m": necklace)."""
    places: frozenset[str] = frozenset()
    """The proper nouns that verb's prepositions lead to ("arrived in Prague on Sunday")."""
    future: bool = False
    """Whether that verb speaks of what will or can happen ("will miss two games")."""
    doer: int | None = None
    """Where that verb's subject is written (its head word's first character; for a
    relative clause's "who", the noun it follows): whose act the value is the time of."""
    who: frozenset[str] = frozenset()
    """The marks of the person that verb's subject is, by name or age (``doers``)."""


PERSON_KINDS = frozenset({"ordinal", "office"})
"""Kinds of value said of a person and keyed by that person (a place in a sequence, a
chief office), compared whatever the statements' verbs (``conflicts._same_place``)."""


People: TypeAlias = Callable[[Span], str | None]
"""The story's actor that a name's words are a mention of (an entity id), if any."""


def no_people(_: Span) -> str | None:
    """No actors known: names are keyed as written."""
    return None
