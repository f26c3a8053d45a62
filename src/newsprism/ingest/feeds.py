"""RSS and Atom feeds: one article per item.

An item is read from its own content when that carries the article; when it
carries only a teaser, from its linked page (a local file next to the feed,
a file:// link, or a fetchable http(s) URL).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import feedparser

from newsprism.errors import InputError
from newsprism.ingest.fetch import fetch, is_url
from newsprism.ingest.html import fragment_to_text, read_html
from newsprism.records import InputFailure, RawDocument
from newsprism.settings import IngestSettings

_BENIGN = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)

PageReader = Callable[[str, str], RawDocument]


def read_feed(
    source: str,
    data: bytes,
    settings: IngestSettings,
    base_dir: Path | None = None,
    wanted: Callable[[str], bool] | None = None,
) -> Iterator[RawDocument | InputFailure]:
    """Every item of the feed; with ``wanted``, only the items whose :func:`item_key` it
    accepts (a watched feed reads only its new items, and fetches only their pages)."""
    parsed = feedparser.parse(data)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is not None and isinstance(problem, _BENIGN):
        problem = None
    entries = parsed.get("entries") or []
    if not entries:
        reason = f"not a readable RSS/Atom feed ({problem})" if problem else "feed has no items"
        raise InputError(source, reason)
    feed_title = (parsed.get("feed") or {}).get("title")
    for number, entry in enumerate(entries, start=1):
        if wanted is not None and not wanted(item_key(entry)):
            continue
        item_source = f"{source}#item{number}"
        try:
            yield _read_item(item_source, entry, feed_title, settings, base_dir)
        except InputError as exc:
            yield InputFailure.from_error(exc)
    if problem is not None:
        yield InputFailure(
            source, f"feed is malformed after {len(entries)} item(s), the rest was lost: {problem}"
        )


def item_keys(data: bytes) -> list[str]:
    """The key of every item of a feed, in feed order (empty when it is no feed)."""
    return [item_key(entry) for entry in feedparser.parse(data).get("entries") or []]


def item_key(entry: Any) -> str:
    """What identifies an item across polls: its id (guid), else its link, else a hash of
    its title and text."""
    for field in ("id", "link"):
        value = entry.get(field)
        if isinstance(value, str) and value.strip():
            return f"{field}:{value.strip()}"
    body = f"{entry.get('title', '')}\x1f{entry.get('summary', '')}"
    return "sha256:" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]


def _read_item(
    source: str, entry: Any, feed_title: str | None, settings: IngestSettings, base_dir: Path | None
) -> RawDocument:
    body = ""
    if entry.get("content"):
        body = max((c.get("value", "") for c in entry["content"]), key=len)
    body = body or entry.get("summary", "") or ""
    text, removed = fragment_to_text(body)
    link = entry.get("link")
    title = entry.get("title")
    published = _iso(entry.get("published_parsed") or entry.get("updated_parsed"))
    if settings.follow_feed_links and link and len(text.split()) < settings.feed_min_words:
        page = _read_linked(source, link, settings, base_dir, fallback_ok=bool(text.strip()))
        if page is not None:
            return RawDocument(
                source=source,
                kind="feed",
                text=page.text,
                url=page.url or link,
                title=page.title or title,
                outlet=page.outlet or feed_title,
                published=page.published or published,
                language=page.language,
            )
    if not text.strip():
        raise InputError(source, "feed item has no text and no readable linked page")
    return RawDocument(
        source=source,
        kind="feed",
        text=text,
        url=link,
        title=title,
        outlet=feed_title,
        published=published,
        removed=removed,
    )


def _read_linked(
    source: str, link: str, settings: IngestSettings, base_dir: Path | None, fallback_ok: bool
) -> RawDocument | None:
    """The linked page, or None when the item's own text will do instead."""
    name = f"{source} ({link})"
    try:
        if is_url(link):
            fetched = fetch(link, settings.fetch)
            return read_html(name, fetched.content, url=fetched.url)
        path = _local_path(link, base_dir)
        if path is None:
            return None
        return read_html(name, path.read_bytes(), url=None)
    except (InputError, OSError) as exc:
        if fallback_ok:
            return None
        reason = exc.reason if isinstance(exc, InputError) else str(exc.strerror or exc)
        raise InputError(name, f"linked page: {reason}") from exc


def _local_path(link: str, base_dir: Path | None) -> Path | None:
    """A linked local file, only for a feed that is itself a local file.

    A feed read from the network or stdin never makes newsprism read local files.
    """
    if base_dir is None:
        return None
    parts = urlsplit(link)
    if parts.scheme == "file":
        # feedparser turns file:///abs/path into file://abs/path: put the lost slash back.
        host = "" if parts.netloc in ("", "localhost") else f"/{parts.netloc}"
        candidate = Path(host + unquote(parts.path))
    elif parts.scheme == "":
        candidate = base_dir / unquote(parts.path)
    else:
        return None
    return candidate if candidate.is_file() else None


def _iso(struct: time.struct_time | None) -> str | None:
    if struct is None:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", struct)
