"""Text analysis, written once for the whole service: sentences (`sentences.py`: the splitter and its
abbreviations), blocks of a document (`blocks.py`: headings, items, rows, paragraphs, and the sentences
within them) and words (`words.py`: the word pattern, stop words and the stemmer).

It sits in the bottom layer so that ingestion, the verifier, the LLM backends and the evals all cut and
compare text the same way: a sentence of an answer, of an indexed passage and of a passage sent to
`/v1/verify` is found by one rule.
"""

from ingestion.text.blocks import Block, document_sentences, sentence_spans, split_blocks
from ingestion.text.sentences import ABBREVIATIONS, is_abbreviation, split_sentences
from ingestion.text.words import STOP_WORDS, WORD, stem, stem_words, words

__all__ = [
    "ABBREVIATIONS",
    "STOP_WORDS",
    "WORD",
    "Block",
    "document_sentences",
    "is_abbreviation",
    "sentence_spans",
    "split_blocks",
    "split_sentences",
    "stem",
    "stem_words",
    "words",
]
