"""The learned signal: a linear model over hashed character n-grams of the revealed text.

Trained by ``bench/train_spam_model.py`` (one command, reproducible) on real labelled
comment spam, the development spam corpus and legitimate article text, and shipped as
``data/model/spam_ngrams.bin.gz`` (layout in ``parse``). A text's features are the
n-grams of its words (revealed, folded, every digit read as "0", padded with a space on
each side) and each word itself, each hashed (CRC-32 of its UTF-8, deterministic in
every process) into one of ``buckets`` weights: a 4 MB float32 table instead of a
dictionary of 170,000 strings (28 MB a worker). Its score is the logistic of the bias
plus the mean weight of its features (the model was trained on L1-normalised counts,
so the mean is exactly its dot product). A word's weight sum and feature count are
cached, so a page costs about one dictionary look-up per word.
"""

from __future__ import annotations

import gzip
import math
import zlib
import re
import sys
from array import array
from dataclasses import dataclass
from functools import cache, reduce
from importlib import resources
from operator import add, itemgetter

from .folding import fold
from .language import glued_to
from .normalize import reveal
from .segment import LINK

MODEL = "model/spam_ngrams.bin.gz"
# 4: numbers apart from the words of gluing scripts (GLUED_NUMBER); 5: no 2-grams (GRAMS)
FORMAT = "cleancrawl-ngrams 5"
# The model's features are fixed when it is trained (GRAMS, MAX_WORD): changing them
# needs a new model file, so they are module constants, not CleanOptions fields.
# 3- and 4-grams. The 2-grams of (2, 3, 4), until cleaner 1.24.0, were the model's noise:
# without them it separated the fresh set's spam (never trained on) from its legitimate
# text better (ROC AUC 0.893 -> 0.919 on its spam paragraphs, 0.859 -> 0.888 on its
# spam comments) and read fewer legitimate paragraphs at 0.6 (news 0.009 -> 0.004,
# spam-like kinds 0.044 -> 0.028); (3, 4, 5) separates as well and reads less of
# the spam, (2, 3, 4, 5) no better than (2, 3, 4) (2026-12-06).
GRAMS = (3, 4)
TOKEN = re.compile(r"[^\W_]+")
DIGIT = re.compile(r"\d")
# In the scripts that glue a number to its words (language.glued_to: Han, kana, Thai, and
# Hangul's counters, "下调130元", "100만원") a number is a word of its own, as it is
# between spaces: glued, "下调000元" had only the inner n-grams of "000", and "00",
# weighty in spam, read a Chinese fuel-price report as 0.95 spam (no padded " 00 " to
# offset it, as an English number has). Latin stays glued: "weton00" is a brand's shape.
GLUED_NUMBER = glued_to("0")
# Words longer than this (unspaced scripts, glued runs) give n-grams but no word feature.
MAX_WORD = 24
# Words whose weight sums and feature counts are cached per process: a memory cap, not a
# decision (about 170 bytes a word; 50,000 words cover all but a few per cent of the
# words of a site).
CACHE_WORDS = 50_000


def tokens(text: str) -> list[str]:
    """The words the model reads: revealed, folded, digits as "0".

    >>> tokens("Main di 𝗪𝗘𝗧𝗢𝗡𝟴𝟴!")
    ['main', 'di', 'weton00']
    >>> tokens("下调130元")
    ['下调', '000', '元']
    """
    return folded_tokens(fold(reveal(text).text))


def folded_tokens(folded: str) -> list[str]:
    """The words of text already revealed and folded (``block_facts`` has both). Links
    are left out: a bare address is as common in news (sources, credits) as in spam."""
    if "://" in folded or "www." in folded:
        folded = LINK.sub(" ", folded)
    zeroed = DIGIT.sub("0", folded)
    if not zeroed.isascii():
        zeroed = GLUED_NUMBER.sub(" ", zeroed)
    return TOKEN.findall(zeroed)


def word_features(word: str) -> list[str]:
    """The features of one word: its padded n-grams, and the word itself when short.

    >>> word_features("bet")
    [' be', 'bet', 'et ', ' bet', 'bet ', 'w:bet']
    """
    padded = f" {word} "
    out = [padded[i:i + n] for n in GRAMS for i in range(len(padded) - n + 1)]
    if len(word) <= MAX_WORD:
        out.append("w:" + word)
    return out


def features(text: str) -> list[str]:
    """Every feature of a text, repeated as often as it occurs (training reads these)."""
    return [f for w in tokens(text) for f in word_features(w)]


def bucket(feature: str, buckets: int) -> int:
    """The weight a feature is hashed to (``buckets`` is a power of two).

    >>> bucket("w:bet", 1 << 20)
    517774
    """
    return zlib.crc32(feature.encode("utf8")) & (buckets - 1)


def feature_count(word: str) -> int:
    """How many features ``word_features`` gives a word, without building them.

    >>> feature_count("bet") == len(word_features("bet"))
    True
    """
    padded = len(word) + 2
    return sum(max(0, padded - n + 1) for n in GRAMS) + (len(word) <= MAX_WORD)


@dataclass(slots=True)
class NgramModel:
    """Hashed feature weights and a bias; ``probability`` scores a text."""

    table: array
    bias: float
    digest: str
    _words: dict[str, tuple[float, int]]  # word -> (weight sum, feature count)

    def probability(self, text: str) -> float:
        """Probability in [0, 1] that ``text`` is spam; the bias alone for a text without words."""
        return self.combine(*self.evidence(tokens(text)))

    def evidence(self, words: list[str]) -> tuple[float, int]:
        """The summed feature weights of a text's ``tokens`` and how many features they
        have: texts combine by adding both (a page from its blocks, ``combine``)."""
        hits = list(map(self._words.get, words))
        if None in hits:
            hits = [self._learn(w) if hit is None else hit for w, hit in zip(words, hits)]
        # Summed in order from 0.0, as a running total adds them: the same float.
        return reduce(add, map(itemgetter(0), hits), 0.0), sum(map(itemgetter(1), hits))

    def _learn(self, word: str) -> tuple[float, int]:
        """A word's (weight sum, feature count), computed and cached (up to ``CACHE_WORDS``)."""
        hit = self._words.get(word)
        if hit is None:
            hit = (self.word_weight(word), feature_count(word))
            if len(self._words) < CACHE_WORDS:
                self._words[word] = hit
        return hit

    def word_weight(self, word: str) -> float:
        """The sum of the weights of a word's features, in ``word_features`` order.

        An ASCII word's n-grams are slices of its UTF-8 bytes, so they are cut from
        the bytes instead of encoded one by one (the same features, the same sum)."""
        table, mask, crc = self.table, len(self.table) - 1, zlib.crc32
        if not word.isascii():
            return sum([table[crc(f.encode("utf8")) & mask] for f in word_features(word)])
        padded = b" " + word.encode() + b" "
        size = len(padded)
        weights = [table[crc(padded[i:i + n]) & mask] for n in GRAMS for i in range(size - n + 1)]
        if len(word) <= MAX_WORD:
            weights.append(table[crc(b"w:" + padded[1:-1]) & mask])
        return sum(weights)

    def combine(self, total: float, count: int) -> float:
        """The probability of a text whose ``evidence`` is (total, count)."""
        z = self.bias + (total / count if count else 0.0)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def serialise(head: dict[str, str], table: array) -> bytes:
    """The model file's bytes (gzip, mtime 0: the same model gives the same bytes)."""
    lines = [FORMAT, *(f"# {k} = {v}" for k, v in head.items()), f"# buckets = {len(table)}", ""]
    values = array("f", table)
    if sys.byteorder != "little":
        values.byteswap()
    return gzip.compress("\n".join(lines).encode("utf8") + b"\n" + values.tobytes(), mtime=0)


def parse(raw: bytes) -> NgramModel:
    """Build a model from its file's (decompressed) bytes; ValueError when malformed.

    Layout: a format line, ``# key = value`` header lines (bias, data_digest, C,
    buckets), a blank line, then ``buckets`` little-endian float32 weights, the weight
    of feature f at index ``bucket(f, buckets)``."""
    head_end = raw.find(b"\n\n")
    head_lines = raw[:max(0, head_end)].decode("utf8").split("\n")
    if head_end < 0 or head_lines[0] != FORMAT:
        raise ValueError(f"{MODEL}: not a {FORMAT!r} file")
    head = dict(line[1:].strip().partition(" = ")[::2] for line in head_lines[1:] if line.startswith("#"))
    try:
        n, bias = int(head["buckets"]), float(head["bias"])
    except (KeyError, ValueError):
        raise ValueError(f"{MODEL}: no bias or bucket count") from None
    body = raw[head_end + 2:]
    if n <= 0 or n & (n - 1) or len(body) != 4 * n:
        raise ValueError(f"{MODEL}: {len(body)} bytes of weights for {n} buckets (a power of two)")
    table = array("f")
    table.frombytes(body)
    if sys.byteorder != "little":
        table.byteswap()
    return NgramModel(table, bias, head.get("data_digest", ""), {})


# A model put in the shipped one's place for this process (``install``), or none.
_INSTALLED: list[NgramModel] = []


@cache
def shipped() -> NgramModel:
    """The shipped model, loaded once per process."""
    return parse(gzip.decompress((resources.files("cleaners") / "data" / MODEL).read_bytes()))


def model() -> NgramModel:
    """The model the cleaner reads: the shipped one, unless one was installed."""
    return _INSTALLED[0] if _INSTALLED else shipped()


def install(replacement: NgramModel | None) -> None:
    """Read ``replacement`` instead of the shipped model in this process (and in worker
    processes forked after), or the shipped one again with None: for benchmarks that
    judge a model trained without the data they evaluate on (bench/realspam_proxy.py)."""
    _INSTALLED[:] = [replacement] if replacement is not None else []
