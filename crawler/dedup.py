"""Duplicates marked, not hidden: exact repeats go to ``rejected``, near repeats are pointed at.

The single writer process decides, in the order rows reach it (``Deduper.mark``), and
stores each kept page's MinHash signature (``signature``: datasketch, word 5-gram
shingles, 128 permutations) as the ``minhash`` column, so later runs need not read the
text again. (The signature is made here, not in the workers: importing datasketch
costs 0.4 s, scipy included, which each worker would pay again. Even here it is put off
until the first page needs it, when the workers have pages to work on.)

- a page whose ``text_hash`` is already held by a kept page of another URL goes to
  ``rejected`` with the reason ``duplicate.exact`` and that URL in ``duplicate_of``;
- otherwise, the most similar kept page of another URL whose estimated Jaccard
  similarity reaches ``NEAR_THRESHOLD`` (found through datasketch's MinHashLSH, then
  checked on the signatures) is named in ``near_duplicate_of``, and the page is kept.

"Kept pages" are the dataset's ``pages`` rows when the writer opened it (earlier runs,
read back in the order they were fetched) and the ones written since. Decisions depend
only on that order and on the text: the permutations are seeded, the hashes are SHA-1,
and ties go to the page written first.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .process import Outcome

if TYPE_CHECKING:
    from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5
SCHEME = "affine32"  # hash values below 2**32: four bytes each in the minhash column
# 0.8: one demo article cleaned from its three themes (same text, different chrome)
# scores at least 0.90 (111 pairs, 37 of them equal; tests/test_dedup.py); the ground-truth
# bodies of the 181 article-extraction-benchmark pages score at most 0.16 against each
# other (16,290 pairs) and at least 0.83 against themselves with the last tenth cut
# (0.70 with a fifth cut). Measured 2026-12-04.
NEAR_THRESHOLD = 0.8
WORD = re.compile(r"\w+")
# MinHash.update_batch hashes a batch into a NUM_PERM x batch matrix of uint64: 10 MB
# for 10,000 shingles, where one call on a 5 MB page of words took 1 GB.
BATCH = 10_000
# A text's first 100,000 words (a book's length) stand for it, so the signature of a
# page of megabytes costs the one writer process a fraction of a second, not seconds.
MAX_WORDS = 100_000


@cache
def _template() -> MinHash:
    """The seeded MinHash whose permutations every signature uses (imports datasketch once)."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)


def shingles(text: str) -> list[bytes]:
    """Return the distinct lower-cased word 5-grams of the text's first MAX_WORDS words (the whole text when shorter).

    >>> shingles("One two three four five six one two three four five")
    [b'one two three four five', b'two three four five six', b'three four five six one', b'four five six one two', b'five six one two three', b'six one two three four']
    """
    words = [m.group().lower() for m in islice(WORD.finditer(text), MAX_WORDS)]
    if len(words) < SHINGLE:
        return [" ".join(words).encode("utf8")]
    grams = (" ".join(words[i:i + SHINGLE]).encode("utf8") for i in range(len(words) - SHINGLE + 1))
    return list(dict.fromkeys(grams))


def signature(text: str) -> bytes:
    """Return the MinHash of ``text`` as NUM_PERM little-endian uint32 values."""
    m = _template().copy()
    grams = shingles(text)
    for start in range(0, len(grams), BATCH):
        m.update_batch(grams[start:start + BATCH])
    return m.hashvalues.astype("<u4").tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Estimate the Jaccard similarity of two texts from their signatures (share of equal values)."""
    return float(np.mean(np.frombuffer(a, "<u4") == np.frombuffer(b, "<u4")))


class Deduper:
    """What a dataset already keeps, by exact text and by MinHash; marks each new kept page.

    The ``pages`` rows already under ``root`` (none without one) are read, oldest first,
    when the first page is marked or added.
    """

    def __init__(self, root: str | Path | None = None, threshold: float = NEAR_THRESHOLD) -> None:
        self.root = Path(root) if root is not None else None
        self.threshold = threshold
        self.holders: dict[str, str] = {}  # text_hash -> URL of the first kept page with that text
        self.kept: list[tuple[str, bytes]] = []  # (url, signature); the LSH key is the index
        self._lsh: MinHashLSH | None = None

    def _index(self) -> MinHashLSH:
        """The LSH index, made (with what the dataset keeps) on first use."""
        if self._lsh is None:
            from datasketch import MinHashLSH

            self._lsh = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)
            for row in _kept_rows(self.root) if self.root is not None else ():
                self.add(row)
        return self._lsh

    def mark(self, outcome: Outcome) -> Outcome:
        """Return ``outcome`` as it must be written: an exact duplicate rejected, a near one pointed at."""
        row = outcome.row
        if outcome.table != "pages" or not row.get("text_hash"):
            return outcome
        self._index()  # reads what the dataset keeps, once
        holder = self.holders.get(row["text_hash"])
        if holder is not None and holder != row["url"]:
            return Outcome("rejected", {**row, "reject_reason": "duplicate.exact", "duplicate_of": holder})
        sig = signature(row["text"] or "")
        near = self.nearest(row["url"], sig) if holder is None else None
        return Outcome("pages", {**row, "minhash": sig, "near_duplicate_of": near})

    def nearest(self, url: str, sig: bytes) -> str | None:
        """The URL of the most similar kept page of another URL at ``threshold`` or above; the first on ties."""
        scored = [(-similarity(sig, self.kept[key][1]), key) for key in self._index().query(_minhash(sig))
                  if self.kept[key][0] != url]
        best = min(((s, key) for s, key in scored if -s >= self.threshold), default=None)
        return self.kept[best[1]][0] if best else None

    def add(self, row: dict[str, Any]) -> None:
        """Remember a row written to ``pages``."""
        index = self._index()
        if row.get("text_hash"):
            self.holders.setdefault(row["text_hash"], row["url"])
        if row.get("minhash"):
            index.insert(len(self.kept), _minhash(row["minhash"]))
            self.kept.append((row["url"], row["minhash"]))


def _minhash(sig: bytes) -> MinHash:
    from datasketch import MinHash

    return MinHash(hashvalues=np.frombuffer(sig, "<u4").astype(np.uint64),
                   permutations=_template().permutations, scheme=SCHEME)


def _kept_rows(root: Path) -> list[dict[str, Any]]:
    """The url, text_hash and minhash of every ``pages`` row under ``root``, in fetch order."""
    import pyarrow.dataset as ds

    from .dataset.schema import PARTITION, SCHEMAS

    files = sorted(str(p) for p in (root / "pages").glob(f"{PARTITION}=*/*.parquet"))
    if not files:
        return []
    table = ds.dataset(files, schema=SCHEMAS["pages"], format="parquet").to_table(
        columns=["url", "fetched_at", "text_hash", "minhash"])
    return table.sort_by([("fetched_at", "ascending"), ("url", "ascending")]).to_pylist()
