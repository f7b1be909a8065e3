"""Names and codes a claim states that its evidence never writes (pure).

The entailment model reads "the audit firm Halden & Pryce LLP prepared it" as supported by a passage
saying that an audit firm prepared it: a swapped name looks like a paraphrase to it. A name, unlike a
verb, has no paraphrase a passage could hold in other words, so like a figure (`quantities.py`) it must
be written somewhere in the evidence, or in the question, which is the asker's own.

A name is a capitalised word that does not open a sentence ("Helena Varga", "Dublin", "Rewind",
"Settings > Billing"); it is found in the evidence in any casing, stemmed as `analyze` stems ("Viewers"
matches "viewer"). An acronym matches the words it stands for ("SLA": "Service Level Agreement", "IdP":
"identity provider") and capitalised words match the acronym they spell. A code is an e-mail address, a
URL or domain, a path, a capitalised error code (`LB-403-QUOTA`) or anything in backticks; it must be
written out in full (any casing, the URL's scheme and a trailing slash aside).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from app.grounding.facts import analyze
from ingestion.text import stem

_CODE = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail
    r"|https?://[^\s)\]>\"'`]+[^\s)\]>\"'`.,;:]"  # URL
    r"|(?<![\w@./-])(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[^\s)\]>\"'`]*[^\s)\]>\"'`.,;:])?(?![\w@-])"  # domain
    r"|(?<![\w.])~?/[\w.-]+(?:/[\w.-]+)+"  # path of two parts or more: /v2/files/upload
    r"|\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b"  # error code
    r"|`[^`\n]+`"
)
_WORD = re.compile(r"[A-Za-z][\w'’&-]*")
_OPENS = re.compile(r"(?:^|[.!?:;]['\")\]]*\s+|\n\s*(?:[-*•]\s+|\d+[.)]\s+)?)$")
# "I've", units written in capitals ("300 GB") and titles ("Mr. Bush") are no names.
_NOT_NAMES = frozenset("i i've i'm i'd i'll kb mb gb tb pb kbps mbps gbps mr mrs ms dr st jr sr prof".split())  # noqa: SIM905
MIN_STEM = 4  # letters two forms of a name share at least: "Libya"/"Libyan", "Sweden"/"Swedes"
_FILLER = r"(?:(?:of|and|the|for|&|to)\s+)?"


def codes(text: str) -> list[str]:
    """E-mail addresses, URLs, domains, paths, error codes and backticked text, as written."""
    return [m.group().strip("`").rstrip(".,;:") for m in _CODE.finditer(text)]


def _plain_code(code: str) -> str:
    return re.sub(r"^https?://", "", code.lower()).rstrip("/")


def name_words(text: str) -> list[str]:
    """The capitalised words of `text` that `analyze` counts as names, less those opening a sentence
    ("Open Settings > Billing": "Open" is an instruction, whatever follows it)."""
    entities = analyze(text).entities
    out = []
    for m in _WORD.finditer(text):
        raw = m.group()
        low = _plain(raw)
        if (
            raw[0].isupper()
            and stem(low) in entities
            and low not in _NOT_NAMES
            and not _OPENS.search(text[max(0, m.start() - 12) : m.start()])
        ):
            out.append(raw)
    return out


def name_stems(text: str) -> frozenset[str]:
    """The stems of `name_words(text)`, as `analyze` stems its entities."""
    return frozenset(_stem(w) for w in name_words(text))


def _spelled_out(acronym: str, text: str) -> bool:
    """Do the acronym's capitals open consecutive words of `text` ("IdP": "identity provider")?"""
    caps = [c for c in acronym if c.isupper()]
    if len(caps) < 2:
        return False
    pattern = r"\b" + rf"[\w'-]*\s+{_FILLER}".join(re.escape(c) for c in caps) + r"\w*"
    return re.search(pattern, text, re.I) is not None


def _acronym_of_run(text: str, words: Iterable[str], evidence: str) -> set[str]:
    """Words of a capitalised run in `text` ("the Service Level Agreement") whose initials the evidence
    writes as an acronym ("SLA")."""
    wanted = set(words)
    out: set[str] = set()
    for m in re.finditer(rf"[A-Z][\w'-]*(?:\s+{_FILLER}[A-Z][\w'-]*)+", text):
        run = [w for w in m.group().split() if w[0].isupper()]
        for i in range(len(run)):
            for j in range(i + 2, len(run) + 1):
                if wanted & set(run[i:j]) and re.search(rf"\b{''.join(w[0] for w in run[i:j])}s?\b", evidence):
                    out |= wanted & set(run[i:j])
    return out


def missing_names(claim: str, evidence: str, evidence_bag: frozenset[str] | None = None) -> list[str]:
    """The claim's names and codes that `evidence` never writes, in order, each once. `evidence_bag` is
    `analyze(evidence).bag` when the caller has it (the evidence of one answer is read once)."""
    bag = analyze(evidence).bag if evidence_bag is None else evidence_bag
    low = re.sub(r"https?://", "", evidence.lower())
    written_codes = codes(claim)
    missing = [c for c in written_codes if _plain_code(c) not in low]
    in_codes = " ".join(written_codes)
    names = [w for w in name_words(claim) if w not in in_codes]
    unknown = [w for w in names if _stem(w) not in bag]
    if unknown:  # the slower readings, only for what the stems did not find
        undotted = re.sub(r"\b([A-Z])\.", r"\1", evidence)  # "U.S." is "US"
        capitalised = {_fold(w) for w in re.findall(r"\b[A-Z][\w'’&-]*", undotted)}
        unknown = [w for w in unknown if not _spelled_out(w, undotted) and not _written(_fold(w), capitalised)]
        spelled = _acronym_of_run(claim, unknown, undotted)
        missing += [w for w in unknown if w not in spelled]
    return list(dict.fromkeys(missing))


def _written(name: str, capitalised: set[str]) -> bool:
    """Is `name` (folded) one of the evidence's capitalised words, or another form of one: its accents
    aside ("Hernandez"), its demonym or plural ("Libyan" for "Libya", "Swedes" for "Sweden")?"""
    if name in capitalised:
        return True
    for word in capitalised:
        shared = next(
            (i for i, (a, b) in enumerate(zip(name, word, strict=False)) if a != b), min(len(name), len(word))
        )
        if shared >= MIN_STEM and shared >= min(len(name), len(word)) - 1:
            return True
    return False


def _fold(word: str) -> str:
    """Lower case without accents: "Hernández" is "hernandez"."""
    decomposed = unicodedata.normalize("NFKD", word.lower().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _plain(word: str) -> str:
    """Lower case, straight apostrophe, no possessive: "Larkbox’s" is "larkbox"."""
    low = word.lower().replace("’", "'")
    return low[:-2] if low.endswith("'s") else low


def _stem(word: str) -> str:
    return stem(_plain(word))
