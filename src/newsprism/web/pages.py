"""The HTML pages: the story list, a story, an article, and the API's documentation."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from newsprism import pipeline
from newsprism.render.html import story_view
from newsprism.store.browse import MAX_PER_PAGE, StoryQuery
from newsprism.web.errors import error_page
from newsprism.web.state import state

router = APIRouter(include_in_schema=False)

Text = Annotated[str | None, Query(max_length=200)]
RETRY_SECONDS = 5
"""How soon a page or client looks again at a story being analysed."""


@router.api_route("/", methods=["GET", "HEAD"])
def story_list(
    request: Request,
    q: Text = None,
    entity: Text = None,
    outlet: Text = None,
    since: Text = None,
    until: Text = None,
    page: int = 1,
    per_page: Annotated[int, Query(le=MAX_PER_PAGE)] = 20,
) -> Response:
    """Stories, newest first, searched and filtered by the form's fields."""
    app = state(request)
    filters = {"q": q, "entity": entity, "outlet": outlet, "since": since, "until": until}
    given = {k: v.strip() for k, v in filters.items() if v and v.strip()}
    query = StoryQuery(
        given.get("q"), given.get("entity"), given.get("outlet"),
        given.get("since"), given.get("until"), page, per_page,
    )  # fmt: skip
    if per_page != 20:
        given["per_page"] = str(per_page)
    found = app.store.browse.find(query)
    pages = {
        "previous": _page_link(given, page - 1) if page > 1 else None,
        "next": _page_link(given, page + 1) if page < found.pages else None,
    }
    context = {"found": found, "filters": given, "pages": pages}
    context["outlets"] = app.store.browse.outlets()
    return app.templates.TemplateResponse(request, "stories.html.j2", context)


@router.api_route("/stories/{story_id}", methods=["GET", "HEAD"])
def story_page(request: Request, story_id: str) -> Response:
    """One story, analysed; while its analysis runs, a page that says so and looks again."""
    app = state(request)
    try:
        found = app.analyser.story(story_id)
    except RuntimeError as exc:
        return error_page(request, 500, str(exc))
    if found is None:
        return app.templates.TemplateResponse(
            request, "analysing.html.j2", {"story_id": story_id, "retry": RETRY_SECONDS},
            status_code=202, headers={"retry-after": str(RETRY_SECONDS)},
        )  # fmt: skip
    story, articles = found
    return app.templates.TemplateResponse(
        request, "story.html.j2", {"entry": story_view(story, articles)}
    )


@router.api_route("/articles/{article_id}", methods=["GET", "HEAD"])
def article_page(request: Request, article_id: str) -> Response:
    """One article: its text, metadata, story, and what cleaning removed."""
    app = state(request)
    article, story = pipeline.stored_article(app.store, article_id)
    paragraphs = [p.strip() for p in article.text.split("\n\n") if p.strip()]
    return app.templates.TemplateResponse(
        request, "article.html.j2", {"article": article, "story": story, "paragraphs": paragraphs}
    )


@router.api_route("/docs", methods=["GET", "HEAD"])
def api_docs(request: Request) -> Response:
    """The OpenAPI description as a page: no scripts, nothing from elsewhere."""
    return state(request).templates.TemplateResponse(
        request, "docs.html.j2", {"spec": request.app.openapi()}
    )


def _page_link(filters: dict[str, str], page: int) -> str:
    return "/?" + urlencode({**filters, "page": str(page)})
