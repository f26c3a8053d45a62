"""The SQLite store: WAL mode, idempotent by content hash, lossless round trip, clear errors."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import inspect, text

from newsprism.errors import StoreError
from newsprism.models import Models
from newsprism.pipeline import extract
from newsprism.records import Article, InputFailure, Removal
from newsprism.records.features import ArticleFeatures
from newsprism.store import Store, open_store


def make_article(n: int, **overrides: object) -> Article:
    fields: dict[str, object] = {
        "source": f"/corpus/{n}.html",
        "url": f"https://gazette.test/{n}",
        "outlet": "Eastbrook Gazette",
        "title": f"Story number {n}",
        "published": f"2024-03-0{n}",
        "language": "en",
        "text": f"Body of story {n}.\n\nSecond paragraph, with “curly quotes” and ünïcödé.",
        "kind": "html",
        "removed": (Removal("byline", f"By Reporter {n}"), Removal("photo caption", "A bridge.")),
    }
    fields.update(overrides)
    article_id = Article.make_id(fields["outlet"], fields["title"], fields["text"])  # type: ignore[arg-type]
    return Article(id=article_id, **fields)  # type: ignore[arg-type]


def test_wal_mode(tmp_path: Path) -> None:
    """Readers must not block a writer: SQLite runs in WAL mode on every connection."""
    store = open_store(str(tmp_path / "news.db"))
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    store.close()


def test_same_articles_twice_stored_once(store: Store) -> None:
    articles = [make_article(n) for n in (1, 2, 3)]
    first = store.add_articles(articles)
    assert (first.added, first.already_stored) == (3, 0)
    second = store.add_articles(articles)
    assert (second.added, second.already_stored) == (0, 3)
    assert store.count_articles() == 3


def test_mixed_batch_and_duplicates_within_a_batch(store: Store) -> None:
    """Only the new ones are added; an article twice in one batch counts once."""
    store.add_articles([make_article(1)])
    result = store.add_articles([make_article(1), make_article(2), make_article(2)])
    assert (result.added, result.already_stored) == (1, 1)
    assert store.count_articles() == 2
    assert store.add_articles([]).added == 0


def test_round_trip(store: Store) -> None:
    """Every field, ``removed`` included, comes back as it went in."""
    articles = [make_article(2), make_article(1, url=None, language=None, published=None)]
    store.add_articles(articles)
    back = {a.id: a for a in store.articles()}
    assert set(back) == {a.id for a in articles}
    for article in articles:
        assert back[article.id] == article
        assert back[article.id].removed == article.removed


def test_persists_across_reopen(db: str) -> None:
    path = db
    first = open_store(path)
    first.add_articles([make_article(1)])
    first.close()
    second = open_store(path)
    assert second.add_articles([make_article(1)]).already_stored == 1
    assert [a.id for a in second.articles()] == [make_article(1).id]
    second.close()


def test_failures_stored(store: Store) -> None:
    store.add_failures([InputFailure("bad.txt", "empty input"), InputFailure("x", "y", "fetch")])
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT source, error, stage FROM failures ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [("bad.txt", "empty input", "ingest"), ("x", "y", "fetch")]


def test_pipeline_articles_round_trip(store: Store, examples_dir: Path, models: Models) -> None:
    """Real cleaned articles survive the store unchanged, ``removed`` included."""
    extraction = extract([str(examples_dir)], models=models)
    store.add_articles(extraction.articles)
    back = {a.id: a for a in store.articles()}
    assert len(back) == len(extraction.articles) == 7
    for article in extraction.articles:
        assert back[article.id] == article
        assert back[article.id].removed == article.removed
    again = extract([str(examples_dir)], models=models)
    assert store.add_articles(again.articles).added == 0


texts = st.text(max_size=200)
optional = st.none() | st.text(max_size=40)


@given(outlet=optional, title=optional, body=texts, other=texts)
def test_make_id_deterministic_and_text_sensitive(
    outlet: str | None, title: str | None, body: str, other: str
) -> None:
    """The same content always gets the same id; different (stripped) text a different one."""
    article_id = Article.make_id(outlet, title, body)
    assert article_id == Article.make_id(outlet, title, body)
    assert article_id.startswith("a") and len(article_id) == 17
    if body.strip() != other.strip():
        assert Article.make_id(outlet, title, other) != article_id


no_separator = st.text(max_size=40).filter(lambda t: "\x1f" not in t)


@given(title=no_separator.filter(str.strip), body=no_separator)
def test_make_id_fields_do_not_run_together(title: str, body: str) -> None:
    """Moving the title into the body changes the id: the fields are hashed apart."""
    assert Article.make_id(None, title, body) != Article.make_id(None, None, title + body)


@pytest.mark.parametrize(
    "db",
    ["{tmp}/no/such/dir/news.db", "{tmp}", "nosuchdialect://user@host/db"],
    ids=["missing-directory", "a-directory", "unknown-url-scheme"],
)
def test_unopenable_store(tmp_path: Path, db: str) -> None:
    """A store that cannot be opened raises StoreError naming it (the CLI turns it into exit 2)."""
    with pytest.raises(StoreError, match="cannot"):
        open_store(db.format(tmp=tmp_path))


def test_not_a_database(tmp_path: Path) -> None:
    """A file that is not a database is a StoreError, not a raw SQLAlchemy error."""
    path = tmp_path / "not-a.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError):
        open_store(str(path))


def test_a_store_made_before_excerpts_is_upgraded_on_open(db: str) -> None:
    store = open_store(db)
    cut = make_article(1, text="The court ruled on Monday. In the other case, two officers...")
    whole = make_article(2)
    store.add_articles([cut, whole])
    vector = np.zeros(4, dtype=np.float32)
    store.stories.save_features(
        [ArticleFeatures(a.id, None, vector, Counter(), Counter()) for a in (cut, whole)]
    )
    with store.engine.begin() as conn:  # the features table as it was before the column
        conn.execute(text("DROP INDEX article_features_unfilled"))
        conn.execute(text("ALTER TABLE article_features DROP COLUMN excerpt"))
    assert not store.stories.current()
    store.close()

    reopened = open_store(db)
    assert reopened.stories.current()
    flags = {f.article_id: f.excerpt for f in reopened.stories.features()}
    assert flags == {cut.id: True, whole.id: False}
    indexes = {i["name"] for i in inspect(reopened.engine).get_indexes("article_features")}
    assert "article_features_unfilled" in indexes  # found at each open without a scan
    reopened.close()
    again = open_store(db)  # a current store opens as it is
    assert again.stories.current()
    again.close()


def test_an_upgrade_cut_short_is_completed_by_the_next_open(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("newsprism.store.stories.UPGRADE_BATCH", 3)
    store = open_store(db)
    items = [
        make_article(n, text=f"Body {n} cut off..." if n % 2 else f"Body {n}.") for n in range(9)
    ]
    store.add_articles(items)
    vector = np.zeros(4, dtype=np.float32)
    store.stories.save_features(
        [ArticleFeatures(a.id, None, vector, Counter(), Counter()) for a in items]
    )
    with store.engine.begin() as conn:  # the column added, rows left unfilled (or written
        conn.execute(text("UPDATE article_features SET excerpt = NULL"))  # by an older version)
    assert not store.stories.current()
    store.close()

    reopened = open_store(db)
    assert reopened.stories.current()
    flags = {f.article_id: f.excerpt for f in reopened.stories.features()}
    assert flags == {a.id: a.text.endswith("...") for a in items}
    reopened.close()


def test_an_upgrade_blocked_by_a_reader_fails_clearly(
    postgres_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PostgreSQL's ALTER waits for every open reader of the table (SQLite's does not)
    db = postgres_db
    monkeypatch.setattr("newsprism.store.stories.UPGRADE_LOCK_SECONDS", 1)
    store = open_store(db)
    with store.engine.begin() as conn:
        conn.execute(text("DROP INDEX article_features_unfilled"))
        conn.execute(text("ALTER TABLE article_features DROP COLUMN excerpt"))
    with store.engine.connect() as reader, reader.begin():
        reader.execute(text("SELECT count(*) FROM article_features"))  # holds its lock
        with pytest.raises(StoreError, match="lock timeout"):
            open_store(db)
    upgraded = open_store(db)  # the reader gone, the next open upgrades
    assert upgraded.stories.current()
    upgraded.close()
    store.close()
