"""Evidence that needs no word list: the n-gram model's verdict, and disguised names."""

from __future__ import annotations

from ..language import UNSPACED
from ..model import Block, PageFacts
from .registry import signal


@signal("spam.learned", weight="weight_learned")
def learned(block: Block, page: PageFacts) -> float:
    """The n-gram model (cleaners/ngrams.py) reads the block as spam: its probability above
    ``learned_floor``, faded below ``learned_units`` words. On a page about a topic, a
    block whose lexicon words are all of that topic weighs ``topic_discount`` as much:
    the model learned the market's words, and the page's own prose uses them. Words are
    counted without figures in scripts written with spaces: a table row or a date line
    ("| 17 | Daniel Suarez | 846 | 0 | 1 |") gives the model too few words to read."""
    opts = page.options
    units = block.units if block.script in UNSPACED else block.letter_words
    if units < opts.learned_min_units or block.quoted:  # a quotation reports what was said
        return 0.0
    floor = opts.learned_floor
    value = max(0.0, (block.learned - floor) / (1.0 - floor)) * min(1.0, units / opts.learned_units)
    if block.topics and page.topics and all(t in page.topics for t, _ in block.topics):
        value *= opts.topic_discount
    return value


@signal("spam.disguised_name", weight="weight_disguised_name")
def disguised_name(block: Block, page: PageFacts) -> float:
    """A word written in mathematical letters, spaced out, with look-alikes or hidden
    characters: news prose never writes a name so, promotion does to pass filters. In
    the comment region, a disguise with no commercial evidence that the model does not
    read as spam is a comment's style (``comment_style_disguise``)."""
    value = min(1.0, float(block.disguised))
    if value and block.in_comments and not block.commercial() and block.learned < page.options.learned_floor:
        value *= page.options.comment_style_disguise
    return value
