"""Context evidence: script/language mismatch, tail position, repetition, missing prose.

These are "context" signals: they never condemn a block alone, they strengthen the
content evidence of one that already has some (see ``score.py``).
"""

from __future__ import annotations

from ..language import LISTED_SCRIPTS
from ..model import Block, PageFacts
from .registry import signal


@signal("spam.language_mismatch", weight="weight_language_mismatch", role="context")
def language_mismatch(block: Block, page: PageFacts) -> float:
    """1.0 for another script or a named foreign language (``Block.foreign``), 0.7 for
    another stopword language, 0.5 for a sentence (``mismatch_units``) with (almost) none
    of the page language's stopwords (``mismatch_stop_share``): an unknown language."""
    if block.script not in ("none", page.script) and page.script != "none":
        return 1.0
    if not page.language:
        return 0.0
    if block.foreign:
        return 1.0  # named by stopwords or langdetect: as sure as another script
    if block.stop_lang and block.stop_lang != page.language:
        return 0.7
    opts = page.options
    if (block.units >= opts.mismatch_units and block.sentence_end
            and block.stop_share(page.language) < opts.mismatch_stop_share):
        return 0.5
    return 0.0


@signal("spam.tail_position", weight="weight_tail_position", role="context")
def tail_position(block: Block, page: PageFacts) -> float:
    start = page.options.tail_position_start
    return max(0.0, (block.position - start) / (1 - start))


@signal("spam.repetition", weight="weight_repetition", role="context")
def repetition(block: Block, page: PageFacts) -> float:
    return min(1.0, block.repeats / 2)


@signal("spam.no_prose", weight="weight_no_prose", role="context")
def no_prose(block: Block, page: PageFacts) -> float:
    """1.0 for a line of ``no_prose_units`` words or more, without a sentence's closing
    mark, under ``no_prose_stop_ratio`` stopwords: keywords or names run together. Only
    in the scripts a stopword list is written in (``LISTED_SCRIPTS``): elsewhere the
    share reads 0 for every line. (``facts._text_facts`` still gives those lines that 0,
    so ``is_prose`` finds no prose and no document topic there: read as prose, their
    pages' topics discounted spam pasted into gambling stories; README, cleaner 1.63.0.)"""
    if block.script not in LISTED_SCRIPTS or block.units < page.options.no_prose_units or block.sentence_end:
        return 0.0
    return 1.0 if block.stop_ratio < page.options.no_prose_stop_ratio else 0.0
