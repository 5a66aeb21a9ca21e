"""KeySet and DiskKeySet: sets of 64-bit keys for what a crawl remembers per URL (in a flat array; spilled to disk).

A Python ``set`` of 8- to 20-byte digests costs about 100 bytes a key (the bytes
object, its hash slot, the table's spare room): 10 MB per 100,000 URLs for each
structure that remembers URLs. Here a key is a plain 64-bit integer in an
open-addressing table (``array('Q')``, linear probing, at most 3/4 full), so it costs
8-16 bytes and nothing else: 1.6 MB for 100,000 URLs at worst.

Keys given as bytes (digests: SHA-1 fingerprints, BLAKE2 digests) are read from their
first 8 bytes, which are already uniformly distributed; two digests that agree there
count as one key. That happens with probability n**2 / 2**65: about one in 400,000
for ten million URLs, where it would skip one URL.
"""

from __future__ import annotations

from array import array
from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:
    import sqlite3

# The table doubles when it would be more than 3/4 full: probes stay short (2.5 on
# average for a miss) and the table spends at most 16 bytes a key right after growing.
LOAD = 0.75
EMPTY = 0


def scratch_sqlite(cache_kib: int) -> "sqlite3.Connection":
    """A SQLite database in a private temporary file: SQLite unlinks it once open, so it
    is gone with the connection, even after a kill. No journal, no syncs (nothing in it
    outlives the process), a page cache of ``cache_kib`` KiB, and sorts spilled to files."""
    import sqlite3

    db = sqlite3.connect("", isolation_level=None, check_same_thread=False)
    for pragma in ("journal_mode = OFF", "synchronous = OFF", f"cache_size = -{cache_kib}", "temp_store = FILE"):
        db.execute(f"PRAGMA {pragma}")
    return db


def key_of(key: bytes | int) -> int:
    """The 64-bit key that stands for ``key`` (a digest's first 8 bytes); never 0, which marks an empty slot.

    >>> key_of(b"\\x01" + bytes(19)), key_of(0), key_of(7)
    (1, 1, 7)
    """
    k = int.from_bytes(key[:8], "little") if isinstance(key, (bytes, bytearray, memoryview)) else key & (2**64 - 1)
    return k or 1


class _Keys:
    """What both key sets answer alike: ``in``, ``len`` and ``update``, over ``add`` and
    ``_has`` (a 64-bit key, ``key_of``) of their own."""

    __slots__ = ()

    def __len__(self) -> int:
        return self._count  # type: ignore[attr-defined]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, (bytes, bytearray, memoryview, int)) and self._has(key_of(key))

    def update(self, keys: Iterable[bytes | int]) -> None:
        for key in keys:
            self.add(key)

    def add(self, key: bytes | int) -> bool:
        raise NotImplementedError

    def _has(self, k: int) -> bool:
        raise NotImplementedError


class KeySet(_Keys):
    """A growing set of digests (or 64-bit ints) with ``add``, ``in`` and ``len``, 8-16 bytes a key.

    >>> s = KeySet()
    >>> s.add(b"digest-1"), s.add(b"digest-1"), b"digest-1" in s, b"digest-2" in s, len(s)
    (True, False, True, False, 1)
    >>> s.update(range(1, 1001)); len(s)
    1001
    """

    __slots__ = ("_slots", "_mask", "_count")

    def __init__(self, keys: Iterable[bytes | int] = (), capacity: int = 1024) -> None:
        size = 1
        while size < capacity:
            size *= 2
        self._slots = array("Q", bytes(8 * size))
        self._mask = size - 1
        self._count = 0
        self.update(keys)

    def __iter__(self) -> Iterator[int]:
        """The 64-bit keys held (``key_of`` of what was added), in table order."""
        return (k for k in self._slots if k != EMPTY)

    def _has(self, k: int) -> bool:
        return self._slots[self._slot(k)] == k

    def add(self, key: bytes | int) -> bool:
        """Add ``key``; True if it was not in the set."""
        k = key_of(key)
        i = self._slot(k)
        if self._slots[i] == k:
            return False
        self._slots[i] = k
        self._count += 1
        if self._count > LOAD * (self._mask + 1):
            self._grow()
        return True

    def nbytes(self) -> int:
        """Bytes the table takes."""
        return self._slots.itemsize * len(self._slots)

    def _slot(self, k: int) -> int:
        """The slot holding ``k``, or the empty slot where it would go."""
        slots, mask = self._slots, self._mask
        i = k & mask
        while True:
            found = slots[i]
            if found == k or found == EMPTY:
                return i
            i = (i + 1) & mask

    def _grow(self) -> None:
        old = self._slots
        self._slots = array("Q", bytes(16 * len(old)))
        self._mask = len(self._slots) - 1
        for k in old:
            if k != EMPTY:
                self._slots[self._slot(k)] = k


# Keys a DiskKeySet holds in memory before it moves them to its file: a KeySet of
# 16,384 keys takes 256 KB at most, and one INSERT batch of that size takes a few ms.
BUFFER_KEYS = 16_384
# The file's SQLite page cache, in KiB: the B-tree's inner pages stay in it (100,000
# keys make a file of about 1.5 MB); the leaves come from the OS's file cache.
DISK_CACHE_KIB = 512


class DiskKeySet(_Keys):
    """A set of digests (or 64-bit ints) whose memory stays flat: older keys go to a temporary SQLite file.

    The last BUFFER_KEYS keys added are in a KeySet; then they move, in one transaction,
    to an integer primary key in a private temporary file (SQLite unlinks it once open,
    so it leaves nothing behind, even after a kill), read back through a bounded page
    cache. A KeySet grows by 8-16 bytes a key, in steps as it doubles (two of them moved
    the crawler's RSS by 0.3-0.4 MB per 10,000 pages); this one by nothing in memory and
    about 15 bytes a key on disk. A lookup that misses the buffer costs one indexed
    SELECT (a few microseconds).

    >>> s = DiskKeySet(buffer=2)
    >>> [s.add(k) for k in (b"a-digest", 2, 3, b"a-digest", 3, 4)], len(s), 2 in s, 5 in s
    ([True, True, True, False, False, True], 4, True, False)
    """

    __slots__ = ("_recent", "_buffer", "_count", "_db")

    def __init__(self, keys: Iterable[bytes | int] = (), buffer: int = BUFFER_KEYS) -> None:
        self._buffer = buffer
        self._recent = KeySet()
        self._count = 0
        self._db: "sqlite3.Connection | None" = None
        self.update(keys)

    def _has(self, k: int) -> bool:
        return k in self._recent or self._on_disk(k)

    def add(self, key: bytes | int) -> bool:
        """Add ``key``; True if it was not in the set."""
        k = key_of(key)
        if self._has(k):
            return False
        self._recent.add(k)
        self._count += 1
        if len(self._recent) >= self._buffer:
            self._spill()
        return True

    def close(self) -> None:
        """Drop the file (also done when the set is collected)."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def _on_disk(self, k: int) -> bool:
        return self._db is not None and self._db.execute(
            "SELECT 1 FROM k WHERE id = ?", (k - 2**63,)).fetchone() is not None

    def _spill(self) -> None:
        """Move the buffered keys to the file and empty the buffer."""
        if self._db is None:
            self._db = scratch_sqlite(DISK_CACHE_KIB)
            # SQLite's integers are signed: a key k is stored as k - 2**63.
            self._db.execute("CREATE TABLE k (id INTEGER PRIMARY KEY)")
        with self._db:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT INTO k VALUES (?)", ((k - 2**63,) for k in self._recent))
        self._recent = KeySet()
