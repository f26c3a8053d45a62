"""Small, real inputs the ingest tests build on the fly: article pages and feeds."""

from __future__ import annotations

import io
from html import escape
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.ingest import read_all
from newsprism.records import InputFailure, RawDocument
from newsprism.settings import IngestSettings

PARAGRAPHS = (
    "The city council of Eastbrook voted on Monday to rebuild the old stone bridge over the "
    "River Wend, ending a debate that has divided residents for more than three years.",
    "Mayor Lena Hartwig said the bridge, built in 1887, had become unsafe for heavy traffic "
    "and that repairs would cost less than a new crossing further downstream.",
    "Opponents argued that the money should go to the ferry service instead, and several "
    "shop owners on the eastern bank said the works would keep customers away for months.",
    "Engineers expect the work to begin in the spring and to last about eighteen months, "
    "during which a temporary footbridge will carry pedestrians and cyclists across the river.",
)


def article_text(marker: str = "") -> str:
    """Four paragraphs of plain news text; ``marker`` makes the text unique."""
    first = f"{marker} {PARAGRAPHS[0]}".strip()
    return "\n\n".join((first, *PARAGRAPHS[1:]))


def article_html(
    title: str = "Eastbrook votes to rebuild the stone bridge", marker: str = ""
) -> str:
    """A complete article page that trafilatura extracts without trouble."""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in article_text(marker).split("\n\n"))
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title>"
        "<meta property='og:site_name' content='Eastbrook Gazette'>"
        "<meta property='article:published_time' content='2024-03-04T09:00:00Z'>"
        "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{escape(title)}</h1>\n{body}\n</article>"
        "<footer>Contact us</footer></body></html>\n"
    )


def rss_feed(items: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 feed; each item is (title, link, html content)."""
    parts = []
    for title, link, content in items:
        parts.append(
            f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
            "<pubDate>Mon, 04 Mar 2024 09:00:00 +0000</pubDate>"
            f"<description>{escape(content)}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        "<title>Eastbrook Gazette</title><link>https://gazette.test/</link>"
        "<description>News</description>" + "".join(parts) + "</channel></rss>\n"
    )


def atom_feed(items: list[tuple[str, str, str]]) -> str:
    """An Atom feed; each entry is (title, link, html content)."""
    parts = []
    for number, (title, link, content) in enumerate(items, start=1):
        parts.append(
            f"<entry><title>{escape(title)}</title><link href='{escape(link)}'/>"
            f"<id>urn:test:{number}</id><updated>2024-03-04T09:00:00Z</updated>"
            f"<content type='html'>{escape(content)}</content></entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Eastbrook Gazette</title><id>urn:test:feed</id>"
        "<updated>2024-03-04T09:00:00Z</updated>" + "".join(parts) + "</feed>\n"
    )


def html_content(marker: str = "") -> str:
    """A feed item's full HTML content (well over the 80-word teaser threshold)."""
    return "".join(f"<p>{escape(p)}</p>" for p in article_text(marker).split("\n\n"))


def write_warc(path: Path, compress: bool) -> list[int]:
    """Two HTML responses around one JSON response (not an article).

    Returns the file offset at which each record starts, then the file size.
    """
    pages = [
        ("https://gazette.test/one", "text/html; charset=utf-8", article_html("One", "First")),
        ("https://gazette.test/data", "application/json", '{"not": "an article"}'),
        ("https://gazette.test/two", "text/html", article_html("Two", "Second")),
    ]
    offsets: list[int] = []
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=compress)
        for uri, content_type, body in pages:
            offsets.append(handle.tell())
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], "HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body.encode()), http_headers=headers
            )
            writer.write_record(record)
        offsets.append(handle.tell())
    return offsets


def read_split(
    inputs: list[str], ingest: IngestSettings | None = None
) -> tuple[list[RawDocument], list[InputFailure]]:
    """Documents and failures of one read_all call, each in input order; nothing else
    may come out of it."""
    docs: list[RawDocument] = []
    failures: list[InputFailure] = []
    for item in read_all(inputs, ingest):
        assert isinstance(item, RawDocument | InputFailure)
        if isinstance(item, RawDocument):
            docs.append(item)
        else:
            failures.append(item)
    return docs, failures
