"""WARC and WARC.gz archives: every HTML response record is an article candidate.

The archive is streamed record by record. A truncated or corrupt archive keeps
what was read before the damage and reports the rest as one failure naming
the archive. A record is known to be cut short when its block holds fewer
bytes than its Content-Length announced, or when the archive ends with bytes
that do not make a whole record.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from newsprism.errors import InputError
from newsprism.ingest.html import read_html
from newsprism.records import InputFailure, RawDocument
from newsprism.settings import IngestSettings

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_DRAIN_CHUNK = 1 << 16


MAX_LINE = 64 * 1024
"""The longest header line read (WARC or HTTP headers of a record); real ones are a few
hundred bytes. A longer one ends the archive's reading with a failure naming it, instead
of being gathered into memory however long it is."""


class _Truncated(Exception):
    pass


class _LineTooLong(Exception):
    pass


def _bounded(readline: Any) -> Any:
    """warcio's readline, never reading more than ``MAX_LINE`` bytes of one line."""

    def read(length: int | None = None) -> bytes:
        limit = MAX_LINE if length is None or length < 0 else min(length, MAX_LINE)
        line: bytes = readline(limit)
        if len(line) >= MAX_LINE and not line.endswith(b"\n"):
            raise _LineTooLong(f"a header line longer than {MAX_LINE} bytes")
        return line

    return read


def read_warc(
    source: str, stream: BinaryIO, settings: IngestSettings
) -> Iterator[RawDocument | InputFailure]:
    seen = 0
    try:
        archive = ArchiveIterator(stream)
        archive.reader.readline = _bounded(archive.reader.readline)
        for record in archive:
            payload = _payload(record, settings.max_record_bytes) if _is_html(record) else None
            if _drain(record):
                raise _Truncated("a record ends before its announced length")
            if payload is None:
                continue
            seen += 1
            uri = record.rec_headers.get_header("WARC-Target-URI")
            name = f"{source}#{uri or f'record{seen}'}"
            if len(payload) > settings.max_record_bytes:
                yield InputFailure(name, f"record larger than {settings.max_record_bytes} bytes")
                continue
            try:
                yield read_html(name, payload, url=uri)
            except InputError as exc:
                yield InputFailure.from_error(exc)
    except _LineTooLong as exc:
        yield InputFailure(source, f"WARC archive unreadable after {seen} HTML record(s): {exc}")
        return
    # warcio raises many exception types on damaged input (ArchiveLoadFailed, zlib and
    # gzip errors, AttributeError on cut headers): all mean the same to the reader.
    except Exception as exc:
        yield InputFailure(
            source, f"WARC archive is truncated or corrupt after {seen} HTML record(s): {exc}"
        )
        return
    if _leftover(stream, archive.offset):
        yield InputFailure(
            source, f"WARC archive is truncated after {seen} HTML record(s): its last record is cut"
        )
    elif seen == 0:
        yield InputFailure(source, "WARC archive holds no HTML response records")


def _is_html(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return bool(content_type.startswith(_HTML_TYPES))


def _payload(record: Any, limit: int) -> bytes:
    data: bytes = record.content_stream().read(limit + 1)
    return data


def _leftover(stream: BinaryIO, parsed_to: int) -> bool:
    """Whether bytes were read past the end of the last whole record (a cut record).

    The iterator stops quietly when the rest of the archive is too short to hold a
    record; what it consumed beyond the last record's end is that cut record.
    """
    try:
        return stream.tell() > parsed_to
    except (OSError, ValueError):
        return False


def _drain(record: Any) -> bool:
    """Read the rest of the record's block; True when it ended before its announced length."""
    raw = record.raw_stream
    while raw.read(_DRAIN_CHUNK):
        pass
    return int(getattr(raw, "limit", 0) or 0) > 0
