"""FAQ records (CSV with a header, or JSONL): each question+answer record is one document."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from typing import Any

from ingestion.loaders.base import LoadedDocument, LoadError, as_tags, decode_text, normalise_text, opt_str

_Q = ("question", "q", "title")
_A = ("answer", "a", "text", "body")


def _pick(rec: Mapping[str, Any], names: Iterable[str]) -> Any:
    for n in names:
        if rec.get(n) not in (None, ""):
            return rec[n]
    return None


def _records_to_docs(source: str, records: Iterable[tuple[int, Mapping[str, Any]]], fmt: str) -> list[LoadedDocument]:
    docs: list[LoadedDocument] = []
    seen: set[str] = set()
    for lineno, rec in records:
        lowered = {str(k).strip().lower(): v for k, v in rec.items() if k is not None}
        q, a = _pick(lowered, _Q), _pick(lowered, _A)
        if q is None or a is None:
            raise LoadError(f"record at line {lineno} lacks a question or an answer (columns: {sorted(lowered)})")
        rid = opt_str(lowered.get("id"), "id") or str(lineno)
        if rid in seen:
            raise LoadError(f"duplicate record id {rid!r} at line {lineno}")
        seen.add(rid)
        question = normalise_text(opt_str(q, "question") or "")
        answer = normalise_text(opt_str(a, "answer") or "")
        docs.append(
            LoadedDocument(
                source=f"{source}#{rid}",
                title=question,
                text=f"{question}\n\n{answer}",
                format=fmt,
                uri=opt_str(lowered.get("uri") or lowered.get("url") or lowered.get("link"), "uri"),
                version=opt_str(lowered.get("version"), "version"),
                verified_by=opt_str(lowered.get("verified_by"), "verified_by"),
                verified_at=opt_str(lowered.get("verified_at"), "verified_at"),
                tags=as_tags(lowered.get("tags")),
            )
        )
    return docs


def load_csv(source: str, data: bytes) -> list[LoadedDocument]:
    text = decode_text(data)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise LoadError(f"malformed CSV: {exc}") from exc
    if not reader.fieldnames:
        raise LoadError("CSV has no header row")
    return _records_to_docs(source, rows, "faq-csv")


def load_jsonl(source: str, data: bytes) -> list[LoadedDocument]:
    records: list[tuple[int, Mapping[str, Any]]] = []
    for i, line in enumerate(decode_text(data).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise LoadError(f"invalid JSON at line {i}: {exc.msg}") from exc
        except RecursionError:  # the decoder recurses per level: [[[[...]]]] exhausts the stack
            raise LoadError(f"invalid JSON at line {i}: nested too deeply") from None
        if not isinstance(obj, dict):
            raise LoadError(f"line {i} is not a JSON object")
        records.append((i, obj))
    return _records_to_docs(source, records, "faq-jsonl")
