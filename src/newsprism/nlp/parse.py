"""One full spaCy parse (sentences, tags, dependencies, entities) of each article's text.

The text parsed is ``article.text`` itself, so token offsets are Span offsets.
An EntityRuler placed before the statistical recogniser adds the names of the
alias table in use (the shipped one, or it extended by ``--aliases``), which the
model often misses or mistypes ("Kataib Hezbollah", "CENTCOM", "Daesh").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from newsprism.models import Models
from newsprism.records import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from newsprism.analyze.aliases import AliasTable

RULER = "newsprism_aliases"
_RULED: dict[int, AliasTable] = {}
"""The alias table each pipeline's ruler was built from (by the pipeline's id)."""


def pipeline(models: Models, aliases: AliasTable | None = None) -> Language:
    """The models' spaCy pipeline with a ruler for the names of ``aliases`` (the shipped
    table when None); the ruler is rebuilt when a different table is asked for."""
    from newsprism.analyze.aliases import default_aliases, ruler_patterns

    table = aliases if aliases is not None else default_aliases()
    nlp = models.nlp
    if RULER in nlp.pipe_names and _RULED.get(id(nlp)) != table:
        nlp.remove_pipe(RULER)
    if RULER not in nlp.pipe_names:
        ruler = nlp.add_pipe(
            "entity_ruler", name=RULER, before="ner", config={"phrase_matcher_attr": "LOWER"}
        )
        ruler.add_patterns(ruler_patterns(table))  # type: ignore[attr-defined]
        _RULED[id(nlp)] = table
    return nlp


def parse(
    articles: Iterable[Article],
    models: Models,
    aliases: AliasTable | None = None,
    batch_size: int = 16,
) -> Iterator[Doc]:
    """Docs of the articles' texts, in order; ``doc.user_data["article_id"]`` names the article.
    The names of ``aliases`` (the shipped table when None) are recognised by rule."""
    nlp = pipeline(models, aliases)
    pairs = ((a.text, a.id) for a in articles)
    for doc, article_id in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        doc.user_data["article_id"] = article_id
        yield doc
