"""Tables of the store (SQLAlchemy Core), portable across SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String(40), primary_key=True, comment="content hash, see Article.make_id"),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("outlet", Text, index=True),
    Column("title", Text),
    Column("published", String(40), index=True),
    Column("language", String(8)),
    Column("kind", String(10), nullable=False),
    Column("text", Text, nullable=False),
    Column("removed", JSON, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("error", Text, nullable=False),
    Column("stage", String(20), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

features = Table(
    "article_features",
    metadata,
    Column("article_id", String(40), primary_key=True),
    Column("timestamp", Float, comment="days since the epoch; null when the date is unknown"),
    Column("embedding", LargeBinary, nullable=False, comment="float32, little-endian"),
    Column("terms", JSON, nullable=False),
    Column("names", JSON, nullable=False),
    Column(
        "excerpt",
        Boolean,
        comment="the text is cut off with an ellipsis (added to older stores when opened)",
    ),
)

unfilled_features = Index(
    "article_features_unfilled",
    features.c.article_id,
    sqlite_where=features.c.excerpt.is_(None),
    postgresql_where=features.c.excerpt.is_(None),
)
"""Feature rows whose ``excerpt`` is still to be filled (rows of an older store, or written
by an older version): found without reading the table whenever a store is opened."""

story_members = Table(
    "story_members",
    metadata,
    Column("article_id", String(40), primary_key=True),
    Column("story_id", String(40), nullable=False, index=True),
)

story_pins = Table(
    "story_pins",
    metadata,
    Column("story_id", String(40), primary_key=True),
    comment="stories a user declared one event (--one-story): clustering keeps them whole",
)
