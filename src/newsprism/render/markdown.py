"""Markdown for reading in a terminal or a notebook."""

from __future__ import annotations

import re

from newsprism.records import Article, Story
from newsprism.records.results import Analysis
from newsprism.render.views import (
    CONFLICT_KINDS,
    citation_outlets,
    claim_views,
    entity_views,
    quote_views,
    shown_published,
)

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|])")


def md_escape(text: str) -> str:
    """Article text is untrusted: neutralize Markdown and inline HTML."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _entities(story: Story, by_id: dict[str, Article]) -> list[str]:
    views = entity_views(story, by_id)
    if not views:
        return []
    out = ["", "### Who is who", ""]
    for view in views:
        entity = view.entity
        out.append(
            f"- **{md_escape(entity.name)}** ({entity.type.lower()}, {view.articles} article(s)): "
            + ", ".join(md_escape(n) for n in view.names)
            + ("; also " if view.descriptions else "")
            + ", ".join(f"“{md_escape(d)}”" for d in view.descriptions)
        )
        for outlet, labels in view.labels:
            out.append(
                f"  - {md_escape(outlet)}: " + "; ".join(f"“{md_escape(x)}”" for x in labels)
            )
    return out


def _brief(story: Story, by_id: dict[str, Article]) -> list[str]:
    if not story.brief:
        return []
    out = ["", "### Brief", ""]
    for sentence in story.brief:
        sources = ", ".join(md_escape(o) for o in citation_outlets(sentence.citations, by_id))
        out.append(f"- {md_escape(sentence.text)} \\[{sources}\\]")
    return out


def _conflicts(story: Story, by_id: dict[str, Article]) -> list[str]:
    if not story.conflicts:
        return []
    out = ["", "### Disputed", ""]
    for conflict in story.conflicts:
        out.append(f"- **{md_escape(conflict.about)}** ({CONFLICT_KINDS[conflict.kind]})")
        for side in conflict.sides:
            outlets = ", ".join(md_escape(o) for o in citation_outlets(side.evidence, by_id))
            words = " / ".join(f"“{md_escape(s.text)}”" for s in side.evidence[:3])
            value = f"**{md_escape(side.value)}**: " if side.value else ""
            out.append(f"  - {outlets}: {value}{words}")
    return out


def _claims(story: Story, by_id: dict[str, Article]) -> list[str]:
    views = claim_views(story, by_id)
    if not views:
        return []
    out = ["", "### Claims", "", "| status | kind | claim | value | outlets |"]
    out.append("| --- | --- | --- | --- | --- |")
    for view in views:
        outlets = ", ".join(md_escape(o) for o in view.supporting)
        if view.contradicting:
            outlets += " — against: " + ", ".join(md_escape(o) for o in view.contradicting)
        status = view.claim.status.replace("_", " ")
        text = md_escape(view.claim.text)
        if view.about:
            text = f"**{md_escape(view.about)}**: {text}"
        values = md_escape(view.values)
        out.append(f"| {status} | {view.claim.kind} | {text} | {values} | {outlets} |")
    if len(story.claims) > len(views):
        out.append(f"\n{len(story.claims) - len(views)} more claim(s) in the JSON output.")
    return out


def _quotes(story: Story, by_id: dict[str, Article]) -> list[str]:
    views = quote_views(story, by_id)
    if not views:
        return []
    out = ["", "### Quotes", ""]
    for view in views:
        out.append(f"- {md_escape(view.speaker)}, in {len(view.variants)} article(s):")
        out += [f"  - {md_escape(o)}: “{md_escape(text)}”" for o, text in view.variants]
    return out


def render_markdown(analysis: Analysis) -> str:
    by_id = {a.id: a for a in analysis.articles}
    out: list[str] = ["# newsprism analysis", ""]
    out.append(
        f"{len(analysis.articles)} article(s), {len(analysis.stories)} story(ies), "
        f"{len(analysis.failures)} input error(s)."
    )
    for story in analysis.stories:
        out += ["", f"## {md_escape(story.title)}", ""]
        out += ["| published | outlet | title | words |", "| --- | --- | --- | ---: |"]
        for article_id in story.article_ids:
            article = by_id[article_id]
            out.append(
                f"| {md_escape(shown_published(article.published)) if article.published else '—'} "
                f"| {md_escape(article.outlet or 'unknown')} "
                f"| {md_escape(article.title or '(untitled)')} | {len(article.text.split())} |"
            )
        out += _brief(story, by_id)
        out += _conflicts(story, by_id)
        out += _claims(story, by_id)
        out += _entities(story, by_id)
        out += _quotes(story, by_id)
    if analysis.failures:
        out += ["", "## Inputs that could not be read", ""]
        out += [f"- {md_escape(f.source)}: {md_escape(f.error)}" for f in analysis.failures]
    return "\n".join(out) + "\n"
