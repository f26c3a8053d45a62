"""Immutable records that flow between the stages: the bottom layer, which every other
one may import and which imports none of them (tests/test_layers.py).

Every finding points back to verbatim evidence through a :class:`Span`, whose
``text`` equals ``article.text[start:end]``. Beside these: ``records.features`` (what the
clusterer knows of an article), ``records.results`` (what a run gives) and
``records.contract`` (the records as the output contract's JSON, and back).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from newsprism.errors import InputError

SourceKind = Literal["text", "html", "feed", "warc", "jsonl"]
ClaimKind = Literal["quantity", "attribute", "event", "statement"]
ClaimStatus = Literal["corroborated", "single_source", "conflicting"]
Stance = Literal["supports", "contradicts"]
ConflictKind = Literal["hard", "evolving"]
EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FACILITY", "OTHER"]


@dataclass(frozen=True)
class Span:
    """A stretch of an article's cleaned text."""

    article: str
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, article: Article, start: int, end: int) -> Span:
        if not 0 <= start <= end <= len(article.text):
            raise ValueError(
                f"span {start}:{end} outside article {article.id} (length {len(article.text)})"
            )
        return cls(article.id, start, end, article.text[start:end])


def spans_id(prefix: str, spans: Iterable[Span]) -> str:
    """A stable id for a finding: a hash of its evidence spans, whatever their order."""
    keys = sorted(f"{s.article}:{s.start}:{s.end}" for s in spans)
    return prefix + hashlib.sha256("\x1f".join(keys).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class RawDocument:
    """What a reader found in one input, before cleaning.

    ``text`` is already plain text (HTML has gone through main-text extraction);
    the metadata fields are hints from the container (HTML meta tags, feed item,
    JSONL keys) and may be ``None``.
    """

    source: str
    kind: SourceKind
    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    removed: tuple[Removal, ...] = ()
    """What the reader already left out (feed-item photo captions, for instance)."""


@dataclass(frozen=True)
class Removal:
    """A piece of the input that cleaning left out of the article text, and why."""

    reason: str
    text: str


@dataclass(frozen=True)
class Article:
    """One cleaned article. ``text`` is the string every Span offset refers to."""

    id: str
    source: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    language: str | None
    text: str
    kind: SourceKind = "text"
    removed: tuple[Removal, ...] = field(default=(), compare=False)

    @staticmethod
    def make_id(outlet: str | None, title: str | None, text: str) -> str:
        """A content hash: the same article read twice gets the same id."""
        digest = hashlib.sha256()
        for part in (outlet or "", title or "", text):
            digest.update(part.strip().encode("utf-8"))
            digest.update(b"\x1f")
        return "a" + digest.hexdigest()[:16]


@dataclass(frozen=True)
class Duplicate:
    """An input whose article was already read from another input in the same run."""

    source: str
    duplicate_of: str
    """The id of the article it repeats."""
    first_source: str
    """The input that article was read from first."""


@dataclass(frozen=True)
class InputFailure:
    """An input that could not be read; the run goes on without it."""

    source: str
    error: str
    stage: str = "ingest"

    @classmethod
    def from_error(
        cls,
        error: Exception,
        source: str | None = None,
        *,
        stage: str | None = None,
        what: str = "input",
    ) -> InputFailure:
        """The failure an error of one input makes: every place that catches one turns it
        into a record here.

        An :class:`~newsprism.errors.InputError` gives its own input, reason and stage;
        ``source`` and ``stage``, when given, replace them (a shard names a range of lines
        by its own name). Any other error is unexpected: it is recorded under ``source`` as
        "``what`` failed: " and its repr, which shows its type.
        """
        if isinstance(error, InputError):
            return cls(source or error.source, error.reason, stage or error.stage)
        if source is None:
            raise ValueError(f"an unexpected error needs the name of its input: {error!r}")
        return cls(source, f"{what} failed: {error!r}", stage or "ingest")


@dataclass(frozen=True)
class SharedText:
    """Another article that shares text with this one (a copy, a rewrite, lifted lines)."""

    article: str
    similarity: float
    """Estimated Jaccard similarity of the two articles' word 5-shingles, 0..1."""


@dataclass(frozen=True)
class Cite:
    """An upstream source an article names: "NY Post reported", "told Sky News",
    "according to Central Command"."""

    name: str
    """The source as named ("NY Post", "Central Command")."""
    span: Span
    """The words that name it as a source (the name with its reporting verb or phrase)."""
    article: str | None = None
    """The id of the story's article from the outlet it names, when the story holds one
    (set by the analysis; None for any other source)."""


@dataclass(frozen=True)
class Provenance:
    """Where an article's material comes from: sources it names and articles it shares text with."""

    article: str
    overlaps: tuple[SharedText, ...] = ()
    cites: tuple[Cite, ...] = ()
    outlet_key: str | None = None
    """The article's outlet as one key, whatever its spelling ("NY Post" and "New York Post"
    share one; an article without an outlet has a key of its own): articles of one outlet
    are one source. Set by the analysis; None in a story not analysed."""


@dataclass(frozen=True)
class Mention:
    """One naming of an actor in one article."""

    span: Span
    type: EntityType


@dataclass(frozen=True)
class Entity:
    """One real-world actor across the articles of a story, whatever each outlet calls it."""

    id: str
    name: str
    """Canonical name: the fullest form the articles use."""
    type: EntityType
    mentions: tuple[Span, ...]
    labels: tuple[Span, ...] = ()
    """How each article describes the actor: roles, titles, epithets."""
    descriptions: tuple[Span, ...] = ()
    """The mentions that are descriptions standing for the actor ("the president"), not
    names: among ``mentions`` too, but never shown or searched as the actor's names."""

    @property
    def names(self) -> tuple[Span, ...]:
        """The mentions that name the actor (descriptions left out)."""
        described = set(self.descriptions)
        return tuple(m for m in self.mentions if m not in described)


@dataclass(frozen=True)
class Quote:
    """One utterance as reported by one or more articles."""

    id: str
    speaker: str | None
    """Entity id of the speaker, when the articles say who spoke."""
    text: str
    variants: tuple[Span, ...]


@dataclass(frozen=True)
class Evidence:
    """An article's words for or against a claim."""

    span: Span
    stance: Stance


@dataclass(frozen=True)
class ClaimValue:
    """A value a claim states, as written and as compared."""

    kind: str
    """count, money, percent, magnitude, age, distance, duration, record, day, date, year or
    time."""
    span: Span
    """The value's words in the article."""
    normalized: str
    """The value as compared ("Thursday", "2024-02-07", "14 (person)", "9:25 a.m.")."""
    low: float
    high: float
    """The range the words allow, in the kind's unit: a duration in days, a record by its
    wins ("43-1": 43), a distance in metres, a clock time in minutes after midnight."""
    """The range its words allow: "at least 14" is 14 to infinity; equal when exact."""


@dataclass(frozen=True)
class Claim:
    """One fact as the articles state it, with the evidence of every article that states or
    disputes it."""

    id: str
    kind: ClaimKind
    text: str
    """The claim in an article's own words: the text of its first supporting evidence,
    whitespace folded."""
    status: ClaimStatus
    evidence: tuple[Evidence, ...]
    subject: str | None = None
    """Entity id, when the claim is about one."""
    value: str | float | None = None
    """The first of ``values``, normalized, when there is one."""
    statement: str = ""
    """What the claim was compared by, normalized: data beside the words, never shown to a
    reader in place of them."""
    predicate: str | None = None
    """The lemma of the stating sentence's main verb ("kill", "say")."""
    values: tuple[ClaimValue, ...] = ()
    """The values the first supporting statement gives, typed for comparison."""


@dataclass(frozen=True)
class ConflictSide:
    text: str
    """The side in an article's own words."""
    evidence: tuple[Span, ...]
    value: str | None = None
    """The disputed value as this side's first article words it ("Friday")."""


@dataclass(frozen=True)
class Conflict:
    """Articles that disagree on one point; each side with its evidence."""

    id: str
    about: str
    sides: tuple[ConflictSide, ...]
    kind: ConflictKind = "hard"
    """hard: the articles disagree; evolving: the value changed between reports written at
    different times (the later articles give the later value, e.g. a rising toll)."""


@dataclass(frozen=True)
class BriefSentence:
    text: str
    citations: tuple[Span, ...]


@dataclass(frozen=True)
class Story:
    """Articles about one real-world event.

    The analysis of a story (entities, claims, quotes, conflicts, brief) is added
    by the analysis stages; a story fresh from clustering has its articles and
    the text they share.
    """

    id: str
    title: str
    article_ids: tuple[str, ...]
    provenance: tuple[Provenance, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    brief: tuple[BriefSentence, ...] = ()

    @staticmethod
    def make_id(article_ids: tuple[str, ...]) -> str:
        digest = hashlib.sha256("\x1f".join(sorted(article_ids)).encode("utf-8"))
        return "s" + digest.hexdigest()[:16]

    @staticmethod
    def make_title(titles: Sequence[str | None], lead: str) -> str:
        """The title most of a story's articles share, else the earliest article's, else
        the first line of the earliest article's text (``lead``: that text, or its start).
        ``titles`` are the articles' titles, oldest first."""
        given = [t for t in titles if t]
        if not given:
            return lead.split("\n", 1)[0][:120]
        title, count = Counter(given).most_common(1)[0]
        return title if count > 1 else given[0]
