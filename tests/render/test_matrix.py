"""The outlets × claims matrix: one column per outlet, one row per claim."""

from __future__ import annotations

from newsprism.records import Article, Claim, Evidence, Provenance, Span, Story
from newsprism.render.matrix import claim_matrix, short


def article(article_id: str, outlet: str | None) -> Article:
    return Article(article_id, "s", None, outlet, f"Title {article_id}", None, "en", "x" * 40)


ARTICLES = [
    article("a1", "Alpha"),
    article("a2", "Beta"),
    article("a3", "Alpha"),
    article("a4", None),
]


def ev(article_id: str, stance: str = "supports") -> Evidence:
    return Evidence(Span(article_id, 0, 4, "xxxx"), stance)  # type: ignore[arg-type]


def story(*claims: Claim) -> Story:
    return Story("s1", "T", tuple(a.id for a in ARTICLES), claims=claims)


def test_cells_per_outlet() -> None:
    claims = (
        Claim("k1", "quantity", "killed: 3", "conflicting", (ev("a1"), ev("a2", "contradicts"))),
        Claim(
            "k2", "statement", "x", "corroborated", (ev("a1"), ev("a3", "contradicts"), ev("a4"))
        ),
        Claim("k3", "event", "y", "single_source", (ev("a2"), ev("a2"))),
    )
    matrix = claim_matrix(story(*claims), ARTICLES)
    # Two articles of Alpha make one column; an article without outlet is its own.
    assert matrix.outlets == ("Alpha", "Beta", "unknown outlet (Title a4)")
    assert [row.cells for row in matrix.rows] == [
        ("supports", "contradicts", "silent"),
        ("both", "silent", "supports"),
        ("silent", "supports", "silent"),
    ]
    assert [row.status for row in matrix.rows] == ["conflicting", "corroborated", "single_source"]
    assert matrix.rows[0].claim == "k1" and matrix.rows[0].text == "killed: 3"


def test_rows_limited_and_labels_short() -> None:
    long_text = "Spokesperson of the prime minister of the republic " * 3
    claims = tuple(
        Claim(f"k{i}", "statement", long_text, "single_source", (ev("a1"),)) for i in range(9)
    )
    matrix = claim_matrix(story(*claims), ARTICLES, limit=4, label_chars=20)
    assert len(matrix.rows) == 4
    assert all(len(row.label) <= 20 and row.label.endswith("…") for row in matrix.rows)
    assert matrix.rows[0].text == long_text


def test_short_keeps_short_text_and_squeezes_spaces() -> None:
    assert short("a  b\nc", 10) == "a b c"
    assert short("abcdefghijk", 5) == "abcd…"


def test_no_claims() -> None:
    matrix = claim_matrix(story(), ARTICLES)
    assert matrix.rows == () and len(matrix.outlets) == 3


def test_one_outlet_however_spelled_is_one_column() -> None:
    """Articles of one outlet key (the analysis's: "NY Post" and "New York Post") are one
    column, named as the first of them spells it."""
    articles = [article("p1", "NY Post"), article("p2", "New York Post"), article("b", "Beta")]
    keys = {"p1": "new york post", "p2": "new york post", "b": "beta"}
    story = Story(
        "s1",
        "T",
        ("p1", "p2", "b"),
        provenance=tuple(Provenance(i, outlet_key=k) for i, k in keys.items()),
        claims=(Claim("k1", "event", "x", "single_source", (ev("p1"), ev("p2"))),),
    )
    matrix = claim_matrix(story, articles)
    assert matrix.outlets == ("NY Post", "Beta")
    assert [row.cells for row in matrix.rows] == [("supports", "silent")]
