"""Plain text: bytes to str, refusing what is not text."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from newsprism.errors import InputError
from newsprism.records import RawDocument

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
"""Control characters (category Cc) other than tab, newlines and form feed."""


STRAY_BYTES = 1000
"""UTF-8 text with at most one undecodable byte per this many characters is read as UTF-8,
those bytes as U+FFFD: guessing another charset for the whole text would garble it all
(cp1250 mojibake) to save a few characters."""


def decode(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode text: BOM, then UTF-8, then the declared charset, then a detected one.

    Binary content (NUL bytes, many control characters) and bytes that fit no
    encoding raise :class:`InputError` naming the input.
    """
    if not data.strip():
        raise InputError(source, "empty input")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data[len(bom) :].decode(encoding, errors="replace"), source)
    if b"\x00" in data[:65536]:
        raise InputError(source, "binary content (NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    mostly = data.decode("utf-8", errors="replace")
    if mostly.count("\ufffd") <= max(1, len(mostly) // STRAY_BYTES):
        return _checked(mostly, source)  # UTF-8 with a few stray bytes: shown as U+FFFD
    if declared:
        try:
            return _checked(data.decode(declared), source)
        except (UnicodeDecodeError, LookupError):
            pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None or best.chaos > 0.3:
        raise InputError(source, "cannot decode: not UTF-8 and no other text encoding fits")
    return _checked(str(best), source)


def _checked(text: str, source: str) -> str:
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise InputError(source, "binary content (control characters), not text")
    if not text.strip():
        raise InputError(source, "empty input")
    return text


def read_text(source: str, data: bytes, url: str | None = None) -> RawDocument:
    return RawDocument(source=source, kind="text", text=decode(data, source), url=url)
