"""Debian's chromium driven by Playwright, and the app served by uvicorn in a thread.

No browser is downloaded: the tests use /usr/bin/chromium (``make install`` installs
it) and skip, saying so, where it is absent.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, sync_playwright

from newsprism.models import Models
from newsprism.store import Store
from newsprism.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
START_SECONDS = 20.0


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":  # CI installs it: a skip there would hide a gap
            pytest.fail(f"{CHROMIUM} is absent in CI: make install should have installed chromium")
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (make install does)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


class Watched:
    """A page with what it said: dialogs opened, console messages logged."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.console: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", self._console)

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message: ConsoleMessage) -> None:
        self.console.append(message.text)


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    context.set_default_timeout(60_000)  # a story's first view runs its analysis
    yield Watched(context.new_page())
    context.close()


@contextmanager
def serving(store: Store, models: Models) -> Iterator[str]:
    """The app on 127.0.0.1 and a free port; yields its base URL, stops it afterwards."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(store, models=models), log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError(f"the app did not start on port {port} in {START_SECONDS}s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=START_SECONDS)
        sock.close()


@pytest.fixture(scope="module")
def app_url(sqlite_corpus_store: Store, models: Models) -> Iterator[str]:
    with serving(sqlite_corpus_store, models) as url:
        yield url


Shoot = Callable[[Page, str], Path]


@pytest.fixture
def shoot(tmp_path: Path) -> Shoot:
    """Screenshots under tmp_path, and also under $NEWSPRISM_SCREENSHOTS when set."""
    extra = os.environ.get("NEWSPRISM_SCREENSHOTS")

    def take(page: Page, name: str) -> Path:
        path = tmp_path / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 1000
        if extra:
            Path(extra).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, Path(extra) / path.name)
        return path

    return take
