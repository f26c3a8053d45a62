"""Plain text: bytes to str, refusing what is not text; a header of labelled fields
("Title: ...", "Source: ...", "Date: ...") at the top gives the metadata."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from newsprism.errors import InputError
from newsprism.records import RawDocument, Removal

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


FIELDS = {
    "title": "title",
    "headline": "title",
    "source": "outlet",
    "outlet": "outlet",
    "publisher": "outlet",
    "publication": "outlet",
    "date": "published",
    "published": "published",
    "url": "url",
    "link": "url",
    "author": None,
    "by": None,
    "byline": None,
}
"""Labels of the fields a hand-made text file may open with, and the metadata each gives
(None: said, not kept: the author)."""
_FIELD = re.compile(r"[ \t]*([A-Za-z]+)[ \t]*:[ \t]*(\S[^\n]*?)[ \t]*$")


def read_text(source: str, data: bytes, url: str | None = None) -> RawDocument:
    text = decode(data, source)
    fields, removed, body = header_fields(text)
    return RawDocument(
        source=source,
        kind="text",
        text=body,
        url=url or fields.get("url"),
        title=fields.get("title"),
        outlet=fields.get("outlet"),
        published=fields.get("published"),
        removed=removed,
    )


def header_fields(text: str) -> tuple[dict[str, str], tuple[Removal, ...], str]:
    """The labelled fields on the text's first lines (each known label once, up to the
    first line that is not one), what was taken out, and the text after them."""
    lines = text.split("\n")
    fields: dict[str, str] = {}
    removed: list[Removal] = []
    seen: set[str] = set()
    taken = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        found = _FIELD.match(line)
        label = found[1].lower() if found else ""
        if found is None or label not in FIELDS or label in seen:
            break
        seen.add(label)
        kept = FIELDS[label]
        if kept is not None:
            fields.setdefault(kept, found[2].strip())
        removed.append(Removal(f"{label} field", line.strip()))
        taken = index + 1
    if not removed or not "\n".join(lines[taken:]).strip():
        return {}, (), text
    return fields, tuple(removed), "\n".join(lines[taken:])
