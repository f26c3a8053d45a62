"""``newsprism serve``: the stored stories as web pages and a JSON API."""

from __future__ import annotations

from newsprism.web.app import create_app, serve

__all__ = ["create_app", "serve"]
