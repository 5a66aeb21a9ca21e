"""Evidence that needs no word list: the n-gram model's verdict, and disguised names."""

from __future__ import annotations

from ..model import Block, PageFacts
from .registry import signal

# The model's probability counts above LEARNED_FLOOR, scaled to [0, 1] at 1.0. 0.6: on the dev
# stretch of the real comments (bench/realspam_eval.py --split dev --limit 600), 0.5 / 0.6 / 0.7
# remove 0.36 / - / 0.26 of English spam placed in articles and lose 0.064 / - / 0.035 of the
# legitimate English comments of threads; Indonesian spam goes at all three (2026-12-04).
LEARNED_FLOOR = 0.6
# A few words say little: below LEARNED_UNITS words the evidence fades in proportion
# ("Outubro", "Thank you" and "(144)" score 0.8-0.98 on the 181 bench pages), and below
# LEARNED_MIN_UNITS it is none.
LEARNED_UNITS = 8
LEARNED_MIN_UNITS = 3


@signal("spam.learned", weight=0.6)
def learned(block: Block, page: PageFacts) -> float:
    """The n-gram model (cleaners/ngrams.py) reads the block as spam."""
    if block.units < LEARNED_MIN_UNITS or block.quoted:  # a quotation reports what was said
        return 0.0
    return max(0.0, (block.learned - LEARNED_FLOOR) / (1.0 - LEARNED_FLOOR)) * min(1.0, block.units / LEARNED_UNITS)


@signal("spam.disguised_name", weight=0.4)
def disguised_name(block: Block, page: PageFacts) -> float:
    """A word written in mathematical letters, spaced out, with look-alikes or hidden
    characters: news prose never writes a name so, promotion does to pass filters."""
    return min(1.0, float(block.disguised))
