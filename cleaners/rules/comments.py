"""Spam comments: blocks inside the comment region of a text (after "N Comments" etc.)."""

from __future__ import annotations

from ..model import Block, PageFacts
from .registry import signal


@signal("spam.comment_section", weight=0.35, role="context")
def comment_section(block: Block, page: PageFacts) -> float:
    """Comments are where drive-by spam lands; their commercial words weigh more there."""
    return 1.0 if block.in_comments else 0.0
