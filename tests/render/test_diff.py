"""Quote variants compared word by word with the fullest version."""

from __future__ import annotations

from newsprism.records import Article, Entity, Quote, Span, Story
from newsprism.render.diff import Piece, quote_diffs, word_diff


def test_identical_up_to_case_and_punctuation() -> None:
    assert word_diff("“This path pushes the government,”", "this path pushes the government") == (
        Piece("same", "this path pushes the government"),
    )


def test_substitution_insertion_and_deletion() -> None:
    base = "This path pushes the Iraqi government more than ever before"
    other = "This trajectory compels the Iraqi government more than ever, truly"
    assert word_diff(base, other) == (
        Piece("same", "This"),
        Piece("del", "path pushes"),
        Piece("ins", "trajectory compels"),
        Piece("same", "the Iraqi government more than ever,"),
        Piece("del", "before"),
        Piece("ins", "truly"),
    )


def test_partial_quote_shows_what_it_leaves_out() -> None:
    pieces = word_diff("we will not accept any foreign forces", "any foreign forces")
    assert pieces == (Piece("del", "we will not accept"), Piece("same", "any foreign forces"))


def _story() -> tuple[Story, list[Article]]:
    texts = {
        "a1": 'He said "we reject the strike" today.',
        "a2": 'He said "we firmly reject this strike on our soil" today.',
        "a3": 'Another said "no comment" later.',
    }
    articles = [Article(i, "s", None, f"Outlet {i}", "T", None, "en", t) for i, t in texts.items()]

    def quoted(a: Article) -> Span:
        start = a.text.index('"') + 1
        return Span.of(a, start, a.text.index('"', start))

    spans = [quoted(a) for a in articles]
    story = Story(
        "s1",
        "T",
        tuple(texts),
        entities=(Entity("e1", "Yehia Rasool", "PERSON", (Span.of(articles[0], 0, 2),)),),
        quotes=(Quote("q1", "e1", "x", (spans[0], spans[1])), Quote("q2", None, "y", (spans[2],))),
    )
    return story, articles


def test_quote_diffs_take_the_fullest_version_as_base() -> None:
    story, articles = _story()
    first, second = quote_diffs(story, articles)
    assert first.speaker == "Yehia Rasool"
    assert first.base.outlet == "Outlet a2"
    assert first.base.pieces == (Piece("same", "we firmly reject this strike on our soil"),)
    variant = story.quotes[0].variants[1]
    assert first.base.anchor == f"a2-{variant.start}-{variant.end}"
    (other,) = first.others
    assert other.outlet == "Outlet a1"
    assert [p.op for p in other.pieces] == ["same", "del", "same", "del", "ins", "same", "del"]
    assert second.speaker == "unknown speaker" and second.others == ()
