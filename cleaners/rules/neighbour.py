"""Spam runs: a kept block next to a removed spam block, with evidence of its own.

Injected spam comes in runs (a paragraph and its anchor line, the rows of a spam
table, a comment under a spam comment), and the weakest member of a run often
scores under the threshold alone: a one-line offer, a row in a script the page does
not use. Next to removed spam, evidence that would not condemn it alone does. Runs
grow one block at a time, so a run of such blocks goes whole; article prose with no
evidence never goes.
"""

from __future__ import annotations

from ..model import Block, Near, PageFacts
from ..resources import COMMENT_AUTHORS
from .foreign import other_script
from .registry import rule


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
    if near.score().value >= page.options.probe_threshold:
        return True
    return bool(block.foreign) or other_script(block.script, page.script)
