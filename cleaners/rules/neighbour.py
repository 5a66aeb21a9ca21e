"""Spam runs: a kept block next to a removed spam block, with evidence of its own; and
the same seller: kept text naming a seller that removed spam named (``same_seller``).

Injected spam comes in runs (a paragraph and its anchor line, the rows of a spam
table, a comment under a spam comment), and the weakest member of a run often
scores under the threshold alone: a one-line offer, a row in a script the page does
not use. Next to removed spam, evidence that would not condemn it alone does. Runs
grow one block at a time, so a run of such blocks goes whole; article prose with no
evidence never goes. In the comment region each comment is its own unit: a comment
next to a spam comment is another commenter's and is judged on its own score. On the
dev stretch of the real comment threads (bench/realspam_eval.py --split dev,
2026-12-05), letting a comment go next to spam at a score of 0.35 removed 0.005 / 0.007
more of the Indonesian / English spam for 0.004 / 0.005 more legitimate text lost, and
at probe_threshold 0.01-0.07 more spam for 0.004 / 0.013 more legitimate text.
"""

from __future__ import annotations

from ..model import Block, Near, PageFacts
from ..resources import COMMENT_AUTHORS
from .foreign import other_script
from .pitch import against_seller, belongs
from .registry import rule, specific


@rule("boilerplate.spam_comment_header", scope="neighbour")
def spam_comment_header(block: Block, near: Near, page: PageFacts) -> bool:
    """A comment-header line ("Maria says:") whose next block went as spam: the header
    of a spam comment, outside any comment region a heading would have opened."""
    return (near.after_spam and len(block.text) <= page.options.comment_author_max_chars
            and COMMENT_AUTHORS.fullmatch(block.text.strip()) is not None)


@rule("spam.neighbour", scope="neighbour")
def neighbour(block: Block, near: Near, page: PageFacts) -> bool:
    """Probe-level evidence (what would make a block worth splitting), or a foreign language."""
    if block.quoted:
        return False
    if block.in_comments:  # a comment next to a spam comment is another commenter's
        return False
    score = near.score()
    if score.value >= page.options.probe_threshold:
        # Topic words alone in a paragraph that shares the article's vocabulary are the
        # article's (a report on match fixing next to an injected betting pitch).
        return specific(score.evidence, page.options.neighbour_learned_specific) or not belongs(block, page)
    return bool(block.foreign) or other_script(block.script, page.script)


@rule("spam.same_seller", scope="seller")
def same_seller(unit: Block, page: PageFacts) -> bool:
    """A kept block, or its last sentence where nothing before it names the seller, that
    names a seller a removal of the page named on specific evidence, and that the model
    reads at ``same_seller_learned`` or more (``clean._same_seller`` finds them): the rest
    of the same pitch ("Regulars say Reelmarrow77 is the friendliest table in town." after
    "Claim 200 free spins at Reelmarrow77 today ..." went), or the same seller's pitch
    appended to another paragraph.
    Not a quotation, not a sentence against the seller (``against_seller``)."""
    return (not unit.quoted and not unit.dom and unit.learned >= page.options.same_seller_learned
            and not against_seller(unit.text))
