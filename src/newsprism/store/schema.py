"""Tables of the store (SQLAlchemy Core), portable across SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, Integer, MetaData, String, Table, Text

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
