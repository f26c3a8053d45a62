"""What keeps the web app safe to point at hostile articles.

Every page shows text written by strangers. Templates escape it (autoescape, never
``|safe`` on article data); on top of that each response forbids scripts, plug-ins,
frames and foreign style sheets through its Content-Security-Policy, so a mistake in a
template still cannot run anything. Writing (``POST /api/ingest``) needs a bearer token
the operator chose; without one the app is read-only.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsprism.errors import UsageError

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)
TOKEN_ENV = "NEWSPRISM_TOKEN"
MIN_TOKEN_LENGTH = 16
ENABLE_HINT = (
    f"ingest through the API is off: start `newsprism serve` with --token-file FILE or the "
    f"{TOKEN_ENV} environment variable set, then send 'Authorization: Bearer <token>'"
)


class SecurityHeaders:
    """ASGI middleware: the headers above on every response, error pages included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {name for name, _ in HEADERS}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message["headers"] = [*kept, *HEADERS]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            # Starlette answers an unhandled error outside every middleware, so its 500
            # page would go out bare: answer here, then let the server log the error.
            if not started:
                await send_with_headers(_INTERNAL_ERROR)
                await send({"type": "http.response.body", "body": b"Internal Server Error"})
            raise


_INTERNAL_ERROR: Message = {
    "type": "http.response.start",
    "status": 500,
    "headers": [(b"content-type", b"text/plain; charset=utf-8")],
}


def load_token(token_file: Path | None, environ: Mapping[str, str] = os.environ) -> str | None:
    """The operator's ingest token: the file's first line, else the environment, else None."""
    if token_file is not None:
        try:
            lines = token_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read token file {token_file}: {exc}") from exc
        token, source = (lines[0].strip() if lines else ""), str(token_file)
    elif environ.get(TOKEN_ENV):
        token, source = environ[TOKEN_ENV].strip(), TOKEN_ENV
    else:
        return None
    if len(token) < MIN_TOKEN_LENGTH:
        raise UsageError(f"the token in {source} is shorter than {MIN_TOKEN_LENGTH} characters")
    return token


def bearer_matches(authorization: str | None, token: str) -> bool:
    """Whether the Authorization header carries the token, compared in constant time."""
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8"))


def http_url(url: str | None) -> str | None:
    """The URL when it may become a link (http or https with a host), else None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()
