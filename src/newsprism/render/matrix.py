"""Outlets × claims: where each outlet stands on each claim of a story.

An outlet is one column however many of its articles the story holds, whatever their
spelling of it (one outlet key: "NY Post" and "New York Post" are one); a claim is one row.
A cell says whether the outlet's words support the claim, contradict it, do both (two of
its articles disagree), or say nothing about it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from newsprism.records import Article, Story
from newsprism.render.views import claim_about, outlet_names

Cell = Literal["supports", "contradicts", "both", "silent"]


@dataclass(frozen=True)
class MatrixRow:
    claim: str
    """The claim's id."""
    text: str
    label: str
    """The claim's text cut short enough for a row label."""
    status: str
    cells: tuple[Cell, ...]
    """One per outlet, in the order of :attr:`Matrix.outlets`."""


@dataclass(frozen=True)
class Matrix:
    outlets: tuple[str, ...]
    rows: tuple[MatrixRow, ...]


def short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def claim_matrix(
    story: Story, articles: Sequence[Article], limit: int = 25, label_chars: int = 37
) -> Matrix:
    """The first ``limit`` claims (the comparison puts disputed and corroborated ones first)
    against the story's outlets, in article order."""
    by_id = {a.id: a for a in articles}
    outlet_of = outlet_names(story, by_id)
    outlets: list[str] = []
    for article_id in story.article_ids:
        if outlet_of[article_id] not in outlets:
            outlets.append(outlet_of[article_id])
    rows = []
    names = {entity.id: entity.name for entity in story.entities}
    for claim in story.claims[:limit]:
        stances: dict[str, set[str]] = {}
        for evidence in claim.evidence:
            name = outlet_of[evidence.span.article]
            stances.setdefault(name, set()).add(evidence.stance)
        cells = tuple(_cell(stances.get(name, set())) for name in outlets)
        about = claim_about(claim, names)
        label = f"{about}: {claim.text}" if about else claim.text
        rows.append(MatrixRow(claim.id, label, short(label, label_chars), claim.status, cells))
    return Matrix(tuple(outlets), tuple(rows))


def _cell(stances: set[str]) -> Cell:
    if stances == {"supports"}:
        return "supports"
    if stances == {"contradicts"}:
        return "contradicts"
    return "both" if stances else "silent"
