"""The recogniser's pass: run once for the clustering's features and the parse."""

from __future__ import annotations

from newsprism.analyze.entities.aliases import default_aliases, parse_table
from newsprism.models import Models
from newsprism.nlp import parse, recognise
from newsprism.nlp.recognise import is_kept
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
    """After ``recognise``, the parse takes the kept entities (and they are kept no
    longer); an article parsed with nothing kept gets the same pass at its parse."""
    article = _article()
    names = recognise([article], models, default_aliases())[0]
    assert ("Kataib Hezbollah", "ORG") in names  # the alias ruler ran with the recogniser
    assert is_kept(article, default_aliases())
    taken = _entities(article, models)
    assert not is_kept(article, default_aliases())
    assert ("Kataib Hezbollah", "ORG") in taken
    assert _entities(article, models) == taken  # nothing kept: the same pass, run then


def test_a_name_across_the_parsers_sentences_is_cut_where_the_sentence_starts(
    models: Models,
) -> None:
    """The recogniser reads "Yahoo! Sports" whole (the clustering's names have it); the
    parser starts a sentence after the "!", and the analysis reads a sentence's entities,
    so the parse's entity ends there and lies in its sentence."""
    article = _article(name="c")
    names = [text for text, _ in recognise([article], models, default_aliases())[0]]
    assert any(text.startswith("Yahoo! Sports") for text in names)
    (doc,) = parse([article], models, default_aliases())
    yahoo = next(e for e in doc.ents if e.text.startswith("Yahoo"))
    assert yahoo.text == "Yahoo!"
    assert yahoo in list(yahoo.sent.ents)


def test_entities_kept_for_another_table_or_text_are_not_taken(models: Models) -> None:
    article = _article(name="b")
    other = parse_table("canonical\ttype\taliases\nNationals\tORG\tNats\n", "test table")
    recognise([article], models, other)
    assert not is_kept(article, default_aliases())
    assert not is_kept(_article(TEXT.replace("Las Vegas", "Boston"), name="b"), other)
    assert is_kept(article, other)
