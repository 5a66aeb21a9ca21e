"""The learned signal: a linear model over character n-grams of the revealed text.

Trained by ``bench/train_spam_model.py`` (one command, reproducible) on real labelled
comment spam, the development spam corpus and legitimate article text, and shipped as
``data/model/spam_ngrams.bin.gz`` (layout in ``parse``). A text's features are the n-grams of its words (revealed, folded, every
digit read as "0", padded with a space on each side) and each word itself; its score
is the logistic of the bias plus the mean weight of its features (the model was
trained on L1-normalised counts, so the mean is exactly its dot product). A word's
weight sum is cached, so a page costs about one dictionary look-up per word.
"""

from __future__ import annotations

import gzip
import math
import re
import sys
from array import array
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from importlib import resources

from .folding import fold
from .normalize import reveal
from .segment import LINK

MODEL = "model/spam_ngrams.bin.gz"
FORMAT = "cleancrawl-ngrams 2"
# The model's features are fixed when it is trained (GRAMS, MAX_WORD): changing them
# needs a new model file, so they are module constants, not CleanOptions fields.
GRAMS = (2, 3, 4)
TOKEN = re.compile(r"[^\W_]+")
DIGIT = re.compile(r"\d")
# Words longer than this (unspaced scripts, glued runs) give n-grams but no word feature.
MAX_WORD = 24
# Words whose weight sums are cached per process: a memory cap, not a decision.
CACHE_WORDS = 200_000


def tokens(text: str) -> list[str]:
    """The words the model reads: revealed, folded, digits as "0".

    >>> tokens("Main di 𝗪𝗘𝗧𝗢𝗡𝟴𝟴!")
    ['main', 'di', 'weton00']
    """
    return folded_tokens(fold(reveal(text).text))


def folded_tokens(folded: str) -> list[str]:
    """The words of text already revealed and folded (``block_facts`` has both). Links
    are left out: a bare address is as common in news (sources, credits) as in spam."""
    if "://" in folded or "www." in folded:
        folded = LINK.sub(" ", folded)
    return TOKEN.findall(DIGIT.sub("0", folded))


def word_features(word: str) -> list[str]:
    """The features of one word: its padded n-grams, and the word itself when short.

    >>> word_features("bet")
    [' b', 'be', 'et', 't ', ' be', 'bet', 'et ', ' bet', 'bet ', 'w:bet']
    """
    padded = f" {word} "
    out = [padded[i:i + n] for n in GRAMS for i in range(len(padded) - n + 1)]
    if len(word) <= MAX_WORD:
        out.append("w:" + word)
    return out


def features(text: str) -> list[str]:
    """Every feature of a text, repeated as often as it occurs (training reads these)."""
    return [f for w in tokens(text) for f in word_features(w)]


@dataclass(slots=True)
class NgramModel:
    """Feature weights and a bias; ``probability`` scores a text."""

    weights: dict[str, float]
    bias: float
    digest: str
    _words: dict[str, tuple[float, int]]

    def probability(self, text: str) -> float:
        """Probability in [0, 1] that ``text`` is spam; the bias alone for a text without words."""
        return self.combine(*self.evidence(tokens(text)))

    def evidence(self, words: list[str]) -> tuple[float, int]:
        """The summed feature weights of a text's ``tokens`` and how many features they
        have: texts combine by adding both (a page from its blocks, ``combine``)."""
        total, count = 0.0, 0
        cache_ = self._words
        weight = self.weights.get
        for w, hit in zip(words, map(cache_.get, words)):
            if hit is None:
                fs = word_features(w)
                hit = (sum(map(weight, fs, repeat(0.0, len(fs)))), len(fs))
                if len(cache_) < CACHE_WORDS:
                    cache_[w] = hit
            total += hit[0]
            count += hit[1]
        return total, count

    def combine(self, total: float, count: int) -> float:
        """The probability of a text whose ``evidence`` is (total, count)."""
        z = self.bias + (total / count if count else 0.0)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def serialise(head: dict[str, str], weights: dict[str, float]) -> bytes:
    """The model file's bytes (gzip, mtime 0: the same model gives the same bytes)."""
    names = sorted(weights)
    lines = [FORMAT, *(f"# {k} = {v}" for k, v in head.items()), f"# features = {len(names)}", ""]
    values = array("f", (weights[n] for n in names))
    if sys.byteorder != "little":
        values.byteswap()
    body = "\n".join(lines).encode("utf8") + b"\n" + "\n".join(names).encode("utf8") + values.tobytes()
    return gzip.compress(body, mtime=0)


def parse(raw: bytes) -> NgramModel:
    """Build a model from its file's (decompressed) bytes; ValueError when malformed.

    Layout: a format line, ``# key = value`` header lines (bias, data_digest, C,
    features), a blank line, the feature names joined by newlines, then one
    little-endian float32 weight per name, in the same order. Binary, because
    parsing 250,000 text weights took 0.2 s of every worker's start."""
    head_end = raw.find(b"\n\n")
    head_lines = raw[:max(0, head_end)].decode("utf8").split("\n")
    if head_end < 0 or head_lines[0] != FORMAT:
        raise ValueError(f"{MODEL}: not a {FORMAT!r} file")
    head = dict(line[1:].strip().partition(" = ")[::2] for line in head_lines[1:] if line.startswith("#"))
    try:
        n, bias = int(head["features"]), float(head["bias"])
    except (KeyError, ValueError):
        raise ValueError(f"{MODEL}: no bias or feature count") from None
    values = array("f")
    values.frombytes(raw[len(raw) - 4 * n:])
    if sys.byteorder != "little":
        values.byteswap()
    names = raw[head_end + 2:len(raw) - 4 * n].decode("utf8").split("\n")
    if n == 0 or len(names) != n:
        raise ValueError(f"{MODEL}: {len(names)} names for {n} weights")
    return NgramModel(dict(zip(names, values.tolist())), bias, head.get("data_digest", ""), {})


@cache
def model() -> NgramModel:
    """The shipped model, loaded once per process."""
    return parse(gzip.decompress((resources.files("cleaners") / "data" / MODEL).read_bytes()))
