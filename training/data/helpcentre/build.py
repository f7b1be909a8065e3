"""Build articles.jsonl and claims.jsonl from the hand-written sources in src/.

Source format (one file per product, src/<prefix>.txt):

    ### ARTICLE pwm-01
    product: Vaultline
    ---
    # Title
    ...Markdown...
    ### CLAIMS
    1 paraphrase | claim text | evidence quote ## another quote
    1 heading | Q: the user's question | short answer | evidence
    0 unstated | claim text

The title is taken from the article's first `# ` line. Rebuilding is idempotent:
both JSONL files are rewritten from every source file, in file order.
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def parse_claim(line: str, article_id: str) -> dict:
    head, _, rest = line.partition(" | ")
    label_s, kind = head.split()
    # Claims and questions hold no " | "; evidence may (table rows), so split only as far as needed.
    question = None
    if rest.startswith("Q: "):
        question, _, rest = rest[3:].partition(" | ")
        question = question.strip()
    claim, _, ev = rest.partition(" | ")
    claim = claim.strip()
    evidence = [q.strip() for q in ev.split(" ## ")] if ev.strip() else []
    return {
        "article_id": article_id,
        "claim": claim,
        "question": question,
        "label": int(label_s),
        "kind": kind,
        "evidence": [q for q in evidence if q],
    }


def parse_file(path: Path) -> tuple[list[dict], list[dict]]:
    articles, claims = [], []
    blocks = path.read_text(encoding="utf-8").split("### ARTICLE ")[1:]
    for block in blocks:
        header, _, body = block.partition("\n---\n")
        lines = header.strip().splitlines()
        article_id = lines[0].strip()
        meta = dict(line.split(": ", 1) for line in lines[1:])
        text, _, claim_text = body.partition("### CLAIMS\n")
        text = text.strip() + "\n"
        title = next(line[2:].strip() for line in text.splitlines() if line.startswith("# "))
        articles.append({"article_id": article_id, "product": meta["product"], "title": title, "text": text})
        for line in claim_text.splitlines():
            if line.strip() and not line.startswith("#"):
                claims.append(parse_claim(line.strip(), article_id))
    return articles, claims


def main() -> None:
    all_articles, all_claims = [], []
    for path in sorted((HERE / "src").glob("*.txt")):
        articles, claims = parse_file(path)
        all_articles += articles
        all_claims += claims
    with open(HERE / "articles.jsonl", "w", encoding="utf-8") as f:
        for a in all_articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    with open(HERE / "claims.jsonl", "w", encoding="utf-8") as f:
        for c in all_claims:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"{len(all_articles)} articles, {len(all_claims)} claims", file=sys.stderr)


if __name__ == "__main__":
    main()
