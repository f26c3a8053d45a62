"""Command line: each command parses options, calls one pipeline function and writes.

Exit status: 0 every input was read; 1 some inputs failed and the rest was
processed; 2 the command could not run (usage, store or model problem).

The pipeline, the store and the renderers are imported by the commands that use them,
so ``--version`` and ``--help`` start without loading spaCy, onnxruntime, usearch,
datasketch or SQLAlchemy (tests/test_light_start.py).
"""

from __future__ import annotations

import signal
import sys
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.text import Text

from newsprism import __version__
from newsprism.cli_options import (
    AllowPrivate,
    AnalyzeFormat,
    Db,
    Deadline,
    ExtractFormat,
    Inputs,
    OneStory,
    Output,
    Timeout,
    ingest_settings,
)
from newsprism.cli_progress import Reporter, reporting
from newsprism.display import printable
from newsprism.errors import InputError, NewsprismError
from newsprism.records import Duplicate
from newsprism.settings import DEFAULT_DB, IngestSettings

if TYPE_CHECKING:
    from newsprism.analyze.entities.aliases import AliasTable

app = typer.Typer(
    name="newsprism",
    help="Compare how news outlets tell the same event, with verbatim evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)
_state = {"debug": False, "quiet": False}


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"newsprism {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option(help="Show tracebacks of unexpected errors.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", callback=_print_version, is_eager=True
        ),
    ] = False,
) -> None:
    """newsprism reads articles from many outlets and shows how they tell the same event."""
    _state["debug"] = debug
    _state["quiet"] = quiet


@app.command()
def extract(
    inputs: Inputs,
    fmt: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="jsonl: one Article per line.")
    ] = ExtractFormat.jsonl,
    output: Output = None,
    allow_private: AllowPrivate = False,
    timeout: Timeout = 20.0,
    deadline: Deadline = 120.0,
) -> None:
    """Ingest and clean only: one Article per line, with what cleaning removed."""
    from newsprism import pipeline
    from newsprism.render import render_extraction

    with _reporting() as reporter:
        result = pipeline.extract(
            inputs, ingest_settings(allow_private, timeout, deadline), progress=reporter.article
        )
    _write(render_extraction(result, fmt.value), output)
    _report_duplicates(result.duplicates)
    raise typer.Exit(1 if result.failures else 0)


@app.command()
def analyze(
    inputs: Inputs,
    fmt: Annotated[
        AnalyzeFormat, typer.Option("--format", "-f", help="Output format.")
    ] = AnalyzeFormat.json,
    output: Output = None,
    db: Annotated[
        str | None, typer.Option(help="Also store the articles here (path or URL).")
    ] = None,
    allow_private: AllowPrivate = False,
    timeout: Timeout = 20.0,
    deadline: Deadline = 120.0,
    aliases: Annotated[
        Path | None,
        typer.Option(
            help="Your own alias table (TSV: canonical name, type, |-separated aliases), "
            "added to the shipped one."
        ),
    ] = None,
    one_story: OneStory = False,
) -> None:
    """The whole pipeline: stories and their analysis as JSON, Markdown or HTML."""
    from newsprism.analyze.entities.aliases import load_aliases

    try:
        table = load_aliases(aliases)
    except InputError as exc:
        raise typer.BadParameter(str(exc), param_hint="--aliases") from exc
    settings = ingest_settings(allow_private, timeout, deadline)
    _analyze(inputs, fmt.value, output, db, settings, one_story, analyse=True, aliases=table)


class ClusterFormat(StrEnum):
    json = "json"
    tsv = "tsv"


@app.command()
def cluster(
    inputs: Inputs,
    fmt: Annotated[
        ClusterFormat, typer.Option("--format", "-f", help="json (the contract) or tsv.")
    ] = ClusterFormat.json,
    output: Output = None,
    db: Annotated[
        str | None, typer.Option(help="Store the articles and place them into stored stories.")
    ] = None,
    allow_private: AllowPrivate = False,
    timeout: Timeout = 20.0,
    deadline: Deadline = 120.0,
) -> None:
    """Group articles into stories, one per real-world event."""
    settings = ingest_settings(allow_private, timeout, deadline)
    _analyze(inputs, fmt.value, output, db, settings, one_story=False, analyse=False)


@app.command()
def ingest(
    inputs: Inputs,
    db: Db = DEFAULT_DB,
    allow_private: AllowPrivate = False,
    timeout: Timeout = 20.0,
    deadline: Deadline = 120.0,
    one_story: OneStory = False,
    analyse: Annotated[
        bool,
        typer.Option(
            help="Also analyse the stories the articles joined, so that `serve` shows them "
            "at once (--no-analyse: leave that to `serve`, which analyses in the background)."
        ),
    ] = True,
) -> None:
    """Store articles in the database; articles already stored are not stored twice."""
    from newsprism import pipeline
    from newsprism.store import open_store

    store = open_store(db)
    with _reporting() as reporter:
        report = pipeline.ingest(
            inputs,
            store,
            ingest_settings(allow_private, timeout, deadline),
            progress=reporter.article,
            one_story=one_story,
            analyse=analyse,
        )
    err.print(
        printable(
            f"stored {report.stored.added} new article(s), {report.stored.already_stored} "
            f"already in {db}; {len(report.failures)} input error(s)"
        ),
        markup=False,
    )
    raise typer.Exit(1 if report.failures else 0)


@app.command()
def serve(
    db: Db = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    token_file: Annotated[
        Path | None,
        typer.Option(
            help="Enable POST /api/ingest with this bearer token (file's first line; "
            "or set NEWSPRISM_TOKEN)."
        ),
    ] = None,
) -> None:
    """Serve the stored stories as web pages and a JSON API (read-only without a token)."""
    from newsprism.store import open_store
    from newsprism.web import serve as run_server
    from newsprism.web.security import load_token

    run_server(open_store(db), host, port, load_token(token_file))


@app.command()
def batch(
    inputs: Inputs,
    out: Annotated[
        Path, typer.Option("--out", help="Directory for the Parquet tables and analysis.json.")
    ],
    scheduler: Annotated[
        str | None,
        typer.Option(help="Address of a running Dask scheduler; default: a local cluster."),
    ] = None,
    workers: Annotated[int, typer.Option(help="Worker processes of the local cluster.")] = 2,
    partitions: Annotated[
        int | None, typer.Option(help="Shards to cut the input into; default 4 per worker.")
    ] = None,
    window_days: Annotated[
        float, typer.Option(help="Stories are found per time window of this many days.")
    ] = 30.0,
    db: Annotated[
        str | None, typer.Option(help="Also store the articles and stories here (path or URL).")
    ] = None,
    allow_private: AllowPrivate = False,
    timeout: Timeout = 20.0,
    deadline: Deadline = 120.0,
) -> None:
    """The whole pipeline over a large archive on a Dask cluster, written as Parquet."""
    from newsprism.scale import BatchSettings, run_batch, save_batch
    from newsprism.store import open_store

    try:
        settings = BatchSettings(workers, partitions, scheduler, window_days=window_days)
    except NewsprismError as exc:
        raise typer.BadParameter(str(exc)) from exc
    store = open_store(db) if db else None
    with _reporting() as reporter:
        result = run_batch(
            inputs, settings, ingest_settings(allow_private, timeout, deadline), progress=reporter
        )
    save_batch(result, out, store)
    analysis = result.analysis
    err.print(
        printable(
            f"{len(analysis.articles)} article(s) in {len(analysis.stories)} stories from "
            f"{result.shards} shard(s); {len(analysis.failures)} error(s); wrote {out}"
        ),
        markup=False,
    )
    raise typer.Exit(1 if analysis.failures else 0)


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS or Atom feed URLs (the inputs).")],
    interval: Annotated[
        float, typer.Option(help="Seconds between two polls of a feed that answered.")
    ] = 300.0,
    db: Db = DEFAULT_DB,
    once: Annotated[bool, typer.Option(help="Poll every feed once, then exit.")] = False,
    allow_private: AllowPrivate = False,
    timeout: Timeout = 20.0,
    deadline: Deadline = 120.0,
) -> None:
    """Poll feeds politely and place their new items into the stored stories."""
    from newsprism.scale.watch import PollResult, Watcher, WatchSettings
    from newsprism.store import open_store

    try:
        settings = WatchSettings(interval=interval, max_backoff=max(interval, 6 * 3600.0))
    except NewsprismError as exc:
        raise typer.BadParameter(str(exc)) from exc
    watcher = Watcher(
        feeds, open_store(db), settings, ingest_settings(allow_private, timeout, deadline)
    )
    errors = 0

    def report(result: PollResult) -> None:
        nonlocal errors
        errors += len(result.failures)
        err.print(printable(f"{result.url}: {result.outcome}, {result.stored} new"), markup=False)
        for failure in result.failures:
            line = printable(f" {failure.source}: {failure.error}")
            err.print(Text.assemble(("error", "red"), line))

    if once:
        for result in watcher.poll_round():
            report(result)
        raise typer.Exit(1 if errors else 0)
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: watcher.stop.set())
    watcher.run(on_result=report)


@app.command(name="settings")
def settings_(
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Print the README's Markdown table instead.")
    ] = False,
) -> None:
    """List each analysis threshold: its default, what it does, where the value came from."""
    from newsprism.settings import analysis_settings_markdown, analysis_settings_text

    _write(analysis_settings_markdown() if markdown else analysis_settings_text(), None)


def _analyze(
    inputs: list[str],
    fmt: str,
    output: Path | None,
    db: str | None,
    settings: IngestSettings,
    one_story: bool,
    *,
    analyse: bool,
    aliases: AliasTable | None = None,
) -> None:
    """Stories, analysed with the alias table (the shipped one when None), or only clustered
    when ``analyse`` is False (with a store, the stories the articles joined are analysed
    either way, as ``pipeline.analyze`` does)."""
    from newsprism import pipeline
    from newsprism.render import RENDERERS
    from newsprism.store import open_store

    store = open_store(db) if db else None
    with _reporting() as reporter:
        result = pipeline.analyze(
            inputs,
            settings,
            store=store,
            progress=reporter.article,
            aliases=aliases,
            analyse=analyse,
            steps=reporter.step,
            one_story=one_story,
        )
    _write(RENDERERS[fmt](result), output)
    _report_duplicates(result.duplicates)
    raise typer.Exit(1 if result.failures else 0)


@contextmanager
def _reporting() -> Iterator[Reporter]:
    with reporting(err, err.is_terminal and not _state["quiet"]) as reporter:
        yield reporter


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise typer.BadParameter(f"cannot write {output}: {exc.strerror}") from exc
    err.print(printable(f"wrote {output}"), markup=False)


def _report_duplicates(duplicates: Sequence[Duplicate]) -> None:
    """Every input accounted for: one line per input whose article another one gave."""
    for duplicate in duplicates:
        message = f" {duplicate.source}: the same article as {duplicate.first_source}"
        err.print(Text.assemble(("duplicate", "yellow"), printable(message)), soft_wrap=True)


def main() -> None:
    """Entry point: newsprism's own errors become one clear line and exit status 2."""
    try:
        app()  # click's standalone mode: usage errors exit 2, typer.Exit gives the status
    except NewsprismError as exc:
        err.print(printable(f"newsprism: {exc}"), markup=False)
        sys.exit(2)
    except Exception as exc:  # the last line of defence: no traceback unless asked
        if _state["debug"]:
            traceback.print_exc()
        else:
            message = f"newsprism: internal error: {exc!r} (run with --debug for details)"
            err.print(printable(message), markup=False)
        sys.exit(2)
