"""One full spaCy parse (sentences, tags, dependencies, entities) of each article's text.

The text parsed is ``article.text`` itself, so token offsets are Span offsets.
An EntityRuler placed before the statistical recogniser adds the names of the
alias table (``newsprism.analyze.aliases``), which the model often misses or
mistypes ("Kataib Hezbollah", "CENTCOM", "Daesh").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from newsprism.models import Models
from newsprism.records import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

RULER = "newsprism_aliases"


def pipeline(models: Models) -> Language:
    """The models' spaCy pipeline with the alias ruler added (once per pipeline)."""
    from newsprism.analyze.aliases import ruler_patterns

    nlp = models.nlp
    if RULER not in nlp.pipe_names:
        ruler = nlp.add_pipe(
            "entity_ruler", name=RULER, before="ner", config={"phrase_matcher_attr": "LOWER"}
        )
        ruler.add_patterns(ruler_patterns())  # type: ignore[attr-defined]
    return nlp


def parse(articles: Iterable[Article], models: Models, batch_size: int = 16) -> Iterator[Doc]:
    """Docs of the articles' texts, in order; ``doc.user_data["article_id"]`` names the article."""
    nlp = pipeline(models)
    pairs = ((a.text, a.id) for a in articles)
    for doc, article_id in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        doc.user_data["article_id"] = article_id
        yield doc
