"""DatasetWriter: route rows to the dataset's tables as atomically renamed Parquet files.

Lifecycle as Scrapy's item exporters: ``open()``, ``write(table, row)`` any number of
times, ``close()`` (or use it as a context manager). Rows are buffered per table and
partition and flushed as a row group every ``rows_per_group`` rows or
``bytes_per_group`` bytes, so memory stays bounded whatever the crawl's size. Each file
is written as ``.NAME.parquet.tmp`` and renamed to ``NAME.parquet`` when it is complete
(storage.py): no reader ever sees a half-written file, and ``open()`` sweeps what a
killed run left. A write that fails (full disk, file-size limit, permissions) raises
``WriteFailed`` naming the file and the cause; ``abort()`` (also on leaving the ``with``
block by an exception) then deletes the unfinished files, so every file left is whole.
A writer opened on a root that already holds files of its crawl (a resumed crawl)
numbers its files after them, so it never overwrites one.
"""

from __future__ import annotations

import ctypes
import io
import os
import sys
from dataclasses import dataclass, field
from functools import cache
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from .schema import PARTITION, SCHEMAS, STATISTICS, TABLES, TIME_COLUMN
from .storage import discard, failing_writes, open_locked, sweep_temporaries, temporary

COMPRESSION = "zstd"
# Columns whose values are whole pages, each one of a kind: Parquet's dictionary
# encoding only hashes them and gives up (about 0.2 ms a page of the one writer process
# for raw HTML); every other column keeps it.
NO_DICTIONARY = {"raw": frozenset({"body"})}


@cache
def _dictionary(table: str) -> bool | tuple[str, ...]:
    """``use_dictionary`` for a table's files: True (every column), or the Parquet column
    paths (a map's key and value are columns of their own) of all but NO_DICTIONARY's."""
    skip = NO_DICTIONARY.get(table)
    if not skip:
        return True
    empty = io.BytesIO()
    pq.write_table(SCHEMAS[table].empty_table(), empty)
    schema = pq.ParquetFile(io.BytesIO(empty.getvalue())).schema
    paths = (schema.column(i).path for i in range(len(schema)))
    return tuple(p for p in paths if p.split(".")[0] not in skip)


# A file is finished after this many row groups, whatever its rows: the writer holds
# each open file's footer (1-4 KB a row group) until it closes it, and a table flushed
# by bytes (raw HTML of 60 KB pages: a group every 66 rows) would otherwise hold one
# for every 66 pages of the crawl. 256 groups of 4 MB make files of about 1 GB.
GROUPS_PER_FILE = 256
try:  # glibc only; elsewhere trimming is skipped
    _MALLOC_TRIM = ctypes.CDLL("libc.so.6").malloc_trim
except (OSError, AttributeError):
    _MALLOC_TRIM = None


@dataclass(slots=True)
class _OpenFile:
    """One partition file being written: its writer, buffered rows and counts."""

    final: Path
    tmp: Path
    lock: BinaryIO  # held until the rename, so that a sweep leaves the file alone (storage.py)
    writer: pq.ParquetWriter
    rows: list[dict[str, Any]] = field(default_factory=list)
    buffered_bytes: int = 0
    written_rows: int = 0
    groups: int = 0


class DatasetWriter:
    """Write rows of the four tables under ``root`` for one crawl."""

    def __init__(
        self,
        root: str | os.PathLike[str],
        crawl_id: str,
        worker: str = "0",
        rows_per_group: int = 1000,
        bytes_per_group: int = 4 << 20,
        rows_per_file: int = 200_000,
    ) -> None:
        self.root = Path(root)
        self.crawl_id = crawl_id
        self.worker = worker
        self.rows_per_group = rows_per_group
        self.bytes_per_group = bytes_per_group
        self.rows_per_file = rows_per_file
        self.counts: dict[str, int] = {t: 0 for t in TABLES}
        self._open: dict[tuple[str, str], _OpenFile] = {}
        self._seq = 0
        self._closed = True

    def open(self) -> "DatasetWriter":
        """Create the table folders and sweep temporaries no live writer holds."""
        with failing_writes(self.root):
            for table in TABLES:
                (self.root / table).mkdir(parents=True, exist_ok=True)
            sweep_temporaries(self.root)
        self._seq = max(self._seq, last_seq(self.root, self.crawl_id, self.worker))
        self._closed = False
        return self

    def part_of(self, table: str, row: dict[str, Any]) -> str:
        """Return the path, relative to the root, of the file ``row`` would be written to now."""
        day = _day(row.get(TIME_COLUMN[table]))
        f = self._open.get((table, day)) or self._start_file(table, day)
        return f.final.relative_to(self.root).as_posix()

    def commit(self) -> None:
        """Finish every open file and rename it into place; later rows start new files."""
        for (table, day), f in list(self._open.items()):
            self._finish(table, day, f)

    def write(self, table: str, row: dict[str, Any]) -> None:
        """Buffer one row for ``table``; flushes a row group when the buffer is full."""
        if self._closed:
            raise RuntimeError("DatasetWriter.write() before open() or after close()")
        day = _day(row.get(TIME_COLUMN[table]))
        f = self._open.get((table, day)) or self._start_file(table, day)
        f.rows.append(row)
        f.buffered_bytes += _row_bytes(row)
        self.counts[table] += 1
        if len(f.rows) >= self.rows_per_group or f.buffered_bytes >= self.bytes_per_group:
            self._flush(table, day, f)

    def close(self) -> None:
        """Flush every buffer, finish every file and rename it into place."""
        if self._closed:
            return
        for (table, day), f in list(self._open.items()):
            self._finish(table, day, f)
        for table in TABLES:
            if not any((self.root / table).glob(f"{PARTITION}=*/*.parquet")):
                self._write_empty(table)
        self._closed = True

    def abort(self) -> None:
        """Delete every unfinished file, keeping those already renamed into place; the writer is closed."""
        for f in self._open.values():
            discard(f.tmp, f.writer.close, f.lock.close)
        self._open.clear()
        self._closed = True

    def __enter__(self) -> "DatasetWriter":
        return self.open()

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is not None:
            self.abort()
            return
        try:
            self.close()
        except BaseException:
            self.abort()
            raise

    def _start_file(self, table: str, day: str) -> _OpenFile:
        folder = self.root / table / f"{PARTITION}={day}"
        self._seq += 1
        final = folder / f"{self.crawl_id}-{self.worker}-{self._seq:05d}.parquet"
        tmp = temporary(final)
        with failing_writes(final):
            folder.mkdir(parents=True, exist_ok=True)
            lock = open_locked(tmp)
            try:
                writer = pq.ParquetWriter(tmp, SCHEMAS[table], compression=COMPRESSION,
                                          use_dictionary=_dictionary(table), write_statistics=STATISTICS[table])
            except BaseException:
                tmp.unlink(missing_ok=True)
                lock.close()
                raise
        f = _OpenFile(final=final, tmp=tmp, lock=lock, writer=writer)
        self._open[(table, day)] = f
        return f

    def _flush(self, table: str, day: str, f: _OpenFile) -> None:
        with failing_writes(f.final):
            self._write_rows(table, f)
        if f.written_rows >= self.rows_per_file or f.groups >= GROUPS_PER_FILE:
            self._finish(table, day, f)

    def _finish(self, table: str, day: str, f: _OpenFile) -> None:
        with failing_writes(f.final):
            self._write_rows(table, f)
            f.writer.close()
            os.replace(f.tmp, f.final)
        f.lock.close()
        del self._open[(table, day)]

    def _write_rows(self, table: str, f: _OpenFile) -> None:
        """Write the buffered rows as one row group."""
        if not f.rows:
            return
        f.writer.write_table(pa.Table.from_pylist(f.rows, schema=SCHEMAS[table]))
        f.written_rows += len(f.rows)
        f.groups += 1
        f.rows, f.buffered_bytes = [], 0
        # Arrow's allocator keeps freed buffers for reuse; a row group of raw HTML left
        # 30-80 MB resident in a long crawl. Hand them back once the group is written.
        pa.default_memory_pool().release_unused()
        # And glibc keeps freed pages of its arenas (one per thread that allocates: the
        # worker pool's feeders unpickle every outcome) mapped; a row group's rows were
        # the largest thing freed, so give the free pages back now (a few ms).
        if _MALLOC_TRIM is not None:
            _MALLOC_TRIM(0)

    def _write_empty(self, table: str) -> None:
        """Leave one empty file so that a glob over a table with no rows still reads."""
        day = datetime.now(timezone.utc).date().isoformat()
        self._finish(table, day, self._start_file(table, day))


def lean_arrow() -> bool:
    """Keep pyarrow from importing pandas in a process that writes the dataset and never
    reads it back (the crawl command, the offline pool's parent); return whether it did.

    pyarrow probes for pandas on its first conversion from Python values and imports it
    when installed (48 MB resident), although the writer never hands it a pandas object.
    The probe's answer is kept, so it is made here with pandas unimportable. ``import
    pandas`` and ``to_pandas()`` still work afterwards (pyarrow tries again when asked
    for pandas by name). Skipped when pandas is imported already.

    Arrow's own pool (mimalloc) stays: glibc's allocator instead peaked lower in a
    10,000-page crawl but grew 3.1 MB per 10,000 pages over 50,000 against 0.2
    (bench/crawl_memory.py --jobdir, one machine, 2026-12-05).
    """
    if "pandas" in sys.modules:
        return False
    blocker = _NoPandas()
    sys.meta_path.insert(0, blocker)
    try:
        pa.array([0])
    finally:
        sys.meta_path.remove(blocker)
    return "pandas" not in sys.modules


class _NoPandas:
    """A meta path finder under which ``import pandas`` fails."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError(f"{name} is kept out of this process")
        return None


def last_seq(root: Path, crawl_id: str, worker: str) -> int:
    """Return the highest file number ``crawl_id``/``worker`` used under ``root`` (0 if none)."""
    prefix = f"{crawl_id}-{worker}-"
    names = [p.name.lstrip(".") for p in root.glob(f"*/{PARTITION}=*/*{prefix}*.parquet*")]
    seqs = [int(n[len(prefix):len(prefix) + 5]) for n in names
            if n.startswith(prefix) and n[len(prefix):len(prefix) + 5].isdigit()]
    return max(seqs, default=0)


def write_part(path: Path, table: str, rows: list[dict[str, Any]]) -> None:
    """Write ``rows`` as one whole file at ``path``, through a temporary name and a rename."""
    tmp = temporary(path)
    with failing_writes(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open_locked(tmp):
                pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[table]), tmp, compression=COMPRESSION,
                               use_dictionary=_dictionary(table), write_statistics=STATISTICS[table])
                os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


def _day(value: object) -> str:
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return datetime.now(timezone.utc).date().isoformat()


def _row_bytes(row: dict[str, Any]) -> int:
    """Estimate a row's buffered size from its text and binary values."""
    return sum(len(v) for v in row.values() if isinstance(v, (str, bytes)))
