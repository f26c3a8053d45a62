"""The package version, kept at the bottom of the layers: the records' contract names it as
the generator of a document, and the store keys its analysis cache by it."""

from __future__ import annotations

__version__ = "0.1.0"
