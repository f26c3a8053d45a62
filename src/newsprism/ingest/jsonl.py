"""JSONL: one article per line. ``text`` is required; ``title``, ``url``,
``outlet`` and ``published`` are optional. A bad line is reported by number and
the other lines are read."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from newsprism.errors import InputError
from newsprism.ingest.text import decode
from newsprism.records import InputFailure, RawDocument

_OPTIONAL = ("title", "url", "outlet", "published", "language")


def read_jsonl(
    source: str, data: bytes, max_line_bytes: int, first_line: int = 1
) -> Iterator[RawDocument | InputFailure]:
    """Lines are numbered from ``first_line`` (a batch shard reads a range of lines). Only
    newlines end a line: JSON strings may hold U+2028 and other line separators."""
    text = decode(data, source)
    read = 0
    for number, raw in enumerate(text.split("\n"), start=first_line):
        line = raw.removesuffix("\r")
        if not line.strip():
            continue
        line_source = f"{source}:{number}"
        try:
            if len(line.encode("utf-8")) > max_line_bytes:
                raise InputError(line_source, f"line larger than {max_line_bytes} bytes")
            yield _parse_line(line_source, line)
            read += 1
        except InputError as exc:
            yield InputFailure.from_error(exc)
    if read == 0:
        raise InputError(source, "no readable JSONL line")


def _parse_line(source: str, line: str) -> RawDocument:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"invalid JSON ({exc.msg} at column {exc.colno})") from exc
    return document_from_record(source, record)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _whole_characters(value: str) -> str:
    """JSON may escape half of a character (``"\\ud800"``), which no text can hold: each
    such half becomes U+FFFD, the replacement character, and the rest is read."""
    return _LONE_SURROGATE.sub("\ufffd", value)


def document_from_record(source: str, record: object) -> RawDocument:
    """One article given as a JSON object (a JSONL line, an item posted to the web API)."""
    if not isinstance(record, dict):
        raise InputError(source, f"expected a JSON object, got {type(record).__name__}")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError(source, "missing or empty 'text' field")
    body = _whole_characters(body)
    extra: dict[str, str | None] = {}
    for key in _OPTIONAL:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(source, f"field {key!r} must be a string, got {type(value).__name__}")
        extra[key] = _whole_characters(value) if value else None
    return RawDocument(
        source=source,
        kind="jsonl",
        text=body,
        url=extra["url"],
        title=extra["title"],
        outlet=extra["outlet"],
        published=extra["published"],
        language=extra["language"],
    )
