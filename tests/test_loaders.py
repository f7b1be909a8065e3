import json
from pathlib import Path

import pytest
from fpdf import FPDF

from ingestion.loaders import LoadError, load_file, normalise_text
from ingestion.loaders.pdf import reflow


def _pdf(pages: list[str]) -> bytes:
    pdf = FPDF()
    pdf.set_title("Test SLA")
    pdf.set_font("Helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def test_markdown_front_matter_is_metadata() -> None:
    data = (
        b"---\ntitle: Plans\nuri: https://x.example/plans\nversion: '3'\nverified_by: Ann\n"
        b"verified_at: 2026-01-02\ntags: [a, b]\n---\n# Plans\n\nThe Free plan costs $0.\n"
    )
    [doc] = load_file(Path("plans.md"), "plans.md", data)
    assert (doc.title, doc.uri, doc.version, doc.verified_by, doc.tags) == (
        "Plans",
        "https://x.example/plans",
        "3",
        "Ann",
        ["a", "b"],
    )
    assert doc.verified_at == "2026-01-02"
    assert doc.text == "# Plans\n\nThe Free plan costs $0."


def test_html_keeps_main_text_only() -> None:
    html = b"""<html><head><title>Billing</title><meta name="version" content="2"><meta name="tags" content="x,y">
    <script>var secret = 1;</script></head><body><nav>Home | Pricing</nav><header>Logo</header>
    <main><h1>Billing help</h1><p>Invoices are sent on the 1st.</p><div style="display: none">hidden text</div>
    <ul><li>Visa</li><li>Mastercard</li></ul></main><footer>(c) 2026</footer></body></html>"""
    [doc] = load_file(Path("b.html"), "b.html", html)
    assert doc.title == "Billing" and doc.version == "2" and doc.tags == ["x", "y"]
    assert doc.text == "# Billing help\n\nInvoices are sent on the 1st.\n\n- Visa\n\n- Mastercard"
    for junk in ("secret", "Home", "Logo", "(c)", "hidden"):
        assert junk not in doc.text


def test_pdf_keeps_pages() -> None:
    [doc] = load_file(Path("sla.pdf"), "sla.pdf", _pdf(["Uptime is 99.9%.", "Credits are 10%."]))
    assert doc.title == "Test SLA"
    pages = doc.extra["pages"]
    assert [p[0] for p in pages] == [1, 2]
    assert "99.9%" in doc.text[pages[0][1] : pages[0][2]] and "10%" in doc.text[pages[1][1] : pages[1][2]]


def test_faq_csv_record_per_document() -> None:
    data = b'id,question,answer,uri,tags\nf1,"How much, exactly?","It costs $5.",https://x/f1,billing;price\nf2,Q2?,A2.,,\n'
    docs = load_file(Path("faq.csv"), "faq/faq.csv", data)
    assert [d.source for d in docs] == ["faq/faq.csv#f1", "faq/faq.csv#f2"]
    assert docs[0].title == "How much, exactly?" and docs[0].text == "How much, exactly?\n\nIt costs $5."
    assert docs[0].tags == ["billing", "price"] and docs[0].uri == "https://x/f1"


def test_faq_jsonl() -> None:
    lines = [json.dumps({"id": "a", "question": "Q?", "answer": "A.", "tags": ["t"]})]
    [doc] = load_file(Path("f.jsonl"), "f.jsonl", "\n".join(lines).encode())
    assert doc.source == "f.jsonl#a" and doc.tags == ["t"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.md", b"", "empty"),
        ("blank.md", b"   \n\n", "empty"),
        ("binary.md", b"\x00\x01\x02PNG\x00", "binary content"),
        ("binary2.md", b"\x89PNG\r\n\x1a\n\xff\xd8", "UTF-8"),
        ("latin1.txt", "caf\xe9 cr\xe8me".encode("latin-1"), "UTF-8"),
        ("trunc.pdf", _pdf(["Some text here."])[:300], "PDF"),
        ("fake.pdf", b"hello, not a pdf", "not a PDF"),
        ("bad.csv", b"id,question\n1,only a question\n", "lacks a question or an answer"),
        ("bad.jsonl", b'{"question": "q", "answer": "a"}\n{not json\n', "invalid JSON at line 2"),
        ("image.png", b"\x89PNG....", "unsupported file type"),
        ("frontmatter.md", b"---\ntitle: [unclosed\n---\nbody\n", "front matter"),
        ("alias.md", b"---\nx: &x [a, b]\ntitle: *x\n---\nbody\n", "aliases"),
        ("deep.md", b"---\ntitle: " + b"[" * 20_000 + b"\n---\nbody\n", "front matter"),
        ("listtitle.md", b"---\ntitle: [a, b]\n---\nbody\n", "title must be a single value"),
        ("dicttags.md", b"---\ntags: [{a: b}]\n---\nbody\n", "tags must be a single value"),
        ("dictanswer.jsonl", b'{"question": "q?", "answer": {"a": 1}}\n', "answer must be a single value"),
    ],
)
def test_bad_files_raise_a_reason(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(LoadError, match=reason if reason != "PDF" else "(?i)pdf|no text"):
        load_file(Path(name), name, data)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb", "a\nb"),
        ("a  \t b", "a b"),
        ("a\n\n\n\nb", "a\n\nb"),
        ("cafe\u0301", "café"),
        ("x\x07y", "xy"),
        ("  lead\n", "lead"),
    ],
)
def test_normalise_text(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


def test_markdown_comments_are_dropped() -> None:
    [doc] = load_file(Path("a.md"), "a.md", b"# T\n\nVisible.<!-- hidden\nnote -->\n\nMore.\n")
    assert doc.text == "# T\n\nVisible.\n\nMore."


def test_rules_in_a_body_without_front_matter_are_text() -> None:
    [doc] = load_file(Path("a.md"), "a.md", b"# T\n\nFirst.\n\n---\n\ntitle: not metadata\n\n---\n\nLast.\n")
    assert doc.title == "T" and "title: not metadata" in doc.text


W = "A line that runs to the right margin sets the width of the page."  # 64 characters
TABLE = ["Monthly uptime percentage Service credit", "99.0% to less than 99.9% 10% of the fee", "Less than 99.0% 25%"]
THREE = [
    "For customers on the Business plan, Larkbox commits to at least",
    "99.9% for each Covered Service. A 30-day month allows about",
    "43 minutes of Downtime.",
]


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        # A sentence the layout wrapped is one line again, whether it goes on in lower case or not.
        ([W, "This version supersedes version 2.0, which took effect on", "1 February 2025."],
         [W, "This version supersedes version 2.0, which took effect on 1 February 2025."]),
        (["A short line without a stop", "goes on here."], ["A short line without a stop goes on here."]),
        # A heading, a table row, a list item, a footer and a finished sentence stay on their own lines.
        ([W, "2. Uptime commitment", "For customers on Business, uptime is 99.9%."],
         [W, "2. Uptime commitment", "For customers on Business, uptime is 99.9%."]),
        ([W, "Less than 99.9% but at least 99.0% 10%", "Less than 99.0% 25%"],
         [W, "Less than 99.9% but at least 99.0% 10%", "Less than 99.0% 25%"]),
        ([W, "The credits are listed below and apply to each region as", "- Business"],
         [W, "The credits are listed below and apply to each region as", "- Business"]),
        ([W, "Larkbox measures uptime for each region and reports it on the", "Page 1 of 3"],
         [W, "Larkbox measures uptime for each region and reports it on the", "Page 1 of 3"]),
        ([W, "Credits reduce the next invoice and are never paid in cash.", "Claims go to support."],
         [W, "Credits reduce the next invoice and are never paid in cash.", "Claims go to support."]),
        # A table whose rows all reach the margin, and a title over its version: no sentence ends in them.
        (TABLE, TABLE),
        (["Larkbox Service Level Agreement", "Version 3.0", W], ["Larkbox Service Level Agreement", "Version 3.0", W]),
        # A sentence wrapped over three lines, the middle one ending on a figure.
        ([W, *THREE], [W, " ".join(THREE)]),
        (["A paragraph.", "", "another one after a blank line."],
         ["A paragraph.", "", "another one after a blank line."]),
    ],
)  # fmt: skip
def test_pdf_lines_wrapped_by_the_layout_are_joined(lines: list[str], want: list[str]) -> None:
    assert reflow("\n".join(lines)) == "\n".join(want)
