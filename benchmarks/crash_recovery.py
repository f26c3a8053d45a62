"""A store after `kill -9`, and two writers at once: nothing lost, everything placed.

210 ECB+ dev articles (the first 210 texts by name) are ingested with the real command
line into a fresh SQLite store; the process is killed with SIGKILL after each of five
delays, then `ingest` runs again over the same folder. Each time: its exit status, how
many articles are stored and how many belong to no story. Then two `ingest` processes
write halves of the folder into one store at the same time.

    .venv/bin/python benchmarks/crash_recovery.py [--delays 2,5,10,20,40]
"""

from __future__ import annotations

import argparse
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from datasets import EVAL
from newsprism.store import open_store

COMMAND = str(Path(sys.executable).parent / "newsprism")


def ingest(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [COMMAND, "ingest", str(folder), "--db", str(db), "--no-analyse"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def census(db: Path) -> tuple[int, int, int]:
    store = open_store(str(db))
    try:
        return (
            store.count_articles(),
            len(store.stories.unplaced()),
            len(set(store.stories.memberships().values())),
        )
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--delays", default="2,5,10,20,40", help="seconds before each kill")
    parser.add_argument("--articles", type=int, default=210)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsprism-crash-"))
    texts = sorted((EVAL / "ecbplus-dev" / "texts").glob("*.txt"))[: args.articles]
    folder = work / "articles"
    halves = [work / "first", work / "second"]
    for target in (folder, *halves):
        target.mkdir()
    for index, path in enumerate(texts):
        shutil.copy(path, folder / path.name)
        shutil.copy(path, halves[index % 2] / path.name)
    print(
        "| killed after s | stored at kill | unplaced at kill | rerun exit | rerun s "
        "| stored | unplaced | stories |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    )
    for delay in (float(d) for d in args.delays.split(",")):
        db = work / f"killed-{delay:g}.db"
        run = ingest(folder, db)
        time.sleep(delay)
        run.send_signal(signal.SIGKILL)
        run.wait()
        stored, loose, _ = census(db)
        started = time.perf_counter()
        again = ingest(folder, db)
        _, err = again.communicate()
        seconds = time.perf_counter() - started
        after = census(db)
        row = (delay, stored, loose, again.returncode, round(seconds, 1), *after)
        print("| " + " | ".join(f"{cell:g}" for cell in row) + " |", flush=True)
        if again.returncode != 0:
            print(err.decode(errors="replace")[-2000:], file=sys.stderr)
    db = work / "concurrent.db"
    runs = [ingest(half, db) for half in halves]
    codes = [r.wait() for r in runs]
    stored, loose, stories = census(db)
    print(
        f"\ntwo ingests at once: exit {codes}, {stored} stored, {loose} unplaced, {stories} stories"
    )
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
