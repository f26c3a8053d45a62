"""HTML pages: main text and metadata through trafilatura."""

from __future__ import annotations

import lxml.html
import trafilatura
from lxml.etree import ParserError

from newsprism.errors import InputError
from newsprism.ingest.text import decode
from newsprism.prose import has_prose
from newsprism.records import RawDocument, Removal

_BLOCK_TAGS = {
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "section", "article", "tr", "pre", "figure", "ul", "ol",
}  # fmt: skip


def read_html(source: str, data: bytes, url: str | None = None) -> RawDocument:
    """Extract the article from a page; raise InputError when there is none."""
    markup = decode(data, source)  # refuses binary, empty and undecodable input early
    doc = trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
        # The article's own date from the page's markup, never a guess from a copyright year.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not has_prose(text.splitlines()):
        raise InputError(
            source, "no article text found in the HTML (empty, truncated, or only menus and links)"
        )
    return RawDocument(
        source=source,
        kind="html",
        text=text,
        url=url or getattr(doc, "url", None),
        title=getattr(doc, "title", None),
        outlet=getattr(doc, "sitename", None),
        published=getattr(doc, "date", None),
        language=getattr(doc, "language", None),
    )


def fragment_to_text(fragment: str) -> tuple[str, tuple[Removal, ...]]:
    """Plain text of an HTML fragment (a feed item's content), one paragraph per block,
    with the photo captions it left out."""
    if "<" not in fragment:
        return fragment.strip(), ()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return fragment.strip(), ()
    removed: list[Removal] = []
    for bad in root.xpath("//script|//style|//figcaption"):
        caption = " ".join(bad.text_content().split())
        if bad.tag == "figcaption" and caption:
            removed.append(Removal("photo caption", caption))
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
            if element.tag.lower() != "br":
                element.text = "\n\n" + (element.text or "")
    text = root.text_content()
    paragraphs = (" ".join(chunk.split()) for chunk in text.split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p), tuple(removed)
