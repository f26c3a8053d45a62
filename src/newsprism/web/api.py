"""The JSON API: stories (as the analysis contract's Story objects), articles, ingest."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.types import Message

from newsprism import pipeline
from newsprism.records.contract import article_data, failure_data, story_data
from newsprism.store.browse import MAX_PER_PAGE, StoryQuery
from newsprism.web.pages import RETRY_SECONDS
from newsprism.web.security import ENABLE_HINT, bearer_matches
from newsprism.web.state import state

NAME_SHOWN = 100
"""Characters of an unknown parameter's name and value echoed back."""


def known_parameters(request: Request) -> None:
    """Refuse a query parameter the endpoint does not take, naming it and those it takes
    (FastAPI's own 422 shape): ``?actor=Trump`` would otherwise list every story as if
    unfiltered."""
    dependant = getattr(request.scope.get("route"), "dependant", None)
    known = _query_names(dependant) if dependant is not None else set()
    taken = ", ".join(sorted(known)) or "none"
    problems = [
        {
            "type": "extra_forbidden",
            "loc": ("query", name[:NAME_SHOWN]),
            "msg": f"unknown query parameter {json.dumps(name[:NAME_SHOWN])}; known: {taken}",
            "input": value[:NAME_SHOWN],
        }
        for name, value in request.query_params.multi_items()
        if name not in known
    ]
    if problems:
        raise RequestValidationError(problems)


def _query_names(dependant: Dependant) -> set[str]:
    """The query parameters an endpoint and its dependencies take."""
    names = {p.alias for p in dependant.query_params}
    return names.union(*(_query_names(d) for d in dependant.dependencies))


router = APIRouter(prefix="/api", tags=["api"], dependencies=[Depends(known_parameters)])

MAX_BODY_BYTES = 64 * 1024 * 1024
MAX_ARTICLES = 1000
"""Articles (JSON items or uploaded files) one request may bring: placing a thousand takes
a worker about a minute on two cores; more go in several requests."""
MAX_FORM_FIELDS = 16
Text = Annotated[str | None, Query(max_length=200)]


class StoryItem(BaseModel):
    id: str
    title: str
    article_ids: list[str]
    outlets: list[str]
    first_published: str | None
    last_published: str | None


class StoryList(BaseModel):
    page: int
    per_page: int
    total: int
    pages: int
    stories: list[StoryItem]


@router.get("/stories", response_model=StoryList)
def list_stories(
    request: Request,
    q: Annotated[Text, Query(description="words that must all occur in the story")] = None,
    entity: Annotated[Text, Query(description="part of an actor's name")] = None,
    outlet: Annotated[Text, Query(description="stories with an article of this outlet")] = None,
    since: Annotated[Text, Query(description="YYYY-MM-DD, an article on or after")] = None,
    until: Annotated[Text, Query(description="YYYY-MM-DD, an article on or before")] = None,
    page: int = 1,
    per_page: Annotated[int, Query(le=MAX_PER_PAGE)] = 20,
) -> StoryList:
    """Stored stories, the most recently published first, with the list page's filters."""
    query = StoryQuery(q or None, entity or None, outlet or None, since or None, until or None,
                       page, per_page)  # fmt: skip
    found = state(request).store.browse.find(query)
    return StoryList(
        page=page,
        per_page=per_page,
        total=found.total,
        pages=found.pages,
        stories=[
            StoryItem(
                id=s.id,
                title=s.title,
                article_ids=[a.id for a in s.articles],
                outlets=list(s.outlets),
                first_published=s.first,
                last_published=s.last,
            )
            for s in found.stories
        ],
    )


@router.get(
    "/stories/{story_id}",
    responses={
        202: {"description": "being analysed: ask again after Retry-After seconds"},
        404: {"description": "no story with this id"},
        500: {"description": "its analysis failed (asked again on the next call)"},
    },
)
def get_story(request: Request, story_id: str) -> Any:
    """The analysed story: a Story object of the analysis contract (newsprism.analysis/1)."""
    app = state(request)
    try:
        found = app.analyser.story(story_id)
    except RuntimeError as exc:
        return JSONResponse({"detail": str(exc)}, status_code=500)
    if found is None:
        return JSONResponse(
            {"detail": "being analysed", "story_id": story_id},
            status_code=202,
            headers={"retry-after": str(RETRY_SECONDS)},
        )
    return story_data(found[0])


@router.get("/articles/{article_id}", responses={404: {"description": "no article with this id"}})
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    """A stored article (the contract's Article, with what cleaning removed) and its story."""
    article, story = pipeline.stored_article(state(request).store, article_id)
    return {**article_data(article), "story_id": story.id if story else None}


_INGEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["articles"],
                    "properties": {
                        "articles": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["text"],
                                "properties": {
                                    k: {"type": "string"}
                                    for k in ("text", "title", "url", "outlet", "published")
                                },
                            },
                        },
                        "one_story": {
                            "type": "boolean",
                            "description": "the articles tell one event: store them as one story",
                        },
                    },
                }
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                        "one_story": {"type": "boolean"},
                    },
                }
            },
        },
    }
}


@router.post(
    "/ingest",
    openapi_extra=_INGEST_BODY,
    responses={
        400: {"description": "a body that is not the expected JSON or form, or nothing read"},
        401: {"description": "missing or wrong bearer token"},
        403: {"description": "no token configured: the app is read-only"},
    },
)
async def ingest(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> JSONResponse:
    """Store articles and place them into stories. Needs the operator's bearer token;
    answers 403 when none is configured. Bad items are listed in ``errors``, by name."""
    app = state(request)
    if app.token is None:
        return JSONResponse({"detail": ENABLE_HINT}, status_code=403)
    if not bearer_matches(authorization, app.token):
        return JSONResponse(
            {"detail": "missing or wrong bearer token"},
            status_code=401,
            headers={"www-authenticate": "Bearer"},
        )
    if int(request.headers.get("content-length") or 0) > MAX_BODY_BYTES:
        return JSONResponse({"detail": f"body over {MAX_BODY_BYTES} bytes"}, status_code=413)
    data = await _read_limited(request)  # chunked bodies have no length to check first
    if data is None:
        return JSONResponse({"detail": f"body over {MAX_BODY_BYTES} bytes"}, status_code=413)
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        try:
            form = await _replayed(request, data).form(
                max_files=MAX_ARTICLES, max_fields=MAX_FORM_FIELDS
            )
        except (HTTPException, MultiPartException) as exc:
            detail = exc.detail if isinstance(exc, HTTPException) else exc.message
            return JSONResponse({"detail": str(detail)}, status_code=413)
        uploads = [f for f in form.getlist("files") if not isinstance(f, str)]
        if not uploads:
            return JSONResponse({"detail": "no file in the form field 'files'"}, status_code=400)
        files = [(f.filename or "upload", await f.read()) for f in uploads]
        flag = form.get("one_story", "false")
        if not isinstance(flag, str) or flag.lower() not in ("1", "true", "on", "0", "false", ""):
            return JSONResponse({"detail": "'one_story' must be true or false"}, status_code=400)
        together = flag.lower() in ("1", "true", "on")
        report = await run_in_threadpool(
            pipeline.ingest_uploads, files, app.store, app.models, together
        )
    else:
        try:
            body = json.loads(data)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            return JSONResponse({"detail": f"body is not JSON: {exc}"}, status_code=400)
        except RecursionError:
            return JSONResponse({"detail": "body is JSON nested too deeply"}, status_code=400)
        if not isinstance(body, dict) or not isinstance(body.get("articles"), list):
            return JSONResponse(
                {"detail": "expected a JSON object with a list under 'articles'"}, status_code=400
            )
        if len(body["articles"]) > MAX_ARTICLES:
            return JSONResponse(
                {"detail": f"more than {MAX_ARTICLES} articles in one request: send them in parts"},
                status_code=413,
            )
        if not isinstance(body.get("one_story", False), bool):
            return JSONResponse({"detail": "'one_story' must be true or false"}, status_code=400)
        report = await run_in_threadpool(
            pipeline.ingest_records,
            body["articles"],
            app.store,
            app.models,
            "articles",
            body.get("one_story", False),
        )
    app.analyser.ask(set(report.placed.values()))
    return JSONResponse(
        {
            "stored": report.stored.added,
            "already_stored": report.stored.already_stored,
            "articles": [{"id": a, "story_id": s} for a, s in report.placed.items()],
            "errors": [failure_data(f) for f in report.failures],
        },
        status_code=200 if report.placed or not report.failures else 400,
    )


def _replayed(request: Request, data: bytes) -> Request:
    """The request again, its body the bytes already read (within the limit)."""

    async def receive() -> Message:
        return {"type": "http.request", "body": data, "more_body": False}

    return Request(request.scope, receive)


async def _read_limited(request: Request) -> bytes | None:
    """The body, or None past the limit (a chunked body has no length to check first)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return None
        chunks.append(chunk)
    return b"".join(chunks)
