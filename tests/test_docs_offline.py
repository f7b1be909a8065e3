"""/docs works offline: the Swagger UI page loads its script and stylesheet from this server (an
installed package), never from a CDN."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from app.http import create_app
from tests.support.stack import open_settings


def test_docs_assets_are_served_locally(tmp_path: Path) -> None:
    client = TestClient(create_app(open_settings(tmp_path / "data")))  # no lifespan: no model needed
    page = client.get("/docs")
    assert page.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', page.text)
    assert assets and not [a for a in assets if "://" in a or a.startswith("//")], assets
    for asset in assets:
        r = client.get(asset)
        assert r.status_code == 200 and len(r.content) > 10_000, asset
    assert "SwaggerUIBundle" in client.get(next(a for a in assets if a.endswith("bundle.js"))).text
    assert client.get("/openapi.json").json()["info"]["title"] == "Tether"
    redoc = client.get("/redoc").text
    assert "cdn." not in redoc and "fonts.googleapis" not in redoc
