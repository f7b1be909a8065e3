"""Answer → claims: sentence boundaries, the kinds that make no claim, lists, markdown, spans."""

from __future__ import annotations

import pytest

from app.grounding.claims import classify, parse_answer, split_claims, strip_markup
from ingestion.text import split_sentences


def _claims(answer: str) -> list[str]:
    return [c.clean for c in split_claims(answer)]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("The Pro plan costs $29. It renews yearly.", ["The Pro plan costs $29.", "It renews yearly."]),
        ("Files up to 1.5 GB sync. Larger files wait.", ["Files up to 1.5 GB sync.", "Larger files wait."]),
        ("It costs $9.99 per month. Tax is extra.", ["It costs $9.99 per month.", "Tax is extra."]),
        ("Version v2.3 fixed it. Update now.", ["Version v2.3 fixed it.", "Update now."]),
        ("Dr. Rao approves refunds. Ask her.", ["Dr. Rao approves refunds.", "Ask her."]),
        ("Use a browser, e.g. Chrome. It works.", ["Use a browser, e.g. Chrome.", "It works."]),
        ("Data stays in the U.S. at all times.", ["Data stays in the U.S. at all times."]),
        ("Servers are in the U.S. The backups are too.", ["Servers are in the U.S.", "The backups are too."]),
        ("J. K. Rowling wrote it.", ["J. K. Rowling wrote it."]),
        ("Uptime is 99.9%. Credits apply.", ["Uptime is 99.9%.", "Credits apply."]),
        ("Wait... It synced.", ["Wait...", "It synced."]),
        ("Arthur's Magazine", ["Arthur's Magazine"]),
        ("yes", ["yes"]),
    ],
)
def test_sentence_boundaries(answer: str, expected: list[str]) -> None:
    assert _claims(answer) == expected


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Hi there!", "greeting"),
        ("Hello.", "greeting"),
        ("Thanks for asking!", "greeting"),
        ("Sure!", "greeting"),
        ("I hope this helps.", "greeting"),
        ("Let me know if you have other questions.", "greeting"),
        ("Here is what I found:", "greeting"),
        ("I could not find this in the knowledge base.", "refusal"),
        ("I don't know.", "refusal"),
        ("The provided passages do not mention a student discount.", "refusal"),
        ("That is not covered in the documentation.", "refusal"),
        ("Which plan are you on?", "question"),
        ("The plans include:", "lead_in"),
        ("The Free plan includes 5 GB.", "claim"),
        ("Sure, the Free plan includes 5 GB.", "claim"),
        ("Refunds are not available after 30 days.", "claim"),
        ("---", "heading"),
    ],
)
def test_classify(sentence: str, kind: str) -> None:
    assert classify(sentence) == kind


@pytest.mark.parametrize(
    ("answer", "claims"),
    [
        ("- Pro costs $29 [1]\n- Business costs $49 [2]", ["Pro costs $29", "Business costs $49"]),
        ("* one item\n* two item", ["one item", "two item"]),
        ("1. Open Settings.\n2. Click Billing.", ["Open Settings.", "Click Billing."]),
        ("- [x] Task done", ["Task done"]),
        ("## Pricing\n\nPro costs $29.", ["Pro costs $29."]),
        ("**Pricing**\nPro costs $29.", ["Pro costs $29."]),
        ("Pricing\n- Pro costs $29.", ["Pro costs $29."]),
        ("The **Pro** plan costs `$29`.", ["The Pro plan costs $29."]),
        ("See [the docs](https://x.example/a) for limits.", ["See the docs for limits."]),
        ("> Quoted: refunds take 5 days.", ["Quoted: refunds take 5 days."]),
        ("```\nrm -rf /tmp.\n```\nDone.", ["Done."]),
        ("| Plan | Price |\n|---|---|\n| Pro | $29 |", ["Pro, $29"]),
        ("Hi! I could not find this in the knowledge base.", []),
        ("A sentence that wraps\nonto the next line.", ["A sentence that wraps onto the next line."]),
    ],
)
def test_lists_and_markdown(answer: str, claims: list[str]) -> None:
    assert _claims(answer) == claims


def test_list_items_carry_their_lead_in() -> None:
    segs = split_claims("The Pro plan includes:\n- 10 seats\n- SSO\n\nRefunds take 5 days.")
    assert [(s.clean, s.context, s.item) for s in segs] == [
        ("10 seats", "The Pro plan includes", True),
        ("SSO", "The Pro plan includes", True),
        ("Refunds take 5 days.", "", False),
    ]


@pytest.mark.parametrize(
    "answer",
    [
        "Hello! The Pro plan costs $29 [1]. It includes 10 seats. [2] Anything else?",
        "## Plans\n\n- **Pro**: $29 [1]\n- Business: $49 [2-3]\n\nI hope this helps.",
        "  Leading spaces. Trailing spaces.   ",
    ],
)
def test_spans_point_into_the_answer(answer: str) -> None:
    for seg in parse_answer(answer, n_passages=3).segments:
        assert answer[seg.start : seg.end] == seg.text
        assert seg.text == seg.text.strip()


def test_segments_keep_order_and_kinds() -> None:
    answer = "Hi! Pro costs $29 [1]. Which plan do you use? I could not find this in the knowledge base."
    kinds = [s.kind for s in parse_answer(answer).segments]
    assert kinds == ["greeting", "claim", "question", "refusal"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("First fact.Second fact.", ["First fact.Second fact."]),
        ("in the 19th century.First for Women is", ["in the 19th century.", "First for Women is"]),
        ("won 6-1.Rafael won", ["won 6-1.", "Rafael won"]),
        ("by the ATP (ATP).Raffaella", ["by the ATP (ATP).", "Raffaella"]),
        ("Made in the U.S.A.Then", ["Made in the U.S.A.Then"]),
    ],
)
def test_glued_source_text(text: str, expected: list[str]) -> None:
    glued = "First fact.Second" not in text
    assert [text[s:e] for s, e in split_sentences(text, glued=glued)] == expected


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("Pro costs $29 [1].", "Pro costs $29."),
        ("**Bold** and _it_ and `code` [2, 3]", "Bold and it and code"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("[link](http://a.example) text", "link text"),
    ],
)
def test_strip_markup(text: str, clean: str) -> None:
    assert strip_markup(text) == clean
