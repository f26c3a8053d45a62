"""Telling what kind of input a file or response is: by name, then by content.

A name says what the author meant; the content says what it is. When a
name claims HTML but the bytes are a feed (or the reverse), the content wins.
"""

from __future__ import annotations

from newsprism.records import SourceKind

_BY_SUFFIX: dict[str, SourceKind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
    ".arc": "warc",
    ".warc.gz": "warc",
    ".arc.gz": "warc",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}

_BY_CONTENT_TYPE: dict[str, SourceKind] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/warc": "warc",
    "application/jsonl": "jsonl",
    "application/x-ndjson": "jsonl",
    "application/jsonlines": "jsonl",
    "text/plain": "text",
}


def kind_from_name(suffixes: str, content_type: str | None = None) -> SourceKind | None:
    """The kind a file name or Content-Type announces, if any."""
    for suffix, kind in _BY_SUFFIX.items():
        if suffixes.endswith(suffix):
            return kind
    if content_type:
        media = content_type.split(";", 1)[0].strip().lower()
        return _BY_CONTENT_TYPE.get(media)
    return None


def sniff(head: bytes) -> SourceKind | None:
    """The kind the first bytes show, or ``None`` when they show nothing in particular.

    Markup counts only when the content starts with it: prose that mentions
    ``<body>`` is still prose.
    """
    if head.startswith((b"WARC/", b"\x1f\x8bWARC")):
        return "warc"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096].lower()
    feed_at = min(
        (i for i in (text.find(t) for t in (b"<rss", b"<feed", b"<rdf:rdf")) if i >= 0), default=-1
    )
    html_at = min(
        (i for i in (text.find(t) for t in (b"<!doctype html", b"<html", b"<body")) if i >= 0),
        default=-1,
    )
    if text[:1] != b"<":
        return "jsonl" if text.startswith(b"{") else None
    if feed_at >= 0 and (html_at < 0 or feed_at < html_at):
        return "feed"
    if html_at >= 0:
        return "html"
    return None


def decide(suffixes: str, content_type: str | None, head: bytes) -> SourceKind:
    """Content first where it is unambiguous, then the name, then plain text."""
    sniffed = sniff(head)
    named = kind_from_name(suffixes, content_type)
    if sniffed in ("warc", "feed"):
        return sniffed
    if sniffed == "html" and named != "feed":
        return "html"
    return named or sniffed or "text"
