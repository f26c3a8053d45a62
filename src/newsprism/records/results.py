"""What a run gives: the articles read, and the stories found in them."""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.records import Article, Duplicate, InputFailure, Story


@dataclass(frozen=True)
class Extraction:
    """Every input read and cleaned: the articles, the inputs that failed, and the inputs
    whose article another input of the run gave first."""

    articles: tuple[Article, ...]
    failures: tuple[InputFailure, ...]
    duplicates: tuple[Duplicate, ...] = ()
    """Inputs whose article another input of the run gave first: every input accounted for."""


@dataclass(frozen=True)
class Analysis:
    """The articles of a run and the stories they tell (analysed, or only clustered)."""

    articles: tuple[Article, ...]
    stories: tuple[Story, ...]
    failures: tuple[InputFailure, ...]
    duplicates: tuple[Duplicate, ...] = ()
