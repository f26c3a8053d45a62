"""``InputFailure.from_error``: the one place an error of an input becomes a failure record."""

from __future__ import annotations

import pytest

from newsprism.errors import FetchError, InputError
from newsprism.records import InputFailure


def test_an_input_error_gives_its_own_input_reason_and_stage() -> None:
    assert InputFailure.from_error(InputError("a.jsonl:3", "not JSON")) == InputFailure(
        "a.jsonl:3", "not JSON", "ingest"
    )
    assert InputFailure.from_error(FetchError("https://x.test/", "refused")) == InputFailure(
        "https://x.test/", "refused", "fetch"
    )


def test_source_and_stage_replace_those_of_an_input_error() -> None:
    error = InputError("big.jsonl", "no readable JSONL line")
    assert InputFailure.from_error(error, "big.jsonl[lines 1-9]") == InputFailure(
        "big.jsonl[lines 1-9]", "no readable JSONL line", "ingest"
    )
    assert InputFailure.from_error(error, stage="watch").stage == "watch"


def test_an_unexpected_error_is_named_by_its_repr() -> None:
    failure = InputFailure.from_error(
        RuntimeError("worker died"), "shard 2: a.html", stage="batch", what="shard"
    )
    assert failure == InputFailure(
        "shard 2: a.html", "shard failed: RuntimeError('worker died')", "batch"
    )
    assert InputFailure.from_error(KeyError("x"), "story s1").error == "input failed: KeyError('x')"


def test_an_unexpected_error_needs_its_input() -> None:
    with pytest.raises(ValueError, match="needs the name of its input"):
        InputFailure.from_error(RuntimeError("lost"))
