"""Shards: JSONL files split by line ranges read the same documents as the whole file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.ingest import read_all
from newsprism.records import InputFailure, RawDocument
from newsprism.scale.shards import plan, read_shard
from newsprism.settings import IngestSettings

_LINE = st.one_of(
    st.text(min_size=1, max_size=30).map(lambda t: json.dumps({"text": t, "title": "x"})),
    st.sampled_from(["", "not json", "[1]", json.dumps({"text": "a\u2028b"})]),
)


def _read_all(paths: list[str], partitions: int) -> list[RawDocument | InputFailure]:
    work = plan(paths, partitions)
    return [item for shard in work.shards for item in read_shard(shard, IngestSettings())]


@settings(max_examples=40, deadline=None)
@given(
    lines=st.lists(_LINE, min_size=1, max_size=25), partitions=st.integers(1, 8), end=st.booleans()
)
def test_line_ranges_read_what_the_whole_file_reads(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str], partitions: int, end: bool
) -> None:
    path = tmp_path_factory.mktemp("jsonl") / "wire.jsonl"
    path.write_text("\n".join(lines) + ("\n" if end else ""), encoding="utf-8")
    whole = list(read_all([str(path)]))
    split = _read_all([str(path)], partitions)
    assert _documents(split) == _documents(whole)
    assert _line_failures(split, path) == _line_failures(whole, path)


def _documents(items: list[RawDocument | InputFailure]) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


def _line_failures(items: list[RawDocument | InputFailure], path: Path) -> set[str]:
    line = re.compile(re.escape(str(path)) + r":\d+$")
    return {i.source for i in items if isinstance(i, InputFailure) and line.match(i.source)}


def test_files_keep_input_order_across_shards(tmp_path: Path) -> None:
    names = [f"{n:02d}.txt" for n in range(7)]
    for name in names:
        (tmp_path / name).write_text(f"Article {name} body text.", encoding="utf-8")
    work = plan([str(tmp_path)], 3)
    assert len(work.shards) == 3
    units = [Path(u.input.name).name for s in work.shards for u in s.units]
    assert units == names


def test_names_that_match_nothing_are_failures(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("An article.", encoding="utf-8")
    work = plan([str(tmp_path / "a.txt"), str(tmp_path / "missing.txt")], 2)
    assert [f.source for f in work.failures] == [str(tmp_path / "missing.txt")]
    assert len(work.shards) == 1
