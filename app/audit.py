"""The audit trail: one row per answer served (question, passages cited, verdicts, backend, timings)."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

from sqlalchemy import delete

from app.grounding.verifier import ClaimVerdict
from app.results import Answer, NumberedPassage
from ingestion.store import AnswerAudit, Store
from ingestion.store.models import utcnow


class AuditLog:
    def __init__(self, store: Store, retention_days: int, purge_every: int = 500) -> None:
        self.store, self.retention = store, timedelta(days=retention_days)
        self.purge_every = purge_every
        self._writes = 0
        self._lock = threading.Lock()

    def record(self, question: str, result: Answer, key_id: int | None, client_trace_id: str | None = None) -> None:
        """Insert the answer's row. Rows are only ever inserted: the trace id is the server's, and a
        second row under the same id is an IntegrityError, never a replacement."""
        with self.store.session() as s:
            s.add(
                AnswerAudit(
                    trace_id=result.trace_id,
                    client_trace_id=client_trace_id,
                    key_id=key_id,
                    collection=result.collection,
                    collection_version=result.collection_version,
                    question=question,
                    answer=result.text,
                    status=result.status,
                    reason=result.reason,
                    groundedness=result.groundedness,
                    backend=result.backend,
                    citations=[_citation(c) for c in result.citations],
                    claims=[_claim(c) for c in result.claims],
                    timings=dict(result.timings),
                )
            )
        with self._lock:
            self._writes += 1
            due = self._writes % self.purge_every == 1
        if due:
            self.purge()

    def purge(self) -> int:
        with self.store.session() as s:
            res = s.execute(delete(AnswerAudit).where(AnswerAudit.created_at < utcnow() - self.retention))
            return int(getattr(res, "rowcount", 0) or 0)

    def get(self, trace_id: str) -> dict[str, Any] | None:
        with self.store.session() as s:
            a = s.get(AnswerAudit, trace_id)
            if a is None:
                return None
            return {
                "trace_id": a.trace_id,
                "client_trace_id": a.client_trace_id,
                "created_at": a.created_at.isoformat(),
                "key_id": a.key_id,
                "collection": a.collection,
                "collection_version": a.collection_version,
                "question": a.question,
                "answer": a.answer,
                "status": a.status,
                "reason": a.reason,
                "groundedness": a.groundedness,
                "backend": a.backend,
                "citations": a.citations,
                "claims": a.claims,
                "timings": a.timings,
            }


def _claim(c: ClaimVerdict) -> dict[str, Any]:
    """What the audit keeps of a verdict: enough to review it (the evidence by its document span)."""
    evidence = [{"n": e.n, "doc_id": e.doc_id, "start": e.start, "end": e.end} for e in c.evidence]
    return {
        "text": c.text,
        "label": c.label,
        "score": c.score,
        "citations": list(c.citations),
        "citations_support": c.citations_support,
        "evidence": evidence,
    }


def _citation(c: NumberedPassage) -> dict[str, Any]:
    p = c.passage
    return {
        "n": c.n,
        "chunk_id": p.chunk_id,
        "doc_id": p.doc_id,
        "source": p.source,
        "version": p.version,
        "revision": p.metadata.get("revision"),
        "start": p.start,
        "end": p.end,
    }
