"""Errors as the reader expects them: JSON for the API, a page for a page."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from newsprism.web.state import state


def wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/openapi"))


def error_page(request: Request, status: int, message: str) -> Response:
    if wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    return state(request).templates.TemplateResponse(
        request, "error.html.j2", {"status": status, "message": message}, status_code=status
    )
