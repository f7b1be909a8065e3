"""Check articles.jsonl and claims.jsonl. Exit status 1 when a hard check fails.

Run: /work/main/.venv/bin/python check.py
"""

import json
import re
import sys
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUPPORTED_KINDS = {"paraphrase", "combine", "heading", "inference"}
UNSUPPORTED_KINDS = {
    "number",
    "entity",
    "condition",
    "relation",
    "negation",
    "quantifier",
    "unstated",
    "mixed",
}
NEAR_VERBATIM = 0.9


def load(name: str) -> list[dict]:
    rows = []
    for n, line in enumerate((HERE / name).read_text(encoding="utf-8").splitlines(), 1):
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            fail(f"{name}:{n}: does not parse: {e}")
    return rows


errors: list[str] = []


def fail(msg: str) -> None:
    errors.append(msg)


def norm(s: str) -> str:
    s = re.sub(r"[*`#|>]", " ", s)
    s = re.sub(r"^\s*(?:-|\d+\.)\s+", "", s)
    return " ".join(s.lower().split()).strip(" .")


def sentences(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        for part in re.split(r"(?<=[.!?])\s+", line):
            if norm(part):
                out.append(norm(part))
    return out


def main() -> int:
    articles = load("articles.jsonl")
    claims = load("claims.jsonl")
    by_id: dict[str, dict] = {}
    for a in articles:
        for key in ("article_id", "product", "title", "text"):
            if not isinstance(a.get(key), str) or not a[key]:
                fail(f"article {a.get('article_id')}: missing {key}")
        if a["article_id"] in by_id:
            fail(f"duplicate article_id {a['article_id']}")
        by_id[a["article_id"]] = a
        words = len(re.findall(r"[A-Za-z0-9][\w'.-]*", a["text"]))
        if not 150 <= words <= 400:
            fail(f"article {a['article_id']}: {words} words, outside 150-400")
        if f"# {a['title']}" not in a["text"] or "\n## " not in a["text"]:
            fail(f"article {a['article_id']}: no title line or no ## section")

    sents = {aid: sentences(a["text"]) for aid, a in by_id.items()}
    per_article = Counter()
    seen = set()
    near_verbatim = 0
    for i, c in enumerate(claims, 1):
        where = f"claim {i} ({c.get('article_id')})"
        if set(c) != {"article_id", "claim", "question", "label", "kind", "evidence"}:
            fail(f"{where}: wrong keys {sorted(c)}")
            continue
        a = by_id.get(c["article_id"])
        if a is None:
            fail(f"{where}: unknown article_id")
            continue
        per_article[c["article_id"]] += 1
        if c["label"] not in (0, 1):
            fail(f"{where}: label {c['label']!r}")
        kinds = SUPPORTED_KINDS if c["label"] == 1 else UNSUPPORTED_KINDS
        if c["kind"] not in kinds:
            fail(f"{where}: kind {c['kind']!r} not allowed with label {c['label']}")
        if c["question"] is not None and not (isinstance(c["question"], str) and c["question"]):
            fail(f"{where}: bad question")
        key = (c["article_id"], c["question"], c["claim"].lower())
        if key in seen:
            fail(f"{where}: duplicate claim {c['claim']!r}")
        seen.add(key)
        for q in c["evidence"]:
            if q not in a["text"]:
                fail(f"{where}: evidence not in article: {q!r}")
        if c["kind"] == "unstated" and c["evidence"]:
            fail(f"{where}: unstated claim with evidence")
        if c["kind"] != "unstated" and not c["evidence"]:
            fail(f"{where}: no evidence")
        if c["label"] == 1:
            nc = norm(c["claim"])
            if nc in sents[c["article_id"]]:
                fail(f"{where}: supported claim equals an article sentence: {c['claim']!r}")
            best = max(SequenceMatcher(None, nc, s).ratio() for s in sents[c["article_id"]])
            near_verbatim += best >= NEAR_VERBATIM
    for aid in by_id:
        if not 25 <= per_article[aid] <= 40:
            fail(f"article {aid}: {per_article[aid]} claims, outside 25-40")

    n = len(claims)
    labels = Counter(c["label"] for c in claims)
    n1 = labels[1] or 1
    print(f"articles: {len(articles)}  products: {len({a['product'] for a in articles})}")
    print(f"claims: {n}  label 1: {labels[1]} ({labels[1] / n:.1%})  label 0: {labels[0]} ({labels[0] / n:.1%})")
    q = sum(c["question"] is not None for c in claims)
    print(f"with question: {q} ({q / n:.1%})")
    print(
        f"near-verbatim supported claims (ratio >= {NEAR_VERBATIM}): {near_verbatim} ({near_verbatim / n1:.1%} of label 1)"
    )
    print("kinds:")
    for kind, count in sorted(Counter((c["label"], c["kind"]) for c in claims).items()):
        print(f"  {kind[0]} {kind[1]:<11} {count}")
    print("per product (articles, claims, label 1 share):")
    prod = defaultdict(list)
    for c in claims:
        if c["article_id"] in by_id:
            prod[by_id[c["article_id"]]["product"]].append(c["label"])
    for p, ls in prod.items():
        arts = sum(a["product"] == p for a in articles)
        print(f"  {p:<22} {arts:>2} {len(ls):>4}  {sum(ls) / len(ls):.1%}")
    if near_verbatim / n1 > 0.10:
        fail(f"near-verbatim supported claims above 10%: {near_verbatim}")
    for e in errors:
        print("FAIL", e)
    print("OK" if not errors else f"{len(errors)} failures")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
