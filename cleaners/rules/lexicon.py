"""Lexicon and brand-morphology evidence: commercial words, brands, calls to action, promos.

Each signal scales with both the count and the density of its hits, so that a
long article paragraph naming a casino once scores low while a short run of
gambling terms scores high. Words of the document's own topic weigh less
(``CleanOptions.topic_discount``).
"""

from __future__ import annotations

from ..model import Block, PageFacts
from .registry import signal

# Densities at which evidence saturates, per unit (word, or 3 characters unspaced).
# 0.15 lexicon / 0.25 brands / 0.1 calls / 0.08 promos: the densest prose paragraph
# of the gambling-article cases has 0.20 lexicon hits a word (discounted by the
# topic to 0.05) and no brand, call or promo; keyword lines of injected spam have
# 0.3-1.0 (cases, 2026-11-25).
LEXICON_DENSITY = 0.15
BRAND_DENSITY = 0.25
CTA_DENSITY = 0.1
PROMO_DENSITY = 0.08


def saturate(count: float, units: int, full_count: float, full_density: float) -> float:
    """Evidence in [0, 1] growing with both a hit count and its density.

    >>> saturate(3, 10, 3, 0.15)
    1.0
    >>> round(saturate(1, 40, 3, 0.15), 3)
    0.056
    """
    if count <= 0 or units <= 0:
        return 0.0
    return min(1.0, count / full_count) * min(1.0, count / units / full_density)


def commercial(block: Block) -> bool:
    """Tell whether a block carries any commercial evidence at all."""
    return block.commercial()


def strong_commercial(block: Block) -> bool:
    """Evidence enough to condemn hidden text: brands, glue, promos, off-site links
    with commercial words, or two lexicon hits at a density that scores 0.3 (one
    "betting" in a hidden 100-word sports widget scores 0.02: bench page
    0d46122928b6f468; a hidden menu "Sport Business Betting news" has one hit)."""
    if block.brands >= 1 or block.glued or block.promo:
        return True
    hits = block.hits()
    if hits and block.offsite_links:
        return True
    return hits >= 2 and saturate(hits, block.units, 3, LEXICON_DENSITY) >= 0.3


@signal("spam.commercial_lexicon", weight=0.7)
def commercial_lexicon(block: Block, page: PageFacts) -> float:
    discount = page.options.topic_discount
    hits = sum(n * (discount if topic in page.topics else 1.0) for topic, n in block.topics)
    return saturate(hits, block.units, 3, LEXICON_DENSITY)


@signal("spam.brand_morphology", weight=0.6)
def brand_morphology(block: Block, page: PageFacts) -> float:
    return saturate(block.brands, block.units, 3, BRAND_DENSITY)


@signal("spam.call_to_action", weight=0.5)
def call_to_action(block: Block, page: PageFacts) -> float:
    if not (block.brands >= 1 or block.topics or block.glued):
        return 0.0
    return saturate(block.cta, block.units, 2, CTA_DENSITY)


@signal("spam.promo_phrase", weight=0.6)
def promo_phrase(block: Block, page: PageFacts) -> float:
    return saturate(block.promo, block.units, 2, PROMO_DENSITY)
