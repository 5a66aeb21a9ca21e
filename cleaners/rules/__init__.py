"""REGISTRY: every rule and signal by reason code; ORDER: the order they run in.

Importing the modules registers their rules; the order is the tuple below, whatever
the import order. Stages run in this order too: DOM rules on the parsed tree, block
rules (the first that fires removes the block), signals (combined into one score per
block by ``score.py``; their order only orders the evidence listed), neighbour rules
(kept blocks next to removed spam, until nothing changes), seller rules (kept blocks
naming a seller that removed spam named), page rules (the first that fires decides).
"""

from __future__ import annotations

from . import anchors, boilerplate, comments, context, foreign, hidden, learned, lexicon, neighbour, page, pitch  # noqa: F401
from .registry import ORDER, REGISTRY, Entry, default_weight, entries, rule, set_order, signal

set_order((
    # DOM stage: elements dropped before extraction.
    "spam.hidden_block", "spam.marquee", "spam.noscript", "spam.link_run",
    # Block rules: boilerplate lines, first match wins.
    "boilerplate.comment_form", "boilerplate.comment_header", "boilerplate.credits", "boilerplate.copyright",
    "boilerplate.share", "boilerplate.subscribe", "boilerplate.cookie", "boilerplate.navigation",
    # Content signals.
    "spam.commercial_lexicon", "spam.brand_morphology", "spam.call_to_action", "spam.promo_phrase",
    "spam.self_promotion",
    "spam.glued_anchors", "spam.offsite_anchor", "spam.learned", "spam.disguised_name",
    "spam.foreign_block", "spam.comment_pitch", "spam.comment_seller", "spam.pitch_shape", "spam.pasted_link",
    "spam.appended_pitch", "spam.sold_apart",
    # Context signals.
    "spam.language_mismatch", "spam.tail_position", "spam.repetition", "spam.no_prose", "spam.comment_section",
    "spam.off_topic",
    # Neighbour stage.
    "boilerplate.spam_comment_header", "spam.neighbour",
    # Seller stage.
    "spam.same_seller",
    # Page stage.
    "spam.page", "guard.over_removal",
))

__all__ = ["ORDER", "REGISTRY", "Entry", "default_weight", "entries", "rule", "signal"]
