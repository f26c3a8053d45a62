"""The recogniser's pass: run once for the clustering's features and the parse."""

from __future__ import annotations

from newsprism.analyze.entities.aliases import default_aliases, parse_table
from newsprism.models import Models
from newsprism.nlp import parse, recognise
from newsprism.nlp.recognise import known_entities
from newsprism.records import Article

TEXT = (
    "The injury was first reported by FoxSports.com and Yahoo! Sports on Monday. "
    "Mark Teixeira met the Washington Nationals in Las Vegas, Kataib Hezbollah said."
)


def _article(text: str = TEXT, name: str = "a") -> Article:
    return Article(name, name, None, "Outlet", None, None, "en", text)


def _entities(article: Article, models: Models) -> list[tuple[str, str]]:
    (doc,) = parse([article], models, default_aliases())
    return [(e.text, e.label_) for e in doc.ents]


def test_the_parse_takes_the_kept_pass_and_gives_what_a_fresh_pass_gives(models: Models) -> None:
    """After ``recognise``, the parse sets the kept entities (and keeps them no longer);
    an article parsed with nothing kept gets the same pass at its parse."""
    article = _article()
    names = recognise([article], models, default_aliases())[0]
    assert ("Kataib Hezbollah", "ORG") in names  # the alias ruler ran with the recogniser
    assert _entities(article, models) == names
    assert known_entities([article], default_aliases()) is None  # taken by that parse
    assert _entities(article, models) == names  # nothing kept: the same pass, run then


def test_the_recogniser_reads_across_the_parsers_sentences(models: Models) -> None:
    """ "Yahoo! Sports" is one name, though the parser starts a sentence after the "!"
    (inside a full pipeline the recogniser would cut it there)."""
    names = [text for text, _ in _entities(_article(), models)]
    assert any(text.startswith("Yahoo! Sports") for text in names)


def test_entities_kept_for_another_table_or_text_are_not_taken(models: Models) -> None:
    article = _article(name="b")
    other = parse_table("canonical\ttype\taliases\nNationals\tORG\tNats\n", "test table")
    recognise([article], models, other)
    assert known_entities([article], default_aliases()) is None
    changed = _article(TEXT.replace("Las Vegas", "Boston"), name="b")
    assert known_entities([changed], other) is None
    assert known_entities([article], other) is not None
