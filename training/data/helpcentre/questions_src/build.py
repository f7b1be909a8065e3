"""Turn the hand-written per-product question lists (src/<prefix>.py) into questions.jsonl."""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent / "questions.jsonl"
ARTICLES = HERE.parent / "articles.jsonl"
ORDER = ["bnk", "eml", "fit", "pmg", "pwm", "shp", "thm", "vcf"]

products = {}
for line in ARTICLES.open():
    a = json.loads(line)
    products[a["article_id"]] = a["product"]


def load(prefix):
    rows = []

    def A(aid, kind, question, answer, evidence):
        ev = []
        for e in evidence:
            if isinstance(e, str):
                ev.append({"article_id": aid, "quote": e})
            else:
                ev.append({"article_id": e[0], "quote": e[1]})
        rows.append({"product": products[aid], "article_id": aid, "question": question,
                     "label": 1, "kind": kind, "answer": answer, "evidence": ev, "why": None})

    def N(aid, kind, question, why):
        rows.append({"product": products[aid], "article_id": aid, "question": question,
                     "label": 0, "kind": kind, "answer": None, "evidence": [], "why": why})

    src = (HERE / f"{prefix}.py").read_text()
    exec(compile(src, f"{prefix}.py", "exec"), {"A": A, "N": N})
    return rows


done = [p for p in ORDER if (HERE / f"{p}.py").exists()]
with OUT.open("w") as f:
    for p in done:
        for r in load(p):
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
print("wrote", OUT, "products:", done, file=sys.stderr)
