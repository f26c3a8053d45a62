"""Ingest: read articles from files, directories, globs, stdin and URLs.

Each input yields :class:`~newsprism.records.RawDocument` records (an input may
hold many: a feed, an archive, a JSONL file) and
:class:`~newsprism.records.InputFailure` records for what could not be read.
Nothing here raises for a bad input.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from newsprism.errors import InputError
from newsprism.ingest.detect import decide, kind_from_name
from newsprism.ingest.feeds import read_feed
from newsprism.ingest.html import read_html
from newsprism.ingest.jsonl import read_jsonl
from newsprism.ingest.sources import Input, expand, load, open_stream
from newsprism.ingest.text import read_text
from newsprism.ingest.warc import read_warc
from newsprism.records import InputFailure, RawDocument
from newsprism.settings import IngestSettings

__all__ = ["Input", "expand", "read_all", "read_input"]

Item = RawDocument | InputFailure


def read_all(inputs: list[str], settings: IngestSettings | None = None) -> Iterator[Item]:
    """Every document and every failure of every input, in input order."""
    settings = settings or IngestSettings()
    for item in expand(inputs):
        if isinstance(item, InputError):
            yield InputFailure.from_error(item)
        else:
            yield from read_input(item, settings)


def read_input(item: Input, settings: IngestSettings) -> Iterator[Item]:
    try:
        yield from _dispatch(item, settings)
    except InputError as exc:
        yield InputFailure.from_error(exc)


def _dispatch(item: Input, settings: IngestSettings) -> Iterator[Item]:
    if item.path is not None and kind_from_name(item.suffixes) == "warc":
        stream = open_stream(item, settings)
        with stream:
            yield from read_warc(item.name, stream, settings)
        return
    loaded = load(item, settings)
    kind = decide(item.suffixes, loaded.content_type, loaded.data[:4096])
    url = loaded.url or item.url
    if kind == "warc":
        yield from read_warc(item.name, io.BytesIO(loaded.data), settings)
    elif kind == "feed":
        base_dir = item.path.parent if item.path is not None else None
        yield from read_feed(item.name, loaded.data, settings, base_dir)
    elif kind == "jsonl":
        yield from read_jsonl(item.name, loaded.data, settings.max_record_bytes)
    elif kind == "html":
        yield read_html(item.name, loaded.data, url=url)
    else:
        yield read_text(item.name, loaded.data, url=url)
