"""The provenance graph: cites of sources and of the story's own outlets, shared text."""

from __future__ import annotations

from newsprism.records import Article, Cite, Provenance, SharedText, Span, Story
from newsprism.render.graph import Graph, provenance_graph

TEXT = "NY Post reported it; Central Command said so; U.S. Central Command added; told Wire."


def article(article_id: str, outlet: str) -> Article:
    return Article(article_id, "s", None, outlet, "T", None, "en", TEXT)


ARTICLES = [article("a1", "Thin Line"), article("a2", "NY Post"), article("a3", "Wire")]


def cite(article_id: str, name: str, points_to: str | None = None) -> Cite:
    start = TEXT.index(name)
    return Cite(name, Span(article_id, start, start + len(name), name), points_to)


def graph() -> Graph:
    provenance = (
        Provenance("a1", cites=(cite("a1", "NY Post", "a2"), cite("a1", "Central Command"))),
        Provenance(
            "a3",
            overlaps=(SharedText("a2", 0.42),),
            cites=(cite("a3", "U.S. Central Command"), cite("a3", "Wire", "a3")),
        ),
        Provenance("a2", overlaps=(SharedText("a3", 0.42), SharedText("elsewhere", 0.9))),
    )
    story = Story("s1", "T", ("a1", "a2", "a3"), provenance=provenance)
    return provenance_graph(story, ARTICLES)


def test_edges() -> None:
    g = graph()
    edges = {(e.kind, e.source, e.target) for e in g.edges}
    assert edges == {
        ("cites", "a1", "a2"),  # NY Post is an outlet of the story: the edge ends at its article
        ("cites", "a1", "source:U.S. Central Command"),
        ("cites", "a3", "source:U.S. Central Command"),  # both spellings are one node
        ("overlaps", "a2", "a3"),  # given both ways, drawn once; the article outside left out
    }
    overlap = next(e for e in g.edges if e.kind == "overlaps")
    assert overlap.label == "0.42" and "share text" in overlap.note
    cites_post = next(e for e in g.edges if e.target == "a2")
    assert "“NY Post”" in cites_post.note


def test_nodes_fit_the_drawing() -> None:
    g = graph()
    assert [n.key for n in g.nodes if n.kind == "article"] == ["a1", "a2", "a3"]
    assert [n.name for n in g.nodes if n.kind == "source"] == ["U.S. Central Command"]
    for node in g.nodes:
        assert node.x >= 0 and node.y >= 0
        assert node.x + 190 <= g.width and node.y + 30 <= g.height


def test_list_says_the_same_article_by_article() -> None:
    items = {item.article: item for item in graph().items}
    assert list(items) == ["a1", "a2", "a3"]
    assert [(c.name, c.article) for c in items["a1"].cites] == [
        ("NY Post", "a2"),
        ("Central Command", None),
    ]
    # An outlet naming itself ("told Wire" in Wire) is listed but links nowhere.
    assert [(c.name, c.article) for c in items["a3"].cites][1] == ("Wire", None)
    assert items["a2"].overlaps == (("a3", "Wire", 0.42),)
    assert items["a1"].cites[0].anchor == f"a1-0-{len('NY Post')}"


def test_story_without_provenance_has_nodes_only() -> None:
    g = provenance_graph(Story("s1", "T", ("a1", "a2")), ARTICLES)
    assert len(g.nodes) == 2 and g.edges == () and g.items == ()


def test_one_outlet_however_spelled_is_one_node() -> None:
    """The analysis resolved the outlets ("NY Post" and "New York Post": one key) and the
    article each cite points to: the graph goes by those, not by the words."""
    text = "The New York Post reported it; NY Post said so."
    articles = [
        Article("p1", "s", None, "NY Post", "T", None, "en", text),
        Article("p2", "s", None, "New York Post", "T", None, "en", text),
        Article("h1", "s", None, "Harbor Ledger", "T", None, "en", text),
    ]
    named = Cite("New York Post", Span("h1", 4, 26, text[4:26]), "p1")
    own = Cite("NY Post", Span("p2", 31, 38, "NY Post"), "p1")
    provenance = (
        Provenance("p1", outlet_key="new york post"),
        Provenance("p2", cites=(own,), outlet_key="new york post"),
        Provenance("h1", cites=(named,), outlet_key="harbor ledger"),
    )
    g = provenance_graph(Story("s1", "T", ("p1", "p2", "h1"), provenance=provenance), articles)
    assert {(e.kind, e.source, e.target) for e in g.edges} == {("cites", "h1", "p1")}
    assert [n.kind for n in g.nodes] == ["article"] * 3  # no source node "New York Post"
    items = {item.article: item for item in g.items}
    assert [(c.name, c.article) for c in items["h1"].cites] == [("New York Post", "p1")]
    # The New York Post citing the NY Post cites its own outlet: listed, no edge.
    assert [(c.name, c.article) for c in items["p2"].cites] == [("NY Post", None)]
