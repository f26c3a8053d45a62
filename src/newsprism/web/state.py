"""What every handler reads: the store, the models, the token and the templates."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape

from newsprism import __version__
from newsprism.analyze.entities.aliases import AliasTable
from newsprism.models import Models
from newsprism.render.views import shown_published
from newsprism.store import Store
from newsprism.web.analyser import Analyser
from newsprism.web.security import http_url


@dataclass(frozen=True)
class AppState:
    """Set once when the app is made."""

    store: Store
    models: Models | None
    """None: the process's shared models, loaded on the first analysis."""
    aliases: AliasTable | None
    token: str | None
    """The ingest token; None keeps the app read-only."""
    templates: Jinja2Templates
    analyser: Analyser
    """Analyses stories in the background: no request waits for one."""


def state(request: Request) -> AppState:
    found: AppState = request.app.state.newsprism
    return found


@cache
def environment() -> Environment:
    """The app's templates, then the report's (for ``_story.html.j2``); autoescape on,
    because nearly every string shown comes from an article."""
    env = Environment(
        loader=ChoiceLoader(
            [
                PackageLoader("newsprism", "web/templates"),
                PackageLoader("newsprism", "render/templates"),
            ]
        ),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["http_url"] = http_url
    env.filters["published"] = shown_published
    env.globals["version"] = __version__
    return env
