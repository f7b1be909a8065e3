"""The console as a person uses it, in real Chromium (Debian's package, driven by Playwright) against a
real `tether serve` over a small corpus: sign in, ask, coloured claims, evidence, a citation followed to
the highlighted span, thumbs down, a reviewer's marks, the queue, the stats, uploads, the export, and
axe-core finding no serious or critical accessibility violation, at desktop and phone width."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from app.security.keys import create_key
from app.settings import Settings
from cli.main import app as cli
from ingestion.embedder import SentenceTransformerEmbedder
from ingestion.store import open_store
from tests.conftest import CORPUS, REPO
from tests.support.openai_server import Recorded, serve_openai
from tests.support.stack import ingest

CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "tests" / "vendor" / "axe-core" / "axe.min.js"
SCREENSHOT = REPO / "docs" / "console.png"
QUESTION = "How long is the Business free trial, and for how many users?"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium chromium-driver)",
    ),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package (the dev extra)")


# The served model, scripted on a real OpenAI-protocol server: one true sentence and one it made up, so
# the page shows both verdicts. Each sentence cites the passage that holds (or should hold) its fact.
SCRIPT = {
    "free trial": (
        "New teams can try the Business plan free for {14 days} with up to 10 users [{n}]. "
        "The trial also includes a dedicated account manager and phone support [{n}]."
    ),
    "reset link": "The password reset link is valid for {60 minutes} and can be used only once [{n}].",
}


def scripted_model(request: Recorded) -> str:
    prompt = "\n".join(str(m.get("content", "")) for m in request.messages)
    passages = re.findall(r'<passage n="(\d+)"[^>]*>(.*?)</passage>', prompt, re.S)
    for key, text in SCRIPT.items():
        if key in prompt:
            fact = re.search(r"\{(.*?)\}", text).group(1)  # type: ignore[union-attr]
            n = next((i for i, body in passages if fact in body), "1")
            return text.replace("{" + fact + "}", fact).format(n=n)
    return "I could not find this in the knowledge base."


@dataclass
class Site:
    url: str
    data: Path
    kb: Path
    admin: str
    query: str


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, embedder: SentenceTransformerEmbedder) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("browser")
    kb = root / "kb"
    for rel in ("plans/business.md", "account/reset-password.md", "legal/service-level-agreement.pdf"):
        (kb / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / rel, kb / rel)
    env = {"TETHER_AUTH__MODE": "keys", "TETHER_JSON_LOGS": "false", "TETHER_AUTH__KEY_CACHE_S": "0",
           "TETHER_CONSOLE__REPORTS_DIR": str(root / "reports"), "TETHER_LLM__BACKEND": "openai"}  # fmt: skip
    settings = Settings().override({"store.data_dir": root / "data", "auth.mode": "keys"})
    ingest(settings, embedder, [kb], "default")
    store = open_store(settings.store.resolved_database_url())
    try:
        admin = create_key(store, "root", ["admin"], ["*"])[1]
        query = create_key(store, "bot", ["query"], ["default"])[1]
    finally:
        store.dispose()
    port = _free_port()
    tether = Path(sys.executable).with_name("tether")
    with serve_openai(scripted_model) as llm:
        server = subprocess.Popen(
            [str(tether), "--data-dir", str(root / "data"), "serve", "--port", str(port)],
            env=os.environ | env | {"TETHER_LLM__BASE_URL": llm.base_url},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        yield from _running(server, f"http://127.0.0.1:{port}", Site(f"http://127.0.0.1:{port}", root / "data", kb,
                                                                     admin, query))  # fmt: skip


def _running(server: subprocess.Popen[bytes], url: str, site: Site) -> Iterator[Site]:
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                if httpx.get(url + "/readyz", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None, "tether serve exited"
            assert time.monotonic() < deadline, "tether serve did not become ready"
            time.sleep(0.5)
        yield site
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    errors: list[str] = []
    # Script errors and CSP violations; a refused request is Chrome's log line, and its outcome is asserted.
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" and "Failed to load" not in m.text else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.errors = errors
    yield pg
    context.close()


def sign_in(page: Any, site: Site, key: str) -> None:
    page.goto(site.url + "/console")
    page.fill("#api-key", key)
    page.press("#api-key", "Enter")
    page.wait_for_selector("#app:not([hidden])")


def axe(page: Any, where: str) -> None:
    """No serious or critical violation (axe-core's own impact levels) on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluated by the driver: the page's CSP still holds
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == [], f"{where}: {bad}"


def ask(page: Any, question: str) -> None:
    page.fill("#question", question)
    page.click("#ask-button")
    page.wait_for_selector("#answer .status .pill")


def test_ask_evidence_citation_feedback_review_queue_stats_export(page: Any, site: Site) -> None:
    sign_in(page, site, site.admin)
    assert "Signed in as root" in page.text_content("#who")
    axe(page, "signed in")
    ask(page, QUESTION)
    claims = page.locator("#answer .claim")
    assert claims.count() >= 1
    labels = [c.get_attribute("class") for c in claims.all()]
    assert all(("supported" in x or "unsupported" in x or "error" in x) for x in labels), labels
    colours = page.eval_on_selector_all(
        "#answer .claim", "els => els.map(e => [e.className, getComputedStyle(e).backgroundColor])"
    )
    # The true sentence is green, the made-up one red, each with its score.
    assert [(cls, bg) for cls, bg in colours] == [("claim supported", "rgb(220, 252, 231)"),
                                                  ("claim unsupported", "rgb(254, 226, 226)")], colours  # fmt: skip
    assert re.search(r"unsupported 0\.\d\d$", claims.nth(1).text_content() or "")
    assert "claims are not supported" in (page.text_content("#answer .reason") or "")  # the reason, in words

    # Selecting a claim shows its evidence, scores and the citation's title.
    claims.first.click()
    panel = page.locator("#claim-panel")
    panel.locator("blockquote").first.wait_for()
    evidence = panel.locator("blockquote").first.text_content() or ""
    assert evidence.strip() and "score" in (panel.text_content() or "")
    assert "Free trial" in (panel.text_content() or "") or "Business" in (panel.text_content() or "")
    page.locator("#answer").scroll_into_view_if_needed()
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    axe(page, "answer with evidence")

    # Following the evidence opens the document's text, scrolled to the cited span, evidence marked.
    panel.locator("button", has_text="Open in").first.click()
    page.wait_for_selector("#view-source:not([hidden]) mark")
    mark = page.locator("#source-text mark")
    assert (mark.text_content() or "").strip() == evidence.strip()
    assert "plans/business.md" in (page.text_content("#source-meta") or "")
    in_view = page.evaluate(
        """() => { const m = document.querySelector('#source-text mark').getBoundingClientRect();
                   const box = document.querySelector('#source-text').getBoundingClientRect();
                   return m.top >= box.top && m.bottom <= box.bottom + 1; }"""
    )
    assert in_view, "the cited sentence is not scrolled into view"
    axe(page, "source")
    page.click("#source-back")

    # Thumbs down with a comment, then a reviewer's marks and the correct answer.
    trace = (page.text_content("#answer .status") or "").split("trace ")[-1].strip()
    page.click("#review-forms [data-rating=down]")
    page.fill("#review-forms .feedback textarea", "it forgets the users")
    page.click("#review-forms .feedback button[type=submit]")
    page.wait_for_selector("#review-forms [role=status]:has-text('Saved review')")
    first = page.text_content("#review-forms [role=status]") or ""
    page.check("#review-forms .reviewer fieldset >> nth=0 >> input[value=right]")
    page.check("#review-forms .reviewer fieldset >> nth=1 >> input[value=wrong]")
    page.fill("#review-forms .reviewer textarea", "14 days, with up to 10 users.")
    page.click("#review-forms .reviewer button[type=submit]")
    status = page.locator("#review-forms [role=status]")
    sync_api.expect(status).not_to_have_text(first)  # polled by the driver: no eval under the page's CSP
    stored = httpx.get(f"{site.url}/v1/reviews/{trace}", headers={"Authorization": f"Bearer {site.admin}"}).json()
    assert [r["rating"] for r in stored["reviews"]] == ["down", "down"]
    assert stored["reviews"][-1]["claim_marks"] == [{"claim": 0, "mark": "right"}, {"claim": 1, "mark": "wrong"}]
    assert stored["reviews"][-1]["corrected_answer"] == "14 days, with up to 10 users."

    # The queue: an abstention waits there; opening it shows the answer and the forms.
    ask(page, "What is the airspeed velocity of an unladen swallow?")
    page.click(".tabs [data-view=queue]")
    page.wait_for_selector("#queue-table tbody tr td button")
    assert "unladen swallow" in (page.text_content("#queue-table") or "")
    assert QUESTION not in (page.text_content("#queue-table") or "")  # reviewed: off the default queue
    page.check("#queue-reviewed")
    page.click("#queue-form button[type=submit]")
    page.wait_for_selector(f"#queue-table td:has-text('{QUESTION}')")
    axe(page, "queue")
    page.click("#queue-table tbody tr >> nth=0 >> button")
    page.wait_for_selector("#review-answer .answer-text")
    axe(page, "review")

    page.click(".tabs [data-view=stats]")
    page.wait_for_selector("#stats-body .numbers")
    stats = page.text_content("#stats-body") or ""
    assert "review backlog" in stats and "2claims reviewed" in stats and "100.0%reviewer–verifier agreement" in stats
    axe(page, "stats")

    # Documents: the list with its metadata, and uploads with each file's outcome.
    page.click(".tabs [data-view=documents]")
    page.wait_for_selector("#documents-table tbody tr")
    assert "plans/business.md" in (page.text_content("#documents-table") or "")
    page.set_input_files("#upload-files", [
        {"name": "team.md", "mimeType": "text/markdown", "buffer": b"# Team plan\n\nThe Team plan starts in 2027.\n"},
        {"name": "notes.xyz", "mimeType": "text/plain", "buffer": b"nope"},
    ])  # fmt: skip
    page.fill("#upload-prefix", "plans")
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#upload-results li.failed")
    page.wait_for_selector("#upload-results li.ok")
    results = page.text_content("#upload-results") or ""
    assert "plans/team.md: added" in results and "notes.xyz: failed: source: unsupported file type" in results
    page.wait_for_selector("#documents-table td:has-text('plans/team.md')")
    axe(page, "documents")
    page.once("dialog", lambda d: d.accept())  # "Delete plans/team.md from default?"
    page.click("#documents-table button[aria-label='Delete plans/team.md']")
    page.wait_for_selector("#documents-table td:has-text('plans/team.md')", state="detached")
    assert page.errors == []

    # Export the reviewed answer; the case fails the gate once the corpus no longer gives its facts.
    suite = site.data.parent / "reviewed.jsonl"
    r = CliRunner().invoke(cli, ["--data-dir", str(site.data), "review", "export", "--out", str(suite), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["exported"] >= 1
    doc = site.kb / "plans" / "business.md"
    doc.write_text(doc.read_text().replace("14 days with up to 10 users", "7 days with up to 3 users"))
    ci, report = site.data.parent / "ci", site.data.parent / "reports" / "gate"
    args = ["--data-dir", str(ci), "eval", "run", "--suite", str(suite), "--corpus", str(site.kb), "--out", str(report)]
    gate = CliRunner().invoke(cli, [*args, "--json"])
    assert gate.exit_code == 1, gate.output
    assert any(x.startswith("answer_correctness") for x in json.loads(gate.stdout.splitlines()[-1])["reasons"])

    # The run is listed in the console and its report opens.
    page.click(".tabs [data-view=reports]")
    page.wait_for_selector("#reports-body td:has-text('gate')")
    assert "failed" in (page.text_content("#reports-body") or "")
    axe(page, "reports")
    with page.expect_popup() as popup:
        page.click("#reports-body button")
    popup.value.wait_for_load_state()
    assert "review" in (popup.value.content() or "")  # the report lists the reviewed cases


def test_keyboard_only_and_phone_width(browser: Any, site: Site) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(site.url + "/console")
        assert page.evaluate("document.activeElement.id") == "api-key"
        page.keyboard.type("tth_not-a-key")
        page.keyboard.press("Enter")
        page.wait_for_selector("#signin-error:has-text('invalid or revoked API key')")
        page.keyboard.type(site.query)
        page.keyboard.press("Enter")
        page.wait_for_selector("#app:not([hidden])")
        assert page.evaluate("document.activeElement.id") == "question"
        # A query key sees no reviewer tabs and no upload form.
        assert page.locator(".tabs [data-view=queue]").is_hidden() and page.locator("#upload-form").is_hidden()
        page.keyboard.type("How long is a password reset link valid?")
        page.keyboard.press("Control+Enter")
        page.wait_for_selector("#answer .claim")
        for _ in range(40):  # Tab through the page until a claim has the focus
            page.keyboard.press("Tab")
            if "claim" in (page.evaluate("document.activeElement.className") or ""):
                break
        else:
            pytest.fail("no claim is reachable with Tab")
        page.keyboard.press("Enter")
        page.wait_for_selector("#claim-panel blockquote")
        assert page.evaluate("document.activeElement.closest('#claim-panel') !== null")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 376, f"the page scrolls sideways at phone width ({width}px)"
        assert page.locator("#review-forms .reviewer").count() == 0  # feedback only for a query key
        axe(page, "phone")
    finally:
        context.close()
