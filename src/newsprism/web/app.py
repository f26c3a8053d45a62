"""The web app: server-rendered pages and a JSON API over a store.

Handlers parse parameters, call one library function (the store's ``browse`` or
``newsprism.pipeline``) and render; the story page renders the report's own story
section, so a story reads the same in the report and in the app.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsprism import __version__
from newsprism.analyze.entities.aliases import AliasTable
from newsprism.errors import NotFoundError, UsageError
from newsprism.models import Models
from newsprism.render.html import stylesheet
from newsprism.store import Store
from newsprism.web import api, pages
from newsprism.web.analyser import Analyser
from newsprism.web.errors import error_page, wants_json
from newsprism.web.security import SecurityHeaders
from newsprism.web.state import AppState, environment


def create_app(
    store: Store,
    models: Models | None = None,
    aliases: AliasTable | None = None,
    token: str | None = None,
) -> FastAPI:
    """The app over ``store``; ``token`` enables ``POST /api/ingest``."""
    app = FastAPI(
        title="newsprism",
        version=__version__,
        description="Stories told by many outlets: what they agree on, dispute and cite.",
        docs_url=None,  # Swagger UI loads from a CDN and needs scripts: see /docs instead
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.newsprism = AppState(
        store,
        models,
        aliases,
        token,
        Jinja2Templates(env=environment()),
        Analyser(store, models, aliases),
    )
    app.add_middleware(SecurityHeaders)
    app.include_router(pages.router)
    app.include_router(api.router)
    app.add_api_route("/static/report.css", _report_css, include_in_schema=False)
    app.add_api_route("/static/app.css", _app_css, include_in_schema=False)
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(UsageError, _bad_request)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    return app


def serve(store: Store, host: str, port: int, token: str | None) -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(store, token=token), host=host, port=port, log_level="info")


def _css(text: str) -> Response:
    return Response(text, media_type="text/css", headers={"cache-control": "max-age=300"})


def _report_css() -> Response:
    return _css(stylesheet())


def _app_css() -> Response:
    return _css(files("newsprism").joinpath("web/static/app.css").read_text("utf-8"))


async def _not_found(request: Request, exc: Exception) -> Response:
    return error_page(request, 404, str(exc))


async def _bad_request(request: Request, exc: Exception) -> Response:
    return error_page(request, 400, str(exc))


async def _invalid(request: Request, exc: Any) -> Response:
    """A query the app cannot take: JSON for the API, an error page for a page."""
    if wants_json(request):
        return await request_validation_exception_handler(request, exc)
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg', '')}"
        for e in exc.errors()
    )
    return error_page(request, 422, f"cannot take this query: {problems}")


async def _http_error(request: Request, exc: Any) -> Response:
    if wants_json(request) or exc.status_code not in (404, 405):
        return await http_exception_handler(request, exc)
    message = "no page here" if exc.status_code == 404 else "method not allowed"
    return error_page(request, exc.status_code, f"{message}: {request.url.path}")
