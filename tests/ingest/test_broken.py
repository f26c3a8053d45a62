"""Broken inputs: each gives an InputFailure naming it, with a reason a person can act on,
and never stops the other inputs of the same call."""

from __future__ import annotations

import gzip
import json
import random
import re
import tempfile
import tracemalloc
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.ingest import read_all
from newsprism.records import InputFailure, RawDocument
from newsprism.settings import IngestSettings
from tests.ingest.pages import article_html, article_text, html_content, rss_feed, write_warc
from tests.ingest.pages import read_split as read

NUL_BYTES = bytes(random.Random(7).randrange(256) for _ in range(3000)) + b"\x00\x00"


@pytest.fixture
def good(tmp_path: Path) -> str:
    """A readable article read alongside every broken input."""
    path = tmp_path / "good.txt"
    path.write_text(article_text("Good"), encoding="utf-8")
    return str(path)


def assert_good_read(docs: list[RawDocument], good: str) -> None:
    assert [d.source for d in docs if d.source == good] == [good], "the good input was not read"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", r"empty"),
        ("blank.html", b"  \n\t \n", r"empty"),
        ("binary.txt", NUL_BYTES, r"binary"),
        ("binary.html", NUL_BYTES, r"binary"),
        ("undecodable.txt", bytes(range(0x80, 0x100)) * 20, r"cannot decode"),
        ("truncated.html", b"<html><head><title>x", r"no article text"),
        ("empty-body.html", b"<html><head></head><body></body></html>", r"no article text"),
        ("not-a-feed.rss", b"hello, this is plain prose and not a feed", r"not a readable"),
        ("no-items.rss", rss_feed([]).encode(), r"no items"),
        ("corrupt.html.gz", b"\x1f\x8b\x08\x00garbage-not-deflate", r"gzip"),
        ("truncated.html.gz", gzip.compress(article_html().encode())[:200], r"gzip"),
    ],
)
def test_broken_file(tmp_path: Path, good: str, name: str, data: bytes, reason: str) -> None:
    """One failure naming the broken file, with the expected reason; the good file is read."""
    bad = tmp_path / name
    bad.write_bytes(data)
    docs, failures = read([str(bad), good])
    assert [f.source for f in failures] == [str(bad)]
    assert re.search(reason, failures[0].error), failures[0].error
    assert_good_read(docs, good)


def test_html_with_only_navigation_is_not_an_article(tmp_path: Path, good: str) -> None:
    """A page of menu links and a footer holds no article: it must not become one."""
    bad = tmp_path / "menu.html"
    bad.write_text(
        "<!doctype html><html><head><title>Gazette</title></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
        "<li><a href='/sport'>Sport</a></li></ul></nav>"
        "<footer><p>Copyright 2024 Gazette. All rights reserved.</p></footer></body></html>"
    )
    docs, failures = read([str(bad), good])
    assert [d.source for d in docs] == [good], [d.text for d in docs]
    assert [f.source for f in failures] == [str(bad)]


def test_truncated_rss_keeps_complete_items(tmp_path: Path, good: str) -> None:
    """Items before the cut are read; the cut is reported against the feed."""
    feed = rss_feed([(f"Item {n}", f"missing-{n}.html", html_content(f"N{n}")) for n in (1, 2, 3)])
    bad = tmp_path / "cut.rss"
    bad.write_text(feed[: feed.index("<item><title>Item 3") + 40], encoding="utf-8")
    docs, failures = read([str(bad), good])
    assert [d.source for d in docs][:2] == [f"{bad}#item1", f"{bad}#item2"]
    assert_good_read(docs, good)
    whole = [f for f in failures if f.source == str(bad)]
    assert whole and "malformed" in whole[0].error
    assert all(f.source.startswith(str(bad)) for f in failures)


@pytest.mark.parametrize("record", [1, 2], ids=["cut-in-json-record", "cut-in-last-html-record"])
@pytest.mark.parametrize("name", ["cut.warc.gz", "cut.warc"])
def test_truncated_warc_reports_the_damage(
    tmp_path: Path, good: str, name: str, record: int
) -> None:
    """An archive cut in the middle of a record keeps the first HTML record and reports the
    cut (warc.py promises: 'keeps what was read before the damage and reports the rest')."""
    whole = tmp_path / f"whole-{name}"
    offsets = write_warc(whole, compress=name.endswith(".gz"))
    bad = tmp_path / name
    bad.write_bytes(whole.read_bytes()[: (offsets[record] + offsets[record + 1]) // 2])
    docs, failures = read([str(bad), good])
    assert docs[0].url == "https://gazette.test/one"
    assert_good_read(docs, good)
    assert [f for f in failures if f.source.startswith(str(bad))], (
        f"truncation went unreported; read: {[(d.source, len(d.text)) for d in docs]}"
    )


def _cut_before_target_uri(whole: Path, compress: bool) -> bytes:
    """The archive cut inside the last record's WARC headers, before its WARC-Target-URI."""
    offsets = write_warc(whole, compress=compress)
    data = whole.read_bytes()
    if not compress:
        return data[: data.index(b"WARC-Target-URI: https://gazette.test/two")]
    for cut in range(offsets[2] + 10, offsets[3]):
        head = zlib.decompressobj(31).decompress(data[offsets[2] : cut])
        if b"WARC-Record-ID" in head and b"WARC-Target-URI" not in head:
            return data[:cut]
    raise AssertionError("no cut point found")


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_warc_cut_inside_record_headers(tmp_path: Path, good: str, name: str) -> None:
    """An archive that ends inside a record's WARC headers is a failure naming the archive,
    not an exception escaping read_all (which would stop the whole run)."""
    bad = tmp_path / name
    bad.write_bytes(_cut_before_target_uri(tmp_path / f"whole-{name}", name.endswith(".gz")))
    items: list[RawDocument | InputFailure] = []
    try:
        items.extend(read_all([str(bad), good]))
    except Exception as exc:  # the bug this test shows; fail with a clear message
        pytest.fail(f"read_all raised {exc!r} after {[i.source for i in items]}")
    assert [i.source for i in items if isinstance(i, InputFailure)] == [str(bad)]
    assert items[-1].source == good


def test_jsonl_bad_lines(tmp_path: Path, good: str) -> None:
    """Good lines are read; each bad line gives one failure named file:lineno."""
    lines = [
        json.dumps({"text": article_text("L1")}),
        '{"text": "unterminated',
        json.dumps({"title": "no text here"}),
        json.dumps({"text": article_text("L4"), "title": 7}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": article_text("L6"), "outlet": "Wire"}),
    ]
    bad = tmp_path / "mixed.jsonl"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, failures = read([str(bad), good])
    assert [d.source for d in docs] == [f"{bad}:1", f"{bad}:6", good]
    assert [f.source for f in failures] == [f"{bad}:{n}" for n in (2, 3, 4, 5)]
    reasons = [f.error for f in failures]
    assert "invalid JSON" in reasons[0]
    assert "'text'" in reasons[1]
    assert "'title'" in reasons[2]
    assert "object" in reasons[3]


def test_jsonl_line_over_max_record_bytes(tmp_path: Path, good: str) -> None:
    """settings.py: 'A WARC record or JSONL line larger than this is skipped with an error.'"""
    big = json.dumps({"text": article_text("Big") * 5})
    small = json.dumps({"text": article_text("Small")})
    assert len(small) < 1500 < len(big)
    bad = tmp_path / "lines.jsonl"
    bad.write_text(f"{big}\n{small}\n", encoding="utf-8")
    docs, failures = read([str(bad), good], IngestSettings(max_record_bytes=1500))
    assert [d.source for d in docs] == [f"{bad}:2", good]
    assert [f.source for f in failures] == [f"{bad}:1"]
    assert "1500" in failures[0].error


def test_jsonl_without_any_good_line(tmp_path: Path, good: str) -> None:
    """A JSONL file with no readable line is also reported as a whole."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "x"}\n', encoding="utf-8")
    docs, failures = read([str(bad), good])
    assert [f.source for f in failures] == [f"{bad}:1", str(bad)]
    assert_good_read(docs, good)


def test_too_large(tmp_path: Path, good: str) -> None:
    """Files (and gzip bombs) over max_file_bytes are refused, not read into memory."""
    big = tmp_path / "big.txt"
    big.write_text(article_text() * 10, encoding="utf-8")
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<html><body><p>" + b"a " * 50_000 + b"</p></body></html>"))
    assert bomb.stat().st_size < 2048 < big.stat().st_size
    docs, failures = read([str(big), str(bomb), good], IngestSettings(max_file_bytes=2048))
    assert [f.source for f in failures] == [str(big), str(bomb)]
    assert all("too large" in f.error and "2048" in f.error for f in failures)
    assert_good_read(docs, good)


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("does-not-exist.txt", "no such file"),
        ("nothing-*.txt", "matches no files"),
        ("empty-dir", "holds no files"),
    ],
)
def test_names_that_match_nothing(tmp_path: Path, good: str, pattern: str, reason: str) -> None:
    """A missing path, an empty glob or an empty folder is one failure named as typed."""
    (tmp_path / "empty-dir").mkdir()
    name = str(tmp_path / pattern)
    docs, failures = read([name, good])
    assert [(f.source, reason in f.error) for f in failures] == [(name, True)]
    assert_good_read(docs, good)


SLOW = [HealthCheck.too_slow]
SUFFIXES = [".txt", ".html", ".rss", ".atom", ".jsonl", ".warc", ".warc.gz", ".html.gz", ""]


@settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=SLOW)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_bytes_never_raise(data: bytes, suffix: str) -> None:
    """Whatever the bytes and the name, read_all yields documents or failures, never raises."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        items = list(read_all([str(path)]))
    assert items
    assert all(isinstance(i, RawDocument | InputFailure) for i in items)
    assert all(i.text.strip() for i in items if isinstance(i, RawDocument))


def _valid_inputs(folder: Path) -> list[Path]:
    feed = folder / "feed.rss"
    feed.write_text(rss_feed([(f"I{n}", f"nope-{n}.html", html_content()) for n in (1, 2)]))
    jsonl = folder / "lines.jsonl"
    jsonl.write_text("\n".join(json.dumps({"text": article_text(str(n))}) for n in (1, 2)))
    page = folder / "page.html"
    page.write_text(article_html())
    warcs = [folder / "a.warc", folder / "a.warc.gz"]
    write_warc(warcs[0], compress=False)
    write_warc(warcs[1], compress=True)
    return [feed, jsonl, page, *warcs]


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=SLOW)
@given(which=st.integers(0, 4), cut=st.floats(0.0, 1.0))
def test_truncation_anywhere_never_raises(which: int, cut: float) -> None:
    """Any valid input cut at any byte still gives only documents or failures."""
    with tempfile.TemporaryDirectory() as folder:
        source = _valid_inputs(Path(folder))[which]
        data = source.read_bytes()
        source.write_bytes(data[: int(len(data) * cut)])
        items = list(read_all([str(source)]))
    assert items
    assert all(isinstance(i, RawDocument | InputFailure) for i in items)
    assert all(i.source.startswith(str(source)) for i in items)


def _warc_record(http: bytes) -> bytes:
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.test/a\r\n"
        b"WARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=response\r\n"
        + f"Content-Length: {len(http)}\r\n\r\n".encode()
    )
    return head + http + b"\r\n\r\n"


@pytest.mark.parametrize("where", ["warc header", "http header"])
def test_endless_header_line_in_a_warc_is_refused_without_reading_it_whole(
    tmp_path: Path, where: str
) -> None:
    """A 32 MiB header line (a few kilobytes once gzipped) ends the archive's reading with
    a failure naming it, and memory stays far below the line's size."""
    endless = b"X-Junk: " + b"A" * (32 * 1024 * 1024)
    if where == "warc header":
        data = b"WARC/1.0\r\n" + endless
    else:
        data = _warc_record(b"HTTP/1.1 200 OK\r\n" + endless + b"\r\n\r\n<p>text</p>")
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(gzip.compress(data))
    del data, endless
    tracemalloc.start()
    try:
        docs, failures = read([str(path)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert docs == []
    assert [f.source for f in failures] == [str(path)]
    assert "header line longer than" in failures[0].error
    assert peak < 48 * 1024 * 1024
