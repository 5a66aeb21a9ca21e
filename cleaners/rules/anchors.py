"""Anchor spam: glued anchor runs, link runs, off-site commercial anchors."""

from __future__ import annotations

from ..model import Block, PageFacts
from .lexicon import commercial
from .registry import rule, signal


@rule("spam.link_run", scope="dom")
def link_run(block: Block, page: PageFacts) -> bool:
    """Off-site links (``link_run_links``) whose text is most of the element's
    (``link_run_share``), with commercial evidence."""
    opts = page.options
    return block.offsite_links >= opts.link_run_links and block.link_share >= opts.link_run_share and commercial(block)


@signal("spam.glued_anchors", weight="weight_glued_anchors")
def glued_anchors(block: Block, page: PageFacts) -> float:
    """One glued run reads 0.6, two or more 1.0."""
    if not block.glued:
        return 0.0
    return min(1.0, 0.6 + 0.4 * (block.glued - 1))


@signal("spam.offsite_anchor", weight="weight_offsite_anchor")
def offsite_anchor(block: Block, page: PageFacts) -> float:
    """Share of the block that is text of off-site links with commercial evidence."""
    return min(1.0, 2 * block.anchor_share)
