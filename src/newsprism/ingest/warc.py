"""WARC and WARC.gz archives: every HTML response record is an article candidate.

The archive is streamed record by record; a truncated archive keeps what was
read before the damage and reports the rest.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsprism.errors import InputError
from newsprism.ingest.html import read_html
from newsprism.records import InputFailure, RawDocument
from newsprism.settings import IngestSettings

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(
    source: str, stream: BinaryIO, settings: IngestSettings
) -> Iterator[RawDocument | InputFailure]:
    seen = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            if not content_type.startswith(_HTML_TYPES):
                continue
            seen += 1
            uri = record.rec_headers.get_header("WARC-Target-URI")
            name = f"{source}#{uri or f'record{seen}'}"
            payload = record.content_stream().read(settings.max_record_bytes + 1)
            if len(payload) > settings.max_record_bytes:
                yield InputFailure(name, f"record larger than {settings.max_record_bytes} bytes")
                continue
            try:
                yield read_html(name, payload, url=uri)
            except InputError as exc:
                yield InputFailure(exc.source, exc.reason, exc.stage)
    except (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError) as exc:
        yield InputFailure(
            source, f"WARC archive is truncated or corrupt after {seen} HTML record(s): {exc}"
        )
        return
    if seen == 0:
        yield InputFailure(source, "WARC archive holds no HTML response records")
