"""The provenance graph of a story, laid out for an SVG: who cites whom, who shares text.

Articles stand in the left column, named sources that are not articles of the story in
the right one. A cite of a source goes right; a cite of an outlet the story holds an article
of (``Cite.article``, as the analysis resolved it: "the New York Post" cited ends at the
"NY Post" article, never at a source node of its own), and a text overlap between two
articles, arc on the left between the two articles. A cite of the citing article's own
outlet (one outlet key) is no edge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from newsprism.records import Article, Story
from newsprism.render.matrix import short
from newsprism.render.views import outlet_keys, outlet_name, span_anchor

BOX_W, BOX_H, GAP, ARC_ROOM, COLUMN_GAP, MARGIN = 190, 30, 14, 110, 110, 12


@dataclass(frozen=True)
class Node:
    key: str
    name: str
    label: str
    """``name`` cut to fit its box."""
    kind: Literal["article", "source"]
    x: float
    y: float


@dataclass(frozen=True)
class Edge:
    kind: Literal["cites", "overlaps"]
    source: str
    target: str
    """Node keys; an overlap has no direction."""
    path: str
    """SVG path data."""
    note: str
    """What the edge stands for, in words (the cited words, or the similarity)."""
    label: str
    """A short mark drawn on the edge (the similarity of an overlap), or empty."""
    label_x: float
    label_y: float


@dataclass(frozen=True)
class CiteItem:
    name: str
    words: str
    anchor: str
    article: str | None
    """The story's article of the cited outlet, when there is one."""


@dataclass(frozen=True)
class ProvenanceItem:
    article: str
    outlet: str
    cites: tuple[CiteItem, ...]
    overlaps: tuple[tuple[str, str, float], ...]
    """(article id, its outlet, similarity)."""


@dataclass(frozen=True)
class Graph:
    width: float
    height: float
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    items: tuple[ProvenanceItem, ...]
    """The same information as a list, article by article."""


def name_key(name: str) -> tuple[str, ...]:
    """A named source's words, to join spellings of one source outside the story ("Central
    Command", "U.S. Central Command"); which cites name an outlet of the story is the
    analysis's to say (``Cite.article``)."""
    words = re.sub(r"[^\w]+", " ", name.casefold()).split()
    return tuple(words[1:] if words[:1] == ["the"] else words)


def _source_names(names: list[str]) -> dict[tuple[str, ...], str]:
    """Each named source's key to the name its node shows: a name that ends another one of
    two words or more ("Central Command", "U.S. Central Command") joins the longer one."""
    keys = {name_key(n): n for n in sorted(names, key=len)}
    out = {}
    for key in keys:
        longer = [k for k in keys if len(key) >= 2 and len(k) > len(key) and k[-len(key) :] == key]
        out[key] = keys[max(longer, key=len)] if longer else keys[key]
    return out


def provenance_graph(story: Story, articles: Sequence[Article]) -> Graph:
    by_id = {a.id: a for a in articles}
    outlets = {i: outlet_name(by_id[i]) for i in story.article_ids}
    keys = outlet_keys(story, by_id)
    items, cite_pairs = [], []
    for p in story.provenance:
        if p.article not in outlets:
            continue
        cites = []
        for cite in p.cites:
            target = cite.article if cite.article in outlets else None
            own = target is not None and keys[target] == keys[p.article]
            item = CiteItem(
                cite.name, cite.span.text, span_anchor(cite.span), None if own else target
            )
            cites.append(item)
            if not own:  # an outlet naming itself ("told Sky News" in Sky News) is no edge
                cite_pairs.append((p.article, item))
        shared = [o for o in p.overlaps if o.article in outlets]
        overlaps = tuple((o.article, outlets[o.article], o.similarity) for o in shared)
        if cites or overlaps:
            items.append(ProvenanceItem(p.article, outlets[p.article], tuple(cites), overlaps))
    items.sort(key=lambda item: story.article_ids.index(item.article))
    sources = _source_names([c.name for _, c in cite_pairs if c.article is None])
    # Sources in the order of the articles that cite them (the mean row), so edges cross less.
    row = {article_id: i for i, article_id in enumerate(story.article_ids)}
    rows: dict[str, list[int]] = {}
    for article, named in cite_pairs:
        if named.article is None:
            rows.setdefault(sources[name_key(named.name)], []).append(row[article])
    order = sorted(rows, key=lambda name: sum(rows[name]) / len(rows[name]))
    return _layout(story, outlets, items, cite_pairs, sources, order)


def _layout(
    story: Story,
    outlets: dict[str, str],
    items: list[ProvenanceItem],
    cite_pairs: list[tuple[str, CiteItem]],
    sources: dict[tuple[str, ...], str],
    names: list[str],
) -> Graph:
    rows = max(len(story.article_ids), len(names), 1)
    height = 2 * MARGIN + rows * (BOX_H + GAP) - GAP
    # Arcs between articles bend out to the left; without any, that room is not kept.
    arcs = any(item.overlaps for item in items) or any(c.article for _, c in cite_pairs)
    left_x = MARGIN + (ARC_ROOM if arcs else 0)
    right_x = left_x + BOX_W + COLUMN_GAP

    def column(count: int) -> list[float]:
        top = (height - (count * (BOX_H + GAP) - GAP)) / 2
        return [top + i * (BOX_H + GAP) for i in range(count)]

    nodes = [
        Node(i, outlets[i], short(outlets[i], 27), "article", left_x, y)
        for i, y in zip(story.article_ids, column(len(story.article_ids)), strict=True)
    ]
    nodes += [
        Node("source:" + n, n, short(n, 27), "source", right_x, y)
        for n, y in zip(names, column(len(names)), strict=True)
    ]
    at = {n.key: n for n in nodes}
    notes: dict[tuple[str, str, str], list[str]] = {}
    for article, cite in cite_pairs:
        target = cite.article or "source:" + sources[name_key(cite.name)]
        notes.setdefault(("cites", article, target), []).append(f"“{cite.words}”")
    for item in items:
        for other, _, similarity in item.overlaps:
            pair = tuple(sorted((item.article, other)))
            notes.setdefault(("overlaps", pair[0], pair[1]), []).append(f"{similarity:.2f}")
    edges = [_edge(kind, at[a], at[b], texts) for (kind, a, b), texts in notes.items()]
    return Graph(right_x + BOX_W + MARGIN, height, tuple(nodes), tuple(edges), tuple(items))


def _edge(kind: str, a: Node, b: Node, texts: list[str]) -> Edge:
    y1, y2 = a.y + BOX_H / 2, b.y + BOX_H / 2
    if b.kind == "source":
        path = f"M{a.x + BOX_W:.0f},{y1:.0f} L{b.x - 2:.0f},{y2:.0f}"
        note = f"{a.name} cites {b.name}: " + "; ".join(texts)
        return Edge("cites", a.key, b.key, path, note, "", 0, 0)
    # Shared text bends further out than a cite, so both can join the same two articles.
    bend = min(ARC_ROOM - 40, 20 + 0.5 * abs(y2 - y1)) + (30 if kind == "overlaps" else 0)
    bx = a.x - bend
    path = f"M{a.x:.0f},{y1:.0f} C{bx:.0f},{y1:.0f} {bx:.0f},{y2:.0f} {a.x - 2:.0f},{y2:.0f}"
    if kind == "cites":
        note = f"{a.name} cites {b.name}: " + "; ".join(texts)
        return Edge("cites", a.key, b.key, path, note, "", 0, 0)
    similarity = max(texts)
    note = f"{a.name} and {b.name} share text (similarity {similarity})"
    label_x = a.x - 0.75 * bend - 4  # beside the arc's outermost point, its text to the left
    return Edge("overlaps", a.key, b.key, path, note, similarity, label_x, (y1 + y2) / 2)
