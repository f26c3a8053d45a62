"""Fetching from a real HTTP server on 127.0.0.1: refused unless private addresses are
allowed, bounded in size and time, and every failure is an InputFailure with a clear reason."""

from __future__ import annotations

import gzip
import socket
import threading
import time
import tracemalloc
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from newsprism.errors import FetchError
from newsprism.ingest.feeds import read_feed
from newsprism.ingest.fetch import fetch
from newsprism.records import InputFailure
from newsprism.settings import FetchSettings, IngestSettings
from tests.ingest.pages import article_html, rss_feed
from tests.ingest.pages import read_split as read

REDIRECTS = {"/redirect": "/article.html", "/loop": "/loop", "/to-ftp": "ftp://127.0.0.1/x"}
BOMB = gzip.compress(gzip.compress(b"\0" * (64 * 1024 * 1024)))
"""64 MiB of zeros gzipped twice (``Content-Encoding: gzip, gzip``): a few kilobytes."""
RELEASE = threading.Event()
"""Set when the server shuts down, so a slow handler stops waiting at once."""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output clean."""

    def send(self, status: int, body: bytes, content_type: str, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        path = self.path
        if path == "/article.html":
            self.send(200, article_html("Served article", "Served").encode(), "text/html")
        elif path == "/feed.rss":
            feed = rss_feed([("Teaser", f"{base}/article.html", "Read more.")])
            self.send(200, feed.encode(), "application/rss+xml")
        elif path.startswith("/feed-link.rss?"):
            link = parse_qs(urlsplit(path).query)["link"][0]
            self.send(200, rss_feed([("No text", link, "")]).encode(), "application/rss+xml")
        elif path in REDIRECTS:
            self.send_response(302)
            self.send_header("Location", REDIRECTS[path])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path.startswith("/huge"):
            self.send(200, b"<p>" + b"x" * 200_000 + b"</p>", "text/html", path == "/huge")
        elif path in ("/gzipped", "/bomb"):
            payload = BOMB if path == "/bomb" else gzip.compress(article_html("Served").encode())
            layers = 2 if path == "/bomb" else 1
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", ", ".join(["gzip"] * layers))
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        elif path == "/drip":  # a byte at a time, each well within the timeout
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for byte in article_html().encode()[:200]:
                if RELEASE.wait(0.1):
                    return
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
        elif path == "/slow":
            RELEASE.wait(2.0)
            self.send(200, article_html().encode(), "text/html")
        else:
            self.send(404, b"not here", "text/plain")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up (the timeout test) is not an error here."""


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    """http://127.0.0.1:PORT of a server running for this module."""
    RELEASE.clear()
    server = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        RELEASE.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy from the environment must not stand between the test and its server."""
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)


ALLOW = IngestSettings(fetch=FetchSettings(allow_private=True, timeout=5))


def test_loopback_refused_by_default(base: str) -> None:
    """Without allow_private a local server is not contacted, and the message says how."""
    docs, failures = read([f"{base}/article.html"], IngestSettings())
    assert docs == []
    [failure] = failures
    assert failure.source == f"{base}/article.html"
    assert failure.stage == "fetch"
    assert "--allow-private" in failure.error


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost/",
        "http://10.0.0.1/",
        "http://192.168.1.1/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://2130706433/",
    ],
)
def test_private_addresses_refused(url: str) -> None:
    """Private, loopback and link-local addresses, however spelled, are refused unconnected."""
    with pytest.raises(FetchError, match="--allow-private"):
        fetch(url, FetchSettings())


def test_page_read_when_allowed(base: str) -> None:
    docs, failures = read([f"{base}/article.html"], ALLOW)
    assert failures == []
    [doc] = docs
    assert doc.kind == "html"
    assert doc.url == f"{base}/article.html"
    assert doc.title == "Served article"
    assert "Served The city council" in doc.text


def test_redirect_followed(base: str) -> None:
    """A redirect is followed; the document carries the final URL."""
    fetched = fetch(f"{base}/redirect", ALLOW.fetch)
    assert fetched.url == f"{base}/article.html"
    docs, failures = read([f"{base}/redirect"], ALLOW)
    assert failures == []
    assert [d.url for d in docs] == [f"{base}/article.html"]


def test_redirect_to_other_scheme_refused(base: str) -> None:
    """Every hop is checked: a redirect to ftp:// is refused like an ftp:// input."""
    docs, failures = read([f"{base}/to-ftp"], ALLOW)
    assert docs == []
    assert "only http and https" in failures[0].error


def test_redirect_loop(base: str) -> None:
    docs, failures = read([f"{base}/loop"], ALLOW)
    assert docs == []
    assert "redirects" in failures[0].error


def test_http_404(base: str) -> None:
    docs, failures = read([f"{base}/missing", f"{base}/article.html"], ALLOW)
    assert [f.source for f in failures] == [f"{base}/missing"]
    assert "HTTP 404" in failures[0].error
    assert len(docs) == 1


@pytest.mark.parametrize("path", ["/huge", "/huge-streamed"])
def test_too_large(base: str, path: str) -> None:
    """Bodies over max_bytes are refused, with or without a Content-Length."""
    ingest = IngestSettings(fetch=FetchSettings(allow_private=True, max_bytes=4096, timeout=5))
    docs, failures = read([base + path], ingest)
    assert docs == []
    assert [f.source for f in failures] == [base + path]
    assert "too large" in failures[0].error


def test_compressed_body_is_decoded(base: str) -> None:
    ingest = IngestSettings(fetch=FetchSettings(allow_private=True, timeout=5))
    docs, failures = read([f"{base}/gzipped"], ingest)
    assert failures == []
    assert "Served" in docs[0].text


def test_decompression_bomb_is_cut_off_as_it_decodes(base: str) -> None:
    """64 MiB of zeros gzipped twice (gzip, gzip) is refused at the cap on decoded bytes,
    without decoding it whole: peak memory stays far below the decoded size."""
    ingest = IngestSettings(fetch=FetchSettings(allow_private=True, timeout=5))
    tracemalloc.start()
    try:
        docs, failures = read([f"{base}/bomb"], ingest)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert docs == []
    assert "too large" in failures[0].error and "decoded" in failures[0].error
    assert peak < 40 * 1024 * 1024


def test_a_server_that_drips_is_cut_off_at_the_deadline(base: str) -> None:
    """One byte every 0.1 s never trips the 1 s timeout; the whole fetch's deadline does."""
    ingest = IngestSettings(fetch=FetchSettings(allow_private=True, timeout=1, deadline=1.5))
    started = time.monotonic()
    docs, failures = read([f"{base}/drip"], ingest)
    assert time.monotonic() - started < 4
    assert docs == []
    assert "deadline" in failures[0].error


def test_timeout(base: str) -> None:
    """A server slower than the timeout gives a failure quickly, not a hang."""
    ingest = IngestSettings(fetch=FetchSettings(allow_private=True, timeout=0.5))
    started = time.monotonic()
    docs, failures = read([f"{base}/slow"], ingest)
    assert time.monotonic() - started < 1.8
    assert docs == []
    assert "timed out" in failures[0].error


@pytest.mark.parametrize(
    "url", ["ftp://127.0.0.1/article.html", "file:///etc/passwd", "gopher://x/"]
)
def test_non_http_scheme_refused_by_fetch(url: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        fetch(url, FetchSettings(allow_private=True))


def test_ftp_input_is_a_failure(base: str) -> None:
    """An ftp:// input is not fetched; it is one failure naming it, and the rest is read."""
    ftp = "ftp://127.0.0.1/article.html"
    docs, failures = read([ftp, f"{base}/article.html"], ALLOW)
    assert [f.source for f in failures] == [ftp]
    assert len(docs) == 1


def test_feed_item_reads_linked_page(base: str) -> None:
    """A teaser item in a fetched feed is read from the page it links to on the server."""
    docs, failures = read([f"{base}/feed.rss"], ALLOW)
    assert failures == []
    [doc] = docs
    assert doc.kind == "feed"
    assert doc.source == f"{base}/feed.rss#item1"
    assert doc.url == f"{base}/article.html"
    assert "Served The city council" in doc.text
    assert "Read more" not in doc.text


def test_feed_item_with_dead_link_names_the_item(base: str) -> None:
    """An item with no text whose link is a 404 is reported against the feed item,
    as a failed local link already is ('feed#itemN (path)')."""
    feed = f"{base}/feed-link.rss?link={quote(base + '/missing')}"
    docs, failures = read([feed], ALLOW)
    assert docs == []
    [failure] = failures
    assert "404" in failure.error
    assert failure.source.startswith(f"{feed}#item1"), failure.source


def test_feed_links_not_fetched_from_private_addresses_by_default(base: str) -> None:
    """A feed's links obey the same rule as inputs: no private addresses unless allowed."""
    feed = rss_feed([("Teaser", f"{base}/article.html", "")]).encode()
    items = list(read_feed("local.rss", feed, IngestSettings()))
    assert [type(i) for i in items] == [InputFailure]
    assert "--allow-private" in items[0].error  # type: ignore[union-attr]


@pytest.mark.parametrize("form", ["file://localhost{}", "file:{}", "{}"])
def test_remote_feed_cannot_read_local_files(base: str, tmp_path: Path, form: str) -> None:
    """A feed fetched from the network must not make newsprism read local files: its
    item links are followed over http(s) only (the same trust rule as --allow-private)."""
    secret = tmp_path / "secret.html"
    secret.write_text(article_html("Private notes", "TOPSECRET"))
    feed = f"{base}/feed-link.rss?link={quote(form.format(secret))}"
    docs, failures = read([feed], ALLOW)
    assert not [d for d in docs if "TOPSECRET" in d.text], "a local file was read"
    assert [f.source for f in failures] == [f"{feed}#item1"]


def test_dns_rebinding_connects_to_no_private_address(
    base: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A host that resolves to a public address for the check and to 127.0.0.1 a moment
    later is refused: the address connected to is checked when connecting."""
    real = socket.getaddrinfo
    port = int(base.rsplit(":", 1)[1])
    answers = iter(["93.184.216.34"])

    def rebinding(host: str, *args: Any, **kwargs: Any) -> Any:
        if host != "rebind.test":
            return real(host, *args, **kwargs)
        address = next(answers, "127.0.0.1")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with pytest.raises(FetchError, match=r"non-public address 127\.0\.0\.1"):
        fetch(f"http://rebind.test:{port}/article.html", FetchSettings(timeout=5))
