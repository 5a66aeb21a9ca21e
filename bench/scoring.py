"""Score extracted bodies the way the article-extraction-benchmark defines it (our implementation).

Texts become multisets of 4-token shingles (``\\w+`` tokens); per page, the shared,
extra and missing shingle counts are normalised to sum to 1; precision is averaged
over pages that predicted or matched anything, recall over pages whose truth has
anything, and F1 is taken from the two averages.
"""

from __future__ import annotations

import re
from collections import Counter
from statistics import mean

WORD = re.compile(r"\w+")
N = 4


def shingle_counts(text: str) -> Counter:
    """4-token shingles of ``text`` (one shorter shingle for a text under 4 tokens)."""
    toks = WORD.findall(text or "")
    return Counter(tuple(toks[i:i + N]) for i in range(max(1, len(toks) - N + 1)) if toks[i:i + N])


def page_counts(truth: str, pred: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page, normalised to sum to 1 (all 0 for two empty texts)."""
    t, p = shingle_counts(truth), shingle_counts(pred)
    tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _mean(values: list[float]) -> float:
    return mean(values) if values else 0.0  # no page predicted anything: precision 0, not an error


def _ratio(hit: float, other: float) -> float:
    return hit / (hit + other) if hit + other else 0.0


def score(truth: dict, pred: dict) -> tuple[dict, dict]:
    """Return ({f1, precision, recall, pages}, per-page counts) of ``pred`` against ``truth``.

    >>> s, _ = score({"a": {"articleBody": "one two three four five"}}, {"a": {"articleBody": "one two three four"}})
    >>> round(s["precision"], 2), round(s["recall"], 2)
    (1.0, 0.5)
    """
    counts = {k: page_counts(truth[k].get("articleBody", ""), pred.get(k, {}).get("articleBody", "")) for k in truth}
    perfect = [c for c in counts.values() if c[1] == c[2] == 0]
    p = _mean([1.0] * len(perfect) + [_ratio(c[0], c[1]) for c in counts.values() if c not in perfect and c[0] + c[1] > 0])
    r = _mean([1.0] * len(perfect) + [_ratio(c[0], c[2]) for c in counts.values() if c not in perfect and c[0] + c[2] > 0])
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r, "pages": len(counts)}, counts
