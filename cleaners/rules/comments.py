"""Spam comments: blocks inside the comment region of a text (after "N Comments" etc.)."""

from __future__ import annotations

from ..model import Block, PageFacts
from .registry import signal


@signal("spam.comment_section", weight="weight_comment_section", role="context")
def comment_section(block: Block, page: PageFacts) -> float:
    """Comments are where drive-by spam lands; their commercial words weigh more there.
    The model's verdict alone is not amplified: a short fan comment ("I really like this
    song.") reads to it much like a short pitch."""
    if not block.in_comments:
        return 0.0
    return 1.0 if block.commercial() or block.disguised else page.options.comment_model_only


@signal("spam.comment_pitch", weight="weight_comment_pitch")
def comment_pitch(block: Block, page: PageFacts) -> float:
    """A comment that names a brand-shaped name and sells (a topic word, a call or an
    offer): the drive-by comment's pitch, however long its thanks around it."""
    if not block.in_comments or block.brands < 1:
        return 0.0
    return 1.0 if (block.topics or block.cta or block.promo) else 0.0
