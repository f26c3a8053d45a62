"""A real HTTP server on 127.0.0.1 for the watch tests: feeds whose answers a test sets,
with every request recorded."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Answer:
    body: bytes = b""
    etag: str | None = None
    status: int = 200
    honour_etag: bool = True


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    at: float


@dataclass
class Feeds:
    base: str
    answers: dict[str, list[Answer]] = field(default_factory=dict)
    """Per path, answers given in turn; the last one is repeated."""
    requests: list[Request] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]


def rss(title: str, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (guid, title, text) items, dated 8 February 2024."""
    body = "".join(
        f"<item><guid>{escape(guid)}</guid><title>{escape(head)}</title>"
        f"<pubDate>Thu, 08 Feb 2024 12:00:00 GMT</pubDate>"
        f"<description>{escape(text)}</description></item>"
        for guid, head, text in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{escape(title)}</title>'
        f"<link>http://127.0.0.1/</link><description>test</description>{body}</channel></rss>"
    ).encode()


def seed_items(seeds_dir: Path, count: int) -> list[tuple[str, str, str]]:
    files = sorted(seeds_dir.iterdir())[:count]
    return [(f"guid-{p.stem}", p.stem, p.read_text(encoding="utf-8")) for p in files]


@contextmanager
def serve() -> Iterator[Feeds]:
    feeds = Feeds(base="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            feeds.requests.append(Request(self.path, dict(self.headers), time.monotonic()))
            queue = feeds.answers.get(self.path)
            if not queue:
                self.send_error(404)
                return
            answer = queue.pop(0) if len(queue) > 1 else queue[0]
            if (
                answer.honour_etag
                and answer.etag
                and self.headers.get("If-None-Match") == answer.etag
            ):
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(answer.status)
            self.send_header("Content-Type", "application/rss+xml")
            if answer.etag:
                self.send_header("ETag", answer.etag)
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            self.wfile.write(answer.body)

        def log_message(self, format: str, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    feeds.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield feeds
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
