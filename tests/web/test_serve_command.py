"""``newsprism serve``: options reach the server; a bad token file stops it with status 2."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsprism.web
from newsprism import cli
from newsprism.store import Store


def test_options_reach_the_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, str, int, str | None]] = []

    def fake_serve(store: Store, host: str, port: int, token: str | None) -> None:
        calls.append((store.name, host, port, token))

    monkeypatch.setattr(newsprism.web, "serve", fake_serve)
    monkeypatch.delenv("NEWSPRISM_TOKEN", raising=False)
    token = tmp_path / "token"
    token.write_text("s3cret-token-for-tests\n", encoding="utf-8")
    db = str(tmp_path / "news.db")
    runner = CliRunner()
    result = runner.invoke(cli.app, ["serve", "--db", db, "--port", "8123"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        cli.app, ["serve", "--db", db, "--host", "0.0.0.0", "--token-file", str(token)]
    )
    assert result.exit_code == 0, result.output
    assert calls == [
        (db, "127.0.0.1", 8123, None),
        (db, "0.0.0.0", 8000, "s3cret-token-for-tests"),
    ]


def test_short_token_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    token = tmp_path / "token"
    token.write_text("short\n", encoding="utf-8")
    argv = ["newsprism", "serve", "--db", str(tmp_path / "n.db"), "--token-file", str(token)]
    monkeypatch.setattr(sys, "argv", argv)
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 2
    assert capsys.readouterr().err.startswith("newsprism: the token in ")
