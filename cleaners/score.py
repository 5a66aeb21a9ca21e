"""Combine the signals' evidence into one spam score per block, in [0, 1].

Content signals combine as a noisy-or of ``weight * evidence``: independent pieces
of evidence each take their share of the remaining doubt. Context signals (mismatch,
tail position, repetition, no prose, comment region) combine the same way, but count
only in proportion to the content evidence, up to full strength at
``CONTEXT_FULL``: a block with no commercial evidence scores 0 however odd its
position or language.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Block, PageFacts
from .rules import entries

# Content score at which context evidence counts fully. 0.3: a block with three
# lexicon hits in thirty words (0.23) plus tail position and mismatch stays under
# 0.5, the same block as a keyword run (density 0.3+) goes (cases, 2026-11-25).
CONTEXT_FULL = 0.3
# Independent kinds of content evidence at once (a promo, a brand and a gambling
# word in one 12-word sentence) are stronger than their sum: with at least 3 content
# signals at 0.1 or more, the content score takes DIVERSITY more of the remaining
# doubt. 0.25: cuts the appended Italian/English spam sentences of the cases while
# the regulation articles (topic-discounted words stay under 0.1) keep theirs.
DIVERSE_SIGNALS = 3
# A block in a foreign language is independent evidence too: a gambling word and a
# digit brand in a Swahili line of an English page make three kinds.
DIVERSE_CONTEXT = frozenset({"spam.language_mismatch"})
DIVERSE_MIN = 0.1
DIVERSITY = 0.25
SIGNALS = entries("signal", "block")


@dataclass(frozen=True, slots=True)
class Score:
    """A block's score, its evidence by code, and the code that weighed most."""

    value: float
    evidence: tuple[tuple[str, float], ...]
    reason: str


def noisy_or(values: list[float]) -> float:
    """Combine independent probabilities: 1 - prod(1 - v).

    >>> noisy_or([0.5, 0.5])
    0.75
    """
    doubt = 1.0
    for v in values:
        doubt *= 1.0 - v
    return 1.0 - doubt


def score_block(block: Block, page: PageFacts) -> Score:
    """Run every signal on a block and combine the evidence."""
    content, context, evidence = [], [], []
    reason, top, kinds = "", 0.0, 0
    for entry in SIGNALS:
        e = entry.fn(block, page)
        if e <= 0:
            continue
        evidence.append((entry.code, round(e, 3)))
        weighted = entry.weight * e
        kinds += e >= DIVERSE_MIN and (entry.role == "content" or entry.code in DIVERSE_CONTEXT)
        if entry.role == "content":
            content.append(weighted)
            if weighted > top:
                reason, top = entry.code, weighted
        else:
            context.append(weighted)
    c = noisy_or(content + [DIVERSITY] * (kinds >= DIVERSE_SIGNALS))
    if c <= 0:
        return Score(0.0, tuple(evidence), "")
    x = noisy_or(context) * min(1.0, c / CONTEXT_FULL)
    return Score(round(1 - (1 - c) * (1 - x), 4), tuple(evidence), reason)
