"""One full spaCy parse (sentences, tags, dependencies, entities) of each article's text.

The text parsed is ``article.text`` itself, so token offsets are Span offsets.
An EntityRuler placed before the statistical recogniser adds the names of the
alias table given (the pipeline gives the shipped one, or it extended by
``--aliases``), which the model often misses or mistypes ("Kataib Hezbollah",
"CENTCOM", "Daesh").

The table is passed in: this layer knows what the ruler needs of it (:class:`NameTable`,
which ``analyze.entities.aliases.AliasTable`` is) and imports nothing of the analysis stages.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from newsprism.models import Models
from newsprism.nlp.recognise import entities, recogniser_pipes
from newsprism.records import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

RULER = "newsprism_aliases"
TEXT_KEY = "newsprism.text"
"""Where a doc keeps its text in ``doc.user_data`` (``text_of``)."""


class NameEntry(Protocol):
    """One actor of a name table: its type and every name it goes by."""

    @property
    def type(self) -> str: ...

    @property
    def names(self) -> tuple[str, ...]: ...


class NameTable(Protocol):
    """Names the recogniser should find by rule (an alias table)."""

    @property
    def entries(self) -> Sequence[NameEntry]: ...


_RULED: dict[int, NameTable] = {}
"""The table each pipeline's ruler was built from (by the pipeline's id)."""


def pipeline(models: Models, aliases: NameTable | None) -> Language:
    """The models' spaCy pipeline with a ruler for the names of ``aliases`` (no ruler for
    None: the model alone); the ruler is rebuilt when a different table is asked for."""
    nlp = models.nlp
    if RULER in nlp.pipe_names and _RULED.get(id(nlp)) != aliases:
        nlp.remove_pipe(RULER)
        _RULED.pop(id(nlp), None)
    if aliases is not None and RULER not in nlp.pipe_names:
        ruler = nlp.add_pipe(
            "entity_ruler", name=RULER, before="ner", config={"phrase_matcher_attr": "LOWER"}
        )
        ruler.add_patterns(ruler_patterns(aliases))  # type: ignore[attr-defined]
        _RULED[id(nlp)] = aliases
    return nlp


def parse(
    articles: Iterable[Article],
    models: Models,
    aliases: NameTable | None,
    batch_size: int = 16,
) -> Iterator[Doc]:
    """Docs of the articles' texts, in order; ``doc.user_data["article_id"]`` names the article
    and ``doc.user_data[TEXT_KEY]`` keeps its text (``text_of``). The names of ``aliases``
    are recognised by rule (None: by the model alone). The table is asked for, never
    assumed: the pipeline passes the one it analyses with. The entities are the
    recogniser's own pass over the text (``recognise``: kept from the clustering's features
    when it ran with that table, else run now), so they are the same on every path and the
    recogniser does not run twice over one text."""
    from spacy.tokens import Span

    nlp = pipeline(models, aliases)
    articles = list(articles)
    found = entities(articles, models, aliases, batch_size)
    skipped = recogniser_pipes(nlp) - {"tok2vec"}
    disabled = [name for name in nlp.pipe_names if name in skipped]
    pairs = ((a.text, (a.id, a.text)) for a in articles)
    docs = nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, disable=disabled)
    for spans, (doc, (article_id, text)) in zip(found, docs, strict=True):
        doc.set_ents(
            [
                Span(doc, *where, label=label)
                for s, e, label in spans
                if (where := _within(doc, s, e))
            ],
            default="outside",
        )
        doc.user_data["article_id"] = article_id
        doc.user_data[TEXT_KEY] = text
        yield doc


def _within(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The token range of an entity's characters, cut where the parser starts a sentence
    inside it: the analysis reads a sentence's entities (``Span.ents``), which hold only
    those wholly inside it ("Yahoo! Sports" after a sentence ending in "!" is "Yahoo!")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    cut = next((t.i for t in span[1:] if t.is_sent_start), span.end)
    return span.start, cut


def text_of(doc: Doc) -> str:
    """The doc's text, kept with it: spaCy's ``Doc.text`` joins every token anew on each
    read, which the analysis stages would otherwise do several times per article. A kept
    text is trusted only while its length is the doc's (a doc cut from another with its
    user data copied is not); else the text is joined again and kept."""
    text = doc.user_data.get(TEXT_KEY)
    last = doc[-1] if len(doc) else None
    length = last.idx + len(last.text_with_ws) if last is not None else 0
    if not isinstance(text, str) or len(text) != length:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


_RULER_LABELS = {"FACILITY": "FAC", "OTHER": "MISC"}


def ruler_patterns(table: NameTable) -> list[dict[str, Any]]:
    """EntityRuler patterns: acronyms as exact tokens, other names case-insensitively."""
    patterns: list[dict[str, Any]] = []
    for entry in table.entries:
        label = _RULER_LABELS.get(entry.type, entry.type)
        for name in dict.fromkeys(_apostrophe_forms(entry.names)):
            if _is_acronym(name):
                patterns.append({"label": label, "pattern": [{"ORTH": name}]})
            elif len(name.split()) > 1 or entry.type != "GPE":
                patterns.append({"label": label, "pattern": name})
    return patterns


def _is_acronym(text: str) -> bool:
    """All capitals, 2 to 6 letters (dots and hyphens aside): the alias table's rule for a
    name matched only as written."""
    letters = text.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _apostrophe_forms(names: Iterable[str]) -> Iterator[str]:
    """Each name as written, with curly apostrophes, and without apostrophes."""
    for name in names:
        yield name
        if "'" in name:
            yield name.replace("'", "’")
            yield name.replace("'", "")
