"""Fetching URLs safely: http(s) only, bounded in time and size, and no
requests to private, loopback or link-local addresses unless allowed.

Every hop of a redirect chain is checked again, so a public URL cannot
redirect into the local network.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from newsprism.errors import FetchError
from newsprism.settings import FetchSettings


@dataclass(frozen=True)
class Fetched:
    url: str
    """The final URL, after redirects."""
    content: bytes
    content_type: str | None
    status: int = 200
    """304 when a conditional request found nothing new (``content`` is then empty)."""
    etag: str | None = None
    last_modified: str | None = None


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def _check_address(url: str, settings: FetchSettings) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(url, f"only http and https URLs are fetched, not {parts.scheme or 'none'}")
    host = parts.hostname
    if not host:
        raise FetchError(url, "URL has no host")
    if not settings.allow_private:
        _public_address(url, host, parts.port or 0)


def _public_address(url: str, host: str, port: int) -> str:
    """The first address ``host`` resolves to, when every one of them is public."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchError(url, f"cannot resolve host {host!r}: {exc.strerror}") from exc
    for info in infos:
        address = _effective(ipaddress.ip_address(info[4][0]))
        if not address.is_global or address.is_multicast:
            raise FetchError(
                url,
                f"refused: {host} resolves to non-public address {address} "
                "(use --allow-private to fetch from local or private networks)",
            )
    return str(infos[0][4][0])


class _PublicOnly(httpcore.SyncBackend):
    """Connects to an address it has just checked: a host that resolved to a public
    address for the check and to a private one a moment later (DNS rebinding) is refused,
    because the address connected to is the one checked, not a second lookup's. TLS still
    names and verifies the host."""

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        address = _public_address(f"{host}:{port}", host, port)
        return super().connect_tcp(address, port, timeout, local_address, socket_options)


def _transport(settings: FetchSettings) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport()
    if not settings.allow_private:
        # httpx takes no network backend of its own: its connection pool does.
        transport._pool = httpcore.ConnectionPool(
            ssl_context=transport._pool._ssl_context, network_backend=_PublicOnly()
        )
    return transport


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _effective(
    address: ipaddress.IPv4Address | ipaddress.IPv6Address,
) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """The IPv4 address an IPv6 one stands for (mapped, 6to4, NAT64), else itself."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return address.ipv4_mapped
        if address.sixtofour is not None:
            return address.sixtofour
        if address in _NAT64:
            return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address


def fetch(url: str, settings: FetchSettings, headers: Mapping[str, str] | None = None) -> Fetched:
    """Fetch one URL, following redirects by hand so each hop is checked. ``headers`` adds
    request headers (a conditional GET's If-None-Match, If-Modified-Since)."""
    headers = {
        "User-Agent": settings.user_agent,
        "Accept": "*/*",
        "Accept-Encoding": "gzip, deflate",
        **(headers or {}),
    }
    timeout = httpx.Timeout(settings.timeout)
    current = url
    deadline = time.monotonic() + settings.deadline
    with httpx.Client(
        timeout=timeout, headers=headers, follow_redirects=False, transport=_transport(settings)
    ) as client:
        for _ in range(settings.max_redirects + 1):
            _check_address(current, settings)
            _in_time(url, deadline, settings)
            try:
                with client.stream("GET", current) as response:
                    if response.status_code == 304:  # a conditional GET: nothing new
                        return _not_modified(current, response)
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(url, f"redirect without Location from {current}")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise FetchError(url, f"HTTP {response.status_code} from {current}")
                    content = _read_capped(response, url, settings, deadline)
                    return Fetched(
                        current,
                        content,
                        response.headers.get("content-type"),
                        response.status_code,
                        response.headers.get("etag"),
                        response.headers.get("last-modified"),
                    )
            except httpx.TimeoutException as exc:
                raise FetchError(url, f"timed out after {settings.timeout:g} s") from exc
            except httpx.HTTPError as exc:
                raise FetchError(url, f"unreachable: {exc}") from exc
    raise FetchError(url, f"more than {settings.max_redirects} redirects")


def _not_modified(url: str, response: httpx.Response) -> Fetched:
    headers = response.headers
    return Fetched(url, b"", None, 304, headers.get("etag"), headers.get("last-modified"))


def _read_capped(
    response: httpx.Response, url: str, settings: FetchSettings, deadline: float
) -> bytes:
    """The body, decoded as it streams: the size cap holds on the decoded bytes (a small
    compressed body may expand a millionfold) and the deadline on the whole read (a server
    may send one byte a second, each within the timeout)."""
    max_bytes = settings.max_bytes
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(url, f"too large: {declared} bytes (limit {max_bytes})")
    encodings = _encodings(url, response.headers.get("content-encoding", ""))
    decoders = [zlib.decompressobj(_WBITS[e]) for e in encodings]
    chunks: list[bytes] = []
    size = 0
    for raw in response.iter_raw():
        _in_time(url, deadline, settings)
        for piece in _decoded(url, raw, decoders, max_bytes - size + 1):
            size += len(piece)
            if size > max_bytes:
                raise FetchError(url, f"too large: more than {max_bytes} bytes once decoded")
            chunks.append(piece)
    return b"".join(chunks)


_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}
_PIECE = 64 * 1024
"""Bytes decoded at a time: no step of the decoding holds more than this at once."""


def _encodings(url: str, header: str) -> list[str]:
    """The content codings to undo, last applied first; an unknown one is refused."""
    named = [e.strip().lower() for e in header.split(",") if e.strip()]
    named = [e for e in named if e != "identity"]
    unknown = [e for e in named if e not in _WBITS]
    if unknown:
        raise FetchError(url, f"unsupported content encoding {unknown[0]!r}")
    if len(named) > 3:
        raise FetchError(url, f"{len(named)} layers of content encoding")
    return named[::-1]


def _decoded(url: str, data: bytes, decoders: list[Any], room: int) -> Iterator[bytes]:
    """``data`` through each decoder in turn, in pieces of at most ``_PIECE`` bytes; stops
    once ``room`` bytes came out (the caller then refuses the body)."""
    if not decoders:
        yield data
        return
    first, rest = decoders[0], decoders[1:]
    pending = data
    produced = 0
    while pending or first.unconsumed_tail:
        source = pending or first.unconsumed_tail
        try:
            piece = first.decompress(source, _PIECE)
        except zlib.error as exc:
            raise FetchError(url, f"corrupt compressed body: {exc}") from exc
        pending = b""
        if not piece and not first.unconsumed_tail:
            break
        for out in _decoded(url, piece, rest, room - produced):
            produced += len(out)
            yield out
            if produced >= room:
                return


def _in_time(url: str, deadline: float, settings: FetchSettings) -> None:
    if time.monotonic() > deadline:
        raise FetchError(url, f"not fetched within {settings.deadline:g} s (the deadline)")
