"""Every input kind, read through ``read_all`` the way the CLI reads it."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from newsprism.clean import clean
from tests.ingest.pages import (
    PARAGRAPHS,
    article_html,
    article_text,
    atom_feed,
    html_content,
    rss_feed,
    write_warc,
)
from tests.ingest.pages import (
    read_split as read,
)


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def test_plain_text_file(tmp_path: Path) -> None:
    """A .txt file is read as it is, as kind 'text'."""
    path = tmp_path / "story.txt"
    path.write_text(article_text("Plain"), encoding="utf-8")
    docs, failures = read([str(path)])
    assert failures == []
    assert len(docs) == 1
    assert docs[0].kind == "text"
    assert docs[0].source == str(path)
    assert docs[0].text.strip() == article_text("Plain")


def test_plain_text_with_labelled_fields(tmp_path: Path) -> None:
    """A hand-made text file may open with "Title:", "Source:", "Date:" lines: they are its
    metadata, kept out of the text and listed as removed; a text that only starts with a
    word and a colon is prose."""
    path = tmp_path / "kim.txt"
    body = "North Korean leader Kim Jong-un oversaw the launch of a missile on Tuesday."
    path.write_text(
        "Title: Kim oversees launch\nSource: Daily Ledger\nDate: 2017-07-05\n"
        f"By: A. Writer\n\n{body}\n",
        encoding="utf-8",
    )
    prose = tmp_path / "prose.txt"
    prose.write_text(f"Note: the figures are early.\n\n{body}\n", encoding="utf-8")
    docs, failures = read([str(path), str(prose)])
    assert failures == []
    labelled, plain = sorted(docs, key=lambda d: d.source)
    assert (labelled.title, labelled.outlet, labelled.published) == (
        "Kim oversees launch",
        "Daily Ledger",
        "2017-07-05",
    )
    assert labelled.text.strip() == body
    assert [r.reason for r in labelled.removed] == [
        "title field",
        "source field",
        "date field",
        "by field",
    ]
    assert plain.title is None and plain.text.startswith("Note: the figures")
    article = clean(labelled)
    assert (article.title, article.outlet, article.published) == (
        "Kim oversees launch",
        "Daily Ledger",
        "2017-07-05",
    )
    assert article.text == body


def test_html_example_page(examples_dir: Path) -> None:
    """The Harbor Ledger page gives its title, outlet and publication date, and no furniture."""
    docs, failures = read([str(examples_dir / "harbor-ledger.html")])
    assert failures == []
    [doc] = docs
    assert doc.kind == "html"
    assert doc.title is not None and doc.title.startswith("Brenmoor Dam spillway collapse")
    assert doc.outlet == "Harbor Ledger"
    assert doc.published is not None and doc.published.startswith("2025-10-14")
    assert "Ilyas Demirkhanov" in doc.text
    assert "Leave a Reply" not in doc.text


def test_aeb_pages_gzipped(aeb_dir: Path) -> None:
    """Real .html.gz pages are gunzipped and give text that overlaps the expected text."""
    index = (aeb_dir / "index.tsv").read_text(encoding="utf-8").splitlines()[1:]
    ids = [row.split("\t")[0] for row in index if int(row.split("\t")[2]) > 1500][:4]
    assert ids
    docs, failures = read([str(aeb_dir / "html" / f"{i}.html.gz") for i in ids])
    assert failures == []
    assert len(docs) == len(ids)
    for page_id, doc in zip(ids, docs, strict=True):
        expected = words((aeb_dir / "expected" / f"{page_id}.txt").read_text(encoding="utf-8"))
        got = words(doc.text)
        assert doc.text.strip()
        assert len(expected & got) / len(expected) > 0.6, page_id


def test_rss_full_content_and_linked_teaser(tmp_path: Path) -> None:
    """A long item is read from its content; a teaser from the local page it links to."""
    (tmp_path / "bridge.html").write_text(article_html("Linked page title", "Linked"))
    feed = rss_feed(
        [
            ("Full item", "https://gazette.test/full", html_content("Inline")),
            ("Teaser item", "bridge.html", "<p>Read more about the bridge.</p>"),
        ]
    )
    path = tmp_path / "news.rss"
    path.write_text(feed, encoding="utf-8")
    docs, failures = read([str(path)])
    assert failures == []
    assert [d.source for d in docs] == [f"{path}#item1", f"{path}#item2"]
    full, teaser = docs
    assert full.kind == teaser.kind == "feed"
    assert full.text.startswith("Inline The city council")
    assert full.title == "Full item"
    assert full.outlet == "Eastbrook Gazette"
    assert full.published == "2024-03-04T09:00:00Z"
    assert full.url == "https://gazette.test/full"
    assert "Linked The city council" in teaser.text
    assert "Read more" not in teaser.text


def test_rss_teaser_with_file_url_link(tmp_path: Path) -> None:
    """A teaser linking to its page by an absolute file:/// URL is read from that page
    (feeds.py: 'a local file next to the feed, a file:// link, or ... URL')."""
    page = tmp_path / "pages" / "bridge.html"
    page.parent.mkdir()
    page.write_text(article_html(marker="FileUrl"))
    path = tmp_path / "news.rss"
    path.write_text(rss_feed([("Teaser", page.as_uri(), "Read more.")]), encoding="utf-8")
    docs, failures = read([str(path)])
    assert failures == []
    [doc] = docs
    assert "FileUrl The city council" in doc.text, doc.text


def test_atom_feed(tmp_path: Path) -> None:
    """Atom entries are read like RSS items, teasers through their linked page."""
    (tmp_path / "page.html").write_text(article_html(marker="AtomLinked"))
    feed = atom_feed(
        [
            ("Atom full", "https://gazette.test/a", html_content("AtomInline")),
            ("Atom teaser", "page.html", "Short teaser."),
        ]
    )
    path = tmp_path / "news.atom"
    path.write_text(feed, encoding="utf-8")
    docs, failures = read([str(path)])
    assert failures == []
    assert len(docs) == 2
    assert docs[0].title == "Atom full"
    assert docs[0].text.startswith("AtomInline")
    assert "AtomLinked" in docs[1].text


@pytest.mark.parametrize("name", ["archive.warc", "archive.warc.gz"])
def test_warc(tmp_path: Path, name: str) -> None:
    """Each HTML response record is one document named by its URI; others are ignored."""
    path = tmp_path / name
    write_warc(path, compress=name.endswith(".gz"))
    docs, failures = read([str(path)])
    assert failures == []
    assert [d.url for d in docs] == ["https://gazette.test/one", "https://gazette.test/two"]
    assert [d.source for d in docs] == [f"{path}#https://gazette.test/one", f"{path}#{docs[1].url}"]
    assert "First" in docs[0].text and "Second" in docs[1].text
    assert all(d.kind == "html" for d in docs)


def test_jsonl_fields(tmp_path: Path) -> None:
    """``text`` is required; the optional fields are carried over; blank lines are skipped."""
    rows = [
        {"text": article_text("J1"), "title": "T1", "url": "https://w.test/1", "outlet": "Wire",
         "published": "2024-03-04", "language": "en"},
        {"text": article_text("J2")},
    ]  # fmt: skip
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps(rows[0]) + "\n\n" + json.dumps(rows[1]) + "\n", encoding="utf-8")
    docs, failures = read([str(path)])
    assert failures == []
    assert [d.source for d in docs] == [f"{path}:1", f"{path}:3"]
    first, second = docs
    assert (first.title, first.url, first.outlet, first.published, first.language) == (
        "T1", "https://w.test/1", "Wire", "2024-03-04", "en",
    )  # fmt: skip
    assert first.text == rows[0]["text"] and first.kind == "jsonl"
    assert (second.title, second.url, second.outlet, second.published) == (None,) * 4


def test_directory_recursive_hidden_skipped(tmp_path: Path) -> None:
    """A directory is read recursively, in sorted order, without hidden files or folders."""
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text(article_text("A"))
    (tmp_path / "sub" / "deeper" / "b.txt").write_text(article_text("B"))
    (tmp_path / ".hidden.txt").write_text(article_text("Hidden"))
    (tmp_path / ".git" / "c.txt").write_text(article_text("Git"))
    docs, failures = read([str(tmp_path)])
    assert failures == []
    assert [Path(d.source).name for d in docs] == ["a.txt", "b.txt"]


def test_glob(tmp_path: Path) -> None:
    """A glob pattern reads every file it matches, and only those."""
    for name in ("one.txt", "two.txt", "skip.md"):
        (tmp_path / name).write_text(article_text(name))
    docs, failures = read([str(tmp_path / "*.txt")])
    assert failures == []
    assert sorted(Path(d.source).name for d in docs) == ["one.txt", "two.txt"]


def test_glob_over_a_symlink_loop_ends(tmp_path: Path) -> None:
    """``**`` does not follow a link back up the tree: the walk ends, each file read once."""
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text(article_text("looped"))
    (tmp_path / "d" / "up").symlink_to(tmp_path)
    (tmp_path / "d" / "self").symlink_to(tmp_path / "d")
    docs, failures = read([str(tmp_path / "d" / "**" / "*.txt")])
    assert failures == []
    assert [Path(d.source).name for d in docs] == ["a.txt"]


def test_utf8_with_a_stray_byte_stays_utf8(tmp_path: Path) -> None:
    """One bad byte in UTF-8 text does not make the whole text another charset."""
    text = article_text("Zoë Šimić of Łódź, 25 °C")
    data = text.encode("utf-8").replace(b"Zo", b"Zo\xff", 1)
    (tmp_path / "one.txt").write_bytes(data)
    docs, failures = read([str(tmp_path / "one.txt")])
    assert failures == []
    assert "Šimić of Łódź" in docs[0].text and "\ufffd" in docs[0].text


class FakeStdin:
    """Enough of sys.stdin for the reader: a binary ``buffer``."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    """``-`` reads standard input (as bytes), sniffing its kind."""
    monkeypatch.setattr(sys, "stdin", FakeStdin(article_html(marker="Piped").encode()))
    docs, failures = read(["-"])
    assert failures == []
    [doc] = docs
    assert doc.source == "<stdin>"
    assert doc.kind == "html"
    assert "Piped" in doc.text


def test_txt_holding_html_is_read_as_html(tmp_path: Path) -> None:
    """Content wins over the name: HTML saved as .txt is extracted, not read as markup."""
    path = tmp_path / "saved.txt"
    path.write_text(article_html(marker="Sniffed"), encoding="utf-8")
    docs, failures = read([str(path)])
    assert failures == []
    [doc] = docs
    assert doc.kind == "html"
    assert "<p>" not in doc.text and "<nav>" not in doc.text
    assert PARAGRAPHS[1] in doc.text


def test_txt_mentioning_tags_in_prose_is_text(tmp_path: Path) -> None:
    """Plain prose that merely mentions '<body>' or '<html>' is still a text article:
    the name says text, and the content is not unambiguously HTML."""
    sentence = "Developers were told to check every <body> element and <html> tag by Friday."
    path = tmp_path / "web-story.txt"
    path.write_text(f"{article_text('Prose')}\n\n{sentence}\n\n{PARAGRAPHS[0]}", encoding="utf-8")
    docs, failures = read([str(path)])
    assert failures == [], failures
    [doc] = docs
    assert doc.kind == "text"
    assert sentence in doc.text
