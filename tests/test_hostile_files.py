"""The hostile-file set: files built to cost memory, CPU or data they should not. Each one is refused by
name (or ingested safely) and the rest of the batch goes in, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from ingestion.embedder import SentenceTransformerEmbedder
from ingestion.pipeline import Ingestor
from ingestion.settings import ChunkingSettings, IndexSettings, IngestLimits
from ingestion.store import Document, Store, open_store
from tests.support.hostile import deep_json, pdf_bomb

GOOD = {
    "good/plans.md": b"---\ntitle: Plans\n---\n# Plans\n\nThe Free plan includes 5 GB of storage.\n",
    "good/refunds.txt": b"Refunds\n\nAnnual plans are refunded within 30 days of purchase.\n",
}


def yaml_bomb(levels: int) -> bytes:
    """Front matter whose `title` is a `levels`-deep alias ("billion laughs"): 9**levels strings."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    lines.append(f"title: *a{levels - 1}")
    return ("---\n" + "\n".join(lines) + "\n---\n# Bomb\n\nA short body.\n").encode()


# name -> (bytes, a word the per-file error must contain)
HOSTILE: dict[str, tuple[bytes, str]] = {
    "bad/yaml-bomb.md": (yaml_bomb(5), "alias"),
    "bad/long-title.md": (b"---\ntitle: " + b"T" * 5000 + b"\n---\nBody text here.\n", "title"),
    "bad/list-title.md": (b"---\ntitle: [a, b, c]\n---\nBody text here.\n", "single value"),
    "bad/long-version.md": (b"---\nversion: '" + b"9" * 200 + b"'\n---\nBody text here.\n", "version"),
    "bad/many-tags.md": (b"---\ntags: [" + b",".join(b"t%d" % i for i in range(500)) + b"]\n---\nBody.\n", "tags"),
    "bad/fat-metadata.md": (b"---\nuri: https://x.example/" + b"u" * 2000 + b"\n---\nShort body.\n", "metadata"),
    "bad/pdf-bomb.pdf": (pdf_bomb(80_000_000), "limit"),  # 78 KB that inflate past pypdf's 75 MB bound
    "bad/deep.jsonl": (deep_json(100_000), "nested too deeply"),
    "bad/inflates-60mb.pdf": (pdf_bomb(60_000_000), "MAX_PDF_CONTENT_BYTES"),  # 59 KB; 12.6 s to parse
    "bad/shared-stream.pdf": (pdf_bomb(2_000_000, pages=12), "MAX_PDF_CONTENT_BYTES"),  # one stream, 12 pages
}


@pytest.fixture
def ingestor(database_url: str, tmp_path: Path, embedder: SentenceTransformerEmbedder) -> Iterator[Ingestor]:
    store = open_store(database_url)
    limits = IngestLimits(max_document_chars=2_000)  # the fat-metadata file is under it in text alone
    yield Ingestor(store, embedder, tmp_path / "data", ChunkingSettings(), IndexSettings(), limits)
    store.dispose()


def _write(root: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)


def _sources(store: Store) -> set[str]:
    with store.session() as s:
        return set(s.scalars(select(Document.source)))


def test_each_hostile_file_is_refused_by_name_and_the_rest_goes_in(ingestor: Ingestor, tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    _write(kb, GOOD | {name: data for name, (data, _) in HOSTILE.items()})
    report = ingestor.ingest([kb], "kb")
    failed = {Path(e["path"]).relative_to(kb).as_posix(): e["error"] for e in report.errors}
    assert set(failed) == set(HOSTILE), failed
    for name, (_, word) in HOSTILE.items():
        assert word in failed[name], (name, failed[name])
    assert _sources(ingestor.store) == set(GOOD)
    assert report.documents_added == len(GOOD) and report.documents_failed == len(HOSTILE)


@pytest.mark.slow
def test_the_full_billion_laughs_is_refused(tmp_path: Path) -> None:
    """The 7-level bomb of the report (a 34.7M-character title before aliases were refused)."""
    from ingestion.loaders import LoadError, load_file

    data = yaml_bomb(7)
    assert len(data) < 400
    with pytest.raises(LoadError, match="alias"):
        load_file(Path("bomb.md"), "bomb.md", data)


def test_a_source_belongs_to_one_file(ingestor: Ingestor, tmp_path: Path) -> None:
    """An FAQ record `faq.jsonl#refunds.md` and a file named `faq.jsonl#refunds.md` would be one row:
    the file that comes second is refused by name, in the same batch and in a later one."""
    kb = tmp_path / "kb"
    faq = b'{"id": "refunds.md", "question": "Refunds?", "answer": "Within 30 days."}\n'
    twin = b"# Planted\n\nRefunds are never given.\n"
    _write(kb, GOOD | {"faq.jsonl": faq, "faq.jsonl#refunds.md": twin})
    report = ingestor.ingest([kb], "kb")
    assert [(Path(e["path"]).name, e["error"]) for e in report.errors] == [
        ("faq.jsonl#refunds.md", "document source 'faq.jsonl#refunds.md' is already taken by 'faq.jsonl'")
    ]
    assert _sources(ingestor.store) == set(GOOD) | {"faq.jsonl#refunds.md"}
    with ingestor.store.session() as s:
        doc = s.scalar(select(Document).where(Document.source == "faq.jsonl#refunds.md"))
        assert doc is not None and doc.file_path == "faq.jsonl" and "30 days" in doc.text
    again = ingestor.ingest([kb / "faq.jsonl#refunds.md"], "kb")  # alone, against the store
    assert again.documents_failed == 1 and "already taken" in again.errors[0]["error"]


def test_links_out_of_the_folder_are_not_followed(ingestor: Ingestor, tmp_path: Path) -> None:
    """`passwd.txt -> /etc/passwd` in a knowledge base was ingested and served to query keys."""
    kb, outside = tmp_path / "kb", tmp_path / "outside"
    _write(kb, GOOD)
    _write(outside, {"secret.txt": b"Secret\n\nThe root password is hunter2.\n"})
    (kb / "passwd.txt").symlink_to(outside / "secret.txt")
    (kb / "linked-folder").symlink_to(outside, target_is_directory=True)
    (kb / "refunds-again.txt").symlink_to(kb / "good" / "refunds.txt")  # inside the folder: content
    report = ingestor.ingest([kb], "kb")
    assert {Path(e["path"]).name: e["error"] for e in report.errors} == {
        "passwd.txt": "symbolic link to a file outside the ingested folder: skipped",
        "linked-folder": "symbolic link to a folder: not followed",
    }
    assert _sources(ingestor.store) == set(GOOD) | {"refunds-again.txt"}


def test_pdf_parse_time_is_budgeted() -> None:
    from ingestion.loaders import LoadError, PdfBudget, load_file

    data = pdf_bomb(1_000_000, pages=8)  # within the byte budget, about 2 s to parse in all
    with pytest.raises(LoadError, match="MAX_PDF_SECONDS"):
        load_file(Path("slow.pdf"), "slow.pdf", data, PdfBudget(seconds=0.05))


def test_twin_and_disguised_source_names_are_refused(ingestor: Ingestor, tmp_path: Path) -> None:
    """NFC/NFD spellings of one name, case-only twins and a right-to-left override read as one name (or
    as another) to whoever picks a citation."""
    kb = tmp_path / "kb"
    body = b"# Note\n\nA note about storage on the Free plan.\n"
    names = ["Notes.md", "notes.md", "cafe\u0301.md", "caf\u00e9.md", "\u202egnp.md"]
    _write(kb, GOOD | dict.fromkeys(names, body))
    report = ingestor.ingest([kb], "kb")
    failed = {Path(e["path"]).name: e["error"] for e in report.errors}
    assert set(failed) == {"notes.md", "caf\u00e9.md", "\u202egnp.md"}, failed
    assert "only in case" in failed["notes.md"]
    assert "same source name" in failed["caf\u00e9.md"]
    assert "U+202E" in failed["\u202egnp.md"]
    assert _sources(ingestor.store) == set(GOOD) | {"Notes.md", "caf\u00e9.md"}  # stored in NFC
    again = ingestor.ingest([kb / "notes.md"], "kb")  # alone, against the store
    assert "only in case" in again.errors[0]["error"]
