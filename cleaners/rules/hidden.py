"""Hidden spam in HTML: hidden styling, marquee and noscript elements with commercial text.

Hidden elements are common on legitimate pages (menus, tabs, screen-reader text), so
hiding alone removes nothing: the element must also carry commercial evidence, or be
prose with off-site links.
"""

from __future__ import annotations

from ..model import Block, PageFacts
from ..options import CleanOptions
from .lexicon import commercial, dense_lexicon, named_commerce, strong_commercial
from .registry import rule


@rule("spam.hidden_block", scope="dom")
def hidden_block(block: Block, page: PageFacts) -> bool:
    """Hidden commercial text, or hidden prose with off-site links; not the site's own
    menu (mostly link text, ``menu_link_share``, none of it off-site)."""
    opts = page.options
    if not block.hidden_by or block.tag in ("marquee", "noscript"):
        return False
    if block.offsite_links == 0 and block.link_share >= opts.menu_link_share:
        return False
    if block.page_share >= opts.hidden_main_share:
        # Most of the page: its content, hidden until a script shows it. A lexicon word
        # beside an off-site link is one advertisement in it, not hidden spam (a Yahoo
        # news page of extraction-dev, its stream of 2,060 words offscreen with one
        # sponsored forex teaser, went whole as spam.page).
        return named_commerce(block) or dense_lexicon(block, opts)
    return strong_commercial(block, opts) or hidden_prose_with_links(block, opts)


def hidden_prose_with_links(block: Block, options: CleanOptions) -> bool:
    """Hidden running text that links off-site: what readers cannot see is written for
    search engines, whatever its language. Share menus are mostly link text; collapsed
    article parts link off-site rarely and run shorter than ``hidden_prose_units``... or
    are removed by Trafilatura already (it drops display:none). An article hidden until a
    script shows it (a fade-in, off-screen) has a few sources in hundreds of words
    (``hidden_prose_link_density``) or holds most of the page (``hidden_main_share``)."""
    return (block.offsite_links >= options.hidden_prose_links and block.units >= options.hidden_prose_units
            and block.offsite_links >= options.hidden_prose_link_density * block.units
            and block.link_share < options.menu_link_share and block.page_share < options.hidden_main_share)


@rule("spam.marquee", scope="dom")
def marquee(block: Block, page: PageFacts) -> bool:
    return block.tag == "marquee" and (commercial(block) or block.offsite_links >= page.options.marquee_links)


@rule("spam.noscript", scope="dom")
def noscript(block: Block, page: PageFacts) -> bool:
    return block.tag == "noscript" and strong_commercial(block, page.options)
