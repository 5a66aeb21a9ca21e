"""Foreign blocks: prose in another script or language than a monolingual page.

Injected spam is written for its own market, not for the page it lands on: a
Bengali casino paragraph in an English recipe, a Spanish pharmacy sentence after a
German news paragraph. That holds for markets and languages no lexicon knows, so
the mismatch counts as content evidence here, of moderate weight: together with
the page's language context (``spam.language_mismatch``) it removes a foreign
prose block, and it adds to any commercial evidence the block carries. A page
with much text in a second language is bilingual, not injected: the signal stays
silent there.
"""

from __future__ import annotations

import re

from ..language import UNSPACED
from ..model import Block, PageFacts
from .registry import signal

# Figures, a Latin word inside text of another script (a brand: "Padmabet লগইন"), or
# words glued where anchors met ("спортСтолото").
SHAPES = re.compile(r"\d|[A-Za-z]{4,}|[a-zа-яё][A-ZА-ЯЁ]")
# Scripts that share a page without being foreign to each other (Japanese writes Han).
KIN = frozenset({frozenset({"han", "kana"})})


def other_script(block: str, page: str) -> bool:
    """Tell whether a block's script is foreign to the page's (Latin in another script is not:
    names, code and product words are written in Latin everywhere).

    >>> other_script("other", "latin"), other_script("latin", "cyrillic"), other_script("han", "kana")
    (True, False, False)
    """
    if "none" in (block, page) or block == page or block == "latin":
        return False
    return frozenset({block, page}) not in KIN


@signal("spam.foreign_block", weight="weight_foreign_block")
def foreign_block(block: Block, page: PageFacts) -> float:
    """1.0 for a prose block (``foreign_units``) in a script or language foreign to a
    monolingual page (not ``bilingual_share`` of it in ``bilingual_blocks``)."""
    opts = page.options
    if block.quoted or (page.foreign_share > opts.bilingual_share and page.foreign_blocks >= opts.bilingual_blocks):
        return 0.0
    if block.units < (opts.foreign_units_unspaced if block.script in UNSPACED else opts.foreign_units):
        return 0.0
    if block.foreign and not (block.in_comments and not opts.foreign_comments_same_script):
        return 1.0
    if other_script(block.script, page.script) and (block.sentence_end or block.glued or SHAPES.search(block.text)):
        return 1.0  # not verse or a name: spam comes in sentences, with figures or Latin brand names
    return 0.0
