"""The web app under load while an ingest writes to its store.

`newsprism serve` runs over a store holding the example corpus (analysed); 20 client
threads send 2,000 GET requests in all (the list, a search, story pages, API stories and
articles) while `newsprism ingest` writes 100 ECB+ dev texts into the same store. Then
the first view of a story that ingest created and nobody has viewed is timed beside the
first view of an analysed one: no request waits for an analysis.

    .venv/bin/python benchmarks/app_load.py [--clients 20] [--requests 2000]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from datasets import EVAL
from newsprism.store import open_store

ROOT = Path(__file__).resolve().parents[1]
COMMAND = str(Path(sys.executable).parent / "newsprism")
PORT = 8765


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsprism-load-"))
    db = work / "news.db"
    subprocess.run(
        [COMMAND, "ingest", str(ROOT / "examples" / "corpus"), "--db", str(db)], check=True
    )
    texts = work / "texts"
    texts.mkdir()
    for path in sorted((EVAL / "ecbplus-dev" / "texts").glob("*.txt"))[:100]:
        shutil.copy(path, texts / path.name)
    store = open_store(str(db))
    before = set(store.stories.memberships().values())
    story_ids = sorted(before)
    article_ids = sorted(store.stories.memberships())
    server = subprocess.Popen(
        [COMMAND, "serve", "--db", str(db), "--port", str(PORT)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{PORT}"
    for _ in range(200):
        try:
            httpx.get(base + "/", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    paths = ["/", "/?q=dam", "/api/stories"]
    paths += [f"/stories/{s}" for s in story_ids] + [f"/api/stories/{s}" for s in story_ids]
    paths += [f"/articles/{a}" for a in article_ids[:5]]
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    per_client = args.requests // args.clients

    def client(offset: int) -> None:
        with httpx.Client(base_url=base, timeout=60) as http:
            for k in range(per_client):
                path = paths[(offset + k) % len(paths)]
                started = time.perf_counter()
                try:
                    response = http.get(path)
                    ok = response.status_code in (200, 202)
                except httpx.HTTPError as exc:
                    ok, response = False, None
                    with lock:
                        errors.append(f"{path}: {exc!r}")
                with lock:
                    latencies.append(time.perf_counter() - started)
                    if not ok and response is not None:
                        errors.append(f"{path}: {response.status_code}")

    writer = subprocess.Popen(
        [COMMAND, "ingest", str(texts), "--db", str(db), "--no-analyse"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i * 7,)) for i in range(args.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    writer_exit = writer.wait()
    latencies.sort()
    print(
        f"{len(latencies)} requests from {args.clients} clients in {elapsed:.1f} s while an "
        f"ingest wrote (its exit status {writer_exit}): {len(latencies) / elapsed:.0f} requests/s, "
        f"p50 {statistics.median(latencies) * 1000:.0f} ms, "
        f"p99 {latencies[int(len(latencies) * 0.99)] * 1000:.0f} ms, {len(errors)} errors"
    )
    for error in errors[:5]:
        print("  ", error)
    new = sorted(set(store.stories.memberships().values()) - before)
    sizes = {s: sum(1 for v in store.stories.memberships().values() if v == s) for s in new}
    largest = max(new, key=lambda s: sizes[s])
    for label, story_id in (
        ("largest new story (not analysed)", largest),
        ("analysed story", story_ids[0]),
    ):
        started = time.perf_counter()
        response = httpx.get(f"{base}/stories/{story_id}", timeout=60)
        print(
            f"first view of the {label} ({sizes.get(story_id, '-')} articles): "
            f"HTTP {response.status_code} in {(time.perf_counter() - started) * 1000:.0f} ms"
        )
    server.terminate()
    server.wait()
    store.close()
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
