"""Anchor spam: glued anchor runs, link runs, off-site commercial anchors."""

from __future__ import annotations

from ..model import Block, PageFacts
from .lexicon import commercial
from .registry import rule, signal

# A DOM link run: at least 3 off-site links whose text is at least 0.6 of the element's.
# The bench's legitimate link lists (related stories, tags) are on-site or carry no
# commercial evidence, which the rule also requires.
RUN_LINKS = 3
RUN_LINK_SHARE = 0.6


@rule("spam.link_run", scope="dom")
def link_run(block: Block, page: PageFacts) -> bool:
    return block.offsite_links >= RUN_LINKS and block.link_share >= RUN_LINK_SHARE and commercial(block)


@signal("spam.glued_anchors", weight=0.9)
def glued_anchors(block: Block, page: PageFacts) -> float:
    """One glued run reads 0.6, two or more 1.0."""
    if not block.glued:
        return 0.0
    return min(1.0, 0.6 + 0.4 * (block.glued - 1))


@signal("spam.offsite_anchor", weight=0.6)
def offsite_anchor(block: Block, page: PageFacts) -> float:
    """Share of the block that is text of off-site links with commercial evidence."""
    return min(1.0, 2 * block.anchor_share)
