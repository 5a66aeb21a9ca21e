"""Spam runs: a kept block next to a removed spam block, with evidence of its own.

Injected spam comes in runs (a paragraph and its anchor line, the rows of a spam
table, a comment under a spam comment), and the weakest member of a run often
scores under the threshold alone: a one-line offer, a row in a script the page does
not use. Next to removed spam, evidence that would not condemn it alone does. Runs
grow one block at a time, so a run of such blocks goes whole; article prose with no
evidence never goes.
"""

from __future__ import annotations

from ..model import Block, PageFacts
from .foreign import other_script
from .registry import rule


@rule("spam.neighbour", scope="neighbour")
def neighbour(block: Block, score: float, page: PageFacts) -> bool:
    """Probe-level evidence (what would make a block worth splitting), or a foreign language."""
    if block.quoted:
        return False
    if score >= page.options.probe_threshold:
        return True
    return bool(block.foreign) or other_script(block.script, page.script)
