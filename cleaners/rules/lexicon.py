"""Lexicon and brand-morphology evidence: commercial words, brands, calls to action, promos.

Each signal scales with both the count and the density of its hits, so that a
long article paragraph naming a casino once scores low while a short run of
gambling terms scores high (``CleanOptions.*_full_hits`` and ``*_density``). Words
of the document's own topic weigh less (``CleanOptions.topic_discount``).
"""

from __future__ import annotations

from ..model import Block, PageFacts
from ..options import CleanOptions
from .pitch import apart, own_stems
from .registry import signal


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


def strong_commercial(block: Block, options: CleanOptions) -> bool:
    """Evidence enough to condemn hidden text: brands, glue, promos, off-site links
    with commercial words, or ``strong_lexicon_hits`` lexicon hits at a density that
    scores ``strong_lexicon_score``."""
    if named_commerce(block) or (block.hits() and block.offsite_links):
        return True
    return dense_lexicon(block, options)


def named_commerce(block: Block) -> bool:
    """A brand, glued words or a promo phrase: commerce named, not a topic word."""
    return block.brands >= 1 or block.glued or bool(block.promo)


def dense_lexicon(block: Block, options: CleanOptions) -> bool:
    """At least ``strong_lexicon_hits`` lexicon hits, at a density that scores
    ``strong_lexicon_score``."""
    hits = block.hits()
    if hits < options.strong_lexicon_hits:
        return False
    return saturate(hits, block.units, options.lexicon_full_hits, options.lexicon_density) >= options.strong_lexicon_score


@signal("spam.commercial_lexicon", weight="weight_commercial_lexicon")
def commercial_lexicon(block: Block, page: PageFacts) -> float:
    opts = page.options
    discount = opts.topic_discount
    hits = sum(n * (discount if topic in page.topics else 1.0) for topic, n in block.topics)
    return saturate(hits, block.units, opts.lexicon_full_hits, opts.lexicon_density)


@signal("spam.brand_morphology", weight="weight_brand_morphology")
def brand_morphology(block: Block, page: PageFacts) -> float:
    return saturate(block.brands, block.units, page.options.brand_full_hits, page.options.brand_density)


@signal("spam.call_to_action", weight="weight_call_to_action")
def call_to_action(block: Block, page: PageFacts) -> float:
    if not (block.brands >= 1 or block.topics or block.glued):
        return 0.0
    return saturate(block.cta, block.units, page.options.cta_full_hits, page.options.cta_density)


@signal("spam.promo_phrase", weight="weight_promo_phrase")
def promo_phrase(block: Block, page: PageFacts) -> float:
    return saturate(block.promo, block.units, page.options.promo_full_hits, page.options.promo_density)


@signal("spam.self_promotion", weight="weight_self_promotion")
def self_promotion(block: Block, page: PageFacts) -> float:
    """A commenter selling their own channel, song or shop ("check out my channel",
    "sub 4 sub"), or a block that is mostly a link. A quotation reports it. A web address
    counts as one word (its path's pieces are no prose to dilute the pitch). A block with
    a whole phrase that shares (almost) none of its page's words (``_apart``) and that the
    model gives ``self_promotion_apart_learned`` is read at ``self_promotion_apart_density``:
    a comment pasted into a story chats before it pitches."""
    if block.quoted:
        return 0.0
    opts = page.options
    units = max(1, block.units - block.link_units)
    density = opts.self_promotion_density
    if (block.self_promo >= opts.self_promotion_full_hits and block.learned >= opts.self_promotion_apart_learned
            and _apart(block, page)):
        density = opts.self_promotion_apart_density
    return saturate(block.self_promo, units, opts.self_promotion_full_hits, density)


def _apart(block: Block, page: PageFacts) -> bool:
    """The block shares (almost) none of its words with the rest of the page, as
    ``spam.off_topic`` reads it (``pitch.apart``), on a page of ``pitch_min_blocks``
    blocks or more: written for somewhere else, as a comment pasted into a story is."""
    return len(page.texts) >= page.options.pitch_min_blocks and apart(own_stems(block, page), block.index, page)
