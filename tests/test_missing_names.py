"""Names and codes a claim states that its evidence never writes (`app/grounding/names.py`): swapped
names and codes are found, paraphrased casing, stems, acronyms and sentence-opening words are not."""

from __future__ import annotations

import pytest

from app.grounding.names import codes, missing_names, name_words

CASES = [
    # (claim, evidence, missing)
    (
        "The audit firm Halden & Pryce LLP prepared it.",
        "The report was prepared by Veldrain Certification Ltd.",
        ["Halden", "Pryce", "LLP"],
    ),
    ("The report was prepared by Veldrain.", "The report was prepared by Veldrain Certification Ltd.", []),
    ("Files of UK customers stay in London.", "Files of UK customers are stored in uk-south (London).", []),
    ("Files of UK customers stay in Dublin.", "Files of UK customers are stored in uk-south (London).", ["Dublin"]),
    # any casing, stemmed: "Viewers" is the evidence's "viewer"
    ("Viewers can download files.", "A viewer can download files.", []),
    ("Members with the Viewer role can download.", "Every viewer can download.", []),
    # accents, demonyms and plurals of a name the evidence writes; dotted acronyms; titles
    ("Lisandra Lafitta Hernández signed it.", "Lisandra Lafitta Hernandez signed it.", []),
    ("It happened during the Libyan civil war.", "It happened in Misrata, Libya, in 2011.", []),
    ("Warsaw was invaded by the Swedes.", "The Swedish army, sent by Sweden, invaded Warsaw.", []),
    ("US troops kept away.", "The U.S. Army kept its troops away.", []),
    ("Most approve of Mr. Bush.", "Most approve of President Bush.", []),
    ("Warsaw was invaded by the Danes.", "Sweden invaded Warsaw.", ["Danes"]),
    # an acronym and the words it stands for, either way round
    ("The SLA promises 99.9%.", "This Service Level Agreement promises 99.9% uptime.", []),
    ("Upload the metadata from your IdP.", "Upload the metadata from your identity provider.", []),
    ("Read the Service Level Agreement.", "The SLA says so.", []),
    ("Read the Service Level Agreement.", "The terms say so.", ["Service", "Level", "Agreement"]),
    # a word opening a sentence is no name, whatever follows it
    ("Open Settings > Billing and click Request refund.", "Go to Settings > Billing and click Request refund.", []),
    ("Go to Settings > Plans.", "Go to Settings > Billing.", ["Plans"]),
    # codes are written out in full, the URL's scheme and a trailing slash aside
    ("Write to billing@larkbox.example.", "Write to support@larkbox.example.", ["billing@larkbox.example"]),
    ("The base URL is https://api.larkbox.example/v2/.", "Base URL: `https://api.larkbox.example/v2`", []),
    (
        "It lives at sandbox.api.larkbox.example.",
        "Base URL: https://api.larkbox.example/v2",
        ["sandbox.api.larkbox.example"],
    ),
    ("You get LB-403-PERM.", "LB-403-QUOTA means the account is out of storage.", ["LB-403-PERM"]),
    ("POST to /v2/files/upload.", "Uploads go to POST /v2/files/upload in one request.", []),
    ("Blocked files, such as .exe ones.", "Files ending in .exe are blocked.", []),
]


@pytest.mark.parametrize(("claim", "evidence", "missing"), CASES, ids=[c[0][:40] for c in CASES])
def test_missing_names(claim: str, evidence: str, missing: list[str]) -> None:
    assert missing_names(claim, evidence) == missing


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Email dpo@larkbox.example or visit https://status.larkbox.example.",
            ["dpo@larkbox.example", "https://status.larkbox.example"],
        ),
        ("The folder is ~/Library/CloudStorage/Larkbox on a Mac.", ["~/Library/CloudStorage/Larkbox"]),
        ("Error `LB-409-CONFLICT` and LB-429-RATE.", ["LB-409-CONFLICT", "LB-429-RATE"]),
        ("Sign-in and re-enable are words, e.g. in and/or out.", []),
    ],
)
def test_codes(text: str, found: list[str]) -> None:
    assert codes(text) == found


def test_name_words_skip_sentence_openers() -> None:
    assert name_words("Open Settings. Then ask Helena Varga.") == ["Settings", "Helena", "Varga"]


def test_units_and_the_first_person_are_no_names() -> None:
    assert name_words("A folder I've shared holds 300 GB, I think.") == []


def test_only_capitalised_words_are_names() -> None:
    assert name_words("To unlink a device, click Unlink.") == ["Unlink"]
