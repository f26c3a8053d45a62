"""The HTML report: self-contained, escaped, every evidence link lands on its words, and
on the seeds it shows the matrix, the provenance graph, quote differences and highlights."""

from __future__ import annotations

from typing import Any

import lxml.html
import pytest

from newsprism.records import (
    Article,
    BriefSentence,
    Cite,
    Claim,
    Conflict,
    ConflictSide,
    Entity,
    Evidence,
    Provenance,
    Quote,
    SharedText,
    Span,
    Story,
)
from newsprism.records.results import Analysis
from newsprism.render.html import environment, render_html, story_view
from newsprism.render.views import span_anchor

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE = f"Breaking {SCRIPT} {IMG} & more"
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
REL = "noopener noreferrer nofollow"


def hostile_analysis(second_date: str | None = "2024-03-06") -> Analysis:
    """Two articles whose every field carries markup; one with a javascript: URL."""
    evil = Article(
        "a1", f"evil{IMG}.html", "javascript:alert(1)", HOSTILE, HOSTILE, "2024-03-04", "en",
        f"{HOSTILE} said “{SCRIPT} we reject it” and\n\n  {IMG} Wire reported.\n",
    )  # fmt: skip
    plain = Article(
        "a2", "https://example.org/x", 'https://example.org/a?b="><script>', f"O {IMG}",
        "Plain", second_date, "en", f"Officials said “{SCRIPT} we firmly reject it” {IMG}.",
    )  # fmt: skip

    def at(a: Article, words: str) -> Span:
        start = a.text.index(words)
        return Span.of(a, start, start + len(words))

    q1, q2 = at(evil, f"{SCRIPT} we reject it"), at(plain, f"{SCRIPT} we firmly reject it")
    head = at(evil, HOSTILE)
    story = Story(
        "s1",
        HOSTILE,
        ("a1", "a2"),
        provenance=(
            Provenance("a1", (SharedText("a2", 0.5),), (Cite(f"{IMG} Wire", at(evil, "Wire")),)),
        ),
        entities=(
            Entity(
                "e1",
                HOSTILE,
                "PERSON",
                (head, at(plain, "Officials")),
                (head,),
                (at(plain, "Officials"),),
            ),
        ),
        quotes=(Quote("q1", "e1", SCRIPT, (q1, q2)),),
        claims=(
            Claim(
                "k1",
                "statement",
                HOSTILE,
                "conflicting",
                (Evidence(q1, "supports"), Evidence(q2, "contradicts")),
            ),
        ),
        conflicts=(
            Conflict("c1", HOSTILE, (ConflictSide(SCRIPT, (q1,)), ConflictSide(IMG, (q2,)))),
        ),
        brief=(BriefSentence(f"{HOSTILE} says", (q1, q2)),),
    )
    return Analysis((evil, plain), (story,), ())


def parse(page: str) -> Any:
    return lxml.html.fromstring(page)


def check_self_contained(page: str) -> None:
    doc = parse(page)
    assert "<script" not in page.lower()
    assert doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content") == [CSP]
    assert doc.xpath("//script|//img|//iframe|//object|//embed|//link") == []
    assert doc.xpath("//@src") == []
    assert [a for a in doc.xpath("//@*") if a.attrname.lower().startswith("on")] == []
    assert doc.xpath("//body//@style") == [], "classes only: the web app forbids inline styles"
    ids = doc.xpath("//@id")
    assert len(ids) == len(set(ids))
    for element in doc.xpath("//*[@href]"):
        href = element.get("href")
        if href.startswith("#"):
            assert href[1:] in ids, href
        else:
            assert href.startswith(("http://", "https://")), href
            assert element.get("rel") == REL


def article_texts(page: str) -> dict[str, str]:
    doc = parse(page)
    return {
        div.xpath("ancestor::article/@id")[0]: div.text_content()
        for div in doc.xpath("//div[@class='article-text']")
    }


def test_hostile_story_is_escaped() -> None:
    analysis = hostile_analysis()
    page = render_html(analysis)
    check_self_contained(page)
    assert "<img src=x" not in page and "onerror=alert(1)>" not in page
    assert "javascript:" not in page
    doc = parse(page)
    # The javascript: URL is no link; the http one is, quoted.
    links = doc.xpath("//article//a[@rel]/@href")
    assert links == ['https://example.org/a?b="><script>']
    # Markup in article data arrives as text, in the SVG charts too.
    for svg in doc.xpath("//svg[@role='img']"):
        assert HOSTILE in "".join(svg.itertext())
    assert SCRIPT in doc.text_content() and IMG in doc.text_content()
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 10
    assert article_texts(page) == {a.id: a.text for a in analysis.articles}


def test_hostile_story_shows_each_section() -> None:
    doc = parse(render_html(hostile_analysis()))
    assert len(doc.xpath("//details[@class='cite']/summary")) == 1
    assert len(doc.xpath("//div[@class='sides']/div[@class='side']")) == 2
    assert doc.xpath("//svg[contains(@class, 'matrix')]//g[contains(@class, 'cell-supports')]")
    assert doc.xpath("//svg[contains(@class, 'matrix')]//g[contains(@class, 'cell-contradicts')]")
    assert doc.xpath("//svg[contains(@class, 'graph')]//path[contains(@class, 'edge-overlaps')]")
    # The fuller version is the base; the other one leaves a word out.
    assert [e.text_content() for e in doc.xpath("//div[@class='quote']//del")] == ["firmly"]
    assert doc.xpath("//div[@class='quote']//ins") == []
    assert len(doc.xpath("//ol[@class='timeline']/li")) == 2
    # Words that stand for an actor without naming it are shown beside its names.
    (names,) = doc.xpath("//table[contains(@class, 'who')]//td[@class='names']")
    assert [q.text_content() for q in names.xpath(".//q")] == ["Officials"]
    assert "Officials" not in names.text_content().split("also")[0]


def test_no_timeline_with_one_date() -> None:
    doc = parse(render_html(hostile_analysis(second_date=None)))
    assert doc.xpath("//ol[@class='timeline']") == []


def test_story_partial_has_no_inline_style_or_script() -> None:
    """The web app serves the partial under ``style-src 'self'``."""
    analysis = hostile_analysis()
    entry = story_view(analysis.stories[0], analysis.articles)
    html = environment().get_template("_story.html.j2").render(entry=entry)
    assert "style=" not in html and "<style" not in html and "<script" not in html


@pytest.fixture(scope="module")
def seeds_page(seeds_analysis: Analysis) -> str:
    return render_html(seeds_analysis)


def test_seeds_report_is_self_contained(seeds_page: str) -> None:
    check_self_contained(seeds_page)


def test_seeds_report_shows_the_story(seeds_analysis: Analysis, seeds_page: str) -> None:
    doc = parse(seeds_page)
    (story,) = seeds_analysis.stories
    assert len(doc.xpath("//section[@class='story']")) == 1
    matrix = doc.xpath("//svg[contains(@class, 'matrix')]")[0]
    assert matrix.get("role") == "img" and "claims" in matrix.get("aria-label")
    assert len(matrix.xpath(".//g[contains(@class, 'row')]")) == min(25, len(story.claims))
    assert matrix.xpath(".//g[contains(@class, 'cell-contradicts')]/title")
    graph = doc.xpath("//svg[contains(@class, 'graph')]")[0]
    cites = sum(len(p.cites) for p in story.provenance)
    assert 5 <= len(graph.xpath(".//path[contains(@class, 'edge-cites')]")) <= cites
    assert len(doc.xpath("//ul[@class='provenance']/li")) == len(story.provenance)
    assert doc.xpath("//div[@class='quote']//del") and doc.xpath("//div[@class='quote']//ins")
    for kind in ("claim", "quote", "label", "source"):
        assert doc.xpath(f"//div[@class='article-text']/mark[contains(@class, 'hl-{kind}')]")
    assert len(doc.xpath("//ol[@class='timeline']/li")) == 2
    assert article_texts(seeds_page) == {a.id: a.text for a in seeds_analysis.articles}


def test_seeds_evidence_links_land_on_their_words(
    seeds_analysis: Analysis, seeds_page: str
) -> None:
    doc = parse(seeds_page)
    (story,) = seeds_analysis.stories
    spans = [s for b in story.brief for s in b.citations]
    spans += [s for c in story.conflicts for side in c.sides for s in side.evidence]
    spans += [c.span for p in story.provenance for c in p.cites]
    hrefs = set(doc.xpath("//ul[@class='evidence']//a/@href"))
    hrefs |= set(doc.xpath("//ul[@class='side-evidence']//a/@href"))
    hrefs |= set(doc.xpath("//ul[@class='provenance']//a/@href"))
    for span in spans:
        anchor = span_anchor(span)
        assert f"#{anchor}" in hrefs
        (target,) = doc.xpath(f"//*[@id='{anchor}']")
        assert target.xpath("ancestor::article/@id") == [span.article]
        if target.tag == "mark":  # the span's first segment
            assert target.text_content() and span.text.startswith(target.text_content())
        else:  # an empty marker before a segment that other spans start too
            assert target.text_content() == ""
            following = target.getnext()
            while following.tag == "span" and following.text_content() == "":
                following = following.getnext()
            assert following.tag == "mark"


def test_findings_link_to_every_highlight(seeds_analysis: Analysis) -> None:
    """A quote variant marked in the text is the one its diff links to."""
    (story,) = seeds_analysis.stories
    entry = story_view(story, seeds_analysis.articles)
    anchors = {a for segments in entry["texts"].values() for s in segments for a in s.anchors}
    for diff in entry["quote_diffs"]:
        for variant in (diff.base, *diff.others):
            assert variant.anchor in anchors
