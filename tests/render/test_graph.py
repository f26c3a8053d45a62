"""The provenance graph: cites of sources and of the story's own outlets, shared text."""

from __future__ import annotations

from newsprism.records import Article, Cite, Provenance, SharedText, Span, Story
from newsprism.render.graph import Graph, provenance_graph

TEXT = "NY Post reported it; Central Command said so; U.S. Central Command added; told Wire."


def article(article_id: str, outlet: str) -> Article:
    return Article(article_id, "s", None, outlet, "T", None, "en", TEXT)


ARTICLES = [article("a1", "Thin Line"), article("a2", "NY Post"), article("a3", "Wire")]


def cite(article_id: str, name: str) -> Cite:
    start = TEXT.index(name)
    return Cite(name, Span(article_id, start, start + len(name), name))


def graph() -> Graph:
    provenance = (
        Provenance("a1", cites=(cite("a1", "NY Post"), cite("a1", "Central Command"))),
        Provenance(
            "a3",
            overlaps=(SharedText("a2", 0.42),),
            cites=(cite("a3", "U.S. Central Command"), cite("a3", "Wire")),
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
