"""The console's routes: its page and assets, who the caller's key is, and the eval reports."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel

from app.console.reports import ReportList, list_runs, report_html
from app.errors import NotFound
from app.http.errors import ERRORS
from app.http.security import QueryKey, ReviewerKey, ServicesDep

STATIC = Path(__file__).resolve().parents[1] / "console" / "static"
# The page runs only its own script and talks only to this origin: an injected string cannot load code.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "frame-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)

router = APIRouter()


class Me(BaseModel):
    name: str
    roles: list[str]
    collections: list[str]


@router.get("/v1/me", response_model=Me, tags=["console"], responses=ERRORS)
def me(principal: QueryKey) -> Me:
    """The caller's key: its name, roles and collections (what the console may show it)."""
    return Me(name=principal.name, roles=sorted(principal.roles), collections=sorted(principal.collections))


@router.get("/v1/reports", response_model=ReportList, tags=["console"], responses=ERRORS)
def reports(svc: ServicesDep, _: ReviewerKey) -> ReportList:
    """Eval runs in the reports folder (TETHER_CONSOLE__REPORTS_DIR), newest first."""
    root = svc.settings.console.reports_dir
    return ReportList(folder=str(root), runs=list_runs(root))


@router.get("/v1/reports/{name:path}/report.html", tags=["console"], response_class=FileResponse, responses=ERRORS)
def report(name: str, svc: ServicesDep, _: ReviewerKey) -> FileResponse:
    """One run's HTML report."""
    path = report_html(svc.settings.console.reports_dir, name)
    if path is None:
        raise NotFound(f"no eval report {name!r} in the reports folder")
    return FileResponse(path, media_type="text/html", headers={"Content-Security-Policy": "sandbox"})


def _page() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type="text/html",
                        headers={"Content-Security-Policy": CSP, "Cache-Control": "no-cache"})  # fmt: skip


def mount_console(app: FastAPI) -> None:
    """/console (the page) and /console/static (its assets), outside the OpenAPI document."""
    app.add_api_route("/console", _page, methods=["GET"], include_in_schema=False)
    app.add_api_route("/console/", _page, methods=["GET"], include_in_schema=False)
    app.add_api_route("/", lambda: RedirectResponse("/console"), methods=["GET"], include_in_schema=False)
    app.mount("/console/static", StaticFiles(directory=STATIC), name="console-static")
