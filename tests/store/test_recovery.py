"""A store survives a writer that stops at any moment, and two writers at once.

Articles are committed before their features and stories; a run that stops between the
two (killed, or failing) leaves articles without a story, which the next writer places.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

import newsprism.store as store_module
from newsprism import pipeline
from newsprism.errors import StoreError
from newsprism.models import Models
from newsprism.store import Store, open_store


def _all_placed(store: Store) -> None:
    ids = {a.id for a in store.articles()}
    assert ids
    assert set(store.stories.memberships()) == ids
    assert {f.article_id for f in store.stories.features()} == ids
    assert store.stories.unplaced() == []


def test_articles_stored_but_never_placed_are_placed_next_time(
    store: Store, seeds_dir: Path, examples_dir: Path, models: Models
) -> None:
    """A writer killed after committing the articles (simulated: the articles written by the
    store alone) leaves them storyless; the next ingest, of other articles, places them
    too, and every stored story can be read."""
    stranded = pipeline.extract([str(seeds_dir)], models=models).articles
    store.add_articles(stranded)
    assert len(store.stories.unplaced()) == len(stranded)
    report = pipeline.ingest([str(examples_dir)], store, models=models)
    assert report.stored.added > 0
    _all_placed(store)
    for story_id in set(store.stories.memberships().values()):
        story, members = pipeline.stored_story(store, story_id, models)
        assert members and story.id == story_id


def test_a_failing_placement_leaves_a_store_the_next_run_completes(
    store: Store, seeds_dir: Path, models: Models, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("the process died here")

    with monkeypatch.context() as patch:
        patch.setattr(pipeline.placing, "featurize_articles", broken)
        with pytest.raises(RuntimeError):
            pipeline.ingest([str(seeds_dir)], store, models=models)
    assert store.stories.unplaced()  # stored, not placed
    again = pipeline.ingest([str(seeds_dir)], store, models=models)
    assert again.stored.added == 0  # already stored: only placed now
    assert set(again.placed) == {a.id for a in store.articles()}
    _all_placed(store)


def test_the_write_lock_is_the_stores_across_processes(db: str) -> None:
    """While one process holds a store's write lock, another waits, then gives up with a
    message naming the store."""
    held = open_store(db)
    probe = (
        "import sys\n"
        "from newsprism.store import open_store\n"
        "from newsprism.errors import StoreError\n"
        f"store = open_store({db!r})\n"
        "try:\n"
        "    with store.writing(wait=0.5):\n"
        "        sys.exit(0)\n"
        "except StoreError as exc:\n"
        "    print(exc)\n"
        "    sys.exit(3)\n"
    )
    with held.writing():
        blocked = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert blocked.returncode == 3, blocked.stderr
    assert "another process" in blocked.stdout and _database_name(held) in blocked.stdout
    free = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert free.returncode == 0, free.stdout + free.stderr
    held.close()


@pytest.mark.models  # runs the models without the fixture
def test_two_ingests_at_once_both_place_everything(
    db: str, seeds_dir: Path, examples_dir: Path
) -> None:
    """Two `newsprism ingest` processes into one store at the same time: both succeed and
    every article of both is placed."""
    runs = [
        subprocess.Popen(
            [str(Path(sys.executable).parent / "newsprism"), "ingest", str(folder), "--db", db],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in (seeds_dir, examples_dir)
    ]
    for run in runs:
        _, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
    store = open_store(db)
    try:
        _all_placed(store)
        assert store.count_articles() >= 12
    finally:
        store.close()


def _database_name(store: Store) -> str:
    """The store's name as its messages give it: a SQLite file's name, a database's name."""
    return Path(str(store.engine.url.database)).name


def test_a_store_another_process_holds_locked_is_opened_on_a_later_try(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store answers "database is locked" while another process switches it to WAL or
    writes to it: opening tries again; any other error is reported at once."""
    store = open_store(db)
    store.close()
    monkeypatch.setattr(store_module, "_LOCKED_PAUSE", 0.0)
    real = Store._create
    calls: list[int] = []

    def locked_twice(self: Store) -> None:
        calls.append(1)
        if len(calls) <= 2:
            raise OperationalError("PRAGMA", {}, Exception("database is locked"))
        real(self)

    monkeypatch.setattr(Store, "_create", locked_twice)
    open_store(db).close()
    assert len(calls) == 3

    def broken(self: Store) -> None:
        raise OperationalError("PRAGMA", {}, Exception("disk I/O error"))

    monkeypatch.setattr(Store, "_create", broken)
    with pytest.raises(StoreError, match="disk I/O error"):
        open_store(db)
