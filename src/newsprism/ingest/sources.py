"""Turning command-line inputs into readable inputs.

An input is a file, a directory (read recursively), a glob, ``-`` for
standard input, or an http(s) URL. Expansion never reads content; reading
happens later, one input at a time, so one bad input cannot stop the rest.
"""

from __future__ import annotations

import glob
import gzip
import io
import re
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newsprism.errors import InputError
from newsprism.ingest.fetch import fetch, is_url
from newsprism.settings import IngestSettings

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


@dataclass(frozen=True)
class Input:
    """One thing to read: a path, a URL or standard input."""

    name: str
    """How the input is named in output and error messages."""
    path: Path | None = None
    url: str | None = None
    stdin: bool = False

    @property
    def suffixes(self) -> str:
        """The lower-cased file extension(s), ``.warc.gz`` style."""
        base = self.path.name if self.path else (self.url or "").split("?")[0].rsplit("/", 1)[-1]
        parts = base.lower().split(".")
        return (
            "." + ".".join(parts[-2:])
            if len(parts) > 2
            else ("." + parts[-1] if len(parts) == 2 else "")
        )


@dataclass(frozen=True)
class Loaded:
    """An input's bytes, with what its container said about them."""

    data: bytes
    content_type: str | None = None
    url: str | None = None


def expand(inputs: list[str]) -> Iterator[Input | InputError]:
    """One :class:`Input` per file, URL or stdin; an error for a name that matches nothing."""
    for raw in inputs:
        if raw == "-":
            yield Input(name="<stdin>", stdin=True)
        elif is_url(raw):
            yield Input(name=raw, url=raw)
        elif raw.lower().startswith("file://"):
            yield from expand([raw[len("file://") :]])
        elif _SCHEME.match(raw):
            yield InputError(raw, "unsupported URL scheme: only http, https and file are read")
        else:
            yield from _expand_path(raw)


def _expand_path(raw: str) -> Iterator[Input | InputError]:
    path = Path(raw).expanduser()
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
        if not files:
            yield InputError(raw, "directory holds no files")
        yield from (Input(name=str(p), path=p) for p in files)
    elif path.is_file():
        yield Input(name=str(path), path=path)
    elif glob.has_magic(raw):
        matches = sorted(p for p in _globbed(path) if p.is_file())
        if not matches:
            yield InputError(raw, "pattern matches no files")
        yield from (Input(name=str(p), path=p) for p in matches)
    elif path.exists():
        yield InputError(raw, "not a regular file or directory")
    else:
        yield InputError(raw, "no such file or directory")


def _globbed(pattern: Path) -> Iterator[Path]:
    """What a pattern matches, ``**`` included, without following symlinked directories:
    a link back up the tree would make the walk endless."""
    parts = pattern.parts
    first = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    root = Path(*parts[:first]) if first else Path(".")
    rest = str(Path(*parts[first:]))
    yield from root.glob(rest)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def load(item: Input, settings: IngestSettings) -> Loaded:
    """Read an input whole, within the size limit, un-gzipping ``.gz`` files that are not WARC."""
    limit = settings.max_file_bytes
    if item.url:
        fetched = fetch(item.url, settings.fetch)
        return Loaded(
            _gunzip_if_needed(item, fetched.content, limit), fetched.content_type, fetched.url
        )
    if item.stdin:
        data = sys.stdin.buffer.read(limit + 1)
    else:
        assert item.path is not None
        try:
            with item.path.open("rb") as handle:
                data = handle.read(limit + 1)
        except OSError as exc:
            raise InputError(item.name, f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > limit:
        raise InputError(item.name, f"too large: more than {limit} bytes")
    return Loaded(_gunzip_if_needed(item, data, limit))


def open_stream(item: Input, settings: IngestSettings) -> BinaryIO:
    """A binary stream over the input, for archives read record by record."""
    if item.path is not None:
        try:
            return item.path.open("rb")
        except OSError as exc:
            raise InputError(item.name, f"cannot read: {exc.strerror or exc}") from exc
    if item.url:
        return io.BytesIO(fetch(item.url, settings.fetch).content)
    return sys.stdin.buffer


def _gunzip_if_needed(item: Input, data: bytes, limit: int) -> bytes:
    if data[:2] != b"\x1f\x8b" or item.suffixes.endswith((".warc.gz", ".arc.gz")):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            out = handle.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(item.name, f"gzip data is truncated or corrupt: {exc}") from exc
    if len(out) > limit:
        raise InputError(item.name, f"too large once decompressed: more than {limit} bytes")
    return out
