"""The console as served: the page and its assets (offline: nothing from another origin), its security
headers, who-am-I, and the eval reports listing (only listed runs are served)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.console.reports import list_runs, report_html
from app.security.keys import create_key
from app.settings import Settings
from ingestion.embedder import SentenceTransformerEmbedder
from tests.conftest import CORPUS
from tests.support.stack import ingest, serve

STATIC = Path(__file__).resolve().parents[1] / "app" / "console" / "static"


def _write_run(root: Path, name: str, passed: bool, started: str) -> None:
    (root / name).mkdir(parents=True)
    doc = {"config": {"suite": "default", "started_at": started}, "gate": {"passed": passed},
           "aggregate": {"questions": 3}}  # fmt: skip
    (root / name / "results.json").write_text(json.dumps(doc))
    (root / name / "report.html").write_text("<!doctype html><title>r</title><p>report " + name)


@pytest.fixture(scope="module")
def site(
    tmp_path_factory: pytest.TempPathFactory, embedder: SentenceTransformerEmbedder
) -> Iterator[tuple[str, dict[str, str]]]:
    root = tmp_path_factory.mktemp("console")
    _write_run(root / "reports", "eval", True, "2026-12-01T10:00:00+00:00")
    _write_run(root / "reports", "nightly/2026-12-02", False, "2026-12-02T10:00:00+00:00")
    s = Settings().override({"store.data_dir": root / "data", "auth": {"mode": "keys", "key_cache_s": 0},
                             "console.reports_dir": root / "reports"})  # fmt: skip
    ingest(s, embedder, [CORPUS / "plans" / "business.md"], "default")
    with serve(s) as (url, svc):
        keys = {"query": create_key(svc.store, "bot", ["query"], ["default"])[1],
                "reviewer": create_key(svc.store, "ana", ["reviewer"], ["default"])[1]}  # fmt: skip
        yield url, keys


def test_the_page_and_its_assets_are_served_with_a_strict_policy(site: tuple[str, dict[str, str]]) -> None:
    url, _ = site
    page = httpx.get(url + "/console")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assets = re.findall(r'(?:src|href)="(/console/static/[^"]+)"', page.text)
    assert len(assets) == 6  # the icon, the stylesheet and four scripts
    for path in assets:
        r = httpx.get(url + path)
        assert r.status_code == 200 and len(r.text) > 100, path
    assert httpx.get(url + "/", follow_redirects=False).headers["location"] == "/console"
    assert "/console" not in httpx.get(url + "/openapi.json").json()["paths"]


@pytest.mark.parametrize("path", sorted(p.name for p in STATIC.iterdir()))
def test_no_asset_loads_anything_from_another_origin(path: str) -> None:
    text = (STATIC / path).read_text(encoding="utf-8")
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text), f"{path} names another origin"
    if path.endswith(".js"):
        assert ".innerHTML" not in text and "eval(" not in text, f"{path}: server text must go in as text"


def test_me_names_the_key_and_its_scope(site: tuple[str, dict[str, str]]) -> None:
    url, keys = site
    me = httpx.get(url + "/v1/me", headers={"Authorization": f"Bearer {keys['reviewer']}"}).json()
    assert me == {"name": "ana", "roles": ["reviewer"], "collections": ["default"]}
    assert httpx.get(url + "/v1/me").status_code == 401


def test_reports_are_listed_newest_first_and_only_listed_ones_served(site: tuple[str, dict[str, str]]) -> None:
    url, keys = site
    auth = {"Authorization": f"Bearer {keys['reviewer']}"}
    runs = httpx.get(url + "/v1/reports", headers=auth).json()["runs"]
    assert [(r["name"], r["passed"], r["questions"]) for r in runs] == [
        ("nightly/2026-12-02", False, 3),
        ("eval", True, 3),
    ]
    r = httpx.get(url + "/v1/reports/nightly/2026-12-02/report.html", headers=auth)
    assert r.status_code == 200 and "report nightly" in r.text and r.headers["content-security-policy"] == "sandbox"
    assert httpx.get(url + "/v1/reports/../data/report.html", headers=auth).status_code == 404
    assert (
        httpx.get(
            url + "/v1/reports/eval/report.html", headers={"Authorization": f"Bearer {keys['query']}"}
        ).status_code
        == 403
    )


def test_report_listing_rules(tmp_path: Path) -> None:
    assert list_runs(tmp_path / "absent") == []
    _write_run(tmp_path, "a", True, "2026-01-01")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "results.json").write_text("{not json")
    runs = {r.name: r for r in list_runs(tmp_path)}
    assert runs["broken"].passed is None and runs["broken"].has_html is False and runs["a"].has_html is True
    assert report_html(tmp_path, "a") == tmp_path / "a" / "report.html"
    assert report_html(tmp_path, "broken") is None and report_html(tmp_path, "../a") is None
