"""The options the CLI's commands share, declared once with their help, and the settings
they make."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsprism.settings import FetchSettings, IngestSettings


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"


class AnalyzeFormat(StrEnum):
    json = "json"
    markdown = "markdown"
    html = "html"


Inputs = Annotated[
    list[str],
    typer.Argument(help="Files, directories (recursive), globs, '-' for stdin, or http(s) URLs."),
]
Output = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
]
AllowPrivate = Annotated[
    bool,
    typer.Option(help="Allow fetching from loopback, private and link-local addresses."),
]
Timeout = Annotated[float, typer.Option(help="Seconds allowed for each network step of a fetch.")]
Deadline = Annotated[
    float, typer.Option(help="Seconds allowed for one whole fetch (redirects and body).")
]
Db = Annotated[
    str, typer.Option(help="SQLite file path, or any SQLAlchemy URL (postgresql://...).")
]
OneStory = Annotated[
    bool,
    typer.Option(
        "--one-story",
        help="The inputs tell one event: skip clustering and treat every article as one story.",
    ),
]


def ingest_settings(allow_private: bool, timeout: float, deadline: float) -> IngestSettings:
    try:
        fetch = FetchSettings(timeout=timeout, deadline=deadline, allow_private=allow_private)
        return IngestSettings(fetch=fetch)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
