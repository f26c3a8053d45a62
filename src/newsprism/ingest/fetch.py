"""Fetching URLs safely: http(s) only, bounded in time and size, and no
requests to private, loopback or link-local addresses unless allowed.

Every hop of a redirect chain is checked again, so a public URL cannot
redirect into the local network.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

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
    if settings.allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or 0, proto=socket.IPPROTO_TCP)
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
    headers = {"User-Agent": settings.user_agent, "Accept": "*/*", **(headers or {})}
    timeout = httpx.Timeout(settings.timeout)
    current = url
    with httpx.Client(timeout=timeout, headers=headers, follow_redirects=False) as client:
        for _ in range(settings.max_redirects + 1):
            _check_address(current, settings)
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
                    content = _read_capped(response, url, settings.max_bytes)
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


def _read_capped(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(url, f"too large: {declared} bytes (limit {max_bytes})")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(url, f"too large: more than {max_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
