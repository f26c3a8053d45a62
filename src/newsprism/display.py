"""Untrusted text made safe to show in a terminal or a log line.

File names, URLs, feed links and WARC target URIs come from outside: an ESC in one could
clear the user's screen or rewrite what they read, a newline could forge a message of its
own, and a URL may carry a password. Before any of them reaches stderr or a log, control
and format characters are shown as escapes (``\\x1b``, ``\\n``, ``\\u202e``) and the
credentials of a URL as ``***``.
"""

from __future__ import annotations

import re
import unicodedata

_CREDENTIALS = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/@\s]+@")


def printable(text: str) -> str:
    """``text`` with control and format characters escaped and URL credentials masked."""
    masked = _CREDENTIALS.sub(r"\1***@", text)
    return "".join(_escaped(c) if _hidden(c) else c for c in masked)


def _hidden(character: str) -> bool:
    return unicodedata.category(character) in ("Cc", "Cf", "Zl", "Zp")


def _escaped(character: str) -> str:
    code = ord(character)
    simple = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if character in simple:
        return simple[character]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
