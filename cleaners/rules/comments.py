"""Spam comments: blocks inside the comment region of a text (after "N Comments" etc.)."""

from __future__ import annotations

from ..model import Block, PageFacts
from .pitch import against_seller, plain_names, seller_names, unnamed
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


@signal("spam.comment_seller", weight="weight_comment_seller")
def comment_seller(block: Block, page: PageFacts) -> float:
    """1.0 for a comment that names a seller the story above it does not name
    (``pitch.seller_names``: "OddsForge", "Kasa 77", a Latin "Vexel" in a Russian
    thread; a plain capitalised word, ``pitch.plain_names``, when the model reads the
    comment at ``comment_plain_learned``) and that the model reads at
    ``comment_seller_learned`` or more: the drive-by comment written in the page's own
    language and market, whose words a gambling story shares ("Loved this! My mate put
    me onto OddsForge last month and I've already landed two accas"). A reader who names what the story names ("the
    new iPhone 15") is discussing it, and a reader who warns others off a seller
    (``pitch.against_seller``, mention.toml [critical]: "Stay away from BetHarbour, they closed my
    account after I won and never paid out.") is criticising it. Not for a quotation,
    nor under a story of fewer than ``pitch_min_blocks`` blocks (a bare thread: its
    readers name the video's singer with a number, "Katy Perry 600", and the model
    reads fan talk as it reads pitches)."""
    opts = page.options
    if (not block.in_comments or block.quoted or block.learned < opts.comment_seller_learned
            or page.comments_from < opts.pitch_min_blocks):
        return 0.0  # a thread without a story has nothing to compare a name with
    names = seller_names(block.text, page)
    if block.learned >= opts.comment_plain_learned:
        names += plain_names(block.text, page, block.index, block.stop_lang)
    return 1.0 if unnamed(names, page, upto=page.comments_from) and not against_seller(block.text) else 0.0
