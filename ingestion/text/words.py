"""Words of a text: the word pattern, the stop-word list and the stemmer, each written once.

The lexical index (BM25), the extractive backend's keywords, the verifier's content words and the
evals' token recall all read words through this module, so "refunds" and "refund" meet the same way
wherever they are compared.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence

import Stemmer

# Lower-case words and figures, with an English contraction or possessive kept on ("it's", "team's").
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")

# Function words: they carry no content, so neither keyword matching nor word overlap counts them.
# Negations are among them; the verifier reads negation before it drops stop words.
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just let me
    more most my myself nor of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves yes no not never none cannot n't s t d ll re ve m o y per
    via may might must shall upon within without onto across among around toward towards whether either
    neither every whose one ones another many much several less fewer least like etc e g ie eg i.e e.g
    u however thus therefore since although though yet still already even ever now i'm it's
    there's""".split()  # noqa: SIM905
)

# The Snowball (Porter 2) English stemmer. A stemmer object keeps a cache that is not safe to share
# between threads, and the service verifies and searches from several: one object per thread.
_local = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    stemmer: Stemmer.Stemmer | None = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("english")
    return stemmer


def _plain(word: str) -> str:
    return word.lower().replace("’", "'").strip("'-")


def stem(word: str) -> str:
    """The stem of one word, so that 'refund', 'refunds' and 'refunded' meet."""
    return str(_stemmer().stemWord(_plain(word)))


def stem_words(words: Sequence[str]) -> list[str]:
    """`stem` of each word, in one call (the lexical index stems its whole vocabulary at once)."""
    return list(_stemmer().stemWords([_plain(w) for w in words]))


def words(text: str) -> list[str]:
    """The words of `text` in order, lower-cased."""
    return WORD.findall(text.lower())
