"""Evidence highlighting: overlapping, nested and adjacent spans become non-overlapping
segments that still read as the article."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsprism.records import Article, Span
from newsprism.render.highlight import segments

TEXT = "The strike killed three militants in Baghdad, officials said."


def article(text: str = TEXT, article_id: str = "a1") -> Article:
    return Article(article_id, "s", None, "O", "T", None, "en", text)


def at(a: Article, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = a.text.index(words, start + 1)
    return Span.of(a, start, start + len(words))


def test_nested_spans_split_into_three_segments() -> None:
    a = article()
    outer, inner = at(a, "killed three militants"), at(a, "three")
    parts = segments(a, [(outer, "claim"), (inner, "quote")])
    covered = [(p.text, p.kinds) for p in parts if p.kinds]
    assert covered == [
        ("killed ", ("claim",)),
        ("three", ("claim", "quote")),
        (" militants", ("claim",)),
    ]
    assert "".join(p.text for p in parts) == a.text


def test_overlapping_spans_share_only_their_overlap() -> None:
    a = article()
    left, right = at(a, "strike killed three"), at(a, "three militants in")
    parts = [p for p in segments(a, [(left, "claim"), (right, "label")]) if p.kinds]
    assert [(p.text, p.kinds) for p in parts] == [
        ("strike killed ", ("claim",)),
        ("three", ("claim", "label")),
        (" militants in", ("label",)),
    ]
    # A link to either span lands where that span begins.
    assert parts[0].anchors == (f"a1-{left.start}-{left.end}",)
    assert parts[1].anchors == (f"a1-{right.start}-{right.end}",)


def test_adjacent_spans_stay_apart() -> None:
    a = article()
    first, second = at(a, "The strike"), at(a, " killed")
    parts = segments(a, [(first, "claim"), (second, "quote")])
    assert [(p.text, p.kinds) for p in parts[:3]] == [
        ("The strike", ("claim",)),
        (" killed", ("quote",)),
        (" three militants in Baghdad, officials said.", ()),
    ]


def test_same_span_twice_is_one_segment_with_both_kinds_and_one_id() -> None:
    a = article()
    span = at(a, "officials said")
    parts = [
        p for p in segments(a, [(span, "source"), (span, "claim"), (span, "claim")]) if p.kinds
    ]
    assert len(parts) == 1
    assert parts[0].kinds == ("claim", "source") and parts[0].classes == "hl-claim hl-source"
    assert parts[0].anchors == (f"a1-{span.start}-{span.end}",)


def test_spans_starting_together_each_get_an_anchor() -> None:
    a = article()
    short, long = at(a, "The strike"), at(a, "The strike killed")
    first = segments(a, [(long, "claim"), (short, "quote")])[0]
    assert first.text == "The strike"
    assert set(first.anchors) == {f"a1-{short.start}-{short.end}", f"a1-{long.start}-{long.end}"}


def test_spans_of_other_articles_empty_or_outside_are_skipped() -> None:
    a = article()
    parts = segments(
        a,
        [
            (Span("a2", 0, 3, "The"), "claim"),
            (Span("a1", 4, 4, ""), "claim"),
            (Span("a1", 50, 500, "x"), "claim"),
        ],
    )
    assert parts == segments(a, []) and len(parts) == 1 and not parts[0].kinds


def test_empty_text() -> None:
    assert segments(article(""), []) == ()


@given(
    text=st.text(min_size=1, max_size=60),
    bounds=st.lists(
        st.tuples(st.integers(0, 60), st.integers(0, 60), st.sampled_from(["claim", "quote"])),
        max_size=8,
    ),
)
def test_segments_read_as_the_text_and_carry_every_covering_kind(
    text: str, bounds: list[tuple[int, int, str]]
) -> None:
    a = article(text)
    spans = [
        (Span.of(a, min(s, e), max(s, e)), kind) for s, e, kind in bounds if max(s, e) <= len(text)
    ]
    parts = segments(a, spans)
    assert "".join(p.text for p in parts) == text
    offset = 0
    for part in parts:
        assert part.text
        for i in range(offset, offset + len(part.text)):
            expected = {kind for span, kind in spans if span.start <= i < span.end}
            assert set(part.kinds) == expected
        offset += len(part.text)
    anchors = [x for p in parts for x in p.anchors]
    expected_anchors = {f"a1-{s.start}-{s.end}" for s, _ in spans if s.end > s.start}
    assert sorted(anchors) == sorted(expected_anchors)
