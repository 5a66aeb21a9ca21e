"""Context evidence: script/language mismatch, tail position, repetition, missing prose.

These are "context" signals: they never condemn a block alone, they strengthen the
content evidence of one that already has some (see ``score.py``).
"""

from __future__ import annotations

from ..language import UNSPACED
from ..model import Block, PageFacts
from .registry import signal

# A sentence of at least 6 words with under 0.05 of the page language's stopwords
# (English prose in the cases has 0.2-0.45).
FOREIGN_UNITS = 6
FOREIGN_SHARE = 0.05
# The last fifth of a document is where injected footers sit (seed page).
TAIL_START = 0.8
# No prose: at least 4 words, under 0.08 stopwords, no sentence punctuation.
NO_PROSE_UNITS = 4
NO_PROSE_STOPS = 0.08


@signal("spam.language_mismatch", weight=0.35, role="context")
def language_mismatch(block: Block, page: PageFacts) -> float:
    """1.0 for another script or a named foreign language (``Block.foreign``), 0.7 for
    another stopword language, 0.5 for a sentence with (almost) none of the page
    language's stopwords: an unknown language."""
    if block.script not in ("none", page.script) and page.script != "none":
        return 1.0
    if not page.language:
        return 0.0
    if block.foreign:
        return 1.0  # named by stopwords or langdetect: as sure as another script
    if block.stop_lang and block.stop_lang != page.language:
        return 0.7
    if block.units >= FOREIGN_UNITS and block.sentence_end and block.stop_share(page.language) < FOREIGN_SHARE:
        return 0.5
    return 0.0


@signal("spam.tail_position", weight=0.2, role="context")
def tail_position(block: Block, page: PageFacts) -> float:
    return max(0.0, (block.position - TAIL_START) / (1 - TAIL_START))


@signal("spam.repetition", weight=0.2, role="context")
def repetition(block: Block, page: PageFacts) -> float:
    return min(1.0, block.repeats / 2)


@signal("spam.no_prose", weight=0.25, role="context")
def no_prose(block: Block, page: PageFacts) -> float:
    if block.script in UNSPACED or block.units < NO_PROSE_UNITS or block.sentence_end:
        return 0.0
    return 1.0 if block.stop_ratio < NO_PROSE_STOPS else 0.0
