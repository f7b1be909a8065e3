"""Decomposition of a long claim into atomic facts, each verified on its own: a claim is supported only
when every fact of it is ("Business needs at least 3 users and can't exceed 300" is two facts, and the
second may be wrong while the first is right).

Pure and conservative. A claim is cut only where a new clause clearly starts: at a semicolon, or at
"and" / "but" / "while" / "whereas" / "so" (after a comma or not) when the next words are a subject and
a verb, or a verb; a clause holding a pronoun ("it", "they") stays with the clause it refers to. A
second clause that starts with its verb ("... and can't exceed 300") gets the first clause's subject
("A Business team can't exceed 300"). Lists of nouns ("Pro and Business"), numbers ("between 3 and
300") and short pieces are never cut.
"""

from __future__ import annotations

import re

MIN_WORDS = 3
MAX_FACTS = 4


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_AUX = _words(
    """is are was were be been can can't cannot could will won't would must may might should shall does
    doesn't do don't did didn't has have had hasn't haven't isn't aren't wasn't weren't needs need
    includes include included costs cost gets get lets let allows allow requires require supports
    support offers offer comes come keeps keep stays stay lasts last runs run starts start ends end
    takes take gives give shows show sends send receives receive renews renew expires expire applies
    apply counts count means mean works work uses use appears appear becomes become remains remain
    stores store syncs sync adds add removes remove deletes delete opens open charges charge refunds
    refund"""
)
# Words that open a clause with its own subject. Pronouns ("it", "they", "this") are not among them: a
# clause that refers back is judged together with the clause it refers to.
_SUBJECT_START = _words(
    """you we i there the a an each every all your our their some most many no none any both either
    neither only admins owners members users"""
)
_ARTICLES = _words("the a an this that your our their each every")
_PRONOUN = re.compile(r"\b(?:it|its|they|them|their)\b", re.I)
_CONJ = re.compile(r"(?:,\s*|;\s*|\s+)(?:and|but|while|whereas|so)\s+|;\s+", re.I)
_WORD = re.compile(r"[\w'’$€£%.-]+")


def atomic_facts(claim: str) -> list[str]:
    """The claim's facts, in order; the claim itself when it holds one (or cannot safely be cut)."""
    text = claim.strip()
    cuts = [
        m
        for m in _CONJ.finditer(text)
        if not _in_brackets(text, m.start()) and _starts_clause(text[m.end() :], _next_cut_or_end(text, m))
    ]
    if not cuts:
        return [text]
    pieces: list[str] = []
    pos = 0
    for m in cuts:
        pieces.append(text[pos : m.start()])
        pos = m.end()
    pieces.append(text[pos:])
    pieces = [p.strip(" ,;") for p in pieces]
    if any(len(_WORD.findall(p)) < MIN_WORDS for p in pieces) or len(pieces) > MAX_FACTS:
        return [text]
    facts = [_sentence(pieces[0])]
    subject = _nearest_subject(pieces[0], None)
    for piece in pieces[1:]:
        first = _WORD.findall(piece)[0].lower()
        if first in _AUX and subject and not _imperative(first, subject, facts[-1]):
            piece = f"{subject} {piece}"
        facts.append(_sentence(piece))
        subject = _nearest_subject(piece, subject)
    return facts


def _nearest_subject(piece: str, carried: str | None) -> str | None:
    """The subject a verb-first clause after `piece` continues: that of the piece's last clause. In "You
    needn't uninstall it; the installer replaces it and keeps your settings", the installer keeps them,
    not you; after a semicolon with no subject found, none (a wrong subject is worse than none)."""
    if ";" in piece:
        return _subject(_last_clause(piece))
    return _subject(piece) or carried


# Verbs whose form says nothing of person and number: "it can", "they can".
_MODAL = _words(
    """can can't cannot could will won't would must may might should shall did didn't was wasn't were
    weren't had"""
)
_PLURAL_SUBJECTS = _words("you we they i")


def _imperative(verb: str, subject: str, before: str) -> bool:
    """A verb-first clause whose verb cannot agree with the subject it would get: "The app restores one
    file at a time, so use the web" tells the reader to use the web; "The app use the web" is no fact.
    A base-form verb ("use", not "uses") after a singular subject ("The app", not "The apps" or "you"),
    unless the clause before has a modal the verb continues ("It must be 12 characters and include...")."""
    if verb in _MODAL or verb.endswith("s") or (verb.endswith("n't") and verb[:-3].endswith("s")):
        return False
    if _words(before.lower().replace(",", " ")) & (_MODAL | {"to"}):
        return False
    head = subject.split()[-1].lower()
    return head not in _PLURAL_SUBJECTS and not head.endswith("s")


def _in_brackets(text: str, pos: int) -> bool:
    """Inside a parenthesis: "(Editors can add, edit and delete files)" is one aside, never cut."""
    before = text[:pos]
    return before.count("(") > before.count(")") or before.count("[") > before.count("]")


def _last_clause(piece: str) -> str:
    """The clause after the piece's last semicolon (a semicolon that was not cut at)."""
    return piece.rsplit(";", 1)[-1].strip()


def _next_cut_or_end(text: str, m: re.Match[str]) -> str:
    after = text[m.end() :]
    nxt = _CONJ.search(after)
    return after[: nxt.start()] if nxt else after


def _starts_clause(rest: str, clause: str) -> bool:
    if _PRONOUN.search(clause):  # "..., and you need Enterprise for it": judged with what "it" is
        return False
    words = [w.lower() for w in _WORD.findall(rest)[:5]]
    if len(words) < 2:
        return False
    if words[0] in _AUX:
        return True
    # "and the Free plan keeps files 30 days": a subject, then a verb within the next four words
    return words[0] in _SUBJECT_START and any(w in _AUX or (w.endswith("s") and len(w) > 3) for w in words[1:])


def _subject(clause: str) -> str | None:
    """The words before the clause's first verb ("A Business team" in "A Business team needs ...", "the
    installer" in "the installer replaces it")."""
    words = clause.split()
    for i, w in enumerate(words):
        if w.lower().strip(",") in _AUX:
            return " ".join(words[:i]) if 0 < i <= 8 else None
    # A verb the list lacks, after an article and one noun: "the installer replaces".
    if len(words) > 2 and words[0].lower() in _ARTICLES and words[2].lower().endswith("s") and len(words[2]) > 3:
        return " ".join(words[:2])
    return None


def _sentence(piece: str) -> str:
    piece = piece.strip()
    if not piece:
        return piece
    piece = piece[0].upper() + piece[1:]
    return piece if piece[-1] in ".!?" else piece + "."
