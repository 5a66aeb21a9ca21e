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

# Units a foreign block needs (a short foreign name or title is not a block of prose);
# units of scripts written without spaces are 3 characters, so 4 is a 12-character
# sentence ("注册永利88即送彩金，立即登录官网。" has 16).
FOREIGN_UNITS = 6
FOREIGN_UNITS_UNSPACED = 4
# Above this share of foreign characters a page is bilingual. 0.4: the injected cases
# put 2-30% of a page in the spam's language; bilingual pages run near half.
BILINGUAL_SHARE = 0.4
# ... in at least this many prose blocks: two injected paragraphs can outweigh a short
# news brief, a bilingual page alternates its languages throughout.
BILINGUAL_BLOCKS = 4
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


@signal("spam.foreign_block", weight=0.3)
def foreign_block(block: Block, page: PageFacts) -> float:
    """1.0 for a prose block in a script or language foreign to a monolingual page."""
    if block.quoted or (page.foreign_share > BILINGUAL_SHARE and page.foreign_blocks >= BILINGUAL_BLOCKS):
        return 0.0
    if block.units < (FOREIGN_UNITS_UNSPACED if block.script in UNSPACED else FOREIGN_UNITS):
        return 0.0
    if block.foreign:
        return 1.0
    if other_script(block.script, page.script) and (block.sentence_end or block.glued or SHAPES.search(block.text)):
        return 1.0  # not verse or a name: spam comes in sentences, with figures or Latin brand names
    return 0.0
