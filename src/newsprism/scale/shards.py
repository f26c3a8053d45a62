"""Splitting a batch's inputs into shards that workers read on their own.

A unit is one readable piece: a file, a URL, or a range of lines of a JSONL file
(located by byte offsets, so a worker reads only its lines). Units keep the input
order, and each shard is a run of consecutive units, so the first copy of an
article in input order is the one kept, as in ``pipeline.extract``. Planning
reads no content except the newlines of JSONL files.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from newsprism.errors import InputError, UsageError
from newsprism.ingest import Input, expand, read_input
from newsprism.ingest.detect import kind_from_name
from newsprism.ingest.jsonl import read_jsonl
from newsprism.records import InputFailure, RawDocument
from newsprism.settings import IngestSettings

_SCAN_BLOCK = 1 << 20


@dataclass(frozen=True)
class Lines:
    """Lines ``first``..``last`` of a JSONL file, found at bytes ``start``..``end``."""

    first: int
    last: int
    start: int
    end: int


@dataclass(frozen=True)
class Unit:
    input: Input
    lines: Lines | None = None

    @property
    def name(self) -> str:
        if self.lines is None:
            return self.input.name
        return f"{self.input.name} (lines {self.lines.first}-{self.lines.last})"

    @property
    def weight(self) -> int:
        return 1 if self.lines is None else self.lines.last - self.lines.first + 1


@dataclass(frozen=True)
class Shard:
    number: int
    units: tuple[Unit, ...]

    @property
    def name(self) -> str:
        """How error messages name the shard: its number and its first and last input."""
        names = [u.name for u in self.units]
        inputs = names[0] if len(names) == 1 else f"{names[0]} … {names[-1]} ({len(names)} inputs)"
        return f"shard {self.number}: {inputs}"


@dataclass(frozen=True)
class Plan:
    shards: tuple[Shard, ...]
    failures: tuple[InputFailure, ...]
    """Names that matched nothing, and JSONL files that could not be scanned."""


def plan(inputs: list[str], partitions: int) -> Plan:
    """About ``partitions`` shards of about equal weight (a file weighs one, a JSONL line one)."""
    if partitions < 1:
        raise UsageError(f"partitions must be >= 1, got {partitions}")
    items: list[Input] = []
    failures: list[InputFailure] = []
    for item in expand(inputs):
        if isinstance(item, InputError):
            failures.append(InputFailure.from_error(item))
        elif item.stdin:
            raise UsageError("batch cannot read standard input: give files, directories or URLs")
        else:
            items.append(item)
    total = sum(_line_count(i) or 1 for i in items)
    target = max(1, math.ceil(total / partitions))
    units: list[Unit] = []
    for item in items:
        if item.path is not None and kind_from_name(item.suffixes) == "jsonl":
            try:
                units.extend(Unit(item, lines) for lines in line_ranges(item, target))
            except InputError as exc:
                failures.append(InputFailure.from_error(exc))
        else:
            units.append(Unit(item))
    return Plan(tuple(_group(units, target)), tuple(failures))


def _line_count(item: Input) -> int:
    if item.path is None or kind_from_name(item.suffixes) != "jsonl":
        return 0
    try:
        with item.path.open("rb") as handle:
            return sum(block.count(b"\n") for block in iter(lambda: handle.read(_SCAN_BLOCK), b""))
    except OSError:
        return 0  # reported when its ranges are made


def line_ranges(item: Input, per_range: int) -> Iterator[Lines]:
    """Ranges of ``per_range`` lines of a JSONL file, by the byte offsets of its newlines."""
    assert item.path is not None
    first, start, count, offset, last_byte = 1, 0, 0, 0, b"\n"
    try:
        with item.path.open("rb") as handle:
            for block in iter(lambda: handle.read(_SCAN_BLOCK), b""):
                at = block.find(b"\n")
                while at != -1:
                    count += 1
                    if count - first + 1 == per_range:
                        yield Lines(first, count, start, offset + at + 1)
                        first, start = count + 1, offset + at + 1
                    at = block.find(b"\n", at + 1)
                offset += len(block)
                last_byte = block[-1:]
    except OSError as exc:
        raise InputError(item.name, f"cannot read: {exc.strerror or exc}") from exc
    if offset > start:
        last = count if last_byte == b"\n" else count + 1
        yield Lines(first, last, start, offset)


def _group(units: list[Unit], target: int) -> Iterator[Shard]:
    current: list[Unit] = []
    weight = 0
    number = 0
    for unit in units:
        if current and weight + unit.weight > target:
            yield Shard(number, tuple(current))
            number, current, weight = number + 1, [], 0
        current.append(unit)
        weight += unit.weight
    if current:
        yield Shard(number, tuple(current))


def read_shard(shard: Shard, settings: IngestSettings) -> Iterator[RawDocument | InputFailure]:
    """Every document and failure of the shard's units, in order."""
    for unit in shard.units:
        yield from read_unit(unit, settings)


def read_unit(unit: Unit, settings: IngestSettings) -> Iterator[RawDocument | InputFailure]:
    if unit.lines is None:
        yield from read_input(unit.input, settings)
        return
    try:
        yield from _read_lines(unit, settings)
    except InputError as exc:
        yield InputFailure.from_error(exc, unit.name if exc.source == unit.input.name else None)


def _read_lines(unit: Unit, settings: IngestSettings) -> Iterator[RawDocument | InputFailure]:
    assert unit.input.path is not None and unit.lines is not None
    size = unit.lines.end - unit.lines.start
    if size > settings.max_file_bytes:
        raise InputError(unit.name, f"too large: more than {settings.max_file_bytes} bytes")
    try:
        with unit.input.path.open("rb") as handle:
            handle.seek(unit.lines.start)
            data = handle.read(size)
    except OSError as exc:
        raise InputError(unit.name, f"cannot read: {exc.strerror or exc}") from exc
    if len(data) < size:
        raise InputError(unit.name, "file is shorter than when the batch was planned")
    yield from read_jsonl(
        unit.input.name, data, settings.max_record_bytes, first_line=unit.lines.first
    )
