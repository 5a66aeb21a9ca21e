"""Evidence that needs no word list: the n-gram model's verdict, and disguised names."""

from __future__ import annotations

import re

from ..language import UNSPACED
from ..model import Block, PageFacts
from ..normalize import unseen
from .registry import signal

ROW_TOKEN = re.compile(r"\d+|[^\W\d_]+|[^\w\s]+")


@signal("spam.learned", weight="weight_learned")
def learned(block: Block, page: PageFacts) -> float:
    """The n-gram model (cleaners/ngrams.py) reads the block as spam: its probability above
    ``learned_floor``, faded below ``learned_units`` words. On a page about a topic, a
    block whose lexicon words are all of that topic weighs ``topic_discount`` as much:
    the model learned the market's words, and the page's own prose uses them. Words are
    counted without figures in scripts written with spaces: a table row or a date line
    ("| 17 | Daniel Suarez | 846 | 0 | 1 |") gives the model too few words to read. A
    row of a dated or numbered list gives the model no say (``in_series``)."""
    opts = page.options
    units = block.units if block.script in UNSPACED else block.letter_words
    if units < opts.learned_min_units or block.quoted:  # a quotation reports what was said
        return 0.0
    floor = opts.learned_floor
    value = max(0.0, (block.learned - floor) / (1.0 - floor)) * min(1.0, units / opts.learned_units)
    if block.topics and page.topics and all(t in page.topics for t, _ in block.topics):
        value *= opts.topic_discount
    return 0.0 if value and in_series(block, page) else value


def in_series(block: Block, page: PageFacts) -> bool:
    """The block (or a sentence of it) is a row of a dated or numbered list, between two
    rows of its shape (``row_shape``): "Aug. 14 -- Hollywood Casino Amphitheatre – St.
    Louis, MO" between "Aug. 8 -- ..." and "Aug. 30 -- Pepsi Center, Denver, CO". What
    the model reads as spam there is the list's own row (a tour date at a casino's
    venue); a rule's evidence still removes it. Off in the comment region, where
    comments under their dated headers are rows of one shape too."""
    i, texts, n = block.index, page.texts, page.options.series_prefix_tokens
    if i <= 0 or i + 1 >= len(texts) or block.in_comments:
        return False
    shape = row_shape(texts[i], n)
    return shape is not None and row_shape(texts[i - 1], n) == shape == row_shape(texts[i + 1], n)


def row_shape(text: str, n: int) -> tuple[str, ...] | None:
    """The classes of a line's first ``n`` tokens (a number "0", a word "a", punctuation
    as written), when they hold a number; None otherwise.

    >>> row_shape("Aug. 14 -- Hollywood Casino", 4)
    ('a', '.', '0', '--')
    """
    tokens = ROW_TOKEN.findall(text[:200])[:n]
    shape = tuple("0" if t.isdigit() else "a" if t[0].isalpha() else t for t in tokens)
    return shape if len(shape) == n and "0" in shape else None


@signal("spam.disguised_name", weight="weight_disguised_name")
def disguised_name(block: Block, page: PageFacts) -> float:
    """A word written in mathematical letters, spaced out, with look-alikes or hidden
    characters: news prose never writes a name so, promotion does to pass filters. In
    the comment region, a disguise with no commercial evidence that the model does not
    read as spam is a comment's style (``comment_style_disguise``): a comment written in
    a fancy font or spaced out throughout, or one the model reads under
    ``comment_style_learned``. A name disguised inside a plain comment that the model
    leans towards reading as spam ("Żona zrzuciła 12 kilo na tych kapsułkach z 𝐙𝐢𝐨ł𝐨
    𝐌𝐚𝐳𝐮𝐫𝐬𝐤𝐢𝐞, szczerze polecam"), disguised words under ``comment_style_share`` of
    its words, hides a name and counts whole; so does a word with a character that shows
    nothing inside it ("Mar\u200bigold Hall", ``normalize.unseen``): no style is invisible."""
    value = min(1.0, float(block.disguised))
    opts = page.options
    if (value and block.in_comments and not block.commercial() and block.learned < opts.learned_floor
            and (block.learned < opts.comment_style_learned
                 or block.disguised >= opts.comment_style_share * block.letter_words)
            and not unseen(block.text)):
        value *= opts.comment_style_disguise
    return value
