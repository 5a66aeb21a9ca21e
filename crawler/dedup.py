"""Duplicates marked, not hidden: exact repeats go to ``rejected``, near repeats are pointed at.

The single writer process decides, in the order rows reach it (``Deduper.mark``), and
stores each kept page's MinHash signature (``signature``: word 5-gram shingles, 128
permutations) as the ``minhash`` column, so later runs need not read the text again.

- a page whose ``text_hash`` is already held by a kept page of another URL goes to
  ``rejected`` with the reason ``duplicate.exact`` and that URL in ``duplicate_of``;
- otherwise, the most similar kept page of another URL whose estimated Jaccard
  similarity reaches ``NEAR_THRESHOLD`` (found through an LSH index of BANDS bands of
  ROWS values, then checked on the signatures) is named in ``near_duplicate_of``, and
  the page is kept.

"Kept pages" are the dataset's ``pages`` rows when the writer opened it (earlier runs,
read back in the order they were fetched) and the ones written since. Decisions depend
only on that order and on the text: the permutations are seeded, the hashes are SHA-1,
and ties go to the page written first.

Memory stays flat however many pages are kept: the index (text hashes, URLs,
signatures, band keys) lives in a private temporary SQLite file, which SQLite deletes
from the directory as soon as it is open (so a killed crawl leaves nothing behind),
with a bounded page cache. Held in Python dicts and datasketch's MinHashLSH it took
4.0 KB a page on the heap (6.7 KB of RSS; bench/memory_structures.py, 2026-12-05).
The signatures are datasketch's ``MinHash(num_perm=128, seed=1, scheme="affine32")``
values, made here with numpy (tests/test_dedup.py checks them against datasketch), and
the bands are those datasketch's ``MinHashLSH`` picks for the threshold: importing
datasketch brings scipy, 48 MB of the crawler process's memory.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from datetime import datetime, timedelta, timezone
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from .keyset import scratch_sqlite
from .process import Outcome

NUM_PERM = 128
SHINGLE = 5
SEED = 1
# 0.8: one demo article cleaned from its three themes (same text, different chrome)
# scores at least 0.90 (111 pairs, 37 of them equal; tests/test_dedup.py); the ground-truth
# bodies of the 181 article-extraction-benchmark pages score at most 0.16 against each
# other (16,290 pairs) and at least 0.83 against themselves with the last tenth cut
# (0.70 with a fifth cut). Measured 2026-12-04.
NEAR_THRESHOLD = 0.8
# Two pages are candidates when all ROWS values of one of BANDS bands agree: the bands
# datasketch's MinHashLSH chooses for 0.8 and 128 permutations (least weighted false
# positive and negative probability; tests/test_dedup.py checks they still agree).
BANDS, ROWS = 9, 13
WORD = re.compile(r"\w+")
# One batch of shingles makes a BATCH x NUM_PERM matrix of uint32: 5 MB for 10,000.
BATCH = 10_000
# A text's first 100,000 words (a book's length) stand for it, so the signature of a
# page of megabytes costs the one writer process a fraction of a second, not seconds.
MAX_WORDS = 100_000
# The index's SQLite page cache, in KiB (negative: a size, not a page count): bounds
# what the index holds in memory; the rest is read from the file when needed.
CACHE_KIB = 4096
SCHEMA = """
CREATE TABLE kept (id INTEGER PRIMARY KEY, url TEXT NOT NULL, sig BLOB NOT NULL);
CREATE TABLE holders (text_hash TEXT PRIMARY KEY, url TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE bands (key INTEGER NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (key, id)) WITHOUT ROWID;
CREATE TABLE loaded (fetched_at INTEGER, url TEXT, text_hash TEXT, sig BLOB);
"""
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
MICROSECOND = timedelta(microseconds=1)


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The NUM_PERM seeded maps h -> a*h + b (mod 2**32, ``a`` odd, so each is a bijection)."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _mix(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser, applied to each value: spreads the bits before the affine maps."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def shingles(text: str) -> list[bytes]:
    """Return the distinct lower-cased word 5-grams of the text's first MAX_WORDS words (the whole text when shorter).

    >>> shingles("One two three four five six one two three four five")
    [b'one two three four five', b'two three four five six', b'three four five six one', b'four five six one two', b'five six one two three', b'six one two three four']
    """
    words = [m.group().lower() for m in islice(WORD.finditer(text), MAX_WORDS)]
    if len(words) < SHINGLE:
        return [" ".join(words).encode("utf8")]
    # Distinct as text, then encoded: UTF-8 is one-to-one, so the same shingles in the same order.
    grams = map(" ".join, zip(*(words[i:] for i in range(SHINGLE))))
    return [g.encode("utf8") for g in dict.fromkeys(grams)]


def signature(text: str) -> bytes:
    """Return the MinHash of ``text`` as NUM_PERM little-endian uint32 values.

    Each shingle is hashed to the first four bytes of its SHA-1 (little-endian), mixed,
    and mapped by every permutation; a value is the least image of any shingle.
    """
    a, b = _permutations()
    sha1 = hashlib.sha1
    values = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)
    grams = shingles(text)
    with np.errstate(over="ignore"):  # the products wrap around: arithmetic mod 2**32
        for start in range(0, len(grams), BATCH):
            digests = b"".join([sha1(g).digest()[:4] for g in grams[start:start + BATCH]])
            hashed = _mix(np.frombuffer(digests, "<u4").astype(np.uint32))
            values = np.minimum(values, (hashed[:, None] * a + b).min(axis=0))
    return values.astype("<u4").tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Estimate the Jaccard similarity of two texts from their signatures (share of equal values)."""
    return float(np.mean(np.frombuffer(a, "<u4") == np.frombuffer(b, "<u4")))


def band_keys(sig: bytes) -> list[int]:
    """The LSH index's key of each band of a signature: a 64-bit digest of the band's number and values."""
    width = 4 * ROWS
    return [int.from_bytes(hashlib.blake2b(bytes([n]) + sig[n * width:(n + 1) * width], digest_size=8).digest(),
                           "little", signed=True) for n in range(BANDS)]


class Deduper:
    """What a dataset already keeps, by exact text and by MinHash; marks each new kept page.

    The ``pages`` rows already under ``root`` (none without one) are read, oldest first,
    when the first page is marked or added.
    """

    def __init__(self, root: str | Path | None = None, threshold: float = NEAR_THRESHOLD) -> None:
        self.root = Path(root) if root is not None else None
        self.threshold = threshold
        self._db: sqlite3.Connection | None = None

    def _index(self) -> sqlite3.Connection:
        """The index, made (with what the dataset keeps) on first use."""
        if self._db is None:
            db = scratch_sqlite(CACHE_KIB)
            db.executescript(SCHEMA)
            if self.root is not None:
                self._load(db, self.root)
            self._db = db
        return self._db

    def _load(self, db: sqlite3.Connection, root: Path) -> None:
        """Index the kept pages under ``root`` in fetch order (sorted by SQLite, on disk)."""
        with db:
            db.execute("BEGIN")
            db.executemany("INSERT INTO loaded VALUES (?, ?, ?, ?)", _kept_rows(root))
        rows = db.execute("SELECT url, text_hash, sig FROM loaded ORDER BY fetched_at IS NULL, fetched_at, url")
        with db:
            db.execute("BEGIN")
            for url, text_hash, sig in rows:
                self._add(db, url, text_hash, sig)
            db.execute("DELETE FROM loaded")

    def mark(self, outcome: Outcome) -> Outcome:
        """Return ``outcome`` as it must be written: an exact duplicate rejected, a near one pointed at."""
        row = outcome.row
        if outcome.table != "pages" or not row.get("text_hash"):
            return outcome
        found = self._index().execute("SELECT url FROM holders WHERE text_hash = ?", (row["text_hash"],)).fetchone()
        holder = found[0] if found else None
        if holder is not None and holder != row["url"]:
            return Outcome("rejected", {**row, "reject_reason": "duplicate.exact", "duplicate_of": holder})
        sig = signature(row["text"] or "")
        near = self.nearest(row["url"], sig) if holder is None else None
        return Outcome("pages", {**row, "minhash": sig, "near_duplicate_of": near})

    def nearest(self, url: str, sig: bytes) -> str | None:
        """The URL of the most similar kept page of another URL at ``threshold`` or above; the first on ties."""
        keys = band_keys(sig)
        candidates = self._index().execute(
            f"SELECT DISTINCT k.id, k.url, k.sig FROM bands AS b JOIN kept AS k ON k.id = b.id"
            f" WHERE b.key IN ({', '.join('?' * len(keys))})", keys)
        best: tuple[float, int, str] | None = None
        for key, other, other_sig in candidates:
            score = similarity(sig, other_sig)
            if other != url and score >= self.threshold and (best is None or (-score, key) < best[:2]):
                best = (-score, key, other)
        return best[2] if best else None

    def add(self, row: dict[str, Any]) -> None:
        """Remember a row written to ``pages``."""
        db = self._index()
        with db:
            db.execute("BEGIN")
            self._add(db, row["url"], row.get("text_hash"), row.get("minhash"))

    @staticmethod
    def _add(db: sqlite3.Connection, url: str, text_hash: str | None, sig: bytes | None) -> None:
        if text_hash:  # the first page kept with a text holds it
            db.execute("INSERT OR IGNORE INTO holders VALUES (?, ?)", (text_hash, url))
        if sig:
            key = db.execute("INSERT INTO kept (url, sig) VALUES (?, ?)", (url, sig)).lastrowid
            db.executemany("INSERT OR IGNORE INTO bands VALUES (?, ?)", ((band, key) for band in band_keys(sig)))


def _kept_rows(root: Path) -> Iterator[tuple[int | None, str, str | None, bytes | None]]:
    """(fetched_at in microseconds, url, text_hash, minhash) of every ``pages`` row under ``root``, file by file.

    Read a few thousand rows at a time; files written before a column existed lack it (None).
    """
    import pyarrow.parquet as pq

    from .dataset.schema import PARTITION

    wanted = ("fetched_at", "url", "text_hash", "minhash")
    for path in sorted((root / "pages").glob(f"{PARTITION}=*/*.parquet")):
        with pq.ParquetFile(path) as f:
            present = [c for c in wanted if c in f.schema_arrow.names]
            for batch in f.iter_batches(batch_size=4096, columns=present):
                missing = [None] * batch.num_rows
                when, url, text_hash, sig = (batch.column(c).to_pylist() if c in present else missing for c in wanted)
                for i in range(batch.num_rows):
                    yield (None if when[i] is None else (when[i] - EPOCH) // MICROSECOND, url[i], text_hash[i], sig[i])
