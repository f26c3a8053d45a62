"""A throwaway PostgreSQL server for the tests: the store, ingest, incremental and web tests
run against it as well as against SQLite.

``NEWSPRISM_TEST_POSTGRES`` chooses: a ``postgresql+psycopg://`` URL uses that server (a
fresh database is created on it per test); ``required`` starts one from the local binaries
and fails when that is impossible (CI sets it, so a missing server cannot pass as a skip);
unset, one is started when the binaries are installed and the PostgreSQL runs are skipped
otherwise; ``off`` skips them.

A started server lives in a temporary folder, listens on a Unix socket only, and is stopped
at the end of the session. PostgreSQL refuses to run as root, so as root it runs as the
``postgres`` user that Debian's package creates.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

ENV = "NEWSPRISM_TEST_POSTGRES"
_BIN_GLOBS = ("/usr/lib/postgresql/*/bin",)
_PORT = 5499
_counter = itertools.count()


class Unavailable(Exception):
    """No PostgreSQL server can be had; the message says why."""


def _binaries() -> Path:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    for pattern in _BIN_GLOBS:
        for folder in sorted(glob.glob(pattern), reverse=True):
            if (Path(folder) / "initdb").exists():
                return Path(folder)
    raise Unavailable("PostgreSQL's initdb is not installed (Debian: apt-get install postgresql)")


class Server:
    """A server this process started, or one it was pointed at; ``fresh_url`` gives each
    caller a database of its own."""

    def __init__(self, admin_url: str, folder: Path | None = None, run_as: str | None = None):
        self.admin_url = admin_url
        self.folder = folder
        self.run_as = run_as
        self.created: list[str] = []

    @classmethod
    def start(cls) -> Server:
        binaries = _binaries()
        run_as = "postgres" if os.geteuid() == 0 else None
        folder = Path(tempfile.mkdtemp(prefix="newsprism-pg-"))
        data = folder / "data"
        if run_as is not None:
            try:
                user = pwd.getpwnam(run_as)
            except KeyError as exc:
                raise Unavailable("running as root and there is no 'postgres' user") from exc
            os.chown(folder, user.pw_uid, user.pw_gid)
        options = f"-k {folder} -p {_PORT} -c listen_addresses='' -c fsync=off"
        pg_ctl = [str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "log")]
        try:
            _run(
                run_as, [str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]
            )
            _run(run_as, [*pg_ctl, "-o", options, "-w", "start"])
        except Unavailable:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        url = f"postgresql+psycopg://postgres@/postgres?host={folder}&port={_PORT}"
        return cls(url, folder, run_as)

    def stop(self) -> None:
        """Stop a server this process started; on a server it was pointed at, drop the
        databases it created there."""
        if self.folder is None:
            self._drop_created()
            return
        binaries = _binaries()
        data = self.folder / "data"
        _run(self.run_as, [str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"])
        shutil.rmtree(self.folder, ignore_errors=True)

    def fresh_url(self) -> str:
        """A new, empty database on this server."""
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        name = f"newsprism_test_{os.getpid()}_{next(_counter)}"
        engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        self.created.append(name)
        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def _drop_created(self) -> None:
        from sqlalchemy import create_engine, text

        engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            for name in self.created:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


def _run(user: str | None, command: list[str]) -> None:
    if user is not None:
        command = ["runuser", "-u", user, "--", *command]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise Unavailable(f"{command[0]} failed: {done.stderr.strip() or done.stdout.strip()}")


def server_from_environment() -> Server | None:
    """The server the environment asks for: None when PostgreSQL runs are off or, unless
    required, impossible here; raises Unavailable when required and impossible."""
    choice = os.environ.get(ENV, "").strip()
    if choice == "off":
        return None
    if "://" in choice:
        return Server(choice)
    if choice not in ("", "required"):
        raise Unavailable(f"{ENV}={choice!r}: use a postgresql+psycopg:// URL, 'required' or 'off'")
    try:
        return Server.start()
    except Unavailable:
        if choice == "required":
            raise
        return None
