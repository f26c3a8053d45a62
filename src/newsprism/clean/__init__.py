"""Clean: from what a reader found to an article's own text and metadata.

Removes page furniture and photo captions, takes the title, the outlet and the
article's own date from the text where the metadata lacks them, and keeps every
removed piece in :attr:`Article.removed` with its reason.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from newsprism.clean import outlet as outlets
from newsprism.clean.captions import is_caption
from newsprism.clean.dates import normalize_date
from newsprism.clean.furniture import furniture_reason, strip_inline_markup
from newsprism.clean.header import date_line, is_body_paragraph, same_title, title_like, unquote
from newsprism.errors import InputError
from newsprism.prose import has_prose
from newsprism.records import Article, RawDocument, Removal

__all__ = ["clean"]

LanguageDetector = Callable[[str], str | None]


MAX_ARTICLE_CHARS = 300_000
"""The longest article text read. News articles run to a few ten thousand characters; the
parser needs about 1 GB of memory per 100,000 characters (spaCy's documentation) and
refuses over 1,000,000, which would end the whole run: a longer text is refused by name
and the rest of the run goes on."""


def _without_nul(raw: RawDocument) -> RawDocument:
    """NUL characters carry no text and no store may keep them (PostgreSQL refuses them in
    text): they go from the text and every metadata field before anything is measured."""
    fields = ("text", "url", "title", "outlet", "published", "language")
    values = {f: getattr(raw, f) for f in fields}
    if not any(isinstance(v, str) and "\x00" in v for v in values.values()):
        return raw
    return replace(raw, **{f: v.replace("\x00", "") for f, v in values.items() if v})


def clean(raw: RawDocument, detect_language: LanguageDetector | None = None) -> Article:
    """Clean one document; raise InputError when nothing of an article is left."""
    raw = _without_nul(raw)
    removed: list[Removal] = list(raw.removed)
    lines, copyright_lines = _strip_furniture(_paragraphs(raw.text), removed)
    header_end = next((i for i, line in enumerate(lines) if is_body_paragraph(line)), len(lines))

    title = unquote(raw.title) if raw.title else None
    title_at = next(
        (i for i, line in enumerate(lines[:header_end]) if title and same_title(line, title)), None
    )
    if title is None:
        title_at = next(
            (
                i
                for i, line in enumerate(lines[:header_end])
                if title_like(line) and date_line(line) is None
            ),
            None,
        )
        title = unquote(lines[title_at]) if title_at is not None else None

    body: list[str] = []
    byline_dates: list[date] = []
    header_dates: list[date] = []
    byline_outlet: str | None = None
    title_lines: list[str] = []
    for index, line in enumerate(lines):
        if index < header_end:
            found = date_line(line)
            if found is not None and title_at is not None and index < title_at:
                # Above the title: the page's own date line, which shows the day the page
                # was viewed when it names the weekday ("Friday, 22 November 2024").
                if found.page_header_style:
                    removed.append(Removal("page-header date", line))
                else:
                    removed.append(Removal("dateline", line))
                    header_dates.append(found.value)
                continue
            if found is not None:
                removed.append(Removal("byline", line))
                byline_dates.append(found.value)
                byline_outlet = byline_outlet or outlets.from_byline(found.before)
                continue
            if title and same_title(line, title):
                title_lines.append(line)
                continue
        body.append(line)
    if not has_prose(body) and title_lines:
        # A headline-only item: its headline is all the text there is, so it stays.
        body, title_lines = [title_lines[0], *body], title_lines[1:]
    removed.extend(Removal("title", line) for line in title_lines)

    own_dates = byline_dates or header_dates
    published = normalize_date(raw.published) or (own_dates[0].isoformat() if own_dates else None)
    article_date = date.fromisoformat(published[:10]) if published else None
    text_lines = []
    for line in body:
        if is_caption(line, article_date):
            removed.append(Removal("photo caption", line))
        else:
            text_lines.append(line)
    if not has_prose(text_lines):
        raise InputError(
            raw.source, "no article text: only page furniture, headings or links", "clean"
        )
    text = "\n\n".join(text_lines)
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            raw.source,
            f"article text of {len(text):,} characters, more than the {MAX_ARTICLE_CHARS:,} "
            "one article may hold (split it into articles)",
            "clean",
        )

    outlet = (
        (outlets.tidy_feed_title if raw.kind == "feed" else outlets.tidy_site_name)(raw.outlet)
        or outlets.from_dateline(text_lines[0])
        or byline_outlet
        or next(filter(None, map(outlets.from_copyright, copyright_lines)), None)
        or outlets.from_url(raw.url)
    )
    if title:
        title = outlets.strip_site_suffix(title, outlet)
    language = _language(raw.language) or (detect_language(text) if detect_language else None)
    return Article(
        id=Article.make_id(outlet, title, text),
        source=raw.source,
        url=raw.url,
        outlet=outlet,
        title=title,
        published=published,
        language=language,
        text=text,
        kind=raw.kind,
        removed=tuple(removed),
    )


def _paragraphs(text: str) -> list[str]:
    """Normalized, non-empty lines: NFC, no-break spaces as spaces, runs of spaces collapsed."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = (
        re.sub(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+", " ", ln).strip()
        for ln in text.split("\n")
    )
    return [line for line in lines if line]


def _strip_furniture(lines: list[str], removed: list[Removal]) -> tuple[list[str], list[str]]:
    kept: list[str] = []
    copyright_lines: list[str] = []
    for line in lines:
        reason = furniture_reason(line)
        if reason is not None:
            removed.append(Removal(reason, line))
            if reason == "copyright line":
                copyright_lines.append(line)
            continue
        bare, tags = strip_inline_markup(line)
        if tags:
            removed.append(Removal("stray markup", " ".join(tags)))
        if bare:
            kept.append(bare)
    return kept, copyright_lines


def _language(value: str | None) -> str | None:
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if len(code) == 2 and code.isalpha() else None
