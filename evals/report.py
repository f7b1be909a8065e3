"""The report folder of one eval run: results.json (the source of truth: config, aggregate, gate, rows),
summary.md (for a CI comment), report.html (self-contained: inline CSS, JS and SVG, nothing fetched) and
junit.xml (one testcase per question: failure = hallucinated / wrong / obeyed an injection / retrieval
missed; error = the item errored).
"""

from __future__ import annotations

import html
import json
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from typing import Any

SCHEMA = "tether-eval/1"
TEMPLATE = Path(__file__).with_name("report_template.html")
RATES = (
    ("hallucination_rate", "hallucination rate"),
    ("unsupported_claim_rate", "unsupported-claim rate"),
    ("citation_precision", "citation precision (ALCE)"),
    ("citation_recall", "citation recall (ALCE)"),
    ("retrieval_hit_rate", "retrieval hit@top_k"),
    ("retrieval_hit_at_1", "retrieval hit@1"),
    ("retrieval_hit_at_10", "retrieval hit@10"),
    ("answer_correctness", "answer correctness (answerable)"),
    ("overall_accuracy", "accuracy (all questions)"),
    ("abstention_precision", "abstention precision"),
    ("abstention_recall", "abstention recall"),
    ("injection_obedience_rate", "injection obedience"),
)
OTHERS = (("retrieval_mrr", "retrieval MRR@10"), ("token_f1", "token F1 (mean)"))
LATENCY = (("latency_p50_ms", "latency p50 (ms)"), ("latency_p95_ms", "latency p95 (ms)"))


def row_failures(row: Mapping[str, Any]) -> list[str]:
    """Why a question fails (empty = it passes); an errored row is not a failure but an error."""
    if row["status"] == "error":
        return []
    why = []
    if row["hallucinated"]:
        why.append("hallucinated")
    if not row["correct"]:
        why.append("wrong" if row["answerable"] else "answered an unanswerable question")
    if row["injection_obeyed"]:
        why.append("obeyed an injected instruction")
    if row["retrieval_hit"] is False:
        why.append("retrieval missed the sources")
    return why


def _value(agg: Mapping[str, Any], key: str) -> str:
    v = agg.get(key)
    return "n/a" if v is None else (f"{v:.0f}" if key.endswith("_ms") else f"{v:.3f}")


def _metric_lines(agg: Mapping[str, Any], thresholds: Mapping[str, float]) -> list[tuple[str, str, str, str, str]]:
    """(label, value, CI, n, threshold) for the metrics tables."""
    bounds = {k.split("_", 1)[1]: (k.split("_", 1)[0], v) for k, v in thresholds.items()}
    lines = []
    for key, label in (*RATES, *OTHERS, *LATENCY):
        ci = agg.get(f"{key}_ci")
        bound = bounds.get(key)
        limit = f"{'≤' if bound[0] == 'max' else '≥'} {bound[1]:g}" if bound else ""
        interval = f"{ci[0]:.3f}–{ci[1]:.3f}" if ci and agg.get(key) is not None else ""
        lines.append((label, _value(agg, key), interval, str(agg.get(f"{key}_n", "")), limit))
    return lines


def summary_markdown(doc: Mapping[str, Any]) -> str:
    agg, gate, cfg = doc["aggregate"], doc["gate"], doc["config"]
    verdict = "PASSED" if gate["passed"] else "FAILED"
    out = [f"## Tether eval `{cfg['suite']}`: {verdict}", ""]
    out += [f"- {r}" for r in gate["reasons"]] + ([""] if gate["reasons"] else [])
    out.append(
        f"{agg['questions']} questions, {agg['answered']} answered, {agg['abstained']} abstained, "
        f"**{agg['errors']} errored**; backend `{cfg['backend']}`, policy `{cfg['policy']}`, top_k {agg['top_k']}."
    )
    if cfg.get("verifier"):
        out.append(f"Verifier `{cfg['verifier']['kind']}`, parameters `{cfg['verifier']['params_sha256']}`.")
    out += ["", "| metric | value | 95% CI | n | gate |", "|---|---|---|---|---|"]
    out += [f"| {a} | {b} | {c} | {d} | {e} |" for a, b, c, d, e in _metric_lines(agg, gate["thresholds"])]
    if agg["errors"]:
        out += ["", f"**Errored items** ({agg['errors']}): " + ", ".join(agg["error_ids"])]
    if gate.get("regressions") is not None:
        reg = gate["regressions"]
        out += ["", f"**Against baseline** `{gate['baseline']}`:"]
        out += [f"- {k.replace('_', ' ')}: {len(v)}" + (f" ({', '.join(v[:15])})" if v else "") for k, v in reg.items()]
    if doc.get("faults"):
        f = doc["faults"]
        out += ["", f"**Fault injection**: {f['corrupted']} answers corrupted, detection rate {f['detection_rate']}"]
        out += [f"- {k}: {v['detected']}/{v['corrupted']} detected" for k, v in f["by_kind"].items()]
    failing = [(r, row_failures(r)) for r in doc["rows"]]
    failing = [(r, why) for r, why in failing if why]
    if failing:
        out += ["", f"<details><summary>{len(failing)} failing questions</summary>", "", "| id | why | question |"]
        out += ["|---|---|---|"] + [
            f"| {r['id']} | {'; '.join(w)} | {r['question'].replace('|', '/')} |" for r, w in failing
        ]
        out += ["", "</details>"]
    return "\n".join(out) + "\n"


def junit_xml(doc: Mapping[str, Any]) -> str:
    agg, cfg = doc["aggregate"], doc["config"]
    rows = doc["rows"]
    failures = sum(1 for r in rows if row_failures(r))
    suite = ET.Element(
        "testsuite",
        name=f"tether-eval.{cfg['suite']}",
        tests=str(len(rows)),
        failures=str(failures),
        errors=str(agg["errors"]),
        time=f"{sum(r.get('latency_ms') or 0 for r in rows) / 1000:.3f}",
    )
    props = ET.SubElement(suite, "properties")
    for key, _ in (*RATES, *OTHERS, *LATENCY):
        ET.SubElement(props, "property", name=key, value=_value(agg, key))
    for r in rows:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f"eval.{cfg['suite']}",
            name=r["id"],
            time=f"{(r.get('latency_ms') or 0) / 1000:.3f}",
        )
        if r["status"] == "error":
            ET.SubElement(case, "error", message=r["error"] or "error", type="error").text = r["question"]
        elif why := row_failures(r):
            detail = [f"question: {r['question']}", f"answer: {r['answer']}", f"reference: {r['reference']}"]
            if r.get("missing_facts"):
                detail.append(f"missing facts: {', '.join(r['missing_facts'])}")
            if r["retrieval_hit"] is False:
                detail.append(f"sources: {', '.join(r['sources'])}; retrieved: {', '.join(r['retrieved_sources'])}")
            ET.SubElement(case, "failure", message="; ".join(why), type="eval").text = "\n".join(detail)
    root = ET.Element("testsuites", tests=suite.get("tests", "0"), failures=str(failures), errors=str(agg["errors"]))
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _rate_chart(agg: Mapping[str, Any], thresholds: Mapping[str, float]) -> str:
    keys = [(k, label) for k, label in RATES if agg.get(k) is not None]
    left, width, row_h = 210, 300, 24
    h = row_h * len(keys) + 30
    parts = [f'<svg width="{left + width + 60}" height="{h}" role="img">']
    for i, (k, label) in enumerate(keys):
        y, v, (lo, hi) = 10 + i * row_h, agg[k], agg[f"{k}_ci"]
        parts.append(f'<text x="{left - 8}" y="{y + 14}" text-anchor="end" font-size="12">{html.escape(label)}</text>')
        parts.append(f'<rect x="{left}" y="{y + 3}" width="{v * width:.1f}" height="14" fill="#54aeff"/>')
        x0, x1 = left + lo * width, left + hi * width
        parts.append(f'<line x1="{x0:.1f}" x2="{x1:.1f}" y1="{y + 10}" y2="{y + 10}" stroke="#1f2328"/>')
        for x in (x0, x1):
            parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y + 5}" y2="{y + 15}" stroke="#1f2328"/>')
        for name in (f"max_{k}", f"min_{k}"):
            if name in thresholds:
                tx = left + thresholds[name] * width
                parts.append(
                    f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{y}" y2="{y + 20}" stroke="#cf222e" stroke-width="2"/>'
                )
        parts.append(f'<text x="{left + width + 6}" y="{y + 14}" font-size="12">{v:.3f}</text>')
    parts.append(
        f'<text x="{left}" y="{h - 4}" font-size="11" fill="#57606a">'
        "bars: value; whiskers: 95% Wilson CI; red: gate</text>"
    )
    return "".join(parts) + "</svg>"


def _latency_chart(rows: list[Mapping[str, Any]], agg: Mapping[str, Any], bins: int = 20) -> str:
    values = [float(r["latency_ms"]) for r in rows if r["status"] != "error" and r.get("latency_ms") is not None]
    if not values:
        return ""
    top = max(values) * 1.0001 or 1.0
    counts = [0] * bins
    for v in values:
        counts[min(bins - 1, int(v / top * bins))] += 1
    w, h, pad = 420, 180, 30
    peak = max(counts)
    parts = [f'<svg width="{w + 2 * pad}" height="{h + 2 * pad}" role="img">']
    bw = w / bins
    for i, c in enumerate(counts):
        bh = c / peak * h
        parts.append(
            f'<rect x="{pad + i * bw:.1f}" y="{pad + h - bh:.1f}" width="{bw - 1:.1f}" height="{bh:.1f}" '
            'fill="#8c959f"/>'
        )
    for key, colour in (("latency_p50_ms", "#1a7f37"), ("latency_p95_ms", "#cf222e")):
        x = pad + agg[key] / top * w
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{pad}" y2="{pad + h}" stroke="{colour}" stroke-width="2"/>')
        parts.append(
            f'<text x="{x + 3:.1f}" y="{pad + 10}" font-size="11" fill="{colour}">{key[8:11]} {agg[key]:.0f}</text>'
        )
    parts.append(
        f'<text x="{pad}" y="{h + 2 * pad - 6}" font-size="11" fill="#57606a">latency (ms), 0–{top:.0f}; '
        f"{len(values)} answers</text>"
    )
    return "".join(parts) + "</svg>"


def _answer_html(row: Mapping[str, Any]) -> str:
    result = row.get("result") or {}
    text: str = row.get("answer") or ""
    claims = sorted(result.get("claims", []), key=lambda c: c["start"])
    pieces, pos = [], 0
    for c in claims:
        if c["start"] < pos or c["end"] > len(text):
            continue
        title = f"{c['label']} (p={c['score']})" + (f": {c['reason']}" if c.get("reason") else "")
        pieces.append(html.escape(text[pos : c["start"]]))
        cls = "supported" if c["label"] == "supported" else "unsupported"
        pieces.append(
            f'<span class="claim {cls}" title="{html.escape(title)}">{html.escape(text[c["start"] : c["end"]])}</span>'
        )
        pos = c["end"]
    pieces.append(html.escape(text[pos:]))
    evidence = []
    for c in claims:
        ev = "".join(
            f'<div class="evidence small">[{e["n"]}] {html.escape(e["text"])} '
            f'<span class="muted">({e["score"]})</span></div>'
            for e in c.get("evidence", [])
        )
        evidence.append(f'<div class="small"><b>{c["label"]}</b>: {html.escape(c["text"])}</div>{ev}')
    cites = "".join(
        f'<div class="small">[{c["n"]}] {html.escape(c["source"])} ({c["start"]}–{c["end"]})</div>'
        for c in result.get("citations", [])
    )
    ref = html.escape(str(row.get("reference")))
    missing = ", ".join(html.escape(m) for m in row.get("missing_facts") or [])
    return (
        f'<div class="answer">{"".join(pieces)}</div><details><summary>evidence, citations, reference</summary>'
        f'<div class="small"><b>reference:</b> {ref}' + (f" — <b>missing:</b> {missing}" if missing else "") + "</div>"
        f'<div class="small"><b>sources:</b> {html.escape(", ".join(row["sources"]))}; <b>retrieved:</b> '
        f"{html.escape(', '.join(row.get('retrieved_sources') or []))}</div>{cites}{''.join(evidence)}</details>"
    )


def _row_html(row: Mapping[str, Any]) -> str:
    why = row_failures(row)
    tags = ["fail"] if why else []
    badges = [f'<span class="badge bad">{html.escape(w)}</span>' for w in why]
    if row["status"] == "error":
        tags.append("error")
        badges.append(f'<span class="badge bad">error: {html.escape(row["error"] or "")}</span>')
    elif not why:
        badges.append('<span class="badge ok">pass</span>')
    if row.get("hallucinated"):
        tags.append("hallucinated")
    if row.get("fault"):
        f = row["fault"]
        badges.append(
            f'<span class="badge warn" title="{html.escape(f["detail"])}">fault: {f["applied"] or "none"}</span>'
        )
    body = _answer_html(row) if row["status"] != "error" else ""
    return (
        f'<tr data-tags="{" ".join(tags)}"><td>{html.escape(row["id"])}</td><td>{row["status"]}</td>'
        f"<td>{''.join(badges)}</td><td><b>{html.escape(row['question'])}</b>{body}</td>"
        f"<td>{row.get('latency_ms') or ''}</td></tr>"
    )


def html_report(doc: Mapping[str, Any]) -> str:
    agg, gate, cfg = doc["aggregate"], doc["gate"], doc["config"]
    cls, verdict = ("pass", "Gate passed") if gate["passed"] else ("fail", "Gate failed")
    reasons = "".join(f"<li>{html.escape(r)}</li>" for r in gate["reasons"])
    metrics = "".join(
        f"<tr>{''.join(f'<td>{html.escape(c)}</td>' for c in line)}</tr>"
        for line in _metric_lines(agg, gate["thresholds"])
    )
    extra = ""
    if doc.get("faults"):
        f = doc["faults"]
        kinds = "".join(f"<li>{k}: {v['detected']}/{v['corrupted']} detected</li>" for k, v in f["by_kind"].items())
        extra = (
            f"<h2>Fault injection</h2><p>{f['corrupted']} corrupted answers, detection rate "
            f"{f['detection_rate']}, clean answers flagged {f['clean_flag_rate']}</p><ul>{kinds}</ul>"
        )
    subtitle = (
        f"{agg['questions']} questions · {agg['errors']} errored · backend {cfg['backend']} · policy {cfg['policy']} · "
        f"{cfg['target']} · {cfg['started_at']}"
    )
    fill = {
        "title": html.escape(f"Tether eval: {cfg['suite']}"),
        "subtitle": html.escape(subtitle),
        "gate": f'<div class="gate {cls}">{verdict}' + (f"<ul>{reasons}</ul>" if reasons else "") + "</div>",
        "metrics": '<table class="metrics"><tr><th>metric</th><th>value</th><th>95% CI</th><th>n</th>'
        f"<th>gate</th></tr>{metrics}</table>",
        "charts": _rate_chart(agg, gate["thresholds"]) + _latency_chart(doc["rows"], agg),
        "extra": extra,
        "rows": "\n".join(_row_html(r) for r in doc["rows"]),
    }
    page = TEMPLATE.read_text(encoding="utf-8")
    for key, value in fill.items():
        page = page.replace("{{" + key + "}}", value)
    return page


def write_reports(out: Path, doc: dict[str, Any]) -> dict[str, Path]:
    """Writes the four files into `out` (created if needed); returns their paths by kind."""
    out.mkdir(parents=True, exist_ok=True)
    doc = {"schema": SCHEMA, **doc}
    files = {
        "results": (out / "results.json", json.dumps(doc, indent=1, ensure_ascii=False, default=str) + "\n"),
        "summary": (out / "summary.md", summary_markdown(doc)),
        "html": (out / "report.html", html_report(doc)),
        "junit": (out / "junit.xml", junit_xml(doc)),
    }
    for path, text in files.values():
        path.write_text(text, encoding="utf-8")
    return {kind: path for kind, (path, _) in files.items()}
