"""Combine the signals' evidence into one spam score per block, in [0, 1].

Content signals combine as a noisy-or of ``weight * evidence``: independent pieces
of evidence each take their share of the remaining doubt. Context signals (mismatch,
tail position, repetition, no prose, comment region) combine the same way, but count
only in proportion to the content evidence, up to full strength at
``CleanOptions.context_full``: a block with no commercial evidence scores 0 however odd
its position or language. Several kinds of content evidence at once take
``diversity_bonus`` more of the remaining doubt.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Block, PageFacts
from .options import CleanOptions
from .rules import entries

# A block in a foreign language is independent evidence too: a gambling word and a
# digit brand in a Swahili line of an English page make three kinds (the context codes
# that count as a kind of content evidence; codes, not a number to tune).
DIVERSE_CONTEXT = frozenset({"spam.language_mismatch"})
# The model's signal: left out of ``Score.ruled``, what the rules alone make of a block.
LEARNED = "spam.learned"
SIGNALS = entries("signal", "block")


@dataclass(frozen=True, slots=True)
class Score:
    """A block's score, its evidence by code, and the code that weighed most."""

    value: float
    evidence: tuple[tuple[str, float], ...]
    reason: str
    ruled: float = 0.0  # the same combination without the model's evidence (``LEARNED``)


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
    """Run every signal on a block and combine the evidence; ``ruled`` combines it
    without the model's."""
    opts = page.options
    content, ruled, context, evidence = [], [], [], []
    reason, top, kinds, ruled_kinds = "", 0.0, 0, 0
    for entry in SIGNALS:
        e = entry.fn(block, page)
        if e <= 0:
            continue
        evidence.append((entry.code, round(e, 3)))
        weighted = getattr(opts, entry.weight) * e
        diverse = e >= opts.diverse_min_evidence and (entry.role == "content" or entry.code in DIVERSE_CONTEXT)
        kinds += diverse
        ruled_kinds += diverse and entry.code != LEARNED
        if entry.role == "content":
            content.append(weighted)
            if entry.code != LEARNED:
                ruled.append(weighted)
            if weighted > top:
                reason, top = entry.code, weighted
        else:
            context.append(weighted)
    value = _combine(content, context, kinds, opts)
    without = value if len(ruled) == len(content) else _combine(ruled, context, ruled_kinds, opts)
    return Score(value, tuple(evidence), reason if value else "", without)


def _combine(content: list[float], context: list[float], kinds: int, opts: CleanOptions) -> float:
    """Content evidence as a noisy-or (with ``diversity_bonus`` for several kinds of it),
    context evidence counting in proportion to it."""
    c = noisy_or(content + [opts.diversity_bonus] * (kinds >= opts.diverse_signals))
    if c <= 0:
        return 0.0
    x = noisy_or(context) * min(1.0, c / opts.context_full)
    return round(1 - (1 - c) * (1 - x), 4)
