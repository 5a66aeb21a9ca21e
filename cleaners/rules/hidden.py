"""Hidden spam in HTML: hidden styling, marquee and noscript elements with commercial text.

Hidden elements are common on legitimate pages (menus, tabs, screen-reader text), so
hiding alone removes nothing: the element must also carry commercial evidence, or be
prose with off-site links.
"""

from __future__ import annotations

from ..model import Block, PageFacts
from .lexicon import commercial, strong_commercial
from .registry import rule


# A hidden element whose text is mostly links, none off-site, is the site's own menu.
MENU_LINK_SHARE = 0.5
# Words of hidden text that make it prose rather than a widget label, and the off-site
# links it must carry: cookie banners and sign-in dialogs link to one or two policy
# pages; injected blocks carry a run of anchors.
HIDDEN_PROSE_UNITS = 15
HIDDEN_PROSE_LINKS = 3


@rule("spam.hidden_block", scope="dom")
def hidden_block(block: Block, page: PageFacts) -> bool:
    if not block.hidden_by or block.tag in ("marquee", "noscript"):
        return False
    if block.offsite_links == 0 and block.link_share >= MENU_LINK_SHARE:
        return False
    return strong_commercial(block) or hidden_prose_with_links(block)


def hidden_prose_with_links(block: Block) -> bool:
    """Hidden running text that links off-site: what readers cannot see is written for
    search engines, whatever its language. Share menus are mostly link text; collapsed
    article parts link off-site rarely and run shorter than HIDDEN_PROSE_UNITS... or
    are removed by Trafilatura already (it drops display:none)."""
    return block.offsite_links >= HIDDEN_PROSE_LINKS and block.units >= HIDDEN_PROSE_UNITS and block.link_share < MENU_LINK_SHARE


@rule("spam.marquee", scope="dom")
def marquee(block: Block, page: PageFacts) -> bool:
    return block.tag == "marquee" and (commercial(block) or block.offsite_links >= 2)


@rule("spam.noscript", scope="dom")
def noscript(block: Block, page: PageFacts) -> bool:
    return block.tag == "noscript" and strong_commercial(block)
