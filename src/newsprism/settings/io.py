"""Settings of reading and storing: fetch limits, ingest limits, the default store."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsprism import __version__

MIB = 1024 * 1024

DEFAULT_DB = "newsprism.db"
"""The store ``--db`` names when not told: a SQLite file in the working directory."""


@dataclass(frozen=True)
class FetchSettings:
    """How URLs are fetched. Private networks are refused unless asked for."""

    timeout: float = 20.0
    """Seconds for connect, read and write, each."""
    deadline: float = 120.0
    """Seconds for one whole fetch, redirects and the body included: a server that sends a
    byte at a time, each within ``timeout``, is cut off here."""
    max_bytes: int = 16 * MIB
    """Larger responses are refused: an article page is far smaller."""
    max_redirects: int = 5
    allow_private: bool = False
    """Allow loopback, private and link-local addresses (intranet or local test servers)."""
    user_agent: str = f"newsprism/{__version__} (news comparison; offline analysis)"

    def __post_init__(self) -> None:
        if self.timeout <= 0:
            raise ValueError(f"timeout must be > 0 seconds, got {self.timeout}")
        if self.deadline < self.timeout:
            raise ValueError(
                f"deadline ({self.deadline:g} s) must be at least the timeout ({self.timeout:g} s)"
            )
        if self.max_bytes < 1024:
            raise ValueError(f"max_bytes must be >= 1024, got {self.max_bytes}")
        if not 0 <= self.max_redirects <= 20:
            raise ValueError(f"max_redirects must be within 0..20, got {self.max_redirects}")


@dataclass(frozen=True)
class IngestSettings:
    """What the readers accept."""

    fetch: FetchSettings = field(default_factory=FetchSettings)
    max_file_bytes: int = 64 * MIB
    """Plain text, HTML, feeds and JSONL larger than this are refused (WARC is streamed)."""
    max_record_bytes: int = 16 * MIB
    """A WARC record or JSONL line larger than this is skipped with an error."""
    follow_feed_links: bool = True
    """Read a feed item's linked page when the item itself carries little text."""
    feed_min_words: int = 80
    """A feed item with fewer words than this is read from its linked page when possible."""

    def __post_init__(self) -> None:
        if self.max_file_bytes < 1024:
            raise ValueError(f"max_file_bytes must be >= 1024, got {self.max_file_bytes}")
        if self.feed_min_words < 0:
            raise ValueError(f"feed_min_words must be >= 0, got {self.feed_min_words}")
