"""How the brief quotes an agreed fact."""

from __future__ import annotations

from newsprism.analyze.brief import write_brief
from newsprism.records import Article, Claim, Evidence, Span


def _article(article_id: str, outlet: str, text: str) -> tuple[Article, Span]:
    article = Article(article_id, f"{article_id}.txt", None, outlet, None, None, "en", text)
    return article, Span(article_id, 0, len(text), text)


def test_an_agreed_fact_is_quoted_in_words_that_do_not_open_with_a_pronoun() -> None:
    """ "He has been charged ..." tells a reader of the brief nothing of who; another
    outlet's "Subryan has been charged ..." does. Both are cited."""
    one, his = _article("a", "Alpha", "He has been charged with vehicular manslaughter.")
    other, named = _article("b", "Beta", "Subryan has been charged with vehicular manslaughter.")
    claim = Claim(
        "k",
        "statement",
        his.text,
        "corroborated",
        (Evidence(his, "supports"), Evidence(named, "supports")),
    )
    (sentence,) = write_brief([claim], [], [one, other])
    assert "puts it as “Subryan has been charged" in sentence.text
    assert set(sentence.citations) == {his, named}
    # with no other words, the claim's own are quoted
    alone = Claim("k", "statement", his.text, "corroborated", (Evidence(his, "supports"),))
    (sentence,) = write_brief([alone], [], [one, other])
    assert "puts it as “He has been charged" in sentence.text
