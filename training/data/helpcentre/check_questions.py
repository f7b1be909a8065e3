"""Check questions.jsonl: parses, fields, exact evidence quotes, counts, duplicates.

Run: python check_questions.py [questions.jsonl] [articles.jsonl]
Exits 1 if any check fails.
"""
import collections
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
QUESTIONS = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "questions.jsonl"
ARTICLES = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else pathlib.Path(
    str(pathlib.Path(__file__).resolve().parent / "articles.jsonl"))
KINDS_1 = {"fact", "howto", "yesno", "multistep", "casual"}
KINDS_0 = {"missing-feature", "missing-condition", "missing-number", "nonexistent-plan",
           "mixed", "off-topic"}
FIELDS = ["product", "article_id", "question", "label", "kind", "answer", "evidence", "why"]

articles = {}
for line in ARTICLES.open():
    a = json.loads(line)
    articles[a["article_id"]] = a

errors = []
rows = []
for n, line in enumerate(QUESTIONS.open(), 1):
    try:
        r = json.loads(line)
    except json.JSONDecodeError as e:
        errors.append(f"line {n}: does not parse: {e}")
        continue
    rows.append((n, r))
    if list(r) != FIELDS:
        errors.append(f"line {n}: fields {list(r)} != {FIELDS}")
        continue
    a = articles.get(r["article_id"])
    if a is None:
        errors.append(f"line {n}: unknown article {r['article_id']}")
        continue
    if r["product"] != a["product"]:
        errors.append(f"line {n}: product {r['product']!r} != article's {a['product']!r}")
    if not isinstance(r["question"], str) or not r["question"].strip():
        errors.append(f"line {n}: empty question")
    if r["label"] == 1:
        if r["kind"] not in KINDS_1:
            errors.append(f"line {n}: kind {r['kind']!r} not a label-1 kind")
        if not r["answer"] or r["why"] is not None:
            errors.append(f"line {n}: label 1 needs answer and why=null")
        if not r["evidence"]:
            errors.append(f"line {n}: label 1 without evidence")
        for e in r["evidence"]:
            ea = articles.get(e.get("article_id"))
            if ea is None:
                errors.append(f"line {n}: evidence names unknown article {e.get('article_id')}")
            elif ea["product"] != r["product"]:
                errors.append(f"line {n}: evidence from another product {e['article_id']}")
            elif not e.get("quote") or e["quote"] not in ea["text"]:
                errors.append(f"line {n}: quote not in {e['article_id']}: {e.get('quote')!r}")
    elif r["label"] == 0:
        if r["kind"] not in KINDS_0:
            errors.append(f"line {n}: kind {r['kind']!r} not a label-0 kind")
        if r["answer"] is not None or r["evidence"] != [] or not r["why"]:
            errors.append(f"line {n}: label 0 needs answer=null, evidence=[], a why")
    else:
        errors.append(f"line {n}: label {r['label']!r} not 0 or 1")


def norm(q):
    return re.sub(r"[^a-z0-9]+", " ", q.lower()).strip()


seen = {}
for n, r in rows:
    key = (r.get("product"), norm(r.get("question", "")))
    if key in seen:
        errors.append(f"line {n}: duplicate of line {seen[key]}: {r['question']!r}")
    else:
        seen[key] = n

print(f"{len(rows)} questions")
print("by label:", dict(sorted(collections.Counter(r["label"] for _, r in rows).items())))
print("by kind:", dict(sorted(collections.Counter(r["kind"] for _, r in rows).items())))
by_prod = collections.defaultdict(collections.Counter)
for _, r in rows:
    by_prod[r["product"]][r["label"]] += 1
for p, c in by_prod.items():
    print(f"  {p}: {c[1]} answerable, {c[0]} unanswerable")
by_art = collections.defaultdict(collections.Counter)
for _, r in rows:
    by_art[r["article_id"]][r["label"]] += 1
thin = {a: dict(c) for a, c in by_art.items() if c[1] < 7 or c[0] < 8}
missing = sorted(set(articles) - set(by_art))
print("per article (answerable/unanswerable):",
      " ".join(f"{a}:{c[1]}/{c[0]}" for a, c in sorted(by_art.items())))
if thin:
    print("articles with few questions:", thin)
if missing:
    print("articles without questions:", missing)
for e in errors:
    print("ERROR", e)
print("OK" if not errors else f"{len(errors)} errors")
sys.exit(1 if errors else 0)
